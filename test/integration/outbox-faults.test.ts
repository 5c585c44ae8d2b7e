// Faults (issue 4, "Tests that must exist"): the SMTP server refuses for a while, Twilio answers 500, a worker
// dies in the middle of a batch. Every notice arrives, and none twice at a provider that had answered success.
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { outbox } from '../../db/schema';
import { loadConfig, type Config } from '../../server/config';
import { fixedClock } from '../../server/lib/clock';
import { silentLogger } from '../../server/lib/logger';
import { claimDueNotices, insertNotices, type OutboxRow } from '../../server/modules/notifications/outbox.repository';
import { createTransports, type Transport, type Transports } from '../../server/modules/notifications/transports';
import { startOutboxWorker } from '../../server/workers/outbox.worker';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { startFakeTwilio, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN, TEST_FROM, type FakeTwilio } from '../helpers/fake-twilio';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';

let tdb: TestDatabase;
let smtp: SmtpSink;
let twilio: FakeTwilio;
let config: Config;
// The workers' clock (past every row's next_attempt_at), shared with the fake Twilio's message stamps.
const clock = fixedClock('2030-01-01T00:00:00Z');

beforeAll(async () => {
  [tdb, smtp, twilio] = await Promise.all([createTestDatabase(), startSmtpSink(), startFakeTwilio({ now: () => clock.now() })]);
  config = loadConfig({ PUBLIC_URL: 'https://petitii.test', SMTP_URL: smtp.url, TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID, TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN, TWILIO_FROM: TEST_FROM });
});
afterAll(async () => {
  await tdb?.cleanup();
  await smtp?.close();
  await twilio?.close();
});

const realTransports = () => createTransports(config, silentLogger, { twilioHttpClient: twilio.httpClient });

function worker(transports: Transports = realTransports(), batchSize = 20) {
  return startOutboxWorker({ db: tdb.database.db, clock, transports, logger: silentLogger, pollMs: 10, batchSize, autoStart: false });
}

async function rows(template: string): Promise<OutboxRow[]> {
  const all = await tdb.database.db.select().from(outbox).where(eq(outbox.template, template));
  return all.sort((a, b) => a.recipient.localeCompare(b.recipient));
}

/** Runs the worker until the template's notices are settled, moving the clock to each retry's instant. */
async function runUntilSettled(w: { runOnce(): Promise<number> }, template: string, maxRounds = 20): Promise<number> {
  for (let round = 1; round <= maxRounds; round++) {
    await w.runOnce();
    const pending = (await rows(template)).filter((r) => r.status === 'pending' || r.status === 'sending');
    if (pending.length === 0) return round;
    clock.set(new Date(Math.max(...pending.map((r) => r.nextAttemptAt.getTime()), clock.now().getTime())));
  }
  throw new Error(`${template} not settled after ${maxRounds} rounds`);
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('transient failures are retried with backoff, and the notice is delivered once', () => {
  test('the SMTP server answers 451 three times, then accepts: the e-mail is delivered once, on the 4th attempt', async () => {
    smtp.refuseNext(3, 451, 'Greylisted, try again later');
    const attemptsBefore = smtp.attempts;
    await insertNotices(tdb.database.db, [{ channel: 'email', recipient: 'greylist@example.ro', template: 'smtp-451', subject: 'Înregistrare', body: 'Petiția a fost înregistrată.' }]);
    const w = worker();

    await w.runOnce();
    let [row] = await rows('smtp-451');
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.lastError).toMatch(/^SMTP 451: .*Greylisted/);
    // The backoff: ~10 s (±20 %) after the first failure, nothing before.
    const wait = row!.nextAttemptAt.getTime() - clock.now().getTime();
    expect(wait).toBeGreaterThanOrEqual(8_000);
    expect(wait).toBeLessThanOrEqual(12_000);
    await w.runOnce();
    expect(smtp.attempts - attemptsBefore).toBe(1);

    await runUntilSettled(w, 'smtp-451');
    [row] = await rows('smtp-451');
    expect(row).toMatchObject({ status: 'sent', attempts: 4, lastError: null, providerId: `<${row!.id}@domnuleprimar>` });
    expect(smtp.attempts - attemptsBefore).toBe(4);
    expect(smtp.received.filter((m) => m.envelopeTo[0] === 'greylist@example.ro')).toHaveLength(1);
  });

  test('Twilio answers 500 three times, then 201: the SMS is created once, and each retry first asks Twilio whether it holds it', async () => {
    twilio.script(500, 500, 500, 'created');
    const creates = twilio.createRequests().length;
    const lookups = twilio.requests.filter((r) => r.method === 'GET').length;
    const created = twilio.messages.length;
    await insertNotices(tdb.database.db, [{ channel: 'sms', recipient: '+40744100200', template: 'twilio-500', body: 'Primăria S6: petiția nr. P-2026-000042 a fost înregistrată.' }]);

    const w = worker();
    await w.runOnce();
    let [row] = await rows('twilio-500');
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.lastError).toMatch(/^Twilio 500/);
    // A 5xx leaves the outcome unknown: the dispatch mark stays, so the next attempt asks first.
    expect(row!.dispatchedAt).not.toBeNull();

    await runUntilSettled(w, 'twilio-500');
    [row] = await rows('twilio-500');
    expect(twilio.createRequests().length - creates).toBe(4);
    expect(twilio.messages.length - created).toBe(1);
    expect(twilio.requests.filter((r) => r.method === 'GET').length - lookups).toBe(3);
    expect(row).toMatchObject({ status: 'sent', attempts: 4, providerId: twilio.messages.at(-1)!.sid, encoding: 'UCS-2', segments: 1, dispatchedAt: null, lastError: null });
  });

  test('Twilio’s 429 is retried without a look-up (Twilio created nothing)', async () => {
    twilio.script(429, 'created');
    const lookups = twilio.requests.filter((r) => r.method === 'GET').length;
    await insertNotices(tdb.database.db, [{ channel: 'sms', recipient: '+40744100300', template: 'twilio-429', body: 'Primaria S6: test 429' }]);
    await runUntilSettled(worker(), 'twilio-429');
    const [row] = await rows('twilio-429');
    expect(row).toMatchObject({ status: 'sent', attempts: 2, encoding: 'GSM-7', segments: 1 });
    expect(twilio.requests.filter((r) => r.method === 'GET').length).toBe(lookups);
  });
});

