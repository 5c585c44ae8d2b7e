import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { petitionClocks, petitionEvents } from '../../db/schema';
import { createTestApp, type TestApp } from '../helpers/app';
import { getPetition, login, register, routeInDb, seedStaff, setPetition } from '../helpers/clock-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-26T10:00:00Z' });
  await seedStaff(t);
});
afterAll(() => t.cleanup());

// Each test works in its own month, so the closed days one adds never touch another's petitions.
async function as(who: string | null) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (who) headers.cookie = await login(t, who);
  return {
    list: (query = '') => t.app.request(`/api/admin/closed-days${query}`, { headers }),
    add: (body: unknown) => t.app.request('/api/admin/closed-days', { method: 'POST', headers, body: JSON.stringify(body) }),
    remove: (date: string) => t.app.request(`/api/admin/closed-days/${date}`, { method: 'DELETE', headers }),
  };
}

async function recomputedEvents(petitionId: string) {
  const rows = await t.db.select().from(petitionEvents).where(and(eq(petitionEvents.petitionId, petitionId), eq(petitionEvents.type, 'due_dates.recomputed')));
  return rows.map((e) => ({ public: e.public, textRo: e.textRo, ...(e.data as { clock: string; before: string; after: string }) }));
}

describe('the administrator’s closed days', () => {
  test('adding a closed day moves an open petition’s legal due date to the next working day, with a public event and a new clock', async () => {
    t.clock.set('2026-11-26T10:00:00Z');
    const p = await register(t); // due Mon 28 Dec
    const res = await (await as('admin')).add({ date: '2026-12-28', name: 'Zi liberă (punte)' });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.closedDay).toEqual({ date: '2026-12-28', name: 'Zi liberă (punte)' });
    expect(body.changes).toContainEqual({ petitionId: p.id, registrationNumber: p.registrationNumber, clock: 'legal', before: '2026-12-28', after: '2026-12-29' });
    expect((await getPetition(t, p.id)).legalDueOn).toBe('2026-12-29');
    expect(await recomputedEvents(p.id)).toEqual([
      expect.objectContaining({ public: true, clock: 'legal', before: '2026-12-28', after: '2026-12-29', textRo: expect.stringContaining('29 decembrie 2026') }),
    ]);
    const tracked = await (await t.app.request(`/api/track/${p.registrationNumber}?code=${p.trackingCode}`)).json();
    expect(tracked.dueOn).toBe('2026-12-29');
    const timers = await t.db.select().from(petitionClocks).where(and(eq(petitionClocks.petitionId, p.id), eq(petitionClocks.clock, 'legal'), isNull(petitionClocks.firedAt)));
    expect(timers.find((r) => r.stage === 'breached')).toMatchObject({ dueOn: '2026-12-29', firesAt: new Date('2026-12-29T22:00:00Z') });
    expect(t.events.recorded).toContainEqual({ name: 'petition.changed', payload: expect.objectContaining({ petitionId: p.id, change: 'due_dates.recomputed' }) });
    // The public calendar and new registrations use it at once.
    const days = await (await t.app.request('/api/calendar/non-working-days?year=2026')).json();
    expect(days.map((d: { date: string }) => d.date)).toContain('2026-12-28');
  });

  test('answered petitions keep their due dates; open ones move', async () => {
    t.clock.set('2026-12-14T10:00:00Z');
    const open = await register(t); // due Wed 13 Jan 2027
    const answered = await register(t);
    await setPetition(t, answered.id, { status: 'answered' });
    const res = await (await as('admin')).add({ date: '2027-01-13', name: 'Zi liberă' });
    expect(res.status).toBe(201);
    expect((await getPetition(t, open.id)).legalDueOn).toBe('2027-01-14');
    expect((await getPetition(t, answered.id)).legalDueOn).toBe('2027-01-13');
    expect(await recomputedEvents(answered.id)).toEqual([]);
  });

  test('a due date never moves earlier: removing a closed day leaves it, and a later closing does not shorten it', async () => {
    t.clock.set('2026-12-21T10:00:00Z');
    const p = await register(t); // due Wed 20 Jan 2027
    const admin = await as('admin');
    expect((await admin.add({ date: '2027-01-20', name: 'Zi liberă' })).status).toBe(201);
    expect((await getPetition(t, p.id)).legalDueOn).toBe('2027-01-21');
    const removed = await admin.remove('2027-01-20');
    expect(removed.status).toBe(200);
    expect(await removed.json()).toMatchObject({ closedDay: { date: '2027-01-20' }, dueDatesChanged: 0, note: expect.stringContaining('not moved earlier') });
    expect((await getPetition(t, p.id)).legalDueOn).toBe('2027-01-21');
    // The rule now gives 20 Jan again; closing 19 Jan must not bring the petition back to it.
    const again = await (await admin.add({ date: '2027-01-19', name: 'Zi liberă' })).json();
    expect(again.changes.filter((c: { petitionId: string }) => c.petitionId === p.id)).toEqual([]);
    expect((await getPetition(t, p.id)).legalDueOn).toBe('2027-01-21');
    expect(await recomputedEvents(p.id)).toHaveLength(1);
  });

  test('the internal due date gets back the working day it lost, and the forward term rolls off the closed day; neither is public', async () => {
    t.clock.set('2027-02-10T10:00:00Z');
    const routed = await register(t, { categoryCode: 'salubrizare' }); // due Fri 12 Mar 2027
    await routeInDb(t, routed.id, { departmentCode: 'DGSPL', internalDueOn: '2027-03-05' });
    const toForward = await register(t, { categoryCode: 'caini-fara-stapan' }); // forward by Mon 15 Feb
    const admin = await as('admin');
    expect((await admin.add({ date: '2027-03-03', name: 'Zi liberă' })).status).toBe(201);
    expect(await getPetition(t, routed.id)).toMatchObject({ internalDueOn: '2027-03-08', legalDueOn: '2027-03-12' });
    expect(await recomputedEvents(routed.id)).toEqual([expect.objectContaining({ public: false, clock: 'internal', before: '2027-03-05', after: '2027-03-08' })]);
    expect((await admin.add({ date: '2027-02-15', name: 'Zi liberă' })).status).toBe(201);
    expect((await getPetition(t, toForward.id)).forwardDueOn).toBe('2027-02-16');
    expect(await recomputedEvents(toForward.id)).toEqual([expect.objectContaining({ public: false, clock: 'forward', after: '2027-02-16' })]);
  });

  test('a due date that stays put still gets its warning a working day earlier when a day inside the window closes', async () => {
    t.clock.set('2027-05-19T10:00:00Z');
    const p = await register(t); // due Fri 18 Jun 2027; at risk from Fri 11 Jun
    const atRisk = async () => (await t.db.select().from(petitionClocks).where(and(eq(petitionClocks.petitionId, p.id), eq(petitionClocks.stage, 'at_risk'))))[0]!.firesAt;
    expect(await atRisk()).toEqual(new Date('2027-06-10T21:00:00Z'));
    expect((await (await as('admin')).add({ date: '2027-06-14', name: 'Zi liberă' })).status).toBe(201);
    expect((await getPetition(t, p.id)).legalDueOn).toBe('2027-06-18');
    expect(await atRisk()).toEqual(new Date('2027-06-09T21:00:00Z'));
  });

  test('the list can be filtered by year', async () => {
    const admin = await as('admin');
    expect((await admin.add({ date: '2028-07-07', name: 'Zi de test' })).status).toBe(201);
    const res = await admin.list('?year=2028');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ items: [{ date: '2028-07-07', name: 'Zi de test' }] });
    expect(((await (await admin.list()).json()).items as unknown[]).length).toBeGreaterThan(1);
    expect((await admin.list('?year=abc')).status).toBe(400);
  });

  test.each([
    ['a date that does not exist', { date: '2027-02-30', name: 'X zi' }],
    ['a date in words', { date: 'mâine', name: 'X zi' }],
    ['no name', { date: '2027-09-09' }],
  ])('%s answers 400', async (_label, body) => {
    const res = await (await as('admin')).add(body);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('request.invalid');
  });

  test.each([
    ['a Saturday', '2027-09-11', 'Saturday'],
    ['a legal holiday', '2026-12-25', 'Crăciunul'],
  ])('%s is already non-working: 409 that says so', async (_label, date, words) => {
    const res = await (await as('admin')).add({ date, name: 'Zi liberă' });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'closed_days.conflict', message: expect.stringContaining(words) } });
  });

  test('a day already closed answers 409; removing one that is not closed answers 404, a malformed one 400', async () => {
    const admin = await as('admin');
    expect((await admin.add({ date: '2027-09-13', name: 'Zi liberă' })).status).toBe(201);
    expect((await admin.add({ date: '2027-09-13', name: 'Altă zi' })).status).toBe(409);
    expect((await admin.remove('2027-09-14')).status).toBe(404);
    expect((await admin.remove('2027-13-01')).status).toBe(400);
  });

  test('without a session every closed-days endpoint answers 401', async () => {
    const anonymous = await as(null);
    for (const res of [await anonymous.list(), await anonymous.add({ date: '2027-10-11', name: 'Zi liberă' }), await anonymous.remove('2027-09-13')]) {
      expect(res.status).toBe(401);
    }
  });

  test.each(['registratura', 'delegat', 'dgspl.sef', 'adpdu.director', 'dgspl.inspector', 'agent', 'supervizor'])(
    'only the administrator manages closed days: %s gets 403 on each endpoint',
    async (who) => {
      const user = await as(who);
      for (const res of [await user.list(), await user.add({ date: '2027-10-12', name: 'Zi liberă' }), await user.remove('2027-09-13')]) {
        expect(res.status).toBe(403);
      }
    },
  );
});
