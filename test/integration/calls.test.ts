// Issue 5 §2, §3, §6: the call log, taking a ringing call, presence, the callback queue and the demo's
// simulated incoming call (the webhook's own use case). Each endpoint: happy path, 400, 401, 403, 404, 409.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { agentPresence, calls, users } from '../../db/schema';
import { DEMO_PASSWORD } from '../../db/seed/demo-users';
import { hashPassword } from '../../server/lib/passwords';
import { createTestApp, petitionInput, type TestApp } from '../helpers/app';
import { seedStaff, signIn } from '../helpers/staff';

let t: TestApp;
type Session = Awaited<ReturnType<typeof signIn>>;
let agent: Session;
let agent2: Session;
let supervisor: Session;
let officer: Session;

beforeAll(async () => {
  t = await createTestApp();
  await seedStaff(t);
  const [demoAgent] = await t.db.select().from(users).where(eq(users.email, 'agent@demo.primarie6.ro'));
  await t.db.insert(users).values({ email: 'agent2@demo.primarie6.ro', name: 'Dana Agent', role: 'agent', departmentId: demoAgent!.departmentId, phone: '+40213000102', passwordHash: await hashPassword(DEMO_PASSWORD) });
  [agent, agent2, supervisor, officer] = await Promise.all([signIn(t, 'agent'), signIn(t, 'agent2'), signIn(t, 'supervizor'), signIn(t, 'dgspl.inspector')]);
});
afterAll(() => t.cleanup());
beforeEach(async () => {
  t.clock.set('2026-11-26T10:00:00Z'); // Thursday 12:00 in Bucharest
  await t.db.update(calls).set({ status: 'completed', endedAt: t.clock.now() }).where(eq(calls.status, 'in_progress'));
  await t.db.delete(agentPresence);
});

