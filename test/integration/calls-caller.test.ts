// Issue 5 §2–§5: who is calling (any common Romanian form of the number finds the same person, each lookup
// logged for GDPR), the petition's status told to a caller whose identity matches, the call reasons, and a
// petition registered by phone whose SMS (number, code, tracking link) goes to the outbox.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { outbox, personalDataReads, petitions } from '../../db/schema';
import { createTestApp, petitionInput, type TestApp } from '../helpers/app';
import { seedStaff, signIn } from '../helpers/staff';

let t: TestApp;
type Session = Awaited<ReturnType<typeof signIn>>;
let agent: Session;
let supervisor: Session;
let officer: Session;
let earlier: { registrationNumber: string; trackingCode: string; dueOn: string };

const CALLER = { kind: 'person', firstName: 'Ioana', lastName: 'Ștefănescu', email: null, phone: '0722 123 456', address: null };

beforeAll(async () => {
  t = await createTestApp();
  await seedStaff(t);
  [agent, supervisor, officer] = await Promise.all([signIn(t, 'agent'), signIn(t, 'supervizor'), signIn(t, 'dgspl.inspector')]);
  earlier = await (await t.json('/api/petitions', petitionInput({ petitioner: CALLER }))).json();
  // An earlier call from the same number, logged by the agent.
  const res = await t.app.request('/api/calls', {
    method: 'POST',
    headers: agent.headers,
    body: JSON.stringify({ phone: '+40722123456', direction: 'incoming', startedAt: '2026-11-26T08:00:00Z', endedAt: '2026-11-26T08:03:00Z', reason: 'status_petitie', notes: '', outcome: 'information_given' }),
  });
  expect(res.status).toBe(201);
});
afterAll(() => t.cleanup());

const get = (s: Session | null, path: string) => t.app.request(path, { headers: s ? s.headers : {} });

