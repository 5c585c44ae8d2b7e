import { and, asc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { outbox } from '../../../db/schema';

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
  return db
    .update(outbox)
    .set({ status: 'sending', attempts: sql`${outbox.attempts} + 1`, lockedUntil: new Date(now.getTime() + lockMs) })
    .where(inArray(outbox.id, due))
    .returning();
}

export async function markSent(db: DbOrTx, id: string, { providerId, at }: { providerId: string; at: Date }): Promise<void> {
  await db
    .update(outbox)
    .set({ status: 'sent', providerId, sentAt: at, lockedUntil: null, lastError: null })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'sending')));
}

export async function markFailedAttempt(
  db: DbOrTx,
  id: string,
  { error, retryAt }: { error: string; retryAt: Date | null },
): Promise<void> {
  await db
    .update(outbox)
    .set(retryAt ? { status: 'pending', nextAttemptAt: retryAt, lockedUntil: null, lastError: error } : { status: 'failed', lockedUntil: null, lastError: error })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'sending')));
}
