import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { outbox, petitionClocks, petitionEvents } from '../../db/schema';
import { createTestApp, type TestApp } from '../helpers/app';
import { createUser, getPetition, login, register, routeInDb, seedStaff, setPetition } from '../helpers/clock-fixtures';
import { sweeperAt } from '../helpers/sweeper-probes';

let t: TestApp;
let ids: Map<string, string>;
const cookies = new Map<string, string>();
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-26T10:00:00Z' });
  ids = await seedStaff(t);
  await createUser(t, { local: 'dgspl.director', role: 'director', departmentCode: 'DGSPL' }); // misconfigured: a director in an internal department
});
beforeEach(() => {
  t.clock.set('2026-11-26T10:00:00Z');
  cookies.clear();
});
afterAll(() => t.cleanup());

const REASON = 'Este necesară o verificare pe teren împreună cu ADP.';

/** POST /api/petitions/:id/extend as `who` (a demo login, or null for no session). */
async function extend(petitionId: string, who: string | null, body: unknown = { reason: REASON }) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (who) {
    if (!cookies.has(who)) cookies.set(who, await login(t, who));
    headers.cookie = cookies.get(who)!;
  }
  return t.app.request(`/api/petitions/${petitionId}/extend`, { method: 'POST', headers, body: JSON.stringify(body) });
}

/** Registered Thu 26 Nov 2026 (due Mon 28 Dec), in the queue of `departmentCode`. */
async function routed(departmentCode: 'DGSPL' | 'ADPDU', overrides: Record<string, unknown> = {}) {
  const p = await register(t, { categoryCode: departmentCode === 'DGSPL' ? 'salubrizare' : 'strazi-trotuare', ...overrides });
  await routeInDb(t, p.id, { departmentCode, internalDueOn: '2026-12-18', status: 'in_progress' });
  return p;
}

