// Issue 5 §1: Twilio's voice webhooks with signatures computed by the official library, offline. A valid
// request gets TwiML that parses as XML with the expected verbs; a forged, missing or other-URL signature is
// a 403 and records nothing; outside office hours (the schedule or a non-working day) the caller may leave a
// message, linked to the call.
import { eq, sql } from 'drizzle-orm';
import twilio from 'twilio';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { agentPresence, calls, users } from '../../db/schema';
import { DEMO_PASSWORD } from '../../db/seed/demo-users';
import { hashPassword } from '../../server/lib/passwords';
import { createTestApp, type TestApp } from '../helpers/app';
import { seedStaff, signIn } from '../helpers/staff';
import { elements, parseXml, textOf, type XmlElement } from '../helpers/xml';

const PUBLIC_URL = 'https://petitii.test';
const AUTH_TOKEN = 'voice-test-auth-token-0123456789';
const TWILIO_ENV = { TWILIO_ACCOUNT_SID: `AC${'0123456789abcdef'.repeat(2)}`, TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_FROM: '+40312345678' };
const CALLER = '+40722555111';
const AGENT_PHONE = '+40213000101';
const SECOND_AGENT_PHONE = '+40213000102';

let t: TestApp;
let sid = 0;
const nextSid = () => `CA${String(++sid).padStart(32, '0')}`;

beforeAll(async () => {
  t = await createTestApp({ env: TWILIO_ENV });
  await seedStaff(t);
  const [agent] = await t.db.select().from(users).where(eq(users.phone, AGENT_PHONE));
  await t.db.insert(users).values({ email: 'agent2@demo.primarie6.ro', name: 'Dana Agent', role: 'agent', departmentId: agent!.departmentId, phone: SECOND_AGENT_PHONE, passwordHash: await hashPassword(DEMO_PASSWORD) });
});
afterAll(() => t.cleanup());
beforeEach(async () => {
  t.clock.set('2026-11-26T10:00:00Z'); // Thursday 12:00 in Bucharest: open
  await t.db.update(calls).set({ status: 'completed', endedAt: t.clock.now() }).where(eq(calls.status, 'in_progress'));
  await t.db.delete(agentPresence);
});

/** A webhook as Twilio sends it: form-encoded, signed for `signedFor` (default: PUBLIC_URL + path). */
function webhook(path: string, params: Record<string, string>, { token = AUTH_TOKEN, signedFor = `${PUBLIC_URL}${path}`, signature }: { token?: string; signedFor?: string; signature?: string | null } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  const value = signature === undefined ? twilio.getExpectedTwilioSignature(token, signedFor, params) : signature;
  if (value !== null) headers['x-twilio-signature'] = value;
  return t.app.request(path, { method: 'POST', headers, body: new URLSearchParams(params).toString() });
}

const incoming = (callSid: string, from = CALLER) => ({ CallSid: callSid, AccountSid: TWILIO_ENV.TWILIO_ACCOUNT_SID, From: from, To: '+40312345678', CallStatus: 'ringing', Direction: 'inbound', ApiVersion: '2010-04-01' });

async function twimlOf(res: Response): Promise<XmlElement> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
  const root = parseXml(await res.text());
  expect(root.name).toBe('Response');
  return root;
}

async function setAvailable(...locals: string[]) {
  for (const local of locals) {
    const s = await signIn(t, local);
    const res = await t.app.request('/api/agents/me/status', { method: 'PUT', headers: s.headers, body: JSON.stringify({ status: 'available' }) });
    expect(res.status).toBe(200);
  }
}

const callCount = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(calls))[0]!.n;
const callBySid = async (callSid: string) => (await t.db.select().from(calls).where(eq(calls.twilioCallSid, callSid)))[0];

