// Staff queries over the register: queues with keyset pagination, and the petition page's parts.
import { aliasedTable, and, asc, desc, eq, gt, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { attachments, categories, contributions, departments, institutions, petitionEvents, petitions, users } from '../../../db/schema';
import { PETITION_STATUSES, type PetitionStatus } from '../../../shared/domain/petition-codes';

export const OPEN_STATUSES = ['routed', 'in_progress', 'answer_submitted', 'answer_signed', 'approved'] as const;
export const FINAL_STATUSES = ['answered', 'archived', 'forwarded', 'joined', 'filed'] as const;

/**
 * `status in ('…', …)` with the statuses as SQL literals, not parameters. The partial indexes on open
 * petitions (migration 0010) serve a query only when the planner can prove its statuses are among the
 * index's; with parameters it cannot in a cached generic plan, which then walks a department's whole
 * history (2 s instead of 0.2 ms at a million petitions; docs/bench.md).
 */
export function statusIn(statuses: readonly PetitionStatus[]): SQL {
  for (const s of statuses) if (!(PETITION_STATUSES as readonly string[]).includes(s)) throw new Error(`not a status: ${s}`);
  return sql`${petitions.status} in (${sql.raw(statuses.map((s) => `'${s}'`).join(', '))})`;
}

export type Cursor = { dueOn: string; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.dueOn}|${c.id}`).toString('base64url');
}

export function decodeCursor(s: string): Cursor | null {
  const [dueOn, id] = Buffer.from(s, 'base64url').toString().split('|');
  return dueOn && id && /^\d{4}-\d{2}-\d{2}$/.test(dueOn) && /^[0-9a-f-]{36}$/.test(id) ? { dueOn, id } : null;
}

/** Soonest legal due date first; the id breaks ties so the order is total and pages never overlap. */
export async function listPetitions(db: DbOrTx, { where, cursor, limit }: { where: SQL; cursor: Cursor | null; limit: number }) {
  const after = cursor
    ? or(gt(petitions.legalDueOn, cursor.dueOn), and(eq(petitions.legalDueOn, cursor.dueOn), gt(petitions.id, cursor.id)))
    : undefined;
  return db
    .select({
      id: petitions.id,
      registrationNumber: petitions.registrationNumber,
      status: petitions.status,
      subject: petitions.subject,
      categoryCode: categories.code,
      departmentCode: departments.code,
      legalDueOn: petitions.legalDueOn,
      internalDueOn: petitions.internalDueOn,
      internalPausedAt: petitions.internalPausedAt,
      assigneeId: petitions.assigneeId,
      registeredAt: petitions.registeredAt,
      identified: petitions.identified,
      channel: petitions.channel,
    })
    .from(petitions)
    .innerJoin(categories, eq(categories.id, petitions.categoryId))
    .leftJoin(departments, eq(departments.id, petitions.handlerDepartmentId))
    .where(and(where, after))
    .orderBy(asc(petitions.legalDueOn), asc(petitions.id))
    .limit(limit + 1);
}

/**
 * The petitions that match, counted by what decides their clock state: open or not, the legal due date, and
 * the internal due date while it runs (paused: null). One pass over the index; the use case classifies the
 * few groups (a group per pair of due dates) instead of PostgreSQL testing every row three times.
 */
export async function countByDueDates(db: DbOrTx, where: SQL, open: SQL) {
  const internalRunning = sql`case when ${petitions.internalPausedAt} is null then ${petitions.internalDueOn} end`;
  // Grouped by the raw values; the dates become text once per group, not once per row.
  const rows = await db
    .select({
      open: sql<boolean>`${open}`,
      legalDueOn: sql<string>`${petitions.legalDueOn}::text`,
      internalDueOn: sql<string | null>`(${internalRunning})::text`,
      n: sql<number>`count(*)::int`,
    })
    .from(petitions)
    .where(where)
    .groupBy(open, petitions.legalDueOn, internalRunning);
  return rows.map((r) => ({ open: Boolean(r.open), legalDueOn: r.legalDueOn, internalDueOn: r.internalDueOn, n: Number(r.n) }));
}

/** One petition, if the visibility condition lets this user see it. */
export async function findVisiblePetition(db: DbOrTx, id: string, visible: SQL) {
  const [row] = await db
    .select({
      petition: petitions,
      categoryCode: categories.code,
      categoryNameRo: categories.nameRo,
      categoryNameEn: categories.nameEn,
      categoryRouting: categories.routing,
      categoryInternalDays: categories.internalDueWorkingDays,
      departmentCode: departments.code,
      departmentName: departments.name,
      departmentKind: departments.kind,
      institutionCode: institutions.code,
      institutionName: institutions.name,
    })
    .from(petitions)
    .innerJoin(categories, eq(categories.id, petitions.categoryId))
    .leftJoin(departments, eq(departments.id, petitions.handlerDepartmentId))
    .leftJoin(institutions, eq(institutions.id, petitions.handlerInstitutionId))
    .where(and(eq(petitions.id, id), visible));
  return row ?? null;
}
export type VisiblePetition = NonNullable<Awaited<ReturnType<typeof findVisiblePetition>>>;

export async function listTimeline(db: DbOrTx, petitionId: string) {
  return db
    .select({ id: petitionEvents.id, at: petitionEvents.at, type: petitionEvents.type, public: petitionEvents.public, textRo: petitionEvents.textRo, textEn: petitionEvents.textEn, actorName: users.name, data: petitionEvents.data })
    .from(petitionEvents)
    .leftJoin(users, eq(users.id, petitionEvents.actorUserId))
    .where(eq(petitionEvents.petitionId, petitionId))
    .orderBy(asc(petitionEvents.id));
}

export async function listAttachmentMeta(db: DbOrTx, petitionId: string) {
  return db
    .select({ id: attachments.id, fileName: attachments.fileName, contentType: attachments.contentType, size: attachments.size, createdAt: attachments.createdAt })
    .from(attachments)
    .where(eq(attachments.petitionId, petitionId))
    .orderBy(asc(attachments.createdAt));
}

export async function listContributions(db: DbOrTx, petitionId: string) {
  const to = aliasedTable(departments, 'to_department');
  return db
    .select({
      id: contributions.id,
      toDepartmentCode: to.code,
      toDepartmentId: contributions.toDepartmentId,
      question: contributions.question,
      dueOn: contributions.dueOn,
      status: contributions.status,
      answer: contributions.answer,
      answeredAt: contributions.answeredAt,
      createdAt: contributions.createdAt,
    })
    .from(contributions)
    .innerJoin(to, eq(to.id, contributions.toDepartmentId))
    .where(eq(contributions.petitionId, petitionId))
    .orderBy(asc(contributions.createdAt));
}

export async function findUserBrief(db: DbOrTx, id: string | null) {
  if (!id) return null;
  const [row] = await db
    .select({ id: users.id, name: users.name, role: users.role, departmentId: users.departmentId, managerId: users.managerId, active: users.active })
    .from(users)
    .where(eq(users.id, id));
  return row ?? null;
}

/**
 * OG 27/2002 art. 10: earlier petitions of the same petitioner (same e-mail or phone) with a similar text
 * (pg_trgm), shown to the registry as possible repeats.
 */
export async function findSimilarEarlier(db: DbOrTx, p: { id: string; email: string | null; phone: string | null; subject: string; registeredAt: Date }) {
  const samePetitioner = [p.email ? eq(petitions.petitionerEmail, p.email) : undefined, p.phone ? eq(petitions.petitionerPhone, p.phone) : undefined].filter(Boolean) as SQL[];
  if (samePetitioner.length === 0) return [];
  const similarity = sql<number>`similarity(${petitions.subject} || ' ' || left(${petitions.body}, 500), ${p.subject})`;
  return db
    .select({ id: petitions.id, registrationNumber: petitions.registrationNumber, status: petitions.status, subject: petitions.subject, registeredAt: petitions.registeredAt, similarity })
    .from(petitions)
    .where(and(or(...samePetitioner), sql`${petitions.id} <> ${p.id}`, lt(petitions.registeredAt, p.registeredAt), sql`${similarity} > 0.2`))
    .orderBy(desc(similarity))
    .limit(5);
}

export async function countOpenAssignments(db: DbOrTx, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ assigneeId: petitions.assigneeId, n: sql<number>`count(*)::int` })
    .from(petitions)
    .where(and(inArray(petitions.assigneeId, userIds), statusIn(OPEN_STATUSES)))
    .groupBy(petitions.assigneeId);
  return new Map(rows.map((r) => [r.assigneeId!, Number(r.n)]));
}

export { isNull };
