import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { outbox, petitions } from '../../db/schema';
import { createTestApp, petitionInput, type TestApp } from '../helpers/app';

let t: TestApp;
let number: string;
let code: string;
beforeAll(async () => {
  t = await createTestApp();
  const body = await (await t.json('/api/petitions', petitionInput())).json();
  number = body.registrationNumber;
  code = body.trackingCode;
});
afterAll(() => t.cleanup());

describe('GET /api/track/{registrationNumber}', () => {
  test('the number and the code show the status, the due date, who holds it and the public timeline', async () => {
    const res = await t.app.request(`/api/track/${number}?code=${code}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body).toMatchObject({
      registrationNumber: number,
      status: 'registered',
      statusLabel: { ro: 'Înregistrată', en: 'Registered' },
      registeredAt: '2026-11-26T10:00:00.000Z',
      dueOn: '2026-12-28',
      handler: { code: 'DRPMD' },
      answer: null,
    });
    expect(body.events).toHaveLength(1);
    expect(body.events[0]).toMatchObject({ type: 'registered', text: { ro: expect.stringContaining(number) } });
  });

  test('the tracking answer carries no personal data of the petitioner', async () => {
    const text = await (await t.app.request(`/api/track/${number}?code=${code}`)).text();
    for (const personal of ['Ioana', 'Ștefănescu', 'ioana@example.ro', '722123456']) expect(text).not.toContain(personal);
  });

  test('the code is accepted in lower case and without dashes', async () => {
    const res = await t.app.request(`/api/track/${number.toLowerCase()}?code=${code.replace(/-/g, '').toLowerCase()}`);
    expect(res.status).toBe(200);
  });

  test('an unknown number and a wrong code answer the same 404', async () => {
    const wrongCode = await t.app.request(`/api/track/${number}?code=AAAA-BBBB-CCCC-DDDD`);
    const unknown = await t.app.request(`/api/track/P-2026-999999?code=${code}`);
    const malformed = await t.app.request(`/api/track/not-a-number?code=${code}`);
    for (const res of [wrongCode, unknown, malformed]) {
      expect(res.status).toBe(404);
      const { error } = await res.json();
      expect(error.code).toBe('tracking.not_found');
      expect(error.message).toBe('No petition has this number and code.');
    }
  });

  test('a missing code is a 400', async () => {
    const res = await t.app.request(`/api/track/${number}`);
    expect(res.status).toBe(400);
    expect((await res.json()).error.details.fields[0].path).toBe('code');
  });

  test('guessing codes hits the rate limit: RATE_LIMIT_TRACK lookups per 10 minutes, then 429 with Retry-After', async () => {
    const limited = await createTestApp({ env: { RATE_LIMIT_TRACK: '5' }, testDatabase: t.tdb });
    for (let i = 0; i < 5; i++) expect((await limited.app.request(`/api/track/${number}?code=AAAA-AAAA-AAAA-AAA${i}`)).status).toBe(404);
    const res = await limited.app.request(`/api/track/${number}?code=${code}`);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBeTruthy();
  });
});

describe('POST /api/track/{registrationNumber}/resend-code', () => {
  test('a new code goes to the petition e-mail through the outbox, and the old code stops working', async () => {
    const mine = await (await t.json('/api/petitions', petitionInput())).json();
    const res = await t.app.request(`/api/track/${mine.registrationNumber}/resend-code`, { method: 'POST' });
    expect(res.status).toBe(202);
    expect((await t.app.request(`/api/track/${mine.registrationNumber}?code=${mine.trackingCode}`)).status).toBe(404);

    const [row] = await t.db.select({ id: petitions.id }).from(petitions).where(eq(petitions.registrationNumber, mine.registrationNumber));
    const notices = await t.db.select().from(outbox).where(and(eq(outbox.petitionId, row!.id), eq(outbox.template, 'tracking.code_reissued')));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.recipient).toBe('ioana@example.ro');
    const newCode = /Codul nou: ([0-9A-Z-]{19})/.exec(notices[0]!.body)![1]!;
    const tracked = await t.app.request(`/api/track/${mine.registrationNumber}?code=${newCode}`);
    expect(tracked.status).toBe(200);
    expect((await tracked.json()).events.map((e: { type: string }) => e.type)).toEqual(['registered', 'tracking_code_reissued']);
  });

  test('with only a phone, the new code goes by SMS', async () => {
    const mine = await (await t.json('/api/petitions', petitionInput({ petitioner: { kind: 'person', firstName: 'A', lastName: 'B', phone: '0744 555 666' } }))).json();
    await t.app.request(`/api/track/${mine.registrationNumber}/resend-code`, { method: 'POST' });
    const [row] = await t.db.select({ id: petitions.id }).from(petitions).where(eq(petitions.registrationNumber, mine.registrationNumber));
    const notices = await t.db.select().from(outbox).where(and(eq(outbox.petitionId, row!.id), eq(outbox.template, 'tracking.code_reissued')));
    expect(notices.map((n) => [n.channel, n.recipient])).toEqual([['sms', '+40744555666']]);
  });

  test('an unknown or malformed number also answers 202, revealing nothing', async () => {
    expect((await t.app.request('/api/track/P-2026-999999/resend-code', { method: 'POST' })).status).toBe(202);
    expect((await t.app.request('/api/track/xyz/resend-code', { method: 'POST' })).status).toBe(202);
  });

  test('a petition with no e-mail or phone keeps its code: a new one could reach no one', async () => {
    const mine = await (await t.json('/api/petitions', petitionInput({ petitioner: { kind: 'person', firstName: 'A', lastName: 'B', address: 'Str. Brașov 1' } }))).json();
    expect((await t.app.request(`/api/track/${mine.registrationNumber}/resend-code`, { method: 'POST' })).status).toBe(202);
    expect((await t.app.request(`/api/track/${mine.registrationNumber}?code=${mine.trackingCode}`)).status).toBe(200);
  });
});