describe('POST /twilio/voice in office hours', () => {
  test('the available agents’ phones ring: a Romanian greeting, then <Dial> with their numbers, and the call is recorded', async () => {
    await setAvailable('agent', 'agent2', 'supervizor'); // the supervisor has no phone in the profile: not dialled
    const callSid = nextSid();
    const root = await twimlOf(await webhook('/twilio/voice', incoming(callSid, '0722 555 111')));
    const [say, dial] = elements(root);
    expect(say).toMatchObject({ name: 'Say', attrs: { language: 'ro-RO' } });
    expect(textOf(say!)).toContain('Primăria Sectorului 6');
    expect(dial).toMatchObject({ name: 'Dial', attrs: { action: `${PUBLIC_URL}/twilio/voice/status?event=dial`, timeout: '20' } });
    const numbers = elements(dial!);
    expect(numbers.map((n) => n.name)).toEqual(['Number', 'Number']);
    expect(numbers.map((n) => textOf(n)).sort()).toEqual([AGENT_PHONE, SECOND_AGENT_PHONE]);
    expect(numbers[0]!.attrs).toMatchObject({ statusCallback: `${PUBLIC_URL}/twilio/voice/status?event=agent`, statusCallbackEvent: 'answered' });

    expect(await callBySid(callSid)).toMatchObject({ direction: 'incoming', phone: '+40722555111', status: 'ringing', startedAt: new Date('2026-11-26T10:00:00Z'), callbackStatus: 'none' });
    // The screen pop went to the bus, normalised to E.164.
    const pop = t.events.recorded.filter((e) => e.name === 'call.incoming').at(-1);
    expect(pop?.payload).toMatchObject({ phone: '+40722555111', name: null, calls: [], petitions: [] });
  });

  test('the first agent to answer takes the call; the end of the <Dial> completes it with its duration', async () => {
    await setAvailable('agent', 'agent2');
    const callSid = nextSid();
    await webhook('/twilio/voice', incoming(callSid));
    t.clock.advance(8_000);
    const agentLeg = { CallSid: nextSid(), ParentCallSid: callSid, CallStatus: 'in-progress', To: SECOND_AGENT_PHONE, Called: SECOND_AGENT_PHONE, Direction: 'outbound-dial' };
    await twimlOf(await webhook('/twilio/voice/status?event=agent', agentLeg));
    const [agent2] = await t.db.select().from(users).where(eq(users.phone, SECOND_AGENT_PHONE));
    expect(await callBySid(callSid)).toMatchObject({ status: 'in_progress', agentId: agent2!.id, answeredAt: new Date('2026-11-26T10:00:08Z') });
    expect((await t.db.select().from(agentPresence).where(eq(agentPresence.userId, agent2!.id)))[0]?.status).toBe('on_call');

    // The other phone's late "answered" does not take it from the first.
    await webhook('/twilio/voice/status?event=agent', { ...agentLeg, CallSid: nextSid(), To: AGENT_PHONE, Called: AGENT_PHONE });
    expect((await callBySid(callSid))!.agentId).toBe(agent2!.id);

    t.clock.advance(120_000);
    const done = await twimlOf(await webhook('/twilio/voice/status?event=dial', { CallSid: callSid, DialCallStatus: 'completed', DialCallDuration: '120', DialCallSid: agentLeg.CallSid }));
    expect(elements(done).map((e) => e.name)).toEqual(['Hangup']);
    expect(await callBySid(callSid)).toMatchObject({ status: 'completed', endedAt: new Date('2026-11-26T10:02:08Z'), durationS: 128 });
    expect((await t.db.select().from(agentPresence).where(eq(agentPresence.userId, agent2!.id)))[0]?.status).toBe('available');
  });

  test('reports out of order: the <Dial> ends before the agent leg names its agent, who is still recorded', async () => {
    await setAvailable('agent');
    const callSid = nextSid();
    await webhook('/twilio/voice', incoming(callSid));
    t.clock.advance(70_000);
    await twimlOf(await webhook('/twilio/voice/status?event=dial', { CallSid: callSid, DialCallStatus: 'completed', DialCallDuration: '60' }));
    expect(await callBySid(callSid)).toMatchObject({ status: 'completed', agentId: null, answeredAt: new Date('2026-11-26T10:00:10Z'), durationS: 70 });
    await twimlOf(await webhook('/twilio/voice/status?event=agent', { CallSid: nextSid(), ParentCallSid: callSid, CallStatus: 'in-progress', To: AGENT_PHONE }));
    const [demoAgent] = await t.db.select().from(users).where(eq(users.phone, AGENT_PHONE));
    expect(await callBySid(callSid)).toMatchObject({ status: 'completed', agentId: demoAgent!.id });
  });

  test('nobody answers the <Dial>: the call is missed, in the callback queue, and the caller may leave a message', async () => {
    await setAvailable('agent');
    const callSid = nextSid();
    await webhook('/twilio/voice', incoming(callSid));
    t.clock.advance(20_000);
    const root = await twimlOf(await webhook('/twilio/voice/status?event=dial', { CallSid: callSid, DialCallStatus: 'no-answer' }));
    expect(elements(root).map((e) => e.name)).toEqual(['Say', 'Record', 'Say']);
    expect(elements(root)[1]!.attrs).toMatchObject({ maxLength: '120', action: `${PUBLIC_URL}/twilio/voice/status?event=recording` });
    expect(await callBySid(callSid)).toMatchObject({ status: 'missed', callbackStatus: 'open' });

    // The caller hangs up without a message: the call status callback gives its end.
    t.clock.advance(10_000);
    await twimlOf(await webhook('/twilio/voice/status', { CallSid: callSid, CallStatus: 'completed', CallDuration: '31' }));
    expect(await callBySid(callSid)).toMatchObject({ status: 'missed', endedAt: new Date('2026-11-26T10:00:30Z'), durationS: 31, callbackStatus: 'open' });
  });

  test('no agent is available: a wait message, a callback promised, and a <Record> for the caller’s message', async () => {
    const callSid = nextSid();
    const root = await twimlOf(await webhook('/twilio/voice', incoming(callSid)));
    const verbs = elements(root);
    expect(verbs.map((e) => e.name)).toEqual(['Say', 'Record', 'Say']);
    expect(textOf(verbs[0]!)).toMatch(/operatorii sunt ocupați.*vă sunăm înapoi/);
    expect(verbs[1]!.attrs).toMatchObject({ maxLength: '120', action: `${PUBLIC_URL}/twilio/voice/status?event=recording` });
    const call = await callBySid(callSid);
    expect(call).toMatchObject({ status: 'ringing', outcome: 'callback_promised', callbackStatus: 'open' });
    // Nobody's phone rings, so no console pops (and nobody read the caller's data).
    expect(t.events.recorded.filter((e) => e.name === 'call.incoming' && (e.payload as { callId: string }).callId === call!.id)).toEqual([]);
  });

  test('the caller hangs up while the phones ring: a missed call in the callback queue', async () => {
    await setAvailable('agent');
    const callSid = nextSid();
    await webhook('/twilio/voice', incoming(callSid));
    t.clock.advance(5_000);
    await twimlOf(await webhook('/twilio/voice/status', { CallSid: callSid, CallStatus: 'canceled', CallDuration: '0' }));
    expect(await callBySid(callSid)).toMatchObject({ status: 'missed', callbackStatus: 'open', durationS: 0 });
  });

  test('the same CallSid posted twice is one call', async () => {
    const callSid = nextSid();
    await twimlOf(await webhook('/twilio/voice', incoming(callSid)));
    const before = await callCount();
    await twimlOf(await webhook('/twilio/voice', incoming(callSid)));
    expect(await callCount()).toBe(before);
  });

  test('a withheld number is recorded without a number, and nothing is looked up', async () => {
    await setAvailable('agent');
    const callSid = nextSid();
    await twimlOf(await webhook('/twilio/voice', incoming(callSid, 'anonymous')));
    expect(await callBySid(callSid)).toMatchObject({ phone: null, status: 'ringing' });
  });
});

