import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client';
import { outbox } from '../../../db/schema';
import { analyzeSms } from '../../../shared/domain/gsm';

export type OutboxRow = typeof outbox.$inferSelect;
export type NewNotice = typeof outbox.$inferInsert;

export async function insertNotices(db: DbOrTx, notices: NewNotice[]): Promise<void> {
  if (notices.length > 0) await db.insert(outbox).values(notices);
}

/**
 * Claims due notices for one worker: pending ones whose time has come, and ones whose worker died
 * mid-send (lock expired). SKIP LOCKED lets any number of workers share the table without overlap.
 */
export async function claimDueNotices(db: DbOrTx, { now, limit, lockMs }: { now: Date; limit: number; lockMs: number }): Promise<OutboxRow[]> {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      or(
        and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)),
        and(eq(outbox.status, 'sending'), lt(outbox.lockedUntil, now)),
      ),
    )
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  // One token per claim: every later write of this worker on these rows is conditioned on it, so a
  // worker whose lock expired (and whose rows another worker claimed) can no longer act on them.
  const claimToken = randomUUID();
  const claimed = await db
    .update(outbox)
    .set({ status: 'sending', attempts: sql`${outbox.attempts} + 1`, lockedUntil: new Date(now.getTime() + lockMs), claimToken })
    .where(inArray(outbox.id, due))
    .returning();
  // RETURNING has no order: deliver the longest-waiting first.
  return claimed.sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime());
}

const mine = (id: string, claimToken: string | null) =>
  and(eq(outbox.id, id), eq(outbox.status, 'sending'), claimToken ? eq(outbox.claimToken, claimToken) : sql`true`);

/** Extends this worker's lock on one claimed row; false when the row is no longer this worker's. */
export async function holdClaim(db: DbOrTx, id: string, claimToken: string | null, lockedUntil: Date): Promise<boolean> {
  const rows = await db.update(outbox).set({ lockedUntil }).where(mine(id, claimToken)).returning({ id: outbox.id });
  return rows.length === 1;
}

/**
 * Records, before the provider is called, that a call is being made (and extends the lock for it). Committed
 * before the call: if the worker dies during it, the next claim sees `dispatched_at` and asks the provider
 * whether the notice arrived before sending it again. False when the row is no longer this worker's.
 */
export async function beginDispatch(db: DbOrTx, id: string, claimToken: string | null, { at, lockedUntil }: { at: Date; lockedUntil: Date }): Promise<boolean> {
  const rows = await db.update(outbox).set({ dispatchedAt: at, lockedUntil }).where(mine(id, claimToken)).returning({ id: outbox.id });
  return rows.length === 1;
}

/**
 * A provider accepted the notice. Recorded even when this worker's claim has expired meanwhile (the
 * provider's acceptance is a fact, and recording it at once stops another worker from sending again);
 * never over a row already `sent` or `failed` (e.g. by Twilio's status callback).
 */
export async function markSent(
  db: DbOrTx,
  id: string,
  { providerId, at, providerStatus, sms }: { providerId: string; at: Date; providerStatus?: string | null; sms?: { encoding: 'GSM-7' | 'UCS-2'; segments: number } | null },
): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({
      status: 'sent',
      providerId,
      sentAt: at,
      lockedUntil: null,
      dispatchedAt: null,
      lastError: null,
      ...(providerStatus ? { providerStatus, providerStatusAt: at } : {}),
      ...(sms ? { encoding: sms.encoding, segments: sms.segments } : {}),
    })
    .where(and(eq(outbox.id, id), inArray(outbox.status, ['sending', 'pending'])))
    .returning({ id: outbox.id });
  return rows.length === 1;
}

/**
 * An attempt that did not deliver: back to `pending` at `retryAt`, or `failed` when there is none. An
 * `uncertain` outcome (no answer from the provider: a timeout, a cut connection) keeps `dispatched_at`,
 * so the next attempt first asks the provider whether the notice arrived.
 */
export async function markFailedAttempt(
  db: DbOrTx,
  id: string,
  { error, retryAt, claimToken = null, uncertain = false }: { error: string; retryAt: Date | null; claimToken?: string | null; uncertain?: boolean },
): Promise<void> {
  const common = { lockedUntil: null, lastError: error, ...(uncertain ? {} : { dispatchedAt: null }) };
  await db
    .update(outbox)
    .set(retryAt ? { ...common, status: 'pending', nextAttemptAt: retryAt } : { ...common, status: 'failed' })
    .where(mine(id, claimToken));
}

// ---------------------------------------------------------------------------------------------------------
// Twilio's delivery status callback