describe('POST /api/petitions/:id/extend (OG 27/2002 art. 9)', () => {
  test('the mayor’s delegate extends a petition of an internal department to 45 days, tells the petitioner and moves the legal clock', async () => {
    const p = await routed('DGSPL');
    const res = await extend(p.id, 'delegat');
    expect(res.status).toBe(200);
    // 26 Nov + 45 = Sun 10 Jan 2027 → Mon 11 Jan.
    expect((await res.json()).petition).toMatchObject({ id: p.id, legalDueOn: '2027-01-11', previousLegalDueOn: '2026-12-28', extendedAt: '2026-11-26T10:00:00.000Z' });
    expect(await getPetition(t, p.id)).toMatchObject({ legalDueOn: '2027-01-11', internalDueOn: '2026-12-18' });

    const [event] = await t.db.select().from(petitionEvents).where(and(eq(petitionEvents.petitionId, p.id), eq(petitionEvents.type, 'deadline.extended')));
    expect(event).toMatchObject({ public: true, actorKind: 'staff', actorUserId: ids.get('delegat'), data: { before: '2026-12-28', after: '2027-01-11', reason: REASON } });
    const tracked = await (await t.app.request(`/api/track/${p.registrationNumber}?code=${p.trackingCode}`)).json();
    expect(tracked.dueOn).toBe('2027-01-11');
    expect(tracked.events.map((e: { text: { ro: string } }) => e.text.ro)).toContain('Termenul de răspuns a fost prelungit până la 11 ianuarie 2027 (OG 27/2002, art. 9).');

    const notices = await t.db.select().from(outbox).where(and(eq(outbox.petitionId, p.id), eq(outbox.template, 'petition.extended')));
    expect(notices.map((n) => [n.channel, n.recipient]).sort()).toEqual([['email', 'ioana@example.ro'], ['sms', '+40722123456']]);
    const email = notices.find((n) => n.channel === 'email')!;
    for (const part of [p.registrationNumber, '11 ianuarie 2027', REASON, `https://petitii.test/urmarire/${p.registrationNumber}`]) expect(email.body).toContain(part);
    expect(email.body).not.toContain(p.trackingCode);

    const pending = await t.db.select().from(petitionClocks).where(and(eq(petitionClocks.petitionId, p.id), eq(petitionClocks.clock, 'legal'), isNull(petitionClocks.firedAt)));
    expect(pending.map((r) => [r.stage, r.dueOn]).sort()).toEqual([['at_risk', '2027-01-11'], ['breached', '2027-01-11']]);
    expect(t.events.recorded).toContainEqual({ name: 'petition.changed', payload: expect.objectContaining({ petitionId: p.id, change: 'extended' }) });
  });

  test('the director of a subordinate service extends a petition of that service (OG 27/2002 art. 13)', async () => {
    const p = await routed('ADPDU');
    const res = await extend(p.id, 'adpdu.director');
    expect(res.status).toBe(200);
    expect((await res.json()).petition.legalDueOn).toBe('2027-01-11');
  });

  test('a petition still at the registry is extended by the mayor’s delegate, the city hall holding it', async () => {
    const p = await register(t); // registered, not routed
    expect((await extend(p.id, 'delegat')).status).toBe(200);
  });

  test.each([
    ['a head', 'dgspl.sef'],
    ['an officer', 'dgspl.inspector'],
    ['the registry', 'registratura'],
    ['the administrator', 'admin'],
    ['a call-center agent', 'agent'],
    ['a director placed in an internal department', 'dgspl.director'],
  ])('%s may not extend a petition of an internal department: 403', async (_label, who) => {
    const p = await routed('DGSPL');
    const res = await extend(p.id, who);
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('auth.forbidden');
    expect((await getPetition(t, p.id)).extendedAt).toBeNull();
  });

  test('the delegate is not the signing authority of a subordinate service: 403', async () => {
    const p = await routed('ADPDU');
    expect((await extend(p.id, 'delegat')).status).toBe(403);
  });

  test('without a session: 401', async () => {
    const p = await routed('DGSPL');
    const res = await extend(p.id, null);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('auth.required');
  });

  test('another service’s director, an unknown id and a malformed id all answer 404', async () => {
    const p = await routed('ADPDU');
    expect((await extend(p.id, 'dgpl.director')).status).toBe(404);
    expect((await extend('00000000-0000-4000-8000-000000000000', 'delegat')).status).toBe(404);
    const res = await extend('not-a-uuid', 'delegat');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('petitions.not_found');
  });

  test('the conduct rule: a complaint about the delegate is invisible to them (404)', async () => {
    const p = await routed('DGSPL');
    await setPetition(t, p.id, { concernsUserId: ids.get('delegat')! });
    expect((await extend(p.id, 'delegat')).status).toBe(404);
  });

  test('art. 9 allows one extension: the second answers 409', async () => {
    const p = await routed('DGSPL');
    expect((await extend(p.id, 'delegat')).status).toBe(200);
    const again = await extend(p.id, 'delegat');
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('petitions.conflict');
    expect((await getPetition(t, p.id)).legalDueOn).toBe('2027-01-11');
  });

  test('until the day before the due date, Bucharest time: 23:30 on the eve is in time, 00:30 on the due date is too late', async () => {
    const early = await routed('DGSPL');
    const late = await routed('DGSPL');
    t.clock.set('2026-12-27T21:30:00Z'); // 23:30 in Bucharest, Sunday 27 Dec
    expect((await extend(early.id, 'delegat')).status).toBe(200);
    t.clock.set('2026-12-27T22:30:00Z'); // 00:30 in Bucharest, Monday 28 Dec: the due date itself
    const res = await extend(late.id, 'delegat');
    expect(res.status).toBe(409);
    expect((await getPetition(t, late.id)).legalDueOn).toBe('2026-12-28');
  });

  test('an information request (Legea 544/2001) and an answered petition cannot be extended: 409', async () => {
    const info = await register(t, { type: 'cerere', categoryCode: 'informatii-publice' });
    expect((await extend(info.id, 'delegat')).status).toBe(409);
    const answered = await routed('DGSPL');
    await setPetition(t, answered.id, { status: 'answered' });
    expect((await extend(answered.id, 'delegat')).status).toBe(409);
  });

  test('extensions racing the clock sweeper neither deadlock nor lose the new legal clock', async () => {
    const batch: Array<Awaited<ReturnType<typeof routed>>> = [];
    for (let i = 0; i < 6; i++) batch.push(await routed('DGSPL'));
    t.clock.set('2026-12-22T10:00:00Z'); // the legal warnings for 28 Dec are due; extending is still allowed
    const { s } = sweeperAt(t, '2026-12-22T10:00:00Z', 1);
    const drain = async () => {
      while ((await s.runOnce()) > 0);
    };
    const [, ...answers] = await Promise.all([drain(), ...batch.map((p) => extend(p.id, 'delegat'))]);
    expect(answers.map((r) => r.status)).toEqual(batch.map(() => 200));
    for (const p of batch) {
      const pending = await t.db.select().from(petitionClocks).where(and(eq(petitionClocks.petitionId, p.id), eq(petitionClocks.clock, 'legal'), isNull(petitionClocks.firedAt)));
      expect(pending.map((r) => [r.stage, r.dueOn]).sort()).toEqual([['at_risk', '2027-01-11'], ['breached', '2027-01-11']]);
    }
  });

  test('a missing or too short reason answers 400 naming the field', async () => {
    const p = await routed('DGSPL');
    for (const body of [{}, { reason: ' x ' }, { reason: 'x'.repeat(2001) }]) {
      const res = await extend(p.id, 'delegat', body);
      expect(res.status).toBe(400);
      expect((await res.json()).error.details.fields.map((f: { path: string }) => f.path)).toEqual(['reason']);
    }
    expect((await getPetition(t, p.id)).extendedAt).toBeNull();
  });
});
