// Delivers every notice written to the outbox (DESIGN.md: at-least-once, de-duplicated by the outbox id
// sent to the provider). Claims rows with FOR UPDATE SKIP LOCKED, so any number of workers can run.
import type { Db } from '../../db/client';
import type { Clock } from '../lib/clock';
import type { EventBus } from '../lib/events';
import type { Logger } from '../lib/logger';
import { claimDueNotices, markFailedAttempt, markSent, type OutboxRow } from '../modules/notifications/outbox.repository';
import type { Transports } from '../modules/notifications/transports';

export const MAX_ATTEMPTS = 8;

/** 10 s, 20 s, 40 s … capped at an hour, with ±20 % jitter so failed batches don't retry in lockstep. */
export function backoffMs(attempts: number, random = Math.random): number {
  const base = Math.min(10_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}

export type OutboxWorker = { runOnce(): Promise<number>; stop(): Promise<void> };

export function startOutboxWorker({
  db, clock, transports, logger, events, pollMs, batchSize = 20, lockMs = 60_000, autoStart = true,
}: {
  db: Db; clock: Clock; transports: Transports; logger: Logger; events?: EventBus; pollMs: number; batchSize?: number; lockMs?: number; autoStart?: boolean;
}): OutboxWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | null = null;

  async function deliver(notice: OutboxRow): Promise<void> {
    try {
      const { providerId } = await transports[notice.channel].send(notice);
      await markSent(db, notice.id, { providerId, at: clock.now() });
      events?.emit('outbox.delivered', { id: notice.id, channel: notice.channel });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retryAt = notice.attempts >= MAX_ATTEMPTS ? null : new Date(clock.now().getTime() + backoffMs(notice.attempts));
      logger.warn('notice not delivered', { id: notice.id, channel: notice.channel, attempts: notice.attempts, error: message });
      await markFailedAttempt(db, notice.id, { error: message.slice(0, 1000), retryAt });
    }
  }

  async function runOnce(): Promise<number> {
    const claimed = await claimDueNotices(db, { now: clock.now(), limit: batchSize, lockMs });
    for (const notice of claimed) await deliver(notice);
    return claimed.length;
  }

  async function loop() {
    if (stopped) return;
    try {
      running = runOnce();
      const n = await running;
      timer = setTimeout(loop, n === batchSize ? 0 : pollMs); // drain a backlog without waiting
    } catch (error) {
      logger.warn('outbox worker tick failed', { error: String(error) });
      timer = setTimeout(loop, pollMs * 5);
    } finally {
      running = null;
    }
  }
  if (autoStart) timer = setTimeout(loop, 0);

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => 0);
    },
  };
}
