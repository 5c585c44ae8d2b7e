// Drizzle queries of the clock sweeper: claim due timers, load what an escalation needs, write it.
import { and, asc, eq, inArray, isNull, lte, or } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { departments, petitionClocks, petitionEvents, petitions, staffNotices, users } from '../../../db/schema';
import type { StaffMember } from './escalation';

export type ClockRow = typeof petitionClocks.$inferSelect;

const due = (now: Date) => and(isNull(petitionClocks.firedAt), lte(petitionClocks.firesAt, now));

/** The idle tick: one probe of the partial index petition_clocks_due_idx (fires_at where fired_at is null). */
export async function hasDueClock(db: DbOrTx, now: Date): Promise<boolean> {
  const rows = await db.select({ id: petitionClocks.id }).from(petitionClocks).where(due(now)).orderBy(asc(petitionClocks.firesAt)).limit(1);
  return rows.length > 0;
}

/**
 * Due timers, oldest first, locked for this transaction. SKIP LOCKED: a row another sweeper holds is left
 * to it, so any number of sweepers share the table and each timer fires once (DESIGN.md invariants).
 */
export async function claimDueClocks(tx: DbOrTx, { now, limit }: { now: Date; limit: number }): Promise<ClockRow[]> {
  return tx.select().from(petitionClocks).where(due(now)).orderBy(asc(petitionClocks.firesAt), asc(petitionClocks.id)).limit(limit).for('update', { skipLocked: true });
}

export async function markClocksFired(tx: DbOrTx, ids: number[], now: Date): Promise<void> {
  if (ids.length > 0) await tx.update(petitionClocks).set({ firedAt: now }).where(inArray(petitionClocks.id, ids));
}

export async function loadClockPetitions(tx: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({
      id: petitions.id,
      registrationNumber: petitions.registrationNumber,
      subject: petitions.subject,
      status: petitions.status,
      routedAt: petitions.routedAt,
      handlerDepartmentId: petitions.handlerDepartmentId,
      departmentKind: departments.kind,
      assigneeId: petitions.assigneeId,
      concernsUserId: petitions.concernsUserId,
      internalPausedAt: petitions.internalPausedAt,
      legalDueOn: petitions.legalDueOn,
      internalDueOn: petitions.internalDueOn,
      forwardDueOn: petitions.forwardDueOn,
    })
    .from(petitions)
    .leftJoin(departments, eq(departments.id, petitions.handlerDepartmentId))
    .where(inArray(petitions.id, ids));
}

export type ClockPetition = Awaited<ReturnType<typeof loadClockPetitions>>[number];

/** Active staff who may be told: the registry, the delegates, the departments' heads and directors, the assignees. */
export async function loadStaffFor(tx: DbOrTx, { departmentIds, userIds }: { departmentIds: string[]; userIds: string[] }): Promise<StaffMember[]> {
  const inDepartments = departmentIds.length > 0 ? and(inArray(users.role, ['head', 'director']), inArray(users.departmentId, departmentIds)) : undefined;
  const assignees = userIds.length > 0 ? inArray(users.id, userIds) : undefined;
  return tx
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, departmentId: users.departmentId, managerId: users.managerId })
    .from(users)
    .where(and(eq(users.active, true), or(inArray(users.role, ['registry', 'delegate']), inDepartments, assignees)));
}

/** The whole reporting line (a few hundred rows at most), for the conduct rule. */
export async function loadManagerMap(tx: DbOrTx): Promise<Map<string, string | null>> {
  const rows = await tx.select({ id: users.id, managerId: users.managerId }).from(users);
  return new Map(rows.map((r) => [r.id, r.managerId]));
}

export async function insertClockEvents(tx: DbOrTx, rows: Array<typeof petitionEvents.$inferInsert>): Promise<void> {
  if (rows.length > 0) await tx.insert(petitionEvents).values(rows);
}

export async function insertStaffNotices(tx: DbOrTx, rows: Array<typeof staffNotices.$inferInsert>): Promise<void> {
  if (rows.length > 0) await tx.insert(staffNotices).values(rows);
}