describe('POST /twilio/voice out of office hours', () => {
  test.each([
    ['on a Saturday', '2026-11-28T10:00:00Z', 'Astăzi este zi nelucrătoare.'],
    ['on a Thursday at 20:00', '2026-11-26T18:00:00Z', null],
    ['on a legal holiday (1 December, National Day)', '2026-12-01T09:00:00Z', 'Astăzi este zi nelucrătoare.'],
  ])('%s the hours are said and a message can be left, linked to the call', async (_label, at, nonWorking) => {
    await setAvailable('agent'); // available or not, nobody rings out of hours
    t.clock.set(at);
    const callSid = nextSid();
    const root = await twimlOf(await webhook('/twilio/voice', incoming(callSid)));
    const [say, record] = elements(root);
    expect(say).toMatchObject({ name: 'Say', attrs: { language: 'ro-RO' } });
    expect(textOf(say!)).toContain('de luni până joi, între orele 8:30 și 16:30, și vineri, între orele 8:30 și 14:00');
    if (nonWorking) expect(textOf(say!)).toContain(nonWorking);
    else expect(textOf(say!)).not.toContain('nelucrătoare');
    expect(record).toMatchObject({ name: 'Record', attrs: { maxLength: '120', action: `${PUBLIC_URL}/twilio/voice/status?event=recording` } });
    expect(elements(root).some((e) => e.name === 'Dial')).toBe(false);

    const recordingUrl = `https://api.twilio.com/2010-04-01/Accounts/${TWILIO_ENV.TWILIO_ACCOUNT_SID}/Recordings/RE${'1'.repeat(32)}`;
    const thanks = await twimlOf(await webhook('/twilio/voice/status?event=recording', { CallSid: callSid, RecordingUrl: recordingUrl, RecordingDuration: '14', RecordingSid: `RE${'1'.repeat(32)}` }));
    expect(elements(thanks).map((e) => e.name)).toEqual(['Say', 'Hangup']);
    expect(await callBySid(callSid)).toMatchObject({ status: 'voicemail', recordingUrl, callbackStatus: 'open' });
  });

  test('the administrator’s schedule decides: with Saturday 09:00–12:00 set, a Saturday call rings the agents', async () => {
    const admin = await signIn(t, 'admin');
    const days = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: weekday <= 6 ? '09:00' : null, close: weekday <= 6 ? '12:00' : null }));
    expect((await t.app.request('/api/admin/office-hours', { method: 'PUT', headers: admin.headers, body: JSON.stringify({ days }) })).status).toBe(200);
    try {
      await setAvailable('agent');
      t.clock.set('2026-11-28T08:00:00Z'); // Saturday 10:00 — but a Saturday is a non-working day: still closed
      expect(elements(await twimlOf(await webhook('/twilio/voice', incoming(nextSid())))).map((e) => e.name)).toEqual(['Say', 'Record', 'Say']);
      t.clock.set('2026-11-26T08:00:00Z'); // Thursday 10:00, within the new hours
      expect(elements(await twimlOf(await webhook('/twilio/voice', incoming(nextSid())))).map((e) => e.name)).toEqual(['Say', 'Dial']);
      t.clock.set('2026-11-26T11:00:00Z'); // Thursday 13:00, after the new closing time
      expect(elements(await twimlOf(await webhook('/twilio/voice', incoming(nextSid())))).map((e) => e.name)).toEqual(['Say', 'Record', 'Say']);
    } finally {
      const defaults = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: weekday <= 5 ? '08:30' : null, close: weekday <= 4 ? '16:30' : weekday === 5 ? '14:00' : null }));
      await t.app.request('/api/admin/office-hours', { method: 'PUT', headers: admin.headers, body: JSON.stringify({ days: defaults }) });
    }
  });
});