describe('a worker killed in the middle of a batch', () => {
  test('SMS: Twilio accepted the 3rd of 5 but the answer never came; after the lock expires a new worker sends the rest, and the 3rd is not sent again', async () => {
    const recipients = ['+40744200001', '+40744200002', '+40744200003', '+40744200004', '+40744200005'];
    await insertNotices(tdb.database.db, recipients.map((to, i) => ({ channel: 'sms' as const, recipient: to, template: 'killed-sms', body: `Primăria S6: notificarea ${i + 1}` })));
    const creates = twilio.createRequests().length;
    const created = twilio.messages.length;
    twilio.script('created', 'created', 'created-then-hang');

    // The first worker: sends two, then hangs on the third (the answer is lost), and is "killed".
    const first = worker(realTransports(), 5);
    const firstRun = first.runOnce();
    await waitFor(() => twilio.createRequests().length - creates === 3, 'the third create request');
    const hungTo = twilio.messages.at(-1)!.to; // created at Twilio, but the worker never heard
    let now = await rows('killed-sms');
    const byTo = (to: string) => now.find((r) => r.recipient === to)!;
    expect(now.filter((r) => r.status === 'sent')).toHaveLength(2);
    expect(byTo(hungTo)).toMatchObject({ status: 'sending', providerId: null });
    expect(byTo(hungTo).dispatchedAt).not.toBeNull(); // the call in flight is recorded
    const untried = now.filter((r) => r.status === 'sending' && r.recipient !== hungTo);
    expect(untried.map((r) => r.dispatchedAt)).toEqual([null, null]); // the ones never tried are not

    // Before the lock expires nobody touches them.
    const second = worker(realTransports(), 5);
    expect(await second.runOnce()).toBe(0);
    clock.advance(61_000);
    await worker(realTransports()).runOnce();

    now = await rows('killed-sms');
    const mine = twilio.messages.slice(created);
    expect(now.map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
    // Five messages at Twilio, one per notice: the 3rd was found at Twilio, not created again.
    expect(mine.map((m) => m.to).sort()).toEqual(recipients);
    expect(twilio.createRequests().length - creates).toBe(5);
    expect(byTo(hungTo).providerId).toBe(mine.find((m) => m.to === hungTo)!.sid);
    expect(now.every((r) => r.providerId && r.encoding === 'UCS-2' && r.segments === 1)).toBe(true);

    // The first worker comes back to life (its connection is cut): it changes nothing and sends nothing.
    twilio.cutHanging();
    await firstRun;
    const after = await rows('killed-sms');
    expect(after.map((r) => [r.status, r.providerId])).toEqual(now.map((r) => [r.status, r.providerId]));
    expect(twilio.createRequests().length - creates).toBe(5);
    expect(twilio.messages.length - created).toBe(5);
  });

  test('e-mail: the worker dies before handing the 3rd of 5 to the SMTP server; a new worker delivers the 3 left, each e-mail arrives once', async () => {
    const recipients = ['k1@example.ro', 'k2@example.ro', 'k3@example.ro', 'k4@example.ro', 'k5@example.ro'];
    await insertNotices(tdb.database.db, recipients.map((to, i) => ({ channel: 'email' as const, recipient: to, template: 'killed-mail', subject: `Notificarea ${i + 1}`, body: `Corpul ${i + 1}: ă â î ș ț` })));
    const real = realTransports();
    let calls = 0;
    let release: (e: Error) => void = () => {};
    const dying: Transport = {
      kind: 'smtp',
      send(n) {
        calls++;
        if (calls <= 2) return real.email.send(n);
        if (calls === 3) return new Promise((_, reject) => (release = reject)); // never answers
        throw new Error('the dead worker must not reach a 4th notice');
      },
    };
    const first = worker({ email: dying, sms: real.sms }, 5);
    const firstRun = first.runOnce();
    await waitFor(() => calls === 3, 'the third send');
    clock.advance(61_000);
    await worker(realTransports()).runOnce();

    const delivered = smtp.received.filter((m) => recipients.includes(m.envelopeTo[0]!));
    expect(delivered.map((m) => m.envelopeTo[0]).sort()).toEqual(recipients);
    const now = await rows('killed-mail');
    expect(now.every((r) => r.status === 'sent')).toBe(true);
    expect(new Set(delivered.map((m) => m.messageId))).toEqual(new Set(now.map((r) => `<${r.id}@domnuleprimar>`)));

    // The first worker's call finally fails: nothing changes, and it does not go on with its batch.
    release(new Error('connection reset'));
    await firstRun;
    expect(calls).toBe(3);
    expect(smtp.received.filter((m) => recipients.includes(m.envelopeTo[0]!))).toHaveLength(5);
    expect((await rows('killed-mail')).map((r) => r.status)).toEqual(now.map((r) => r.status));
  });

  test('a call that outlives the lock: another worker claims the batch meanwhile, and the slow worker sends none of the notices it lost', async () => {
    const sends: string[] = [];
    let takenOver: OutboxRow[] = [];
    const provider: Transport = {
      async send(n) {
        sends.push(n.subject!);
        if (n.subject === 'slow') {
          // The answer takes longer than the lock; meanwhile another worker claims everything expired.
          clock.advance(61_000);
          takenOver = await claimDueNotices(tdb.database.db, { now: clock.now(), limit: 20, lockMs: 60_000 });
        }
        return { providerId: `p-${n.subject}` };
      },
    };
    const due = Date.parse('2029-12-31T00:00:00Z'); // in this order: slow, second, third
    await insertNotices(tdb.database.db, ['slow', 'second', 'third'].map((subject, i) => ({ channel: 'email' as const, recipient: `slow${i}@example.ro`, template: 'slow-call', subject, body: subject, nextAttemptAt: new Date(due + i) })));
    await worker({ email: provider, sms: provider }, 3).runOnce();

    // The slow call's success is recorded (the provider accepted it); the two others are left to the new claim.
    expect(takenOver.map((r) => r.subject).sort()).toEqual(['second', 'slow', 'third']);
    expect(sends).toEqual(['slow']);
    let now = await rows('slow-call');
    expect(now.map((r) => [r.subject, r.status])).toEqual([['slow', 'sent'], ['second', 'sending'], ['third', 'sending']]);

    // The new claimant is "killed" too; once its lock expires, a third worker sends what is left, once each.
    clock.advance(61_000);
    await worker({ email: provider, sms: provider }).runOnce();
    now = await rows('slow-call');
    expect(now.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    expect(sends.sort()).toEqual(['second', 'slow', 'third']);
  });

  test('a cut connection leaves the outcome unknown; Twilio holds that message but could not deliver it, so the retry sends a new one', async () => {
    await insertNotices(tdb.database.db, [{ channel: 'sms', recipient: '+40744400001', template: 'cut-undelivered', body: 'Primăria S6: a doua încercare' }]);
    twilio.script('created-then-hang');
    const w = worker();
    const run = w.runOnce();
    await waitFor(() => twilio.createRequests().some((r) => r.form.To === '+40744400001'), 'the create request');
    twilio.cutHanging();
    await run;
    let [row] = await rows('cut-undelivered');
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.dispatchedAt).not.toBeNull();
    const first = twilio.messages.find((m) => m.to === '+40744400001')!;
    first.status = 'undelivered';

    await runUntilSettled(w, 'cut-undelivered');
    [row] = await rows('cut-undelivered');
    const both = twilio.messages.filter((m) => m.to === '+40744400001');
    expect(both).toHaveLength(2);
    expect(row).toMatchObject({ status: 'sent', attempts: 2, providerId: both[1]!.sid });
  });

  test('nothing is left behind: every notice of this file is sent or failed', async () => {
    const open = await tdb.database.db.select().from(outbox).where(inArray(outbox.status, ['pending', 'sending']));
    expect(open).toEqual([]);
  });
});
