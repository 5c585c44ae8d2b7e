// The staff's view of the register: queues, the petition page, and the petitioner's personal data
// (each read of which is logged, GDPR / Legea 190/2018).
import { and, eq, gte, inArray, isNull, lt, lte, not, or, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client';
import { contributions, departments, personalDataReads, petitions } from '../../../db/schema';
import { QUEUES, type CountsResponse, type ListItem, type ListQuery, type Queue, type QueueCounts } from '../../../shared/api/staff-petitions';
import { bucharestDateOf } from '../../../shared/domain/dates';
import { AT_RISK_WORKING_DAYS } from '../../../shared/domain/deadlines';
import { parseRegistrationNumber } from '../../../shared/domain/registration-number';
import type { Clock } from '../../lib/clock';
import { appError, isAppError } from '../../lib/errors';
import { isCityWide, loadAccessContext, visibilityCondition, type AccessContext } from '../access/access';
import { allowedActions, mayReadPetitioner } from '../access/policy';
import type { SessionUser } from '../auth/auth.usecases';
import { loadLegalCalendar } from '../calendar/calendar.repository';
import { atRiskUntil, petitionClockState } from './clock-state';
import * as search from '../search/search.repository';
import { listFilterConditions } from './staff-list-filters';
import * as repo from './staff-petitions.repository';

const OPEN = [...repo.OPEN_STATUSES];

/** Which petitions each queue holds, for this user; 403 for a queue the role does not have. */
async function queueCondition(db: Db, ctx: AccessContext, q: ListQuery): Promise<SQL | undefined> {
  const cityWide = isCityWide(ctx);
  const forbid = () => appError('auth.forbidden', `Your role has no “${q.queue}” queue.`);
  switch (q.queue) {
    case 'registry':
    case 'decisions':
      if (!['registry', 'admin', 'delegate'].includes(ctx.role)) throw forbid();
      // OG 27/2002 art. 7: unidentified petitions wait for the registry's decision.
      return and(eq(petitions.status, 'registered'), eq(petitions.identified, q.queue === 'registry'));
    case 'department': {
      if (cityWide && q.departmentCode) {
        const [d] = await db.select({ id: departments.id }).from(departments).where(eq(departments.code, q.departmentCode));
        return and(repo.statusIn(OPEN), eq(petitions.handlerDepartmentId, d?.id ?? '00000000-0000-0000-0000-000000000000'));
      }
      if (cityWide) return repo.statusIn(OPEN);
      if (!ctx.departmentId) throw forbid();
      return and(repo.statusIn(OPEN), eq(petitions.handlerDepartmentId, ctx.departmentId));
    }
    case 'mine':
      return and(repo.statusIn(OPEN), eq(petitions.assigneeId, ctx.id));
    case 'approvals':
      // Art. 13: the head signs first; then the director (a service) or the delegate (an internal department).
      if (ctx.role === 'head' && ctx.departmentId) return and(eq(petitions.status, 'answer_submitted'), eq(petitions.handlerDepartmentId, ctx.departmentId));
      if (ctx.role === 'director' && ctx.departmentId) return and(eq(petitions.status, 'answer_signed'), eq(petitions.handlerDepartmentId, ctx.departmentId));
      if (ctx.role === 'delegate') {
        return and(eq(petitions.status, 'answer_signed'), inArray(petitions.handlerDepartmentId, sql`(select ${departments.id} from ${departments} where ${departments.kind} = 'internal')`));
      }
      throw forbid();
    case 'contributions':
      // Petitions another department asked us to contribute to, while our answer is pending.
      if (!ctx.departmentId || !['head', 'officer', 'director'].includes(ctx.role)) throw forbid();
      return inArray(
        petitions.id,
        sql`(select ${contributions.petitionId} from ${contributions} where ${contributions.toDepartmentId} = ${ctx.departmentId} and ${contributions.status} = 'pending')`,
      );
    case 'dispatch':
      if (!['registry', 'admin'].includes(ctx.role)) throw forbid();
      return eq(petitions.status, 'approved');
    case 'all':
      return undefined;
  }
}

function clockCondition(state: 'on_time' | 'at_risk' | 'breached' | 'paused', today: string, calendar: Awaited<ReturnType<typeof loadLegalCalendar>>): SQL {
  const { open, breached, atRisk, paused } = clockParts(today, calendar);
  if (state === 'breached') return and(open, breached)!;
  if (state === 'at_risk') return and(open, not(breached), atRisk)!;
  // As petitionClockState: a paused internal clock shows as paused unless a clock is at risk or breached.
  if (state === 'paused') return and(open, not(breached), not(atRisk), paused)!;
  return and(open, not(breached), not(atRisk), not(paused))!;
}

/** The parts of the clock conditions: open (a clock runs), breached, at risk (when not breached), paused. */
export function clockParts(today: string, calendar: Awaited<ReturnType<typeof loadLegalCalendar>>) {
  const internalRunning = and(sql`${petitions.internalDueOn} is not null`, isNull(petitions.internalPausedAt));
  const breached = or(lt(petitions.legalDueOn, today), and(internalRunning, lt(petitions.internalDueOn, today)))!;
  const atRisk = or(
    and(gte(petitions.legalDueOn, today), lte(petitions.legalDueOn, atRiskUntil(today, AT_RISK_WORKING_DAYS.legal, calendar))),
    and(internalRunning, gte(petitions.internalDueOn, today), lte(petitions.internalDueOn, atRiskUntil(today, AT_RISK_WORKING_DAYS.internal, calendar))),
  )!;
  const open = repo.statusIn(['registered', ...OPEN]);
  const paused = sql`${petitions.internalPausedAt} is not null`;
  return { open, breached, atRisk, paused };
}

export async function listStaffPetitions({ db, clock, user, query }: { db: Db; clock: Clock; user: SessionUser; query: ListQuery }) {
  const ctx = await loadAccessContext(db, user);
  if (!['registry', 'delegate', 'admin', 'head', 'officer', 'director'].includes(ctx.role)) {
    throw appError('auth.forbidden', 'Your role has no access to the petition queues.');
  }
  const calendar = await loadLegalCalendar(db);
  const today = bucharestDateOf(clock.now());
  const conditions: (SQL | undefined)[] = [visibilityCondition(ctx), await queueCondition(db, ctx, query)];
  if (query.status) conditions.push(eq(petitions.status, query.status));
  if (query.clock) conditions.push(clockCondition(query.clock, today, calendar));
  conditions.push(...(await listFilterConditions(db, query)));
  // A registration number finds that petition; anything else is the staff search's match (issue 6 §4:
  // words, diacritics ignored, near spellings), which needs its pg_trgm threshold for the transaction.
  const number = query.q ? parseRegistrationNumber(query.q) : null;
  if (number) conditions.push(eq(petitions.registrationNumber, number.normalized));
  const cursor = query.cursor ? repo.decodeCursor(query.cursor) : null;
  if (query.cursor && !cursor) throw appError('request.invalid', 'Bad cursor.', { fields: [{ path: 'cursor', code: 'invalid', message: 'Bad cursor' }] });
  const list = (tx: DbOrTx, match?: SQL) => repo.listPetitions(tx, { where: and(...conditions, match)!, cursor, limit: query.limit });
  const q = query.q;
  const rows = q && !number
    ? await search.withSearchSettings(db, async (tx) => list(tx, search.matchCondition(await search.resolveSearch(tx, search.parseSearch(q)))))
    : await list(db);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const items: ListItem[] = page.map((r) => ({
    id: r.id,
    registrationNumber: r.registrationNumber,
    status: r.status,
    subject: r.subject,
    categoryCode: r.categoryCode,
    departmentCode: r.departmentCode,
    legalDueOn: r.legalDueOn,
    internalDueOn: r.internalDueOn,
    clock: petitionClockState(r, today, calendar),
    assigneeId: r.assigneeId,
    registeredAt: r.registeredAt.toISOString(),
    identified: r.identified,
    channel: r.channel,
  }));
  return { items, nextCursor: rows.length > query.limit && last ? repo.encodeCursor({ dueOn: last.legalDueOn, id: last.id }) : null };
}

/** The badges count every queue but `all` (the whole register is not a to-do list). */
const COUNTED_QUEUES = QUEUES.filter((q): q is Exclude<Queue, 'all'> => q !== 'all');

/**
 * The badges: for each queue this user has, its petitions by clock state (the same conditions as the
 * list's `clock` filter, so a badge and its filtered list agree). One grouped count per queue, an index-only
 * scan of the partial indexes on open petitions (migration 0010).
 */
export async function countStaffQueues({ db, clock, user }: { db: Db; clock: Clock; user: SessionUser }): Promise<CountsResponse> {
  const ctx = await loadAccessContext(db, user);
  if (!['registry', 'delegate', 'admin', 'head', 'officer', 'director'].includes(ctx.role)) {
    throw appError('auth.forbidden', 'Your role has no access to the petition queues.');
  }
  const calendar = await loadLegalCalendar(db);
  const today = bucharestDateOf(clock.now());
  const { open } = clockParts(today, calendar);
  // The same boundaries as the list's `clock` filter (clockParts), applied to each group of due dates.
  const legalRiskUntil = atRiskUntil(today, AT_RISK_WORKING_DAYS.legal, calendar);
  const internalRiskUntil = atRiskUntil(today, AT_RISK_WORKING_DAYS.internal, calendar);
  const tally = (groups: Awaited<ReturnType<typeof repo.countByDueDates>>): QueueCounts => {
    const counts: QueueCounts = { total: 0, on_time: 0, at_risk: 0, breached: 0 };
    for (const g of groups) {
      counts.total += g.n;
      if (!g.open) continue;
      const internal = g.internalDueOn;
      const breached = g.legalDueOn < today || (internal !== null && internal < today);
      const atRisk = (g.legalDueOn >= today && g.legalDueOn <= legalRiskUntil) || (internal !== null && internal >= today && internal <= internalRiskUntil);
      counts[breached ? 'breached' : atRisk ? 'at_risk' : 'on_time'] += g.n;
    }
    return counts;
  };
  const visible = visibilityCondition(ctx);
  const counted = await Promise.all(
    COUNTED_QUEUES.map(async (queue): Promise<[Queue, QueueCounts] | null> => {
      let where: SQL | undefined;
      try {
        where = await queueCondition(db, ctx, { queue, limit: 50 });
      } catch (error) {
        if (isAppError(error) && error.code === 'auth.forbidden') return null; // a queue this role does not have
        throw error;
      }
      return [queue, tally(await repo.countByDueDates(db, and(visible, where)!, open))];
    }),
  );
  return { queues: Object.fromEntries(counted.filter((entry) => entry !== null)) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Loads a petition the user may see, or throws the 404 that hides whether it exists. */
export async function loadVisiblePetition(db: Db, user: SessionUser, id: string) {
  if (!['registry', 'delegate', 'admin', 'head', 'officer', 'director'].includes(user.role)) {
    throw appError('auth.forbidden', 'Your role has no access to petitions.');
  }
  const ctx = await loadAccessContext(db, user);
  const found = UUID.test(id) ? await repo.findVisiblePetition(db, id, visibilityCondition(ctx)) : null;
  if (!found) throw appError('petitions.not_found', 'No such petition.');
  const concerned = await repo.findUserBrief(db, found.petition.concernsUserId);
  return { ctx, found, concerned };
}

export async function getStaffPetition({ db, clock, user, id }: { db: Db; clock: Clock; user: SessionUser; id: string }) {
  const { ctx, found, concerned } = await loadVisiblePetition(db, user, id);
  const p = found.petition;
  const calendar = await loadLegalCalendar(db);
  const today = bucharestDateOf(clock.now());
  const [timeline, files, contributions, assignee] = await Promise.all([
    repo.listTimeline(db, p.id),
    repo.listAttachmentMeta(db, p.id),
    repo.listContributions(db, p.id),
    repo.findUserBrief(db, p.assigneeId),
  ]);
  const facts = { ...p, departmentKind: found.departmentKind, concernedRole: concerned?.role ?? null };
  const showRepeats = p.status === 'registered' && ['registry', 'admin', 'delegate'].includes(ctx.role);
  return {
    id: p.id,
    registrationNumber: p.registrationNumber,
    register: p.register,
    regime: p.regime,
    type: p.type,
    channel: p.channel,
    status: p.status,
    identified: p.identified,
    subject: p.subject,
    body: p.body,
    location: { address: p.locationAddress, lat: p.locationLat, lng: p.locationLng },
    category: { code: found.categoryCode, name: { ro: found.categoryNameRo, en: found.categoryNameEn }, routing: found.categoryRouting },
    department: found.departmentCode ? { code: found.departmentCode, name: found.departmentName, kind: found.departmentKind } : null,
    institution: found.institutionCode ? { code: found.institutionCode, name: found.institutionName } : null,
    assignee: assignee ? { id: assignee.id, name: assignee.name } : null,
    concernsUser: concerned ? { id: concerned.id, name: concerned.name, role: concerned.role } : null,
    registeredAt: p.registeredAt.toISOString(),
    registeredOn: p.registeredOn,
    legalDueOn: p.legalDueOn,
    internalDueOn: p.internalDueOn,
    forwardDueOn: p.forwardDueOn,
    extendedAt: p.extendedAt?.toISOString() ?? null,
    internalPausedAt: p.internalPausedAt?.toISOString() ?? null,
    clock: petitionClockState(p, today, calendar),
    filedReason: p.filedReason,
    timeline: timeline.map((e) => ({ id: e.id, at: e.at.toISOString(), type: e.type, public: e.public, text: { ro: e.textRo, en: e.textEn }, actorName: e.actorName })),
    attachments: files.map((f) => ({ ...f, createdAt: f.createdAt.toISOString() })),
    contributions: contributions.map((c) => ({ ...c, answeredAt: c.answeredAt?.toISOString() ?? null, createdAt: c.createdAt.toISOString() })),
    repeatCandidates: showRepeats
      ? (await repo.findSimilarEarlier(db, { id: p.id, email: p.petitionerEmail, phone: p.petitionerPhone, subject: p.subject, registeredAt: p.registeredAt })).map((r) => ({
          ...r,
          registeredAt: r.registeredAt.toISOString(),
          similarity: Number(r.similarity),
        }))
      : [],
    actions: allowedActions(ctx, facts, today),
  };
}

/** GDPR: the personal data, to those who see the petition; each read is logged (who, when, which). */
export async function readPetitioner({ db, clock, user, id }: { db: Db; clock: Clock; user: SessionUser; id: string }) {
  const { ctx, found } = await loadVisiblePetition(db, user, id);
  const p = found.petition;
  if (!mayReadPetitioner(ctx, p)) throw appError('auth.forbidden', 'Only those who work the petition see the petitioner’s personal data.');
  await db.insert(personalDataReads).values({ userId: user.id, petitionId: p.id, source: 'petitioner', subject: p.registrationNumber, at: clock.now() });
  return {
    kind: p.petitionerKind,
    firstName: p.petitionerFirstName,
    lastName: p.petitionerLastName,
    organizationName: p.petitionerOrganization,
    email: p.petitionerEmail,
    phone: p.petitionerPhone,
    address: p.petitionerAddress,
    identified: p.identified,
  };
}
