import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { outbox, petitionClocks, petitions } from '../../db/schema';
import { createTestApp, petitionInput, type TestApp } from '../helpers/app';
import { as, newPetition, seedStaff, signIn } from '../helpers/staff';

let t: TestApp;
let registry: Awaited<ReturnType<typeof signIn>>;
let head: Awaited<ReturnType<typeof signIn>>;
beforeAll(async () => {
  t = await createTestApp();
  await seedStaff(t);
  registry = await signIn(t, 'registratura');
  head = await signIn(t, 'adpdu.sef');
});
// Some tests move the clock by days: sessions (12 hours) are renewed before each.
beforeEach(async () => {
  registry = await signIn(t, 'registratura');
  head = await signIn(t, 'adpdu.sef');
});
afterAll(() => t.cleanup());

const detail = async (id: string, who = registry) => (await as(t, who).get(`/api/petitions/${id}`)).json();

describe('routing (OG 27/2002 art. 6(2))', () => {
  test('the registry routes a new petition to the department with an internal due date 5 working days before the legal one', async () => {
    const p = await newPetition(t, registry);
    const res = await as(t, registry).post(`/api/petitions/${p.id}/route`, { departmentCode: 'ADPDU' });
    expect(res.status).toBe(204);
    const d = await detail(p.id);
    // Legal due Mon 28 Dec 2026; five working days before: 21 Dec (Mon) — 25/26 Dec are holidays.
    expect(d).toMatchObject({ status: 'routed', department: { code: 'ADPDU' }, legalDueOn: '2026-12-28', internalDueOn: '2026-12-18' });
    expect(d.timeline.map((e: { type: string }) => e.type)).toEqual(['registered', 'routed']);
    const clocks = await t.db.select().from(petitionClocks).where(eq(petitionClocks.petitionId, p.id));
    expect(clocks.map((c) => `${c.clock}:${c.stage}`).sort()).toEqual(['internal:at_risk', 'internal:breached', 'legal:at_risk', 'legal:breached']);
  });

  test('the department sees a routed petition only once routed, and the tracking page shows the department', async () => {
    const p = await newPetition(t, registry);
    expect((await as(t, head).get(`/api/petitions/${p.id}`)).status).toBe(404);
    await as(t, registry).post(`/api/petitions/${p.id}/route`, { departmentCode: 'ADPDU' });
    expect((await as(t, head).get(`/api/petitions/${p.id}`)).status).toBe(200);
    const tracked = await (await t.app.request(`/api/track/${p.registrationNumber}?code=${p.trackingCode}`)).json();
    expect(tracked).toMatchObject({ status: 'routed', handler: { code: 'ADPDU' } });
  });

  test('routing twice is a 409: the petition is no longer registered', async () => {
    const p = await newPetition(t, registry);
    await as(t, registry).post(`/api/petitions/${p.id}/route`, { departmentCode: 'ADPDU' });
    const res = await as(t, registry).post(`/api/petitions/${p.id}/route`, { departmentCode: 'DGPL' });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('petitions.conflict');
  });

  test.each([
    ['an unknown department', { departmentCode: 'NOPE' }, 'departmentCode'],
    ['an internal due date after the legal one', { departmentCode: 'ADPDU', internalDueOn: '2027-01-30' }, 'internalDueOn'],
    ['an internal due date in the past', { departmentCode: 'ADPDU', internalDueOn: '2026-11-01' }, 'internalDueOn'],
    ['a malformed date', { departmentCode: 'ADPDU', internalDueOn: '18.12.2026' }, 'internalDueOn'],
  ])('routing with %s is a 400 naming the field', async (_l, body, field) => {
    const p = await newPetition(t, registry);
    const res = await as(t, registry).post(`/api/petitions/${p.id}/route`, body);
    expect(res.status).toBe(400);
    expect((await res.json()).error.details.fields.map((f: { path: string }) => f.path)).toContain(field);
  });

  test('a head may not route (403), and without a session the answer is 401', async () => {
    const p = await newPetition(t, registry);
    expect((await as(t, head).post(`/api/petitions/${p.id}/route`, { departmentCode: 'ADPDU' })).status).toBe(403);
    expect((await t.json(`/api/petitions/${p.id}/route`, { departmentCode: 'ADPDU' })).status).toBe(401);
  });

  test('an unknown or malformed id is a 404', async () => {
    expect((await as(t, registry).post('/api/petitions/00000000-0000-0000-0000-000000000000/route', { departmentCode: 'ADPDU' })).status).toBe(404);
    expect((await as(t, registry).post('/api/petitions/not-an-id/route', { departmentCode: 'ADPDU' })).status).toBe(404);
  });
});

