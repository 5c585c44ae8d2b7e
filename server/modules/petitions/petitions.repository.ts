// Drizzle queries for intake: no rules here (STYLE.md "repositories query").
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../db/client';
import { attachments, categories, departments, idempotencyKeys, institutions, outbox, petitionEvents, petitions, registerCounters } from '../../../db/schema';

export type NewPetition = typeof petitions.$inferInsert;
export type NewEvent = typeof petitionEvents.$inferInsert;
export type NewAttachment = typeof attachments.$inferInsert;

export async function findActiveCategory(db: DbOrTx, code: string) {
  const [row] = await db
    .select({
      id: categories.id,
      code: categories.code,
      regime: categories.regime,
      routing: categories.routing,
      handlerDepartmentId: categories.handlerDepartmentId,
      handlerInstitutionId: categories.handlerInstitutionId,
      deadlineDays: categories.deadlineDays,
      deadlineCounting: categories.deadlineCounting,
    })
    .from(categories)
    .where(and(eq(categories.code, code), eq(categories.active, true)));
  return row ?? null;
}

/** The transaction-local setting that carries the number from allocateNumber to the statements after it. */
export const NUMBER_SETTING = 'dp.registration_number';

/**
 * Gapless numbering (DESIGN.md, ADR 0002): the counter row of (register, year) is incremented under its row
 * lock, which is held until this transaction commits; a rollback gives the number back. Call it as late as
 * possible in the transaction. The number is also left in the transaction's NUMBER_SETTING (formatted as
 * formatRegistrationNumber does), so that the statements pipelined after it can write it without waiting
 * for this answer (see numbered()).
 */
export async function allocateNumber(db: DbOrTx, register: 'P' | 'I', year: number): Promise<number> {
  const digits = sql`${registerCounters.last}::text`;
  const [row] = await db
    .insert(registerCounters)
    .values({ register, year, last: 1 })
    .onConflictDoUpdate({ target: [registerCounters.register, registerCounters.year], set: { last: sql`${registerCounters.last} + 1` } })
    .returning({
      last: registerCounters.last,
      set: sql<string>`set_config(${NUMBER_SETTING}, ${`${register}-${year}-`}::text || case when length(${digits}) >= 6 then ${digits} else lpad(${digits}, 6, '0') end, true)`,
    });
  if (!row) throw new Error('register counter returned no row');
  return row.last;
}

/** `text` with `placeholder` replaced, in the database, by the number allocateNumber left in the transaction. */
export function numbered(text: string, placeholder: string): SQL<string> {
  return sql<string>`replace(${text}::text, ${placeholder}::text, current_setting(${NUMBER_SETTING}))`;
}

/** Notices whose texts may carry the placeholder (see numbered()). */
export async function insertNumberedNotices(db: DbOrTx, notices: Array<PgInsertValue<typeof outbox>>): Promise<void> {
  if (notices.length > 0) await db.insert(outbox).values(notices);
}

/** The number itself, from the same setting. */
export const numberedRegistration = sql<string>`current_setting(${NUMBER_SETTING})`;

/** The number's sequence part, from the same setting. */
export const numberedSeq = sql<number>`split_part(current_setting(${NUMBER_SETTING}), '-', 3)::int`;

export async function insertPetition(db: DbOrTx, petition: PgInsertValue<typeof petitions>): Promise<void> {
  await db.insert(petitions).values(petition);
}

export async function insertEvents(db: DbOrTx, events: Array<PgInsertValue<typeof petitionEvents>>): Promise<void> {
  if (events.length > 0) await db.insert(petitionEvents).values(events);
}

export async function insertAttachments(db: DbOrTx, files: NewAttachment[]): Promise<void> {
  for (const file of files) await db.insert(attachments).values(file);
}

/** Claims an idempotency key; false when another request holds it (its row is returned by findKey). */
export async function claimIdempotencyKey(db: DbOrTx, key: string, requestHash: string, now: Date): Promise<boolean> {
  const rows = await db.insert(idempotencyKeys).values({ key, requestHash, createdAt: now }).onConflictDoNothing().returning({ key: idempotencyKeys.key });
  return rows.length > 0;
}

export async function findIdempotencyKey(db: DbOrTx, key: string) {
  const [row] = await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
  return row ?? null;
}

export async function deleteIdempotencyKey(db: DbOrTx, key: string): Promise<void> {
  await db.delete(idempotencyKeys).where(eq(idempotencyKeys.key, key));
}

export async function storeIdempotentResponse(db: DbOrTx, key: string, statusCode: number, response: string | SQL<string>): Promise<void> {
  await db.update(idempotencyKeys).set({ statusCode, response }).where(eq(idempotencyKeys.key, key));
}

export async function findDepartmentName(db: DbOrTx, id: string) {
  const [row] = await db.select({ code: departments.code, name: departments.name }).from(departments).where(eq(departments.id, id));
  return row ?? null;
}

export async function findInstitutionName(db: DbOrTx, id: string) {
  const [row] = await db.select({ code: institutions.code, name: institutions.name }).from(institutions).where(eq(institutions.id, id));
  return row ?? null;
}
