// POST /twilio/sms/status: Twilio's delivery reports, believed only with a valid X-Twilio-Signature for
// exactly the callback URL we gave Twilio (issue 4 §5).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { outbox } from '../../db/schema';
import { createApp } from '../../server/app';
import { fixedClock } from '../../server/lib/clock';
import { createRecordingBus } from '../../server/lib/events';
import { silentLogger } from '../../server/lib/logger';
import { beginDispatch, claimDueNotices, insertNotices, markFailedAttempt, type OutboxRow } from '../../server/modules/notifications/outbox.repository';
import { createTransports } from '../../server/modules/notifications/transports';
import { loadConfig } from '../../server/config';
import { startOutboxWorker } from '../../server/workers/outbox.worker';
import { createTestApp, type TestApp } from '../helpers/app';
import { startFakeTwilio, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN, TEST_FROM, twilioSignature, type FakeTwilio } from '../helpers/fake-twilio';
import { as, seedStaff, signIn } from '../helpers/staff';

let t: TestApp;
let twilio: FakeTwilio;
const clock = fixedClock('2030-01-01T00:00:00Z');

beforeAll(async () => {
  twilio = await startFakeTwilio({ now: () => clock.now() });
  t = await createTestApp({ env: { TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID, TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN, TWILIO_FROM: TEST_FROM } });
  await seedStaff(t);
});
afterAll(async () => {
  await t?.cleanup();
  await twilio?.close();
});

function worker() {
  const transports = createTransports(t.config, silentLogger, { twilioHttpClient: twilio.httpClient });
  return startOutboxWorker({ db: t.db, clock, transports, logger: silentLogger, pollMs: 10, autoStart: false });
}

async function row(id: string): Promise<OutboxRow> {
  const [r] = await t.db.select().from(outbox).where(eq(outbox.id, id));
  return r!;
}

/** Sends one SMS through the worker and the fake Twilio; returns its row and the StatusCallback Twilio got. */
async function sentSms(recipient: string): Promise<{ id: string; sid: string; callback: string }> {
  await insertNotices(t.db, [{ channel: 'sms', recipient, template: 'status-test', body: `Primăria S6: ${recipient}` }]);
  await worker().runOnce();
  const request = twilio.createRequests().find((r) => r.form.To === recipient)!;
  const callback = request.form.StatusCallback!;
  const id = new URL(callback).searchParams.get('outbox')!;
  const r = await row(id);
  expect(r.status).toBe('sent');
  return { id, sid: r.providerId!, callback };
}

/** The form Twilio posts for a status change. */
function reportParams(sid: string, status: string, to: string, extra: Record<string, string> = {}): Record<string, string> {
  return { AccountSid: TEST_ACCOUNT_SID, ApiVersion: '2010-04-01', From: TEST_FROM, To: to, MessageSid: sid, SmsSid: sid, MessageStatus: status, SmsStatus: status, ...extra };
}

