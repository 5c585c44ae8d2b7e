// Real delivery (issue 4 §5): the notices of a petition registered through the API reach a real SMTP
// server and a fake of Twilio's REST API, both started by the test on loopback, through nodemailer and the
// official twilio library.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { outbox } from '../../db/schema';
import { analyzeSms } from '../../shared/domain/gsm';
import { loadConfig } from '../../server/config';
import { fixedClock } from '../../server/lib/clock';
import { silentLogger } from '../../server/lib/logger';
import { insertNotices } from '../../server/modules/notifications/outbox.repository';
import { createTransports } from '../../server/modules/notifications/transports';
import { startOutboxWorker } from '../../server/workers/outbox.worker';
import { createTestApp, petitionInput, type TestApp } from '../helpers/app';
import { startFakeTwilio, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN, TEST_FROM, type FakeTwilio } from '../helpers/fake-twilio';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';

let t: TestApp;
let smtp: SmtpSink;
let twilio: FakeTwilio;
// The worker's clock, past every row's next_attempt_at (inserted at the database's now); the fake Twilio
// stamps its messages with it too.
const clock = fixedClock('2030-01-01T00:00:00Z');

beforeAll(async () => {
  smtp = await startSmtpSink();
  twilio = await startFakeTwilio({ now: () => clock.now() });
  t = await createTestApp({
    env: { SMTP_URL: smtp.url, TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID, TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN, TWILIO_FROM: TEST_FROM },
  });
});
afterAll(async () => {
  await t?.cleanup();
  await smtp?.close();
  await twilio?.close();
});

/** SHOW_DELIVERIES=1 prints the messages exactly as the providers received them (for the note). */
function show(title: string, text: string) {
  if (process.env.SHOW_DELIVERIES) console.log(`\n--- ${title} ---\n${text}\n---`);
}

function worker(config = t.config) {
  const transports = createTransports(config, silentLogger, { twilioHttpClient: twilio.httpClient });
  return startOutboxWorker({ db: t.db, clock, transports, logger: silentLogger, pollMs: 10, autoStart: false });
}

async function rowsFor(where: { recipient?: string; template?: string }) {
  const rows = await t.db.select().from(outbox);
  return rows.filter((r) => (!where.recipient || r.recipient === where.recipient) && (!where.template || r.template === where.template));
}

