import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { answers, petitions, users } from '../../../db/schema';

export type AnswerRow = typeof answers.$inferSelect;

export async function findCurrentAnswer(db: DbOrTx, petitionId: string): Promise<AnswerRow | null> {
  const [row] = await db.select().from(answers).where(and(eq(answers.petitionId, petitionId), eq(answers.current, true)));
  return row ?? null;
}

/** The last dispatched final answer of a petition (a complexity notice is not the answer). */
export async function findDispatchedAnswer(db: DbOrTx, petitionId: string): Promise<AnswerRow | null> {
  const rows = await db.select().from(answers).where(and(eq(answers.petitionId, petitionId), inArray(answers.kind, ['answer', 'l544_refusal'])));
  return rows.filter((r) => r.dispatchedAt).sort((a, b) => b.dispatchedAt!.getTime() - a.dispatchedAt!.getTime())[0] ?? null;
}

export async function insertAnswer(db: DbOrTx, row: typeof answers.$inferInsert): Promise<AnswerRow> {
  const [created] = await db.insert(answers).values(row).returning();
  return created!;
}

export async function updateAnswer(db: DbOrTx, id: string, set: Partial<typeof answers.$inferInsert>): Promise<AnswerRow> {
  const [row] = await db.update(answers).set(set).where(eq(answers.id, id)).returning();
  return row!;
}

export async function findSigner(db: DbOrTx, id: string | null) {
  if (!id) return null;
  const [row] = await db.select({ name: users.name, jobTitle: users.jobTitle, role: users.role }).from(users).where(eq(users.id, id));
  return row ?? null;
}

/** Petitions joined into this one (OG 27/2002 art. 10): the group answered once. */
export async function listJoined(db: DbOrTx, petitionId: string) {
  return db
    .select({ id: petitions.id, registrationNumber: petitions.registrationNumber, email: petitions.petitionerEmail, phone: petitions.petitionerPhone })
    .from(petitions)
    .where(eq(petitions.joinedIntoId, petitionId));
}