/** Twilio's message statuses, by how far along they are: a late `sent` never overwrites `delivered`. */
const PROVIDER_STATUS_RANK: Record<string, number> = {
  accepted: 1, scheduled: 1, queued: 1, sending: 2, sent: 3, receiving: 3, received: 3, read: 5,
  delivered: 4, undelivered: 4, failed: 4, canceled: 4,
};
export const PROVIDER_FAILURES = new Set(['undelivered', 'failed', 'canceled']);

export type ProviderStatusUpdate = { outboxId: string; attempt: string | null; providerId: string; status: string; errorCode: string | null; at: Date };

/**
 * Applies one status report to the notice it names (by outbox id and the claim that sent it, both carried in
 * the callback URL). Any status proves Twilio holds the message, so a notice still `sending` (its worker
 * died before recording the answer) or `pending` (the answer was lost, or a 5xx) becomes `sent`;
 * `undelivered`/`failed` end the notice `failed` with the error code, for the administrator to see and
 * retry. Returns what was done, for the log.
 */
export async function recordProviderStatus(db: Db, u: ProviderStatusUpdate): Promise<'updated' | 'ignored'> {
  return db.transaction(async (tx): Promise<'updated' | 'ignored'> => {
    const [row] = await tx.select().from(outbox).where(eq(outbox.id, u.outboxId)).for('update');
    if (!row || row.channel !== 'sms') return 'ignored';
    // A report for another sending of this notice (an earlier one the administrator retried) changes nothing.
    if (u.attempt ? row.claimToken !== u.attempt : row.providerId !== u.providerId) return 'ignored';
    if (row.providerId && row.providerId !== u.providerId) return 'ignored';
    const rank = PROVIDER_STATUS_RANK[u.status] ?? 0;
    const current = row.providerStatus ? (PROVIDER_STATUS_RANK[row.providerStatus] ?? 0) : -1;
    if (rank < current) return 'ignored';
    const failure = PROVIDER_FAILURES.has(u.status);
    // The message of an attempt already rescheduled failed: the retry will send a new one anyway.
    if (failure && row.status === 'pending') return 'ignored';
    const set: Partial<typeof outbox.$inferInsert> = { providerStatus: u.status, providerStatusAt: u.at, providerId: u.providerId };
    if (failure && (row.status === 'sent' || row.status === 'sending')) {
      Object.assign(set, { status: 'failed', lockedUntil: null, dispatchedAt: null, lastError: `Twilio: ${u.status}${u.errorCode ? ` (error ${u.errorCode})` : ''}` });
    } else if (!failure && (row.status === 'sending' || row.status === 'pending')) {
      // Twilio holds the message of this attempt, whatever our worker recorded (a crash, a lost answer, a 5xx).
      const sms = analyzeSms(row.body);
      Object.assign(set, { status: 'sent', sentAt: u.at, lockedUntil: null, dispatchedAt: null, lastError: null, encoding: sms.encoding, segments: sms.segments });
    }
    await tx.update(outbox).set(set).where(eq(outbox.id, row.id));
    return 'updated';
  });
}

// ---------------------------------------------------------------------------------------------------------
// The administrator's outbox page

export type OutboxCursor = { createdAt: Date; id: string };

/** Newest first, `limit` rows after the cursor (keyset on created_at, id). */
export async function listOutbox(
  db: DbOrTx,
  { status, channel, cursor, limit }: { status?: OutboxRow['status'] | undefined; channel?: OutboxRow['channel'] | undefined; cursor?: OutboxCursor | null; limit: number },
): Promise<OutboxRow[]> {
  return db
    .select()
    .from(outbox)
    .where(
      and(
        status ? eq(outbox.status, status) : undefined,
        channel ? eq(outbox.channel, channel) : undefined,
        cursor ? sql`(${outbox.createdAt}, ${outbox.id}) < (${cursor.createdAt.toISOString()}::timestamptz, ${cursor.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(limit);
}

export async function findNotice(db: DbOrTx, id: string): Promise<OutboxRow | null> {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
  return row ?? null;
}

/**
 * A `failed` notice goes back to `pending`, due now, with its attempts reset. Its provider fields are
 * cleared (the next sending is a new message), but not `dispatched_at`: if the last call's outcome was
 * unknown, the worker still asks the provider first. Null when the row is not `failed`.
 */
export async function requeueFailed(db: DbOrTx, id: string, now: Date): Promise<OutboxRow | null> {
  const [row] = await db
    .update(outbox)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now, lockedUntil: null, claimToken: null, providerId: null, providerStatus: null, providerStatusAt: null, sentAt: null })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'failed')))
    .returning();
  return row ?? null;
}