describe('forwarding (OG 27/2002 art. 6^1)', () => {
  test('a petition for another institution is forwarded within 5 days: status forwarded, the citizen told, clocks stopped', async () => {
    const p = await newPetition(t, registry, { categoryCode: 'caini-fara-stapan' });
    const before = await detail(p.id);
    expect(before.forwardDueOn).toBe('2026-12-02');
    const res = await as(t, registry).post(`/api/petitions/${p.id}/forward`, { institutionCode: 'ASPA', note: 'Adresa nr. 123/2026 către ASPA' });
    expect(res.status).toBe(204);
    const d = await detail(p.id);
    expect(d).toMatchObject({ status: 'forwarded', institution: { code: 'ASPA' } });
    const notices = await t.db.select().from(outbox).where(eq(outbox.petitionId, p.id));
    expect(notices.filter((n) => n.template === 'petition.forwarded').map((n) => n.channel).sort()).toEqual(['email', 'sms']);
    const open = (await t.db.select().from(petitionClocks).where(eq(petitionClocks.petitionId, p.id))).filter((c) => !c.firedAt);
    expect(open).toEqual([]);
    const tracked = await (await t.app.request(`/api/track/${p.registrationNumber}?code=${p.trackingCode}`)).json();
    expect(tracked.handler).toMatchObject({ code: 'ASPA' });
    expect(tracked.events.at(-1).text.ro).toContain('art. 6^1');
  });

  test('forwarding to an unknown institution is a 400; forwarding an already routed petition is a 409', async () => {
    const p = await newPetition(t, registry);
    expect((await as(t, registry).post(`/api/petitions/${p.id}/forward`, { institutionCode: 'XYZ', note: 'adresa' })).status).toBe(400);
    await as(t, registry).post(`/api/petitions/${p.id}/route`, { departmentCode: 'ADPDU' });
    expect((await as(t, registry).post(`/api/petitions/${p.id}/forward`, { institutionCode: 'ASPA', note: 'adresa' })).status).toBe(409);
  });
});

describe('the decision queue and filing (OG 27/2002 art. 7 and 10)', () => {
  test('an unidentified petition waits in the decision queue, not in the registry queue, and can be filed as anonymous without a notice', async () => {
    const p = await newPetition(t, registry, { petitioner: { kind: 'person', firstName: 'X', email: 'anon-decision@example.ro' } });
    const decisions = await (await as(t, registry).get('/api/petitions?queue=decisions')).json();
    const queue = await (await as(t, registry).get('/api/petitions?queue=registry')).json();
    expect(decisions.items.map((i: { id: string }) => i.id)).toContain(p.id);
    expect(queue.items.map((i: { id: string }) => i.id)).not.toContain(p.id);
    expect((await as(t, registry).post(`/api/petitions/${p.id}/file`, { reason: 'anonymous', note: 'fără nume complet' })).status).toBe(204);
    expect((await detail(p.id)).status).toBe('filed');
    const notices = await t.db.select().from(outbox).where(eq(outbox.petitionId, p.id));
    expect(notices.filter((n) => n.template === 'petition.filed')).toEqual([]);
  });

  test('a repeat of an answered petition is shown to the registry and filed with a mention on the earlier number', async () => {
    const person = { kind: 'person', firstName: 'Dan', lastName: 'Repetatu', email: 'dan.repetatu@example.ro' };
    const earlier = await newPetition(t, registry, { petitioner: person, subject: 'Groapă pe strada Valea Cascadelor nr. 12', body: 'Groapa de pe strada Valea Cascadelor nr. 12 nu a fost reparată de luni de zile.' });
    await t.db.update(petitions).set({ status: 'answered' }).where(eq(petitions.id, earlier.id));
    t.clock.advance(86_400_000);
    registry = await signIn(t, 'registratura');
    const repeat = await newPetition(t, registry, { petitioner: person, subject: 'Groapă pe strada Valea Cascadelor 12', body: 'Groapa de pe strada Valea Cascadelor nr. 12 tot nu a fost reparată.' });
    const d = await detail(repeat.id);
    expect(d.repeatCandidates.map((c: { registrationNumber: string }) => c.registrationNumber)).toContain(earlier.registrationNumber);
    const res = await as(t, registry).post(`/api/petitions/${repeat.id}/file`, { reason: 'repeated', note: '', relatedRegistrationNumber: earlier.registrationNumber });
    expect(res.status).toBe(204);
    const e = await detail(earlier.id);
    expect(e.timeline.at(-1)).toMatchObject({ type: 'repeat_filed', public: true });
    const notices = await t.db.select().from(outbox).where(eq(outbox.petitionId, repeat.id));
    expect(notices.find((n) => n.template === 'petition.filed' && n.channel === 'email')!.body).toContain(earlier.registrationNumber);
  });

  test('filing as repeated without the earlier number is a 400', async () => {
    const p = await newPetition(t, registry);
    expect((await as(t, registry).post(`/api/petitions/${p.id}/file`, { reason: 'repeated', note: '' })).status).toBe(400);
    expect((await as(t, registry).post(`/api/petitions/${p.id}/file`, { reason: 'forgotten' })).status).toBe(400);
  });
});