const req = (s: Session | null, method: string, path: string, body?: unknown) =>
  t.app.request(path, { method, headers: s ? s.headers : { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

const logged = (over: Record<string, unknown> = {}) => ({
  phone: '0722 123 456',
  direction: 'outgoing',
  startedAt: '2026-11-26T09:30:00Z',
  endedAt: '2026-11-26T09:34:10Z',
  reason: 'informatii_generale',
  notes: 'A întrebat de programul de audiențe.',
  outcome: 'information_given',
  ...over,
});

async function simulate(s: Session = agent, phone = '0744 100 200') {
  const res = await req(s, 'POST', '/api/calls/simulate', { phone });
  expect(res.status).toBe(201);
  return (await res.json()) as { call: { id: string; status: string; phone: string }; mode: string; ringing: string[] };
}

describe('POST /api/calls (the call log)', () => {
  test('an agent logs a call: 201 with the call, the number in E.164, the petitions linked by id and by number', async () => {
    const a = await (await t.json('/api/petitions', petitionInput())).json();
    const b = await (await t.json('/api/petitions', petitionInput())).json();
    const idOfB = (await (await req(agent, 'GET', `/api/callers/${encodeURIComponent('+40722123456')}`)).json()).petitions.find((p: { registrationNumber: string }) => p.registrationNumber === b.registrationNumber).id;
    const res = await req(agent, 'POST', '/api/calls', logged({ outcome: 'petition_registered', reason: 'strazi-trotuare', petitionIds: [idOfB], registrationNumbers: [a.registrationNumber.toLowerCase()] }));
    expect(res.status, await res.clone().text()).toBe(201);
    const call = await res.json();
    expect(call).toMatchObject({
      direction: 'outgoing', phone: '+40722123456', status: 'completed', startedAt: '2026-11-26T09:30:00.000Z', endedAt: '2026-11-26T09:34:10.000Z', durationS: 250,
      agent: { id: agent.user.id, name: 'Radu Georgescu' }, reason: 'strazi-trotuare', outcome: 'petition_registered', callbackStatus: 'none', viaTwilio: false,
    });
    expect(call.petitions.map((p: { registrationNumber: string }) => p.registrationNumber).sort()).toEqual([a.registrationNumber, b.registrationNumber].sort());
  });

  test('a promised callback puts the call in the queue', async () => {
    const call = await (await req(agent, 'POST', '/api/calls', logged({ direction: 'incoming', outcome: 'callback_promised' }))).json();
    expect(call.callbackStatus).toBe('open');
    const queue = await (await req(agent, 'GET', '/api/calls/callbacks')).json();
    expect(queue.items.map((c: { id: string }) => c.id)).toContain(call.id);
  });

  test.each([
    ['a number that is not one', { phone: '12' }, 'phone'],
    ['an outcome outside the list', { outcome: 'solved' }, 'outcome'],
    ['a direction outside the list', { direction: 'sideways' }, 'direction'],
    ['an end before the start', { endedAt: '2026-11-26T09:00:00Z' }, 'endedAt'],
    ['a start in the future', { startedAt: '2026-11-27T09:00:00Z', endedAt: null }, 'startedAt'],
    ['a petition id that does not exist', { petitionIds: ['00000000-0000-4000-8000-000000000000'] }, 'petitionIds.0'],
    ['a registration number that does not exist', { registrationNumbers: ['P-2026-999999'] }, 'registrationNumbers.0'],
    ['a reason that is not on the list', { reason: 'chef' }, 'reason'],
    ['petition_registered without the petition', { outcome: 'petition_registered' }, 'registrationNumbers'],
    ['an unknown field', { agentId: 'x' }, ''],
  ])('%s is a 400 naming the field', async (_label, over, field) => {
    const res = await req(agent, 'POST', '/api/calls', logged(over));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('request.invalid');
    if (field) expect(body.error.details.fields.map((f: { path: string }) => f.path)).toContain(field);
  });

  test('without a session it is a 401; an officer gets a 403', async () => {
    expect((await req(null, 'POST', '/api/calls', logged())).status).toBe(401);
    expect((await req(officer, 'POST', '/api/calls', logged())).status).toBe(403);
  });

  test('an ongoing call (no endedAt) puts the agent on_call; a second ongoing one is a 409', async () => {
    const first = await req(agent, 'POST', '/api/calls', logged({ endedAt: undefined }));
    expect(first.status).toBe(201);
    expect((await first.json()).status).toBe('in_progress');
    expect((await t.db.select().from(agentPresence).where(eq(agentPresence.userId, agent.user.id)))[0]?.status).toBe('on_call');
    const second = await req(agent, 'POST', '/api/calls', logged({ endedAt: undefined }));
    expect(second.status).toBe(409);
    expect(await errorCode(second)).toBe('calls.conflict');
  });
});

describe('GET /api/calls', () => {
  test('filters by number in any form, by agent, by Bucharest dates, and pages with a cursor', async () => {
    const phone = '0733 444 555';
    for (const startedAt of ['2026-11-20T08:00:00Z', '2026-11-24T08:00:00Z', '2026-11-25T22:30:00Z']) {
      expect((await req(agent2, 'POST', '/api/calls', logged({ phone, startedAt, endedAt: startedAt }))).status).toBe(201);
    }
    const all = await (await req(supervisor, 'GET', '/api/calls?phone=%2B40%20733%20444%20555')).json();
    expect(all.items.map((c: { startedAt: string }) => c.startedAt)).toEqual(['2026-11-25T22:30:00.000Z', '2026-11-24T08:00:00.000Z', '2026-11-20T08:00:00.000Z']);
    // 22:30 UTC on 25 November is 00:30 on 26 November in Bucharest.
    const day = await (await req(agent, 'GET', '/api/calls?phone=0040733444555&from=2026-11-26&to=2026-11-26')).json();
    expect(day.items.map((c: { startedAt: string }) => c.startedAt)).toEqual(['2026-11-25T22:30:00.000Z']);
    const mine = await (await req(agent2, 'GET', '/api/calls?agent=me&phone=0733444555')).json();
    expect(mine.items).toHaveLength(3);
    const byId = await (await req(supervisor, 'GET', `/api/calls?agent=${agent.user.id}&phone=0733444555`)).json();
    expect(byId.items).toHaveLength(0);

    const page1 = await (await req(agent, 'GET', '/api/calls?phone=0733444555&limit=2')).json();
    expect(page1.items).toHaveLength(2);
    const page2 = await (await req(agent, 'GET', `/api/calls?phone=0733444555&limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2.items.map((c: { startedAt: string }) => c.startedAt)).toEqual(['2026-11-20T08:00:00.000Z']);
    expect(page2.nextCursor).toBeNull();
  });

  test.each([['phone=12'], ['from=2026-13-01'], ['from=2026-11-26&to=2026-11-01'], ['cursor=%%%'], ['agent=someone'], ['limit=1000'], ['colour=red']])('?%s is a 400', async (query) => {
    expect((await req(agent, 'GET', `/api/calls?${query}`)).status).toBe(400);
  });

  test('401 without a session, 403 for an officer; GET /api/calls/{id}: 404 for an unknown id', async () => {
    expect((await req(null, 'GET', '/api/calls')).status).toBe(401);
    expect((await req(officer, 'GET', '/api/calls')).status).toBe(403);
    expect((await req(agent, 'GET', '/api/calls/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await req(agent, 'GET', '/api/calls/not-an-id')).status).toBe(404);
  });
});

describe('PATCH /api/calls/{id}', () => {
  test('the call’s agent fills in the form and ends the call; the agent is available again', async () => {
    await req(agent, 'PUT', '/api/agents/me/status', { status: 'available' });
    const { call } = await simulate();
    expect((await req(agent, 'POST', `/api/calls/${call.id}/answer`)).status).toBe(200);
    t.clock.advance(90_000);
    const res = await req(agent, 'PATCH', `/api/calls/${call.id}`, { reason: 'status_petitie', notes: 'Și-a aflat stadiul.', outcome: 'information_given', endedAt: '2026-11-26T10:01:30Z' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'completed', reason: 'status_petitie', outcome: 'information_given', endedAt: '2026-11-26T10:01:30.000Z', durationS: 90, answeredAt: '2026-11-26T10:00:00.000Z' });
    expect((await t.db.select().from(agentPresence).where(eq(agentPresence.userId, agent.user.id)))[0]?.status).toBe('available');
    // Ended is final.
    const again = await req(agent, 'PATCH', `/api/calls/${call.id}`, { endedAt: '2026-11-26T10:01:40Z' });
    expect(again.status).toBe(409);
    // The supervisor may still correct the notes.
    expect((await req(supervisor, 'PATCH', `/api/calls/${call.id}`, { notes: 'Corectat.' })).status).toBe(200);
  });

  test('another agent may not change it (403); a ringing call must be answered first (409); unknown ids are 404', async () => {
    const logged1 = await (await req(agent, 'POST', '/api/calls', logged())).json();
    expect((await req(agent2, 'PATCH', `/api/calls/${logged1.id}`, { notes: 'x' })).status).toBe(403);
    expect((await req(officer, 'PATCH', `/api/calls/${logged1.id}`, { notes: 'x' })).status).toBe(403);
    expect((await req(null, 'PATCH', `/api/calls/${logged1.id}`, { notes: 'x' })).status).toBe(401);
    await req(agent, 'PUT', '/api/agents/me/status', { status: 'available' });
    const { call } = await simulate();
    const ringing = await req(supervisor, 'PATCH', `/api/calls/${call.id}`, { notes: 'x' });
    expect(ringing.status).toBe(409);
    expect((await req(agent, 'PATCH', '/api/calls/00000000-0000-4000-8000-000000000000', { notes: 'x' })).status).toBe(404);
  });

  test.each([[{}], [{ outcome: 'maybe' }], [{ endedAt: 'yesterday' }], [{ registrationNumbers: ['P-2026-999999'] }], [{ outcome: 'petition_registered' }]])('%j is a 400', async (body) => {
    const call = await (await req(agent, 'POST', '/api/calls', logged())).json();
    expect((await req(agent, 'PATCH', `/api/calls/${call.id}`, body)).status).toBe(400);
  });

  test('an end before the answer is a 400', async () => {
    const call = await (await req(agent, 'POST', '/api/calls', logged({ endedAt: undefined }))).json();
    expect((await req(agent, 'PATCH', `/api/calls/${call.id}`, { endedAt: '2026-11-26T09:00:00Z' })).status).toBe(400);
  });
});

describe('POST /api/calls/simulate and /answer (the demo’s incoming call)', () => {
  test('goes through the webhook’s use case: the available agents ring and the pop is emitted with what we know', async () => {
    await req(agent, 'PUT', '/api/agents/me/status', { status: 'available' });
    await req(agent2, 'PUT', '/api/agents/me/status', { status: 'busy' });
    const { call, mode, ringing } = await simulate(supervisor, '+40 744 100 200');
    expect(mode).toBe('dial');
    expect(ringing).toEqual([agent.user.id]);
    expect(call).toMatchObject({ status: 'ringing', phone: '+40744100200', direction: 'incoming', viaTwilio: false });
    const pop = t.events.recorded.find((e) => e.name === 'call.incoming' && (e.payload as { callId: string }).callId === call.id);
    expect(pop?.payload).toMatchObject({ phone: '+40744100200', name: null });
  });

  test('the first agent takes it; the next one gets a 409, and the taker is on_call', async () => {
    await req(agent, 'PUT', '/api/agents/me/status', { status: 'available' });
    await req(agent2, 'PUT', '/api/agents/me/status', { status: 'available' });
    const { call } = await simulate();
    const [first, second] = [await req(agent2, 'POST', `/api/calls/${call.id}/answer`), await req(agent, 'POST', `/api/calls/${call.id}/answer`)];
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ status: 'in_progress', agent: { id: agent2.user.id } });
    expect(second.status).toBe(409);
    // Answering again is harmless for the one who took it.
    expect((await req(agent2, 'POST', `/api/calls/${call.id}/answer`)).status).toBe(200);
    const agents = await (await req(supervisor, 'GET', '/api/agents')).json();
    expect(agents.items.find((a: { id: string }) => a.id === agent2.user.id)).toMatchObject({ status: 'on_call', currentCall: { id: call.id, phone: '+40744100200' } });
    expect(agents.items.find((a: { id: string }) => a.id === agent.user.id)).toMatchObject({ status: 'available', currentCall: null });
  });

  test('answers are 401 without a session, 403 for an officer, 404 for an unknown call', async () => {
    const { call } = await simulate();
    expect((await req(null, 'POST', `/api/calls/${call.id}/answer`)).status).toBe(401);
    expect((await req(officer, 'POST', `/api/calls/${call.id}/answer`)).status).toBe(403);
    expect((await req(agent, 'POST', '/api/calls/00000000-0000-4000-8000-000000000000/answer')).status).toBe(404);
  });

  test('out of hours the simulated call takes the message path, unless the demo asks to ignore the hours', async () => {
    await req(agent, 'PUT', '/api/agents/me/status', { status: 'available' });
    t.clock.set('2026-11-26T18:00:00Z'); // Thursday 20:00 in Bucharest (sessions last 12 hours: same day)
    expect((await simulate()).mode).toBe('closed');
    const res = await req(agent, 'POST', '/api/calls/simulate', { phone: '0744100200', ignoreOfficeHours: true });
    expect((await res.json()).mode).toBe('dial');
  });

  test('no agent available: the call is promised a callback', async () => {
    const { call, mode } = await simulate();
    expect(mode).toBe('no_agent');
    const [row] = await t.db.select().from(calls).where(eq(calls.id, call.id));
    expect(row).toMatchObject({ outcome: 'callback_promised', callbackStatus: 'open' });
  });

  test('400 for a bad number, 401 without a session, 403 for an officer, 409 once Twilio is configured', async () => {
    expect((await req(agent, 'POST', '/api/calls/simulate', { phone: 'abc' })).status).toBe(400);
    expect((await req(null, 'POST', '/api/calls/simulate', { phone: '0744100200' })).status).toBe(401);
    expect((await req(officer, 'POST', '/api/calls/simulate', { phone: '0744100200' })).status).toBe(403);
    const withTwilio = await createTestApp({ testDatabase: t.tdb, env: { TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`, TWILIO_AUTH_TOKEN: 'a-token-of-sixteen-chars', TWILIO_FROM: '+40312345678' } });
    const res = await withTwilio.app.request('/api/calls/simulate', { method: 'POST', headers: agent.headers, body: JSON.stringify({ phone: '0744100200' }) });
    expect(res.status).toBe(409);
    expect(await errorCode(res)).toBe('calls.simulation_unavailable');
  });
});

describe('presence', () => {
  test('PUT /api/agents/me/status sets available, busy or away; on_call is the server’s (400)', async () => {
    for (const status of ['available', 'busy', 'away']) {
      const res = await req(agent, 'PUT', '/api/agents/me/status', { status });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ userId: agent.user.id, status });
    }
    expect((await req(agent, 'PUT', '/api/agents/me/status', { status: 'on_call' })).status).toBe(400);
    expect((await req(null, 'PUT', '/api/agents/me/status', { status: 'away' })).status).toBe(401);
    expect((await req(officer, 'PUT', '/api/agents/me/status', { status: 'away' })).status).toBe(403);
  });

  test('during a call the status cannot be changed (409)', async () => {
    await req(agent, 'PUT', '/api/agents/me/status', { status: 'available' });
    const { call } = await simulate();
    await req(agent, 'POST', `/api/calls/${call.id}/answer`);
    const res = await req(agent, 'PUT', '/api/agents/me/status', { status: 'away' });
    expect(res.status).toBe(409);
  });

  test('GET /api/agents is the supervisor’s: everyone, status “away” until set', async () => {
    const res = await req(supervisor, 'GET', '/api/agents');
    expect(res.status).toBe(200);
    const { items } = await res.json();
    expect(items.map((a: { name: string }) => a.name)).toEqual(expect.arrayContaining(['Radu Georgescu', 'Dana Agent', 'Cristina Ionescu']));
    expect(items.every((a: { status: string }) => a.status === 'away')).toBe(true);
    expect((await req(agent, 'GET', '/api/agents')).status).toBe(403);
    expect((await req(null, 'GET', '/api/agents')).status).toBe(401);
  });
});

