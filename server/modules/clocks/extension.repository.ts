// Drizzle queries of the extension (OG 27/2002 art. 9): no rules here.
import { and, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { departments, petitionEvents, petitions } from '../../../db/schema';
import { OPEN_STATUSES } from '../../../shared/domain/clock-rules';

/**
 * The petition if `visible` lets this user see it, locked until the transaction ends: a concurrent
 * extension or closed-day recomputation waits, then sees this one's result. NO KEY UPDATE, not UPDATE:
 * the sweeper's inserts take KEY SHARE on the petition (foreign keys) while holding timer rows this
 * transaction's replaceClock deletes; a FOR UPDATE here would deadlock with it.
 */
export async function lockVisiblePetition(tx: DbOrTx, id: string, visible: SQL) {
  const [row] = await tx
    .select({
      id: petitions.id,
      registrationNumber: petitions.registrationNumber,
      regime: petitions.regime,
      status: petitions.status,
      registeredOn: petitions.registeredOn,
      legalDueOn: petitions.legalDueOn,
      extendedAt: petitions.extendedAt,
      routedAt: petitions.routedAt,
      handlerDepartmentId: petitions.handlerDepartmentId,
      assigneeId: petitions.assigneeId,
      identified: petitions.identified,
      email: petitions.petitionerEmail,
      phone: petitions.petitionerPhone,
    })
    .from(petitions)
    .where(and(eq(petitions.id, id), visible))
    .for('no key update');
  return row ?? null;
}

export type ExtendablePetition = NonNullable<Awaited<ReturnType<typeof lockVisiblePetition>>>;

export async function findDepartmentKind(tx: DbOrTx, id: string): Promise<'internal' | 'subordinate' | null> {
  const [row] = await tx.select({ kind: departments.kind }).from(departments).where(eq(departments.id, id));
  return row?.kind ?? null;
}

/** Conditional update (STYLE.md): once only, and only while open; no row back means someone else won. */
export async function markExtended(tx: DbOrTx, { id, legalDueOn, at }: { id: string; legalDueOn: string; at: Date }): Promise<boolean> {
  const rows = await tx
    .update(petitions)
    .set({ legalDueOn, extendedAt: at, updatedAt: at })
    .where(and(eq(petitions.id, id), isNull(petitions.extendedAt), inArray(petitions.status, [...OPEN_STATUSES])))
    .returning({ id: petitions.id });
  return rows.length > 0;
}

export async function insertEvent(tx: DbOrTx, event: typeof petitionEvents.$inferInsert): Promise<void> {
  await tx.insert(petitionEvents).values(event);
}
