// The dashboard's figures, each one grouped query over an indexed range (STYLE.md: repositories query).
// `scope` is the caller's visibility (and department) condition on "petitions"; `parts` are the clock
// conditions of the staff list (clockParts), so a count and the list it opens always agree. Months and
// weeks are Europe/Bucharest calendar ones.
import { and, asc, eq, not, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../../db/client';
import { answers, categories, departments, petitions } from '../../../db/schema';

export type ClockParts = { open: SQL; breached: SQL; atRisk: SQL; paused: SQL };
export type Range = { start: Date; end: Date };

const int = (v: unknown) => Number(v ?? 0);
const bucharest = (column: SQL | typeof petitions.registeredAt) => sql`(${column} at time zone 'Europe/Bucharest')`;

/** Open petitions (a running clock) per handling department, by clock state: the partial open index. */
export async function openByDepartment(db: DbOrTx, scope: SQL, { open, breached, atRisk, paused }: ClockParts) {
  const rows = await db
    .select({
      code: departments.code,
      name: departments.name,
      total: sql<number>`count(*)::int`,
      breached: sql<number>`(count(*) filter (where ${breached}))::int`,
      atRisk: sql<number>`(count(*) filter (where not ${breached} and ${atRisk}))::int`,
      paused: sql<number>`(count(*) filter (where not ${breached} and not ${atRisk} and ${paused}))::int`,
    })
    .from(petitions)
    .leftJoin(departments, eq(departments.id, petitions.handlerDepartmentId))
    .where(and(scope, open))
    .groupBy(departments.code, departments.name);
  return rows.map((r) => {
    const [total, br, ar, pa] = [r.total, r.breached, r.atRisk, r.paused].map(int) as [number, number, number, number];
    return { code: r.code, name: r.name, total, breached: br, at_risk: ar, paused: pa, on_time: total - br - ar - pa };
  });
}

/** The date a petition's clock state comes from: the earlier of the legal and the running internal date. */
const effectiveDue = sql<string>`least(${petitions.legalDueOn}, case when ${petitions.internalPausedAt} is null then ${petitions.internalDueOn} end)`;

/** The breached (or at-risk) open petitions, the soonest due first; no personal data. */
export async function dueList(db: DbOrTx, scope: SQL, parts: ClockParts, state: 'breached' | 'at_risk', limit: number) {
  const condition = state === 'breached' ? parts.breached : and(not(parts.breached), parts.atRisk);
  return db
    .select({
      id: petitions.id,
      registrationNumber: petitions.registrationNumber,
      subject: petitions.subject,
      status: petitions.status,
      categoryCode: categories.code,
      departmentCode: departments.code,
      legalDueOn: petitions.legalDueOn,
      internalDueOn: petitions.internalDueOn,
      dueOn: sql<string>`${effectiveDue}::text`,
    })
    .from(petitions)
    .innerJoin(categories, eq(categories.id, petitions.categoryId))
    .leftJoin(departments, eq(departments.id, petitions.handlerDepartmentId))
    .where(and(scope, parts.open, condition))
    .orderBy(asc(effectiveDue), asc(petitions.legalDueOn), asc(petitions.id))
    .limit(limit);
}

/** Petitions registered per Monday-based week and channel (registered_at range). */
export async function receivedByWeekAndChannel(db: DbOrTx, scope: SQL, range: Range) {
  const week = sql<string>`to_char(date_trunc('week', ${bucharest(petitions.registeredAt)}), 'YYYY-MM-DD')`;
  const rows = await db
    .select({ week, channel: petitions.channel, n: sql<number>`count(*)::int` })
    .from(petitions)
    .where(and(scope, sql`${petitions.registeredAt} >= ${range.start.toISOString()}::timestamptz`, sql`${petitions.registeredAt} < ${range.end.toISOString()}::timestamptz`))
    .groupBy(week, petitions.channel);
  return rows.map((r) => ({ week: String(r.week), channel: r.channel, count: int(r.n) }));
}

/** The most frequent categories of the petitions registered in the range. */
export async function topCategories(db: DbOrTx, scope: SQL, range: Range, limit: number) {
  const rows = await db
    .select({ code: categories.code, nameRo: categories.nameRo, nameEn: categories.nameEn, n: sql<number>`count(*)::int` })
    .from(petitions)
    .innerJoin(categories, eq(categories.id, petitions.categoryId))
    .where(and(scope, sql`${petitions.registeredAt} >= ${range.start.toISOString()}::timestamptz`, sql`${petitions.registeredAt} < ${range.end.toISOString()}::timestamptz`))
    .groupBy(categories.code, categories.nameRo, categories.nameEn)
    .orderBy(sql`count(*) desc`, asc(categories.code))
    .limit(limit);
  return rows.map((r) => ({ code: r.code, name: { ro: r.nameRo, en: r.nameEn }, count: int(r.n) }));
}

/**
 * Petitions answered in the range, per department and Bucharest month of dispatch, with how many were in
 * time (dispatched on or before the legal due date in force, DOMAIN.md) and the median calendar days from
 * registration to dispatch; grouping sets give the per-month totals and the per-department totals too.
 * The final answer counts (not a Legea 544 complexity notice); a joined petition is answered with its
 * group's answer (OG 27/2002 art. 10), against its own due date. Starts from the dispatched answers of the
 * range (answers_dispatched_idx), then each petition by its key or its joined_into_id.
 */
export async function answeredByDepartmentAndMonth(db: DbOrTx, scope: SQL, range: Range) {
  const from = range.start.toISOString();
  const to = range.end.toISOString();
  const result = await db.execute(sql`
    with dispatched as (
      select a.petition_id, min(a.dispatched_at) as dispatched_at
      from ${answers} a
      where a.dispatched_at >= ${from}::timestamptz and a.dispatched_at < ${to}::timestamptz and a.kind in ('answer', 'l544_refusal')
      group by a.petition_id
    ),
    answered as (
      select ${petitions.handlerDepartmentId} as department_id, ${petitions.registeredOn} as registered_on, ${petitions.legalDueOn} as legal_due_on, d.dispatched_at
      from dispatched d join ${petitions} on ${petitions.id} = d.petition_id
      where ${scope}
      union all
      select ${petitions.handlerDepartmentId}, ${petitions.registeredOn}, ${petitions.legalDueOn}, d.dispatched_at
      from dispatched d join ${petitions} on ${petitions.joinedIntoId} = d.petition_id
      where ${scope}
    ),
    dated as (
      select department_id, registered_on, legal_due_on, (dispatched_at at time zone 'Europe/Bucharest')::date as dispatched_on from answered
    )
    select grouping(dep.code, to_char(x.dispatched_on, 'YYYY-MM')) as level, dep.code as code, dep.name as name,
           to_char(x.dispatched_on, 'YYYY-MM') as month,
           count(*)::int as answered,
           (count(*) filter (where x.dispatched_on <= x.legal_due_on))::int as in_time,
           percentile_cont(0.5) within group (order by x.dispatched_on - x.registered_on) as median_days
    from dated x left join ${departments} dep on dep.id = x.department_id
    group by grouping sets ((dep.code, dep.name, to_char(x.dispatched_on, 'YYYY-MM')), (to_char(x.dispatched_on, 'YYYY-MM')), (dep.code, dep.name))`);
  return rowsOf(result).map((r) => ({
    /** 0: a department's month; 1: a department's total (month null); 2: a month over all departments. */
    level: int(r.level) === 0 ? ('department-month' as const) : int(r.level) === 1 ? ('department' as const) : ('month' as const),
    code: (r.code as string | null) ?? null,
    name: (r.name as string | null) ?? null,
    month: (r.month as string | null) ?? null,
    answered: int(r.answered),
    inTime: int(r.in_time),
    medianDays: r.median_days === null || r.median_days === undefined ? null : Number(r.median_days),
  }));
}

/** The active departments (code, name), for rows with nothing open. */
export async function listDepartments(db: DbOrTx) {
  return db.select({ id: departments.id, code: departments.code, name: departments.name }).from(departments).where(eq(departments.active, true)).orderBy(asc(departments.code));
}
