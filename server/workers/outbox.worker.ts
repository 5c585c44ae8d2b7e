// Delivers every notice written to the outbox (DESIGN.md: at-least-once, de-duplicated by the outbox id
// sent to the provider). Claims rows with FOR UPDATE SKIP LOCKED, so any number of workers can run.
// Transient failures retry with backoff; a permanent refusal ends the notice `failed` at once; a notice
// a provider accepted is never sent again (docs/adr/0006-notice-delivery.md).
import type { Db } from '../../db/client';
import type { Clock } from '../lib/clock';
import type { EventBus } from '../lib/events';
import type { Logger } from '../lib/logger';
import { analyzeSms } from '../../shared/domain/gsm';
import { DeliveryError } from '../modules/notifications/delivery-error';
import { beginDispatch, claimDueNotices, holdClaim, markFailedAttempt, markSent, type OutboxRow } from '../modules/notifications/outbox.repository';
import type { SendResult, Transports } from '../modules/notifications/transports';

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

  const lockDeadline = () => new Date(clock.now().getTime() + lockMs);

  /**
   * One notice, sent at most once to a provider that answered success (docs/adr/0006-notice-delivery.md):
   * 1. a row whose last call has an unknown outcome (`dispatched_at` still set) is first looked up at the
   *    provider, and recorded as sent when the provider holds it;
   * 2. `dispatched_at` is committed before the provider is called, and the call happens only while the
   *    row is still this worker's claim (a worker whose lock expired sends nothing it lost);
   * 3. the provider's acceptance is recorded at once, even if the claim was lost meanwhile.
   */
  async function deliver(notice: OutboxRow): Promise<void> {
    const transport = transports[notice.channel];
    if (notice.dispatchedAt && transport.find) {
      if (!(await holdClaim(db, notice.id, notice.claimToken, lockDeadline()))) return lost(notice);
      let found: SendResult | null;
      try {
        found = await transport.find(notice, notice.dispatchedAt);
      } catch (error) {
        return failed(notice, error);
      }
      if (found) {
        logger.info('notice already held by the provider; not sent again', { id: notice.id, channel: notice.channel, providerId: found.providerId });
        return recordSent(notice, found);
      }
    }
    if (!(await beginDispatch(db, notice.id, notice.claimToken, { at: clock.now(), lockedUntil: lockDeadline() }))) return lost(notice);
    let result: SendResult;
    try {
      result = await transport.send(notice);
    } catch (error) {
      return failed(notice, error);
    }
    return recordSent(notice, result);
  }

  async function recordSent(notice: OutboxRow, { providerId, providerStatus }: SendResult): Promise<void> {
    const sms = notice.channel === 'sms' ? analyzeSms(notice.body) : null;
    const changed = await markSent(db, notice.id, { providerId, providerStatus: providerStatus ?? null, at: clock.now(), sms: sms && { encoding: sms.encoding, segments: sms.segments } });
    if (changed) events?.emit('outbox.delivered', { id: notice.id, channel: notice.channel });
  }

  async function failed(notice: OutboxRow, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    // An error that is not a DeliveryError says nothing about whether the provider holds the message.
    const permanent = error instanceof DeliveryError && error.permanent;
    const uncertain = error instanceof DeliveryError ? error.uncertain : true;
    const retryAt = permanent || notice.attempts >= MAX_ATTEMPTS ? null : new Date(clock.now().getTime() + backoffMs(notice.attempts));
    logger.warn(retryAt ? 'notice not delivered; will retry' : 'notice not delivered; giving up', {
      id: notice.id, channel: notice.channel, attempts: notice.attempts, permanent, uncertain, error: message,
    });
    await markFailedAttempt(db, notice.id, { error: message.slice(0, 1000), retryAt, claimToken: notice.claimToken, uncertain });
  }

  function lost(notice: OutboxRow): void {
    // Our lock expired and another worker claimed the row (or it was settled meanwhile): leave it alone.
    logger.warn('outbox claim lost before sending; left to the worker that holds it', { id: notice.id, channel: notice.channel });
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