/** Posts a report to the app at the callback's path and query; `signature` null sends none. */
function post(callback: string, params: Record<string, string>, signature: string | null = twilioSignature(callback, params), app = t.app) {
  const u = new URL(callback);
  return app.request(`${u.pathname}${u.search}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature === null ? {} : { 'x-twilio-signature': signature }) },
    body: new URLSearchParams(params).toString(),
  });
}

describe('POST /twilio/sms/status', () => {
  test('a signed "delivered" report records Twilio’s status on the notice (204)', async () => {
    const sms = await sentSms('+40744300001');
    expect(sms.callback).toMatch(/^https:\/\/petitii\.test\/twilio\/sms\/status\?outbox=[0-9a-f-]{36}&attempt=[0-9a-f-]{36}$/);
    const res = await post(sms.callback, reportParams(sms.sid, 'delivered', '+40744300001'));
    expect(res.status).toBe(204);
    expect(await row(sms.id)).toMatchObject({ status: 'sent', providerStatus: 'delivered', providerId: sms.sid });
  });

  test('a late "sent" after "delivered" does not move the status back', async () => {
    const sms = await sentSms('+40744300002');
    expect((await post(sms.callback, reportParams(sms.sid, 'delivered', '+40744300002'))).status).toBe(204);
    expect((await post(sms.callback, reportParams(sms.sid, 'sent', '+40744300002'))).status).toBe(204);
    expect((await row(sms.id)).providerStatus).toBe('delivered');
  });

  test('"undelivered" with an error code ends the notice `failed`, shown in the admin outbox with the code, and retryable', async () => {
    const sms = await sentSms('+40744300003');
    const res = await post(sms.callback, reportParams(sms.sid, 'undelivered', '+40744300003', { ErrorCode: '30003' }));
    expect(res.status).toBe(204);
    expect(await row(sms.id)).toMatchObject({ status: 'failed', providerStatus: 'undelivered', lastError: 'Twilio: undelivered (error 30003)' });

    const admin = await signIn(t, 'admin');
    const list = await (await as(t, admin).get('/api/outbox?status=failed&channel=sms')).json();
    expect(list.items.find((i: { id: string }) => i.id === sms.id)).toMatchObject({ status: 'failed', lastError: 'Twilio: undelivered (error 30003)', providerStatus: 'undelivered' });
    const retried = await as(t, admin).post(`/api/outbox/${sms.id}/retry`);
    expect(retried.status).toBe(200);
    // A report about the earlier sending, arriving after the retry, changes nothing.
    expect((await post(sms.callback, reportParams(sms.sid, 'failed', '+40744300003', { ErrorCode: '30003' }))).status).toBe(204);
    expect(await row(sms.id)).toMatchObject({ status: 'pending', providerId: null, providerStatus: null });
    // The retry is a new message, with a new callback address.
    await worker().runOnce();
    const again = await row(sms.id);
    expect(again.status).toBe('sent');
    expect(again.providerId).not.toBe(sms.sid);
    expect(twilio.createRequests().filter((r) => r.form.To === '+40744300003')).toHaveLength(2);
  });

  test('"failed" also ends the notice `failed`', async () => {
    const sms = await sentSms('+40744300004');
    expect((await post(sms.callback, reportParams(sms.sid, 'failed', '+40744300004', { ErrorCode: '30008' }))).status).toBe(204);
    expect(await row(sms.id)).toMatchObject({ status: 'failed', lastError: 'Twilio: failed (error 30008)' });
  });

  describe('a report Twilio did not sign for this address is refused with 403 and changes nothing', () => {
    let sms: { id: string; sid: string; callback: string };
    let before: OutboxRow;
    beforeAll(async () => {
      sms = await sentSms('+40744300010');
      before = await row(sms.id);
    });

    const expectRefused = async (res: Response) => {
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('webhooks.signature_invalid');
      expect(await row(sms.id)).toEqual(before);
    };

    test('no X-Twilio-Signature', async () => {
      await expectRefused(await post(sms.callback, reportParams(sms.sid, 'undelivered', '+40744300010'), null));
    });

    test('a forged signature (signed with another auth token)', async () => {
      const params = reportParams(sms.sid, 'undelivered', '+40744300010');
      await expectRefused(await post(sms.callback, params, twilioSignature(sms.callback, params, 'not-our-auth-token-000000000000')));
    });

    test('a signature that is not base64 HMAC at all', async () => {
      await expectRefused(await post(sms.callback, reportParams(sms.sid, 'undelivered', '+40744300010'), 'forged'));
    });

    test('signed for another URL: another site', async () => {
      const params = reportParams(sms.sid, 'undelivered', '+40744300010');
      const elsewhere = sms.callback.replace('https://petitii.test', 'https://attacker.example');
      await expectRefused(await post(sms.callback, params, twilioSignature(elsewhere, params)));
    });

    test('signed for another URL: another notice’s callback, replayed against this one', async () => {
      const other = await sentSms('+40744300011');
      const params = reportParams(sms.sid, 'undelivered', '+40744300010');
      await expectRefused(await post(sms.callback, params, twilioSignature(other.callback, params)));
    });

    test('a signed report whose status was changed afterwards', async () => {
      const signed = reportParams(sms.sid, 'delivered', '+40744300010');
      await expectRefused(await post(sms.callback, { ...signed, MessageStatus: 'undelivered', SmsStatus: 'undelivered' }, twilioSignature(sms.callback, signed)));
    });
  });

  test('a report for a notice still `sending` (its worker died after Twilio accepted it) settles it as sent, and it is never sent again', async () => {
    await insertNotices(t.db, [{ channel: 'sms', recipient: '+40744300020', template: 'died-after-accept', body: 'Primăria S6: acceptat' }]);
    // A worker claims and dispatches it, Twilio accepts it (SM… below), and the worker dies.
    const claimed = await claimDueNotices(t.db, { now: clock.now(), limit: 100, lockMs: 60_000 });
    expect(claimed.map((n) => n.template)).toEqual(['died-after-accept']);
    const notice = claimed[0]!;
    await beginDispatch(t.db, notice.id, notice.claimToken, { at: clock.now(), lockedUntil: new Date(clock.now().getTime() + 60_000) });
    const callback = `https://petitii.test/twilio/sms/status?outbox=${notice.id}&attempt=${notice.claimToken}`;
    const sid = `SM${'f'.repeat(32)}`;
    expect((await post(callback, reportParams(sid, 'sent', '+40744300020'))).status).toBe(204);
    expect(await row(notice.id)).toMatchObject({ status: 'sent', providerId: sid, providerStatus: 'sent', dispatchedAt: null });

    clock.advance(61_000);
    const creates = twilio.createRequests().length;
    await worker().runOnce();
    expect(twilio.createRequests().length).toBe(creates);
  });

  test('a report for an attempt whose answer was lost (rescheduled `pending`) settles it as sent; a failure report for it changes nothing', async () => {
    await insertNotices(t.db, [
      { channel: 'sms', recipient: '+40744300040', template: 'lost-answer', body: 'Primăria S6: răspuns pierdut' },
      { channel: 'sms', recipient: '+40744300041', template: 'lost-answer', body: 'Primăria S6: eșuat între timp' },
    ]);
    const claimed = await claimDueNotices(t.db, { now: clock.now(), limit: 100, lockMs: 60_000 });
    expect(claimed.map((n) => n.template)).toEqual(['lost-answer', 'lost-answer']);
    for (const n of claimed) {
      await beginDispatch(t.db, n.id, n.claimToken, { at: clock.now(), lockedUntil: new Date(clock.now().getTime() + 60_000) });
      await markFailedAttempt(t.db, n.id, { error: 'Twilio 500', retryAt: new Date(clock.now().getTime() + 10_000), claimToken: n.claimToken, uncertain: true });
    }
    const [accepted, lost] = [claimed.find((n) => n.recipient === '+40744300040')!, claimed.find((n) => n.recipient === '+40744300041')!];
    const url = (n: OutboxRow) => `https://petitii.test/twilio/sms/status?outbox=${n.id}&attempt=${n.claimToken}`;
    expect((await post(url(accepted), reportParams(`SM${'a'.repeat(32)}`, 'sent', '+40744300040'))).status).toBe(204);
    expect((await post(url(lost), reportParams(`SM${'b'.repeat(32)}`, 'undelivered', '+40744300041', { ErrorCode: '30003' }))).status).toBe(204);
    expect(await row(accepted.id)).toMatchObject({ status: 'sent', providerId: `SM${'a'.repeat(32)}`, encoding: 'UCS-2', segments: 1, dispatchedAt: null });
    expect(await row(lost.id)).toMatchObject({ status: 'pending', providerId: null, providerStatus: null, lastError: 'Twilio 500' });

    // The retry: the accepted one is not sent again; the other is looked up (Twilio does not hold it) and sent.
    clock.advance(11_000);
    const creates = twilio.createRequests().length;
    await worker().runOnce();
    expect(twilio.createRequests().slice(creates).map((r) => r.form.To)).toEqual(['+40744300041']);
    expect((await row(lost.id)).status).toBe('sent');
  });

  test('a signed report naming no notice of ours is acknowledged and ignored', async () => {
    const callback = `https://petitii.test/twilio/sms/status?outbox=00000000-0000-4000-8000-000000000000`;
    const res = await post(callback, reportParams(`SM${'0'.repeat(32)}`, 'delivered', '+40744300099'));
    expect(res.status).toBe(204);
  });

  test('a body that is not a form is refused (415)', async () => {
    const sms = await sentSms('+40744300030');
    const u = new URL(sms.callback);
    const res = await t.app.request(`${u.pathname}${u.search}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-twilio-signature': 'x' }, body: '{}' });
    expect(res.status).toBe(415);
  });

  test('without Twilio settings the route answers 404', async () => {
    const config = loadConfig({ PUBLIC_URL: 'https://petitii.test' });
    const app = createApp({ database: t.database, db: t.db, clock: t.clock, config, events: createRecordingBus(), logger: silentLogger });
    const params = reportParams(`SM${'1'.repeat(32)}`, 'delivered', '+40744300001');
    const callback = 'https://petitii.test/twilio/sms/status?outbox=00000000-0000-4000-8000-000000000000';
    expect((await post(callback, params, twilioSignature(callback, params), app)).status).toBe(404);
  });
});
