// Drizzle queries of the administrator's closed days and of the due-date recomputation they trigger.
import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { categories, closedDays, petitionClocks, petitionEvents, petitions } from '../../../db/schema';
import { OPEN_STATUSES } from '../../../shared/domain/clock-rules';

export async function listClosedDayRows(db: DbOrTx, year?: number) {
  const where = year ? and(gte(closedDays.date, `${year}-01-01`), lte(closedDays.date, `${year}-12-31`)) : undefined;
  return db.select({ date: closedDays.date, name: closedDays.name }).from(closedDays).where(where).orderBy(asc(closedDays.date));
}

/** False when the day is already closed (the primary key decides, so two admins at once get one 409). */
export async function insertClosedDay(tx: DbOrTx, row: typeof closedDays.$inferInsert): Promise<boolean> {
  const rows = await tx.insert(closedDays).values(row).onConflictDoNothing().returning({ date: closedDays.date });
  return rows.length > 0;
}

export async function deleteClosedDay(tx: DbOrTx, date: string) {
  const [row] = await tx.delete(closedDays).where(eq(closedDays.date, date)).returning({ date: closedDays.date, name: closedDays.name });
  return row ?? null;
}

/**
 * Open petitions with a due date on or after `date`, locked until the transaction ends so an extension
 * running at the same time waits and then works on the recomputed dates (NO KEY UPDATE: see
 * extension.repository.ts, the sweeper's foreign-key checks must not wait on it).
 */
export async function lockOpenPetitionsDueFrom(tx: DbOrTx, date: string) {
  return tx
    .select({
      id: petitions.id,
      registrationNumber: petitions.registrationNumber,
      regime: petitions.regime,
      status: petitions.status,
      registeredOn: petitions.registeredOn,
      routedAt: petitions.routedAt,
      legalDueOn: petitions.legalDueOn,
      internalDueOn: petitions.internalDueOn,
      forwardDueOn: petitions.forwardDueOn,
      extendedAt: petitions.extendedAt,
      internalPausedAt: petitions.internalPausedAt,
      handlerDepartmentId: petitions.handlerDepartmentId,
      assigneeId: petitions.assigneeId,
      deadlineDays: categories.deadlineDays,
      deadlineCounting: categories.deadlineCounting,
    })
    .from(petitions)
    .innerJoin(categories, eq(categories.id, petitions.categoryId))
    .where(
      and(
        inArray(petitions.status, [...OPEN_STATUSES]),
        or(gte(petitions.legalDueOn, date), gte(petitions.internalDueOn, date), gte(petitions.forwardDueOn, date)),
      ),
    )
    .orderBy(asc(petitions.legalDueOn))
    .for('no key update', { of: petitions });
}

export type RecomputedPetition = Awaited<ReturnType<typeof lockOpenPetitionsDueFrom>>[number];

export async function setDueDates(
  tx: DbOrTx,
  id: string,
  set: { legalDueOn?: string; internalDueOn?: string; forwardDueOn?: string; updatedAt: Date },
): Promise<void> {
  await tx.update(petitions).set(set).where(eq(petitions.id, id));
}

export async function insertEvents(tx: DbOrTx, rows: Array<typeof petitionEvents.$inferInsert>): Promise<void> {
  if (rows.length > 0) await tx.insert(petitionEvents).values(rows);
}

/** The at-risk timers still to fire of these petitions: a working day fewer moves some of them earlier. */
export async function unfiredAtRiskTimers(tx: DbOrTx, petitionIds: string[]) {
  if (petitionIds.length === 0) return [];
  return tx
    .select({ id: petitionClocks.id, petitionId: petitionClocks.petitionId, clock: petitionClocks.clock, dueOn: petitionClocks.dueOn, firesAt: petitionClocks.firesAt })
    .from(petitionClocks)
    .where(and(inArray(petitionClocks.petitionId, petitionIds), eq(petitionClocks.stage, 'at_risk'), isNull(petitionClocks.firedAt)));
}

export async function setFiresAt(tx: DbOrTx, id: number, firesAt: Date): Promise<void> {
  await tx.update(petitionClocks).set({ firesAt }).where(and(eq(petitionClocks.id, id), isNull(petitionClocks.firedAt)));
}
