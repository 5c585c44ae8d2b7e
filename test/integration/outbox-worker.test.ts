import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { outbox } from '../../db/schema';
import { fixedClock } from '../../server/lib/clock';
import { silentLogger } from '../../server/lib/logger';
import { insertNotices, type OutboxRow } from '../../server/modules/notifications/outbox.repository';
import type { Transports } from '../../server/modules/notifications/transports';
import { backoffMs, MAX_ATTEMPTS, startOutboxWorker } from '../../server/workers/outbox.worker';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(() => tdb.cleanup());

function recordingTransports(fail: (n: OutboxRow) => boolean = () => false) {
  const sent: OutboxRow[] = [];
  const send = async (n: OutboxRow) => {
    if (fail(n)) throw new Error('provider refused');
    sent.push(n);
    return { providerId: `prov-${n.id}` };
  };
  const transports: Transports = { email: { send }, sms: { send } };
  return { sent, transports };
}

async function addNotices(count: number, template: string) {
  await insertNotices(
    tdb.database.db,
    Array.from({ length: count }, (_, i) => ({ channel: i % 2 ? 'sms' : 'email', recipient: i % 2 ? '+40722000000' : 'a@b.ro', template, body: `mesaj ${i}` }) as const),
  );
}

describe('the outbox worker', () => {
  test('delivers each pending notice and records the provider id', async () => {
    await addNotices(3, 'deliver');
    const clock = fixedClock('2030-01-01T00:00:00Z');
    const { sent, transports } = recordingTransports();
    const worker = startOutboxWorker({ db: tdb.database.db, clock, transports, logger: silentLogger, pollMs: 10, autoStart: false });
    expect(await worker.runOnce()).toBeGreaterThanOrEqual(3);
    const rows = await tdb.database.db.select().from(outbox).where(eq(outbox.template, 'deliver'));
    expect(rows.every((r) => r.status === 'sent' && r.providerId === `prov-${r.id}` && r.attempts === 1)).toBe(true);
    expect(sent.filter((n) => n.template === 'deliver')).toHaveLength(3);
  });

  test('a failed delivery is retried later with exponential backoff, then ends `failed` after the last attempt', async () => {
    await addNotices(1, 'flaky');
    const clock = fixedClock('2030-02-01T00:00:00Z');
    const { transports } = recordingTransports((n) => n.template === 'flaky');
    const worker = startOutboxWorker({ db: tdb.database.db, clock, transports, logger: silentLogger, pollMs: 10, autoStart: false });
    await worker.runOnce();
    let [row] = await tdb.database.db.select().from(outbox).where(eq(outbox.template, 'flaky'));
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'provider refused' });
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(clock.now().getTime());
    // Not due yet: nothing happens until the backoff has passed.
    await worker.runOnce();
    [row] = await tdb.database.db.select().from(outbox).where(eq(outbox.template, 'flaky'));
    expect(row!.attempts).toBe(1);
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      clock.advance(2 * 3_600_000);
      await worker.runOnce();
    }
    [row] = await tdb.database.db.select().from(outbox).where(eq(outbox.template, 'flaky'));
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
  });

  test('a notice claimed by a worker that died is claimed again once its lock expires, and sent once', async () => {
    await addNotices(1, 'orphan');
    const clock = fixedClock('2030-03-01T00:00:00Z');
    const dead = recordingTransports(() => true);
    // The first worker claims the row and "dies" before recording anything: simulate by claiming only.
    const { claimDueNotices } = await import('../../server/modules/notifications/outbox.repository');
    await claimDueNotices(tdb.database.db, { now: clock.now(), limit: 100, lockMs: 60_000 });
    const alive = recordingTransports();
    const worker = startOutboxWorker({ db: tdb.database.db, clock, transports: alive.transports, logger: silentLogger, pollMs: 10, autoStart: false });
    await worker.runOnce();
    expect(alive.sent.filter((n) => n.template === 'orphan')).toHaveLength(0);
    clock.advance(61_000);
    await worker.runOnce();
    expect(alive.sent.filter((n) => n.template === 'orphan')).toHaveLength(1);
    expect(dead.sent).toHaveLength(0);
  });

  test('two workers on one database never deliver the same notice twice', async () => {
    await addNotices(60, 'shared');
    const clock = fixedClock('2030-04-01T00:00:00Z');
    const a = recordingTransports();
    const b = recordingTransports();
    const wa = startOutboxWorker({ db: tdb.database.db, clock, transports: a.transports, logger: silentLogger, pollMs: 10, batchSize: 7, autoStart: false });
    const wb = startOutboxWorker({ db: tdb.database.db, clock, transports: b.transports, logger: silentLogger, pollMs: 10, batchSize: 7, autoStart: false });
    for (let i = 0; i < 12; i++) await Promise.all([wa.runOnce(), wb.runOnce()]);
    const ids = [...a.sent, ...b.sent].filter((n) => n.template === 'shared').map((n) => n.id);
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
  });

  test('the backoff doubles per attempt, with jitter, and is capped at an hour', () => {
    expect(backoffMs(1, () => 0.5)).toBe(10_000);
    expect(backoffMs(2, () => 0.5)).toBe(20_000);
    expect(backoffMs(3, () => 0.5)).toBe(40_000);
    expect(backoffMs(30, () => 0.5)).toBe(3_600_000);
    expect(backoffMs(1, () => 0)).toBe(8_000);
    expect(backoffMs(1, () => 1)).toBe(12_000);
  });
});