describe('joining (OG 27/2002 art. 10)', () => {
  test('a later petition of the same petitioner is joined into the earlier open one; the group keeps the earliest due date', async () => {
    const person = { kind: 'person', firstName: 'Maria', lastName: 'Conexescu', email: 'maria.c@example.ro' };
    const first = await newPetition(t, registry, { petitioner: person });
    t.clock.advance(3 * 86_400_000);
    registry = await signIn(t, 'registratura');
    const second = await newPetition(t, registry, { petitioner: person });
    const res = await as(t, registry).post(`/api/petitions/${second.id}/join`, { intoRegistrationNumber: first.registrationNumber });
    expect(res.status).toBe(204);
    expect((await detail(second.id)).status).toBe('joined');
    const f = await detail(first.id);
    expect(f.timeline.at(-1)).toMatchObject({ type: 'joined_in' });
    const tracked = await (await t.app.request(`/api/track/${second.registrationNumber}?code=${second.trackingCode}`)).json();
    expect(tracked.status).toBe('joined');
    expect(tracked.events.at(-1).text.ro).toContain(first.registrationNumber);
  });

  test('joining petitions of different petitioners is a 409', async () => {
    const a = await newPetition(t, registry, { petitioner: { kind: 'person', firstName: 'A', lastName: 'Unu', email: 'unu@example.ro' } });
    const b = await newPetition(t, registry, { petitioner: { kind: 'person', firstName: 'B', lastName: 'Doi', email: 'doi@example.ro' } });
    const res = await as(t, registry).post(`/api/petitions/${b.id}/join`, { intoRegistrationNumber: a.registrationNumber });
    expect(res.status).toBe(409);
  });

  test('joining into an unknown number is a 400', async () => {
    const a = await newPetition(t, registry);
    expect((await as(t, registry).post(`/api/petitions/${a.id}/join`, { intoRegistrationNumber: 'P-2026-999999' })).status).toBe(400);
  });
});

describe('staff intake', () => {
  test('the registry registers a post petition with its session; an officer may not register petitions', async () => {
    const res = await t.app.request('/api/petitions', { method: 'POST', headers: registry.headers, body: JSON.stringify({ ...petitionInput(), channel: 'post' }) });
    expect(res.status).toBe(201);
    const body = await res.json();
    const [row] = await t.db.select({ channel: petitions.channel, createdBy: petitions.createdByUserId }).from(petitions).where(eq(petitions.registrationNumber, body.registrationNumber));
    expect(row).toEqual({ channel: 'post', createdBy: registry.user.id });
    const officer = await signIn(t, 'adpdu.inspector');
    expect((await t.app.request('/api/petitions', { method: 'POST', headers: officer.headers, body: JSON.stringify(petitionInput()) })).status).toBe(403);
    expect((await t.app.request('/api/petitions', { method: 'POST', headers: registry.headers, body: JSON.stringify({ ...petitionInput(), channel: 'phone' }) })).status).toBe(400);
  });

  test('a call-center agent registers a phone petition', async () => {
    const agent = await signIn(t, 'agent');
    const res = await t.app.request('/api/petitions', { method: 'POST', headers: agent.headers, body: JSON.stringify(petitionInput()) });
    expect(res.status).toBe(201);
    const body = await res.json();
    const [row] = await t.db.select({ channel: petitions.channel }).from(petitions).where(eq(petitions.registrationNumber, body.registrationNumber));
    expect(row!.channel).toBe('phone');
  });
});