describe('the callback queue', () => {
  test('missed calls wait oldest first; POST …/callback-done takes one out, once', async () => {
    await req(agent, 'PUT', '/api/agents/me/status', { status: 'available' });
    const older = (await simulate(agent, '0755 000 001')).call;
    t.clock.advance(60_000);
    const newer = (await simulate(agent, '0755 000 002')).call;
    // The callers hang up before anyone answers.
    for (const c of [newer, older]) expect((await req(agent, 'POST', `/api/calls/${c.id}/hangup`)).status).toBe(200);
    const queue = (await (await req(agent, 'GET', '/api/calls/callbacks')).json()).items.map((c: { id: string }) => c.id);
    expect(queue.indexOf(older.id)).toBeLessThan(queue.indexOf(newer.id));

    const done = await req(agent2, 'POST', `/api/calls/${older.id}/callback-done`);
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ callbackStatus: 'done', status: 'missed' });
    expect((await req(agent2, 'POST', `/api/calls/${older.id}/callback-done`)).status).toBe(409);
    expect((await (await req(agent, 'GET', '/api/calls/callbacks')).json()).items.map((c: { id: string }) => c.id)).not.toContain(older.id);
    expect((await req(agent, 'POST', `/api/calls/${newer.id}/hangup`)).status).toBe(409);
  });

  test('callback-done: 401, 403, 404; a call never in the queue is a 409', async () => {
    const call = await (await req(agent, 'POST', '/api/calls', logged())).json();
    expect((await req(null, 'POST', `/api/calls/${call.id}/callback-done`)).status).toBe(401);
    expect((await req(officer, 'POST', `/api/calls/${call.id}/callback-done`)).status).toBe(403);
    expect((await req(agent, 'POST', '/api/calls/00000000-0000-4000-8000-000000000000/callback-done')).status).toBe(404);
    expect((await req(agent, 'POST', `/api/calls/${call.id}/callback-done`)).status).toBe(409);
    expect((await req(officer, 'GET', '/api/calls/callbacks')).status).toBe(403);
  });
});