describe('delivery of a petition’s notices to real providers', () => {
  test('the registration e-mail reaches a real SMTP server with the right To, Subject, Message-ID and UTF-8 Romanian text', async () => {
    const res = await t.json('/api/petitions', petitionInput());
    expect(res.status).toBe(201);
    const { registrationNumber, trackingCode } = await res.json();
    await worker().runOnce();

    const [row] = await rowsFor({ recipient: 'ioana@example.ro', template: 'petition.registered' });
    expect(row).toMatchObject({ status: 'sent', attempts: 1, providerId: `<${row!.id}@domnuleprimar>`, lastError: null, dispatchedAt: null });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    show(`the e-mail as the SMTP server received it`, mail.raw);
    expect(mail.envelopeTo).toEqual(['ioana@example.ro']);
    expect(mail.envelopeFrom).toBe('petitii@primarie6.ro');
    expect(mail.headers.get('to')).toBe('ioana@example.ro');
    expect(mail.headers.get('from')).toMatch(/^=\?UTF-8\?Q\?.*\?= <petitii@primarie6\.ro>$|^"?Primăria Sectorului 6"? <petitii@primarie6\.ro>$/);
    expect(mail.messageId).toBe(`<${row!.id}@domnuleprimar>`);
    expect(mail.headers.get('content-type')).toMatch(/text\/plain; charset=utf-8/i);
    expect(mail.subject).toBe(`Petiția dumneavoastră a fost înregistrată cu nr. ${registrationNumber}`);
    expect(mail.text).toBe(row!.body);
    expect(mail.text).toContain(`Petiția dumneavoastră a fost înregistrată la Primăria Sectorului 6 cu numărul ${registrationNumber}`);
    expect(mail.text).toContain(`Codul de urmărire: ${trackingCode}`);
    expect(mail.text).toContain('Serviciul Relații cu Publicul și Gestionare Petiții');
  });

  test('the registration SMS reaches Twilio’s Messages API with Basic auth, To in E.164, From, Body and the StatusCallback', async () => {
    const [row] = await rowsFor({ recipient: '+40722123456', template: 'petition.registered' });
    expect(twilio.createRequests()).toHaveLength(1);
    const request = twilio.createRequests()[0]!;
    show(`the SMS as Twilio's API received it`, `POST ${request.path}\nAuthorization: Basic ${request.basicAuth}\n\n${new URLSearchParams(request.form)}`);
    expect(request.path).toBe(`/2010-04-01/Accounts/${TEST_ACCOUNT_SID}/Messages.json`);
    expect(request.basicAuth).toBe(`${TEST_ACCOUNT_SID}:${TEST_AUTH_TOKEN}`);
    expect(request.headers['content-type']).toMatch(/application\/x-www-form-urlencoded/);
    expect(request.form).toMatchObject({ To: '+40722123456', From: TEST_FROM, Body: row!.body, SmartEncoded: 'false' });
    expect(request.form.StatusCallback).toBe(`https://petitii.test/twilio/sms/status?outbox=${row!.id}&attempt=${row!.claimToken}`);
    expect(request.form.Body).toMatch(/^Primăria S6: petiția nr\. \S+ a fost înregistrată\. Cod: \S+\. Urmărire: https:\/\/petitii\.test\/urmarire\//);

    const sms = analyzeSms(row!.body);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, providerId: twilio.messages[0]!.sid, providerStatus: 'queued', encoding: 'UCS-2', segments: sms.segments });
    expect(sms.segments).toBeGreaterThan(1);
  });

  test('a notice to a phone written the national way is sent to its E.164 form', async () => {
    await insertNotices(t.db, [{ channel: 'sms', recipient: '0744 555 666', template: 'national-form', body: 'Primaria S6: test' }]);
    await worker().runOnce();
    expect(twilio.createRequests().at(-1)!.form.To).toBe('+40744555666');
    const [row] = await rowsFor({ template: 'national-form' });
    expect(row).toMatchObject({ status: 'sent', encoding: 'GSM-7', segments: 1 });
  });

  test('with a Messaging Service SID as TWILIO_FROM, the SMS goes with MessagingServiceSid and no From', async () => {
    const service = `MG${'a'.repeat(32)}`;
    const config = loadConfig({ PUBLIC_URL: 'https://petitii.test', TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID, TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN, TWILIO_FROM: service });
    await insertNotices(t.db, [{ channel: 'sms', recipient: '+40744000111', template: 'via-service', body: 'Primaria S6: serviciu' }]);
    await worker(config).runOnce();
    const request = twilio.createRequests().at(-1)!;
    expect(request.form).toMatchObject({ To: '+40744000111', MessagingServiceSid: service, Body: 'Primaria S6: serviciu' });
    expect(request.form.From).toBeUndefined();
  });

  test('Twilio’s 400 for an invalid number ends the notice `failed` at once, without retries', async () => {
    twilio.script(400);
    await insertNotices(t.db, [{ channel: 'sms', recipient: '+40799000000', template: 'invalid-number', body: 'x' }]);
    await worker().runOnce();
    const [row] = await rowsFor({ template: 'invalid-number' });
    expect(row).toMatchObject({ status: 'failed', attempts: 1, dispatchedAt: null });
    expect(row!.lastError).toMatch(/^Twilio 400 \(error 21211\)/);
  });

  test('a recipient that is not a phone number at all ends `failed` without calling Twilio', async () => {
    const before = twilio.requests.length;
    await insertNotices(t.db, [{ channel: 'sms', recipient: 'not a number', template: 'not-a-number', body: 'x' }]);
    await worker().runOnce();
    const [row] = await rowsFor({ template: 'not-a-number' });
    expect(row).toMatchObject({ status: 'failed', attempts: 1, lastError: 'Not a phone number: not a number' });
    expect(twilio.requests.length).toBe(before);
  });

  test('an SMTP 550 (no such mailbox) ends the e-mail `failed` at once, without retries', async () => {
    smtp.refuseNext(1, 550, 'No such user here');
    await insertNotices(t.db, [{ channel: 'email', recipient: 'nobody@example.ro', template: 'no-mailbox', subject: 'S', body: 'Corp' }]);
    await worker().runOnce();
    const [row] = await rowsFor({ template: 'no-mailbox' });
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row!.lastError).toMatch(/^SMTP 550: .*No such user here/);
  });

  test('without SMTP_URL and TWILIO_* the development transport records the notice and sends nothing', async () => {
    const requests = twilio.requests.length;
    const mails = smtp.attempts;
    const config = loadConfig({ PUBLIC_URL: 'https://petitii.test' });
    const transports = createTransports(config, silentLogger);
    expect([transports.email.kind, transports.sms.kind]).toEqual(['development', 'development']);
    await insertNotices(t.db, [
      { channel: 'email', recipient: 'dev@example.ro', template: 'dev-only', subject: 'Subiect ă', body: 'Corp ș' },
      { channel: 'sms', recipient: '+40744000222', template: 'dev-only', body: 'SMS ț' },
    ]);
    await startOutboxWorker({ db: t.db, clock, transports, logger: silentLogger, pollMs: 10, autoStart: false }).runOnce();
    const rows = await rowsFor({ template: 'dev-only' });
    expect(rows.map((r) => [r.channel, r.status, r.providerId])).toEqual(
      expect.arrayContaining([['email', 'sent', `dev-${rows.find((r) => r.channel === 'email')!.id}`], ['sms', 'sent', `dev-${rows.find((r) => r.channel === 'sms')!.id}`]]),
    );
    expect(rows.find((r) => r.channel === 'sms')).toMatchObject({ encoding: 'UCS-2', segments: 1 });
    expect(twilio.requests.length).toBe(requests);
    expect(smtp.attempts).toBe(mails);
  });

  test('a sent notice is never picked up again', async () => {
    const before = { mails: smtp.received.length, sms: twilio.createRequests().length };
    clock.advance(24 * 3_600_000);
    await worker().runOnce();
    expect({ mails: smtp.received.length, sms: twilio.createRequests().length }).toEqual(before);
    const rows = await t.db.select().from(outbox).where(eq(outbox.status, 'sending'));
    expect(rows).toHaveLength(0);
  });
});