describe('webhook signatures', () => {
  const cases: Array<[string, (path: string, params: Record<string, string>) => Response | Promise<Response>]> = [
    ['a forged signature', (path, params) => webhook(path, params, { signature: 'bm90IGEgc2lnbmF0dXJl' })],
    ['no signature', (path, params) => webhook(path, params, { signature: null })],
    ['a signature for another URL', (path, params) => webhook(path, params, { signedFor: `https://elsewhere.example${path}` })],
    ['a signature for another path of ours', (path, params) => webhook(path, params, { signedFor: `${PUBLIC_URL}/twilio/sms` })],
    ['a signature made with another auth token', (path, params) => webhook(path, params, { token: 'another-token-0123456789abcdef' })],
    [
      'a signed request whose fields were changed afterwards',
      (path, params) => {
        const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_URL}${path}`, params);
        return t.app.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body: new URLSearchParams({ ...params, From: '+40799999999' }).toString() });
      },
    ],
  ];

  test.each(cases)('%s on POST /twilio/voice is a 403 and records no call', async (_label, send) => {
    await setAvailable('agent');
    const before = await callCount();
    const events = t.events.recorded.length;
    const res = await send('/twilio/voice', incoming(nextSid()));
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('webhooks.signature_invalid');
    expect(await callCount()).toBe(before);
    expect(t.events.recorded.length).toBe(events);
  });

  test.each(cases)('%s on POST /twilio/voice/status is a 403 and changes nothing', async (_label, send) => {
    await setAvailable('agent');
    const callSid = nextSid();
    await webhook('/twilio/voice', incoming(callSid));
    const before = await callBySid(callSid);
    const res = await send('/twilio/voice/status?event=dial', { CallSid: callSid, DialCallStatus: 'no-answer' });
    expect(res.status).toBe(403);
    expect(await callBySid(callSid)).toEqual(before);
  });

  test('a signature over the query string counts: the same report signed without ?event=dial is refused', async () => {
    const callSid = nextSid();
    await webhook('/twilio/voice', incoming(callSid));
    const res = await webhook('/twilio/voice/status?event=dial', { CallSid: callSid, DialCallStatus: 'no-answer' }, { signedFor: `${PUBLIC_URL}/twilio/voice/status` });
    expect(res.status).toBe(403);
  });

  test('a body that is not a form is a 415, before anything is read', async () => {
    const res = await t.app.request('/twilio/voice', { method: 'POST', headers: { 'content-type': 'application/json', 'x-twilio-signature': 'x' }, body: '{}' });
    expect(res.status).toBe(415);
  });
});

describe('without Twilio configured', () => {
  test.each(['/twilio/voice', '/twilio/voice/status', '/twilio/sms'])('POST %s answers 503: there is no token to verify against', async (path) => {
    const bare = await createTestApp({ testDatabase: t.tdb });
    const res = await bare.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_URL}${path}`, incoming('CA1')) },
      body: new URLSearchParams(incoming('CA1')).toString(),
    });
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('service.unavailable');
    expect(await callBySid('CA1')).toBeUndefined();
  });
});

describe('the TwiML test parser', () => {
  test.each(['<Response><Say>x</Response>', '<Response><Say a=b/></Response>', '<Response/><Response/>', '<Response><Say>a & b</Say></Response>'])('refuses %s', (xml) => {
    expect(() => parseXml(xml)).toThrow();
  });
});
