import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { personalDataReads, petitionClocks, users } from '../../db/schema';
import { demoEmail } from '../../db/seed/demo-users';
import { createTestApp, type TestApp } from '../helpers/app';
import { as, newPetition, seedStaff, signIn } from '../helpers/staff';

let t: TestApp;
type Session = Awaited<ReturnType<typeof signIn>>;
let registry: Session, head: Session, officer: Session, director: Session, delegate: Session, dgplHead: Session;
const idOf = async (local: string) => (await t.db.select({ id: users.id }).from(users).where(eq(users.email, demoEmail(local))))[0]!.id;

beforeAll(async () => {
  t = await createTestApp();
  await seedStaff(t);
});
beforeEach(async () => {
  registry = await signIn(t, 'registratura');
  head = await signIn(t, 'adpdu.sef');
  officer = await signIn(t, 'adpdu.inspector');
  director = await signIn(t, 'adpdu.director');
  delegate = await signIn(t, 'delegat');
  dgplHead = await signIn(t, 'dgpl.sef');
});
afterAll(() => t.cleanup());

const detail = async (id: string, who: Session) => (await as(t, who).get(`/api/petitions/${id}`)).json();

async function routed(overrides: Record<string, unknown> = {}, route: Record<string, unknown> = { departmentCode: 'ADPDU' }) {
  const p = await newPetition(t, registry, overrides);
  const res = await as(t, registry).post(`/api/petitions/${p.id}/route`, route);
  if (res.status !== 204) throw new Error(`route: ${res.status} ${await res.text()}`);
  return p;
}

describe('returning a misrouted petition', () => {
  test('the head returns a misrouted petition to the registry with a reason; it leaves the department queue', async () => {
    const p = await routed();
    const res = await as(t, head).post(`/api/petitions/${p.id}/return`, { reason: 'Strada este administrată de ASB, nu de ADPDU.' });
    expect(res.status).toBe(204);
    const d = await detail(p.id, registry);
    expect(d.status).toBe('registered');
    expect(d.timeline.at(-1)).toMatchObject({ type: 'returned', public: false });
    expect((await as(t, head).get(`/api/petitions/${p.id}`)).status).toBe(404);
  });

  test('returning without a reason is a 400; returning an assigned petition is a 409; another department’s head gets a 404', async () => {
    const p = await routed();
    expect((await as(t, head).post(`/api/petitions/${p.id}/return`, {})).status).toBe(400);
    expect((await as(t, dgplHead).post(`/api/petitions/${p.id}/return`, { reason: 'nu e al nostru' })).status).toBe(404);
    await as(t, head).post(`/api/petitions/${p.id}/assign`, {});
    expect((await as(t, head).post(`/api/petitions/${p.id}/return`, { reason: 'prea târziu' })).status).toBe(409);
  });
});

