// Drizzle queries for the call log: no rules here (STYLE.md "repositories query").
import { and, asc, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { callPetitions, calls, personalDataReads, petitions, users } from '../../../db/schema';
import type { CallDto } from '../../../shared/api/calls';

export type CallRow = typeof calls.$inferSelect;
export type NewCall = typeof calls.$inferInsert;

export async function insertCall(db: DbOrTx, row: NewCall): Promise<CallRow> {
  const [created] = await db.insert(calls).values(row).returning();
  return created!;
}

/** A Twilio call is recorded once, whatever the number of webhook retries: null when the CallSid exists. */
export async function insertTwilioCall(db: DbOrTx, row: NewCall & { twilioCallSid: string }): Promise<CallRow | null> {
  const [created] = await db.insert(calls).values(row).onConflictDoNothing({ target: calls.twilioCallSid }).returning();
  return created ?? null;
}

export async function findCall(db: DbOrTx, id: string): Promise<CallRow | null> {
  const [row] = await db.select().from(calls).where(eq(calls.id, id));
  return row ?? null;
}

export async function findCallBySid(db: DbOrTx, sid: string): Promise<CallRow | null> {
  const [row] = await db.select().from(calls).where(eq(calls.twilioCallSid, sid));
  return row ?? null;
}

/** The conditional update (STYLE.md): null when the row is not in the state `when` expects. */
export async function updateCallIf(db: DbOrTx, id: string, when: SQL | undefined, set: Partial<NewCall>): Promise<CallRow | null> {
  const [row] = await db.update(calls).set(set).where(and(eq(calls.id, id), when)).returning();
  return row ?? null;
}

export async function findInProgressCallOf(db: DbOrTx, agentId: string): Promise<CallRow | null> {
  const [row] = await db.select().from(calls).where(and(eq(calls.agentId, agentId), eq(calls.status, 'in_progress'))).limit(1);
  return row ?? null;
}

export async function linkPetitions(db: DbOrTx, callId: string, petitionIds: string[]): Promise<void> {
  if (petitionIds.length === 0) return;
  await db.insert(callPetitions).values(petitionIds.map((petitionId) => ({ callId, petitionId }))).onConflictDoNothing();
}

export async function countLinks(db: DbOrTx, callId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(callPetitions).where(eq(callPetitions.callId, callId));
  return row?.n ?? 0;
}

export async function findPetitionRefs(db: DbOrTx, by: { ids?: string[]; numbers?: string[] }) {
  const conditions = [
    by.ids?.length ? inArray(petitions.id, by.ids) : undefined,
    by.numbers?.length ? inArray(petitions.registrationNumber, by.numbers) : undefined,
  ].filter((c): c is SQL => c !== undefined);
  if (conditions.length === 0) return [];
  return db.select({ id: petitions.id, registrationNumber: petitions.registrationNumber }).from(petitions).where(or(...conditions));
}

const listColumns = { call: calls, agentName: users.name };

export async function listCalls(db: DbOrTx, { where, cursor, limit, order = 'newest' }: { where: SQL | undefined; cursor?: { startedAt: Date; id: string } | null; limit: number; order?: 'newest' | 'oldest' }) {
  const after = cursor
    ? order === 'newest'
      ? or(lt(calls.startedAt, cursor.startedAt), and(eq(calls.startedAt, cursor.startedAt), lt(calls.id, cursor.id)))
      : undefined
    : undefined;
  const rows = await db
    .select(listColumns)
    .from(calls)
    .leftJoin(users, eq(users.id, calls.agentId))
    .where(and(where, after))
    .orderBy(...(order === 'newest' ? [desc(calls.startedAt), desc(calls.id)] : [asc(calls.startedAt), asc(calls.id)]))
    .limit(limit);
  return withLinks(db, rows);
}

export async function loadCallDto(db: DbOrTx, id: string): Promise<CallDto | null> {
  const [dto] = await listCalls(db, { where: eq(calls.id, id), limit: 1 });
  return dto ?? null;
}

async function withLinks(db: DbOrTx, rows: Array<{ call: CallRow; agentName: string | null }>): Promise<CallDto[]> {
  const ids = rows.map((r) => r.call.id);
  const links = ids.length
    ? await db
        .select({ callId: callPetitions.callId, id: petitions.id, registrationNumber: petitions.registrationNumber })
        .from(callPetitions)
        .innerJoin(petitions, eq(petitions.id, callPetitions.petitionId))
        .where(inArray(callPetitions.callId, ids))
        .orderBy(asc(petitions.registrationNumber))
    : [];
  return rows.map(({ call: c, agentName }) => ({
    id: c.id,
    direction: c.direction,
    phone: c.phone,
    status: c.status,
    startedAt: c.startedAt.toISOString(),
    answeredAt: c.answeredAt?.toISOString() ?? null,
    endedAt: c.endedAt?.toISOString() ?? null,
    durationS: c.durationS,
    agent: c.agentId ? { id: c.agentId, name: agentName ?? '' } : null,
    reason: c.reason,
    notes: c.notes,
    outcome: c.outcome,
    recordingUrl: c.recordingUrl,
    callbackStatus: c.callbackStatus,
    callbackDoneAt: c.callbackDoneAt?.toISOString() ?? null,
    viaTwilio: c.twilioCallSid !== null,
    petitions: links.filter((l) => l.callId === c.id).map((l) => ({ id: l.id, registrationNumber: l.registrationNumber })),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  }));
}

/** GDPR / Legea 190/2018: who looked up which caller, when (one row per reader). */
export async function logPersonalDataReads(db: DbOrTx, rows: Array<{ userId: string; petitionId?: string | null; source: string; subject: string | null; at: Date }>): Promise<void> {
  if (rows.length > 0) await db.insert(personalDataReads).values(rows.map((r) => ({ ...r, petitionId: r.petitionId ?? null })));
}
