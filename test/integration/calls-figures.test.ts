// Issue 5 §1 and §7: the administrator's office hours, and the supervisor's call-center figures — calls per
// hour (Bucharest), answered vs missed, average waiting and handling time, first-call resolution, open callbacks.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { calls } from '../../db/schema';
import { createTestApp, type TestApp } from '../helpers/app';
import { seedStaff, signIn } from '../helpers/staff';

let t: TestApp;
type Session = Awaited<ReturnType<typeof signIn>>;
let admin: Session;
let agent: Session;
let supervisor: Session;

beforeAll(async () => {
  t = await createTestApp();
  await seedStaff(t);
  [admin, agent, supervisor] = await Promise.all([signIn(t, 'admin'), signIn(t, 'agent'), signIn(t, 'supervizor')]);
});
afterAll(() => t.cleanup());

const req = (s: Session | null, method: string, path: string, body?: unknown) =>
  t.app.request(path, { method, headers: s ? s.headers : { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

const DEFAULT_DAYS = [
  { weekday: 1, open: '08:30', close: '16:30' },
  { weekday: 2, open: '08:30', close: '16:30' },
  { weekday: 3, open: '08:30', close: '16:30' },
  { weekday: 4, open: '08:30', close: '16:30' },
  { weekday: 5, open: '08:30', close: '14:00' },
  { weekday: 6, open: null, close: null },
  { weekday: 7, open: null, close: null },
];

describe('GET/PUT /api/admin/office-hours', () => {
  test('the default is Monday–Thursday 08:30–16:30 and Friday 08:30–14:00, Europe/Bucharest', async () => {
    const res = await req(admin, 'GET', '/api/admin/office-hours');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ timeZone: 'Europe/Bucharest', closedOnNonWorkingDays: true, summaryRo: 'de luni până joi, între orele 8:30 și 16:30, și vineri, între orele 8:30 și 14:00' });
    expect(body.days.map(({ weekday, open, close }: { weekday: number; open: string | null; close: string | null }) => ({ weekday, open, close }))).toEqual(DEFAULT_DAYS);
    expect(body.days[0].name).toBe('luni');
  });

  test('the administrator changes them, and the change is what the line keeps', async () => {
    const days = DEFAULT_DAYS.map((d) => (d.weekday === 5 ? { ...d, close: '15:00' } : d));
    const res = await req(admin, 'PUT', '/api/admin/office-hours', { days: [...days].reverse() });
    expect(res.status).toBe(200);
    expect((await res.json()).summaryRo).toContain('vineri, între orele 8:30 și 15:00');
    expect((await (await req(admin, 'GET', '/api/admin/office-hours')).json()).days[4]).toMatchObject({ weekday: 5, open: '08:30', close: '15:00' });
    expect((await req(admin, 'PUT', '/api/admin/office-hours', { days: DEFAULT_DAYS })).status).toBe(200);
  });

  test.each([
    ['six days', { days: DEFAULT_DAYS.slice(0, 6) }],
    ['a weekday twice', { days: [...DEFAULT_DAYS.slice(0, 6), { weekday: 1, open: null, close: null }] }],
    ['a closing time before the opening', { days: DEFAULT_DAYS.map((d) => (d.weekday === 1 ? { ...d, close: '08:00' } : d)) }],
    ['an opening without a closing', { days: DEFAULT_DAYS.map((d) => (d.weekday === 6 ? { ...d, open: '09:00' } : d)) }],
    ['a time not written HH:MM', { days: DEFAULT_DAYS.map((d) => (d.weekday === 1 ? { ...d, open: '8:30' } : d)) }],
    ['weekday 8', { days: DEFAULT_DAYS.map((d) => (d.weekday === 7 ? { ...d, weekday: 8 } : d)) }],
  ])('%s is a 400', async (_label, body) => {
    expect((await req(admin, 'PUT', '/api/admin/office-hours', body)).status).toBe(400);
  });

  test('401 without a session; 403 for anyone but the administrator', async () => {
    expect((await req(null, 'GET', '/api/admin/office-hours')).status).toBe(401);
    expect((await req(supervisor, 'GET', '/api/admin/office-hours')).status).toBe(403);
    expect((await req(agent, 'PUT', '/api/admin/office-hours', { days: DEFAULT_DAYS })).status).toBe(403);
  });
});

describe('GET /api/calls/stats', () => {
  beforeAll(async () => {
    const at = (iso: string) => new Date(iso);
    const base = { createdAt: at('2026-11-26T10:00:00Z'), updatedAt: at('2026-11-26T10:00:00Z'), agentId: agent.user.id };
    await t.db.insert(calls).values([
      // Tuesday 10 November, 10:00 Bucharest: answered after 30 s, 5 min handled, information given, no repeat.
      { ...base, direction: 'incoming', phone: '+40711000001', status: 'completed', startedAt: at('2026-11-10T08:00:00Z'), answeredAt: at('2026-11-10T08:00:30Z'), endedAt: at('2026-11-10T08:05:30Z'), outcome: 'information_given' },
      // 10:20: answered after 60 s, 3 min, a petition registered — but the same number calls again on the 14th.
      { ...base, direction: 'incoming', phone: '+40711000002', status: 'completed', startedAt: at('2026-11-10T08:20:00Z'), answeredAt: at('2026-11-10T08:21:00Z'), endedAt: at('2026-11-10T08:24:00Z'), outcome: 'petition_registered' },
      { ...base, direction: 'incoming', phone: '+40711000002', status: 'completed', startedAt: at('2026-11-14T08:00:00Z'), answeredAt: at('2026-11-14T08:00:05Z'), endedAt: at('2026-11-14T08:01:00Z'), outcome: 'information_given' },
      // 14:00 and 14:10: a missed call and a message, both waiting for a callback.
      { ...base, agentId: null, direction: 'incoming', phone: '+40711000003', status: 'missed', startedAt: at('2026-11-10T12:00:00Z'), endedAt: at('2026-11-10T12:00:20Z'), callbackStatus: 'open' },
      { ...base, agentId: null, direction: 'incoming', phone: '+40711000004', status: 'voicemail', startedAt: at('2026-11-10T12:10:00Z'), endedAt: at('2026-11-10T12:11:00Z'), callbackStatus: 'open', recordingUrl: 'https://api.twilio.com/r/1' },
      // 15:00: the agent calls the missed caller back.
      { ...base, direction: 'outgoing', phone: '+40711000003', status: 'completed', startedAt: at('2026-11-10T13:00:00Z'), answeredAt: at('2026-11-10T13:00:00Z'), endedAt: at('2026-11-10T13:02:00Z'), outcome: 'information_given' },
      // Wednesday 11 November, 09:00: answered after 10 s, 110 s handled, transferred (not resolved here).
      { ...base, direction: 'incoming', phone: '+40711000005', status: 'completed', startedAt: at('2026-11-11T07:00:00Z'), answeredAt: at('2026-11-11T07:00:10Z'), endedAt: at('2026-11-11T07:02:00Z'), outcome: 'transferred' },
    ]);
  });

  test('the figures of 10–11 November', async () => {
    const res = await req(supervisor, 'GET', '/api/calls/stats?from=2026-11-10&to=2026-11-11');
    expect(res.status).toBe(200);
    const stats = await res.json();
    const [open] = await t.db.select({ n: sql<number>`count(*)::int` }).from(calls).where(eq(calls.callbackStatus, 'open'));
    expect(stats).toMatchObject({
      from: '2026-11-10', to: '2026-11-11', timeZone: 'Europe/Bucharest',
      incoming: 5, outgoing: 1, answered: 3, missed: 2, voicemail: 1,
      averageWaitSeconds: 33, averageHandlingSeconds: 197,
      firstCallResolution: { resolved: 1, eligible: 3, share: 0.333 },
      openCallbacks: open!.n,
    });
    expect(stats.perHour).toHaveLength(24);
    expect(stats.perHour[9]).toEqual({ hour: 9, incoming: 1, answered: 1, missed: 0 });
    expect(stats.perHour[10]).toEqual({ hour: 10, incoming: 2, answered: 2, missed: 0 });
    expect(stats.perHour[14]).toEqual({ hour: 14, incoming: 2, answered: 0, missed: 2 });
    expect(stats.perHour.reduce((n: number, h: { incoming: number }) => n + h.incoming, 0)).toBe(5);
  });

  test('without dates: the last seven Bucharest days up to today', async () => {
    const stats = await (await req(supervisor, 'GET', '/api/calls/stats')).json();
    expect(stats).toMatchObject({ from: '2026-11-20', to: '2026-11-26' });
  });

  test.each([['from=2026-02-30'], ['from=2026-11-12&to=2026-11-10'], ['from=2025-01-01&to=2026-11-10'], ['period=week']])('?%s is a 400', async (query) => {
    expect((await req(supervisor, 'GET', `/api/calls/stats?${query}`)).status).toBe(400);
  });

  test('the supervisor’s only: 401 without a session, 403 for an agent or the administrator', async () => {
    expect((await req(null, 'GET', '/api/calls/stats')).status).toBe(401);
    expect((await req(agent, 'GET', '/api/calls/stats')).status).toBe(403);
    expect((await req(admin, 'GET', '/api/calls/stats')).status).toBe(403);
  });
});