describe('assignment (OG 27/2002 art. 11)', () => {
  test('the head assigns a named officer; the petition becomes in progress and the officer is told', async () => {
    const p = await routed();
    const res = await as(t, head).post(`/api/petitions/${p.id}/assign`, { userId: officer.user.id });
    expect(res.status).toBe(204);
    const d = await detail(p.id, officer);
    expect(d).toMatchObject({ status: 'in_progress', assignee: { id: officer.user.id } });
    const mine = await (await as(t, officer).get('/api/petitions?queue=mine')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(p.id);
    expect(t.events.recorded.some((e) => e.name === 'staff.notice' && (e.payload as { userId: string }).userId === officer.user.id)).toBe(true);
  });

  test('asking for the least-loaded officer picks the active officer with the fewest open petitions', async () => {
    const [second] = await t.db.insert(users).values({ email: 'adpdu.inspector2@demo.primarie6.ro', name: 'Zoe Liberă', role: 'officer', departmentId: (await t.db.select({ d: users.departmentId }).from(users).where(eq(users.id, officer.user.id)))[0]!.d, managerId: head.user.id }).returning();
    const p = await routed();
    await as(t, head).post(`/api/petitions/${p.id}/assign`, {});
    expect((await detail(p.id, head)).assignee.id).toBe(second!.id);
    await t.db.update(users).set({ active: false }).where(eq(users.id, second!.id));
  });

  test('an officer of another department cannot be assigned (400), and an officer may not assign (403)', async () => {
    const p = await routed();
    const dgplOfficer = await idOf('dgpl.inspector');
    expect((await as(t, head).post(`/api/petitions/${p.id}/assign`, { userId: dgplOfficer })).status).toBe(400);
    expect((await as(t, officer).post(`/api/petitions/${p.id}/assign`, {})).status).toBe(403);
    expect((await as(t, head).post(`/api/petitions/${p.id}/assign`, { userId: 'not-a-uuid' })).status).toBe(400);
  });
});

describe('the conduct rule (DOMAIN.md)', () => {
  const conduct = { categoryCode: 'conduita-personal', type: 'reclamatie', subject: 'Comportament nepoliticos la ghișeu', body: 'Inspectorul m-a tratat cu dispreț la ghișeul din strada Valea Oltului.' };

  test('a complaint about an officer is hidden from that officer, and the head handles it', async () => {
    const p = await routed(conduct, { departmentCode: 'ADPDU', concernsUserId: officer.user.id });
    expect((await as(t, officer).get(`/api/petitions/${p.id}`)).status).toBe(404);
    const list = await (await as(t, officer).get('/api/petitions?queue=department')).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(p.id);
    expect((await as(t, head).post(`/api/petitions/${p.id}/assign`, { userId: officer.user.id })).status).toBe(400);
    expect((await as(t, head).post(`/api/petitions/${p.id}/assign`, { userId: head.user.id })).status).toBe(204);
  });

  test('a complaint about a head is hidden from the head and the officers under them; the signing authority assigns it', async () => {
    const p = await routed(conduct, { departmentCode: 'ADPDU', concernsUserId: head.user.id });
    expect((await as(t, head).get(`/api/petitions/${p.id}`)).status).toBe(404);
    expect((await as(t, officer).get(`/api/petitions/${p.id}`)).status).toBe(404);
    const d = await detail(p.id, director);
    expect(d.actions).toContain('assign');
    expect((await as(t, director).post(`/api/petitions/${p.id}/assign`, { userId: director.user.id })).status).toBe(204);
  });

  test('a complaint about a signing authority is hidden from them; the delegate handles it', async () => {
    const p = await routed(conduct, { departmentCode: 'ADPDU', concernsUserId: director.user.id });
    expect((await as(t, director).get(`/api/petitions/${p.id}`)).status).toBe(404);
    expect((await as(t, head).get(`/api/petitions/${p.id}`)).status).toBe(404);
    expect((await detail(p.id, delegate)).actions).toContain('assign');
  });

  test('a conduct complaint cannot be routed without naming the person concerned', async () => {
    const p = await newPetition(t, registry, conduct);
    const res = await as(t, registry).post(`/api/petitions/${p.id}/route`, { departmentCode: 'ADPDU' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details.fields[0].path).toBe('concernsUserId');
  });
});

describe('contributions', () => {
  test('asking another department pauses only the internal clock; the answer resumes it; the legal clock never stops', async () => {
    const p = await routed();
    await as(t, head).post(`/api/petitions/${p.id}/assign`, { userId: officer.user.id });
    const before = await detail(p.id, officer);
    const res = await as(t, officer).post(`/api/petitions/${p.id}/contributions`, { departmentCode: 'DGPL', question: 'Ați constatat parcări ilegale în zonă?', dueOn: '2026-12-10' });
    expect(res.status).toBe(204);
    const paused = await detail(p.id, officer);
    expect(paused.internalPausedAt).not.toBeNull();
    expect(paused.clock).toBe('paused');
    expect(paused.legalDueOn).toBe(before.legalDueOn);
    const clocks = (await t.db.select().from(petitionClocks).where(eq(petitionClocks.petitionId, p.id))).filter((c) => !c.firedAt);
    expect(clocks.map((c) => c.clock).sort()).toEqual(['legal', 'legal']);

    // The asked department sees the petition and answers; two working days later.
    t.clock.advance(2 * 86_400_000);
    const dgpl = await signIn(t, 'dgpl.sef');
    const seen = await detail(p.id, dgpl);
    const contribution = seen.contributions[0];
    expect((await as(t, dgpl).post(`/api/petitions/${p.id}/contributions/${contribution.id}/answer`, { answer: 'Da, am aplicat 3 amenzi.' })).status).toBe(204);
    const resumed = await detail(p.id, await signIn(t, 'adpdu.inspector'));
    expect(resumed.internalPausedAt).toBeNull();
    // Internal due 18 Dec 2026 + 2 working days waited (Thu 26 → Sat 28 Nov: Fri 27 is one… plus Mon) → later than before.
    expect(resumed.internalDueOn > before.internalDueOn).toBe(true);
    expect(resumed.legalDueOn).toBe(before.legalDueOn);
  });

  test('asking your own department is a 400; asking on a routed (unassigned) petition is a 409; answering twice is a 409', async () => {
    const p = await routed();
    expect((await as(t, head).post(`/api/petitions/${p.id}/contributions`, { departmentCode: 'DGPL', question: 'Ceva?', dueOn: '2026-12-10' })).status).toBe(409);
    await as(t, head).post(`/api/petitions/${p.id}/assign`, { userId: officer.user.id });
    expect((await as(t, officer).post(`/api/petitions/${p.id}/contributions`, { departmentCode: 'ADPDU', question: 'Ceva?', dueOn: '2026-12-10' })).status).toBe(400);
    await as(t, officer).post(`/api/petitions/${p.id}/contributions`, { departmentCode: 'DGPL', question: 'Ceva?', dueOn: '2026-12-10' });
    const c = (await detail(p.id, dgplHead)).contributions[0];
    expect((await as(t, dgplHead).post(`/api/petitions/${p.id}/contributions/${c.id}/answer`, { answer: 'Da.' })).status).toBe(204);
    expect((await as(t, dgplHead).post(`/api/petitions/${p.id}/contributions/${c.id}/answer`, { answer: 'Din nou.' })).status).toBe(409);
  });
});

describe('notes and personal data', () => {
  test('anyone who sees the petition adds an internal note, never shown to the citizen', async () => {
    const p = await routed();
    expect((await as(t, officer).post(`/api/petitions/${p.id}/notes`, { text: 'Am sunat petentul.' })).status).toBe(204);
    const tracked = await (await t.app.request(`/api/track/${p.registrationNumber}?code=${p.trackingCode}`)).json();
    expect(JSON.stringify(tracked)).not.toContain('Am sunat');
    expect((await as(t, officer).post(`/api/petitions/${p.id}/notes`, { text: '' })).status).toBe(400);
  });

  test('GDPR: the petition page carries no personal data, and each read of the petitioner’s data is logged', async () => {
    const p = await routed();
    const page = JSON.stringify(await detail(p.id, head));
    for (const personal of ['Ioana', 'Ștefănescu', 'ioana@example.ro', '+40722123456']) expect(page).not.toContain(personal);
    const res = await as(t, head).get(`/api/petitions/${p.id}/petitioner`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ firstName: 'Ioana', lastName: 'Ștefănescu', email: 'ioana@example.ro', phone: '+40722123456' });
    const reads = await t.db.select().from(personalDataReads).where(eq(personalDataReads.petitionId, p.id));
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ userId: head.user.id, source: 'petitioner' });
    expect((await as(t, dgplHead).get(`/api/petitions/${p.id}/petitioner`)).status).toBe(404);
  });
});

describe('the contributions queue', () => {
  test('a department asked for a contribution finds the petition in its contributions queue, but not the petitioner’s data', async () => {
    const p = await routed();
    await as(t, head).post(`/api/petitions/${p.id}/assign`, { userId: officer.user.id });
    await as(t, officer).post(`/api/petitions/${p.id}/contributions`, { departmentCode: 'DGPL', question: 'Aveți constatări în zonă?', dueOn: '2026-12-10' });
    const queue = await (await as(t, dgplHead).get('/api/petitions?queue=contributions')).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(p.id);
    expect((await detail(p.id, dgplHead)).actions).not.toContain('petitioner');
    expect((await as(t, dgplHead).get(`/api/petitions/${p.id}/petitioner`)).status).toBe(403);
    expect((await as(t, registry).get('/api/petitions?queue=contributions')).status).toBe(403);
  });
});