describe('GET /api/callers/{phone}', () => {
  test.each([['0722 123 456'], ['+40 722 123 456'], ['0040722123456'], ['0722-123-456'], ['(0722) 123.456']])('%s finds the same person, with earlier calls and petitions', async (form) => {
    const res = await get(agent, `/api/callers/${encodeURIComponent(form)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body).toMatchObject({ phone: '+40722123456', name: 'Ioana Ștefănescu' });
    expect(body.petitions).toContainEqual({ id: expect.any(String), registrationNumber: earlier.registrationNumber, status: 'registered', statusLabel: { ro: 'Înregistrată', en: 'Registered' }, dueOn: earlier.dueOn });
    expect(body.calls[0]).toMatchObject({ direction: 'incoming', status: 'completed', reason: 'status_petitie', outcome: 'information_given', agentName: 'Radu Georgescu' });
  });

  test('each lookup is logged: who, when, which number (GDPR), source caller_lookup', async () => {
    const before = await t.db.select().from(personalDataReads).where(and(eq(personalDataReads.source, 'caller_lookup'), eq(personalDataReads.userId, supervisor.user.id)));
    await get(supervisor, '/api/callers/0722123456');
    await get(supervisor, '/api/callers/0040722123456');
    const after = await t.db.select().from(personalDataReads).where(and(eq(personalDataReads.source, 'caller_lookup'), eq(personalDataReads.userId, supervisor.user.id)));
    expect(after.length - before.length).toBe(2);
    expect(after.at(-1)).toMatchObject({ subject: '+40722123456', at: new Date('2026-11-26T10:00:00Z') });
  });

  test('a number we do not know: no name, no calls, no petitions', async () => {
    expect(await (await get(agent, '/api/callers/0799000111')).json()).toEqual({ phone: '+40799000111', name: null, calls: [], petitions: [] });
  });

  test('400 for something that is not a number, 401 without a session, 403 for an officer', async () => {
    expect((await get(agent, '/api/callers/12ab')).status).toBe(400);
    expect((await get(null, '/api/callers/0722123456')).status).toBe(401);
    expect((await get(officer, '/api/callers/0722123456')).status).toBe(403);
  });
});

describe('GET /api/calls/petition-status', () => {
  const ask = (s: Session | null, number: string, identity: string) => get(s, `/api/calls/petition-status?number=${encodeURIComponent(number)}&identity=${encodeURIComponent(identity)}`);

  test.each([
    ['the caller’s number, in another form', '+40 722 123 456'],
    ['the last name, without diacritics and in capitals', 'STEFANESCU'],
    ['the last name with the old cedilla ş', 'Ştefănescu'],
  ])('the status is told once the identity matches: %s', async (_label, identity) => {
    const res = await ask(agent, earlier.registrationNumber.toLowerCase(), identity);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ registrationNumber: earlier.registrationNumber, status: 'registered', statusLabel: { ro: 'Înregistrată' }, dueOn: earlier.dueOn, open: true });
  });

  test('a mismatch reveals nothing: the same 404 as a number that does not exist', async () => {
    const wrongName = await ask(agent, earlier.registrationNumber, 'Popescu');
    const wrongPhone = await ask(agent, earlier.registrationNumber, '0733 000 000');
    const unknown = await ask(agent, 'P-2026-999999', 'Ștefănescu');
    for (const res of [wrongName, wrongPhone, unknown]) {
      expect(res.status).toBe(404);
      const body = await res.json();
      expect(body.error.code).toBe('calls.petition_not_found');
      expect(JSON.stringify(body)).not.toContain('registered');
    }
  });

  test('each status told is logged against the petition', async () => {
    await ask(supervisor, earlier.registrationNumber, 'stefanescu');
    const [row] = await t.db.select({ id: petitions.id }).from(petitions).where(eq(petitions.registrationNumber, earlier.registrationNumber));
    const reads = await t.db.select().from(personalDataReads).where(and(eq(personalDataReads.source, 'caller_status'), eq(personalDataReads.petitionId, row!.id)));
    expect(reads.some((r) => r.userId === supervisor.user.id)).toBe(true);
  });

  test('400 for a malformed number or a missing identity, 401 without a session, 403 for an officer', async () => {
    expect((await ask(agent, 'nonsense', 'Ștefănescu')).status).toBe(400);
    expect((await get(agent, `/api/calls/petition-status?number=${earlier.registrationNumber}`)).status).toBe(400);
    expect((await ask(null, earlier.registrationNumber, 'Ștefănescu')).status).toBe(401);
    expect((await ask(officer, earlier.registrationNumber, 'Ștefănescu')).status).toBe(403);
  });
});

describe('GET /api/calls/reasons', () => {
  test('the general reasons and one per category', async () => {
    const res = await get(agent, '/api/calls/reasons');
    expect(res.status).toBe(200);
    const reasons = await res.json();
    expect(reasons).toContainEqual({ code: 'status_petitie', label: 'Stadiul unei petiții', categoryCode: null });
    expect(reasons).toContainEqual(expect.objectContaining({ code: 'informatii_generale', categoryCode: null }));
    expect(reasons).toContainEqual({ code: 'strazi-trotuare', label: 'Străzi secundare, trotuare, gropi', categoryCode: 'strazi-trotuare' });
    expect((await get(null, '/api/calls/reasons')).status).toBe(401);
    expect((await get(officer, '/api/calls/reasons')).status).toBe(403);
  });
});

describe('a petition registered by phone', () => {
  test('the agent registers it for the caller; the SMS with the number, the code and the tracking link goes to the outbox', async () => {
    const res = await t.app.request('/api/petitions', {
      method: 'POST',
      headers: agent.headers,
      body: JSON.stringify(petitionInput({ petitioner: { kind: 'person', firstName: 'Vasile', lastName: 'Munteanu', email: null, phone: '0744 555 666', address: null } })),
    });
    expect(res.status).toBe(201);
    const created = await res.json();
    const [row] = await t.db.select().from(petitions).where(eq(petitions.registrationNumber, created.registrationNumber));
    expect(row).toMatchObject({ channel: 'phone', createdByUserId: agent.user.id, identified: true });
    const notices = await t.db.select().from(outbox).where(eq(outbox.petitionId, row!.id));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ channel: 'sms', recipient: '+40744555666', template: 'petition.registered', status: 'pending' });
    expect(notices[0]!.body).toContain(created.registrationNumber);
    expect(notices[0]!.body).toContain(created.trackingCode);
    // The SMS carries the code once and a link without it (two UCS-2 parts).
    expect(notices[0]!.body).toContain(`https://petitii.test/urmarire/${created.registrationNumber}`);

    // The call is then completed with the petition linked by its number.
    const call = await t.app.request('/api/calls', {
      method: 'POST',
      headers: agent.headers,
      body: JSON.stringify({ phone: '0744555666', direction: 'incoming', startedAt: '2026-11-26T09:50:00Z', endedAt: '2026-11-26T09:58:00Z', reason: 'strazi-trotuare', notes: '', outcome: 'petition_registered', registrationNumbers: [created.registrationNumber] }),
    });
    expect(call.status).toBe(201);
    expect((await call.json()).petitions).toEqual([{ id: row!.id, registrationNumber: created.registrationNumber }]);
  });

  test('without the caller’s identification it is not a petition: 400, and the agent logs the call instead', async () => {
    const res = await t.app.request('/api/petitions', {
      method: 'POST',
      headers: agent.headers,
      body: JSON.stringify(petitionInput({ petitioner: { kind: 'person', firstName: 'Vasile', lastName: null, email: null, phone: '0744 555 666', address: null } })),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('petitions.unidentified');
    // A landline only is no way to receive the answer either.
    const landline = await t.app.request('/api/petitions', {
      method: 'POST',
      headers: agent.headers,
      body: JSON.stringify(petitionInput({ petitioner: { kind: 'person', firstName: 'Vasile', lastName: 'Munteanu', email: null, phone: '021 555 1234', address: null } })),
    });
    expect(landline.status).toBe(400);
  });
});
