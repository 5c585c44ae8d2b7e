// The figures of the legal reports, computed by PostgreSQL in one statement per report (the test computes
// them again, independently, in TypeScript). Definitions, after DOMAIN.md ("The law in one page"):
//
// - Scope: the petitions of one register (P: OG 27/2002, I: Legea 544/2001) *registered* in the period:
//   `registered_at` from Bucharest midnight of `from` to Bucharest midnight after `to` (a petition sent at
//   2026-06-30T22:30Z, 01:30 in Bucharest, belongs to 1 July).
// - Answered: its answer was dispatched (`answers.dispatched_at`, the first dispatched answer of kind
//   `answer`, or `l544_refusal` for Legea 544). A joined petition (OG 27/2002 art. 10) counts as answered
//   when its group's answer is dispatched: the answer of the petition it was joined into (followed to the
//   group's first petition when joins were chained).
// - In time: dispatched on or before the legal due date in force (`legal_due_on`, which an extension or a
//   Legea 544 complexity notice moves), comparing the Bucharest calendar date of dispatch. A joined
//   petition is in time when its group's dispatch is within its own due date.
// - The outcomes are exclusive: forwarded (art. 6^1), filed (art. 7 anonymous, art. 10 repeated, or
//   withdrawn), answered (in time or late), still open (none of these yet, including a joined petition
//   whose group has no answer yet). `extended` (art. 9) and `joined` (art. 10) count petitions among them.
// - Overdue: still open with a legal due date before the reference date, which is today while the period
//   runs and the day after its end for a past period (at the end of its last day).
// - Days to answer: calendar days from the registration date to the Bucharest date of dispatch, over the
//   answered ones; the median and the 90th percentile interpolate linearly between the closest ranks
//   (percentile_cont, as Excel's PERCENTILE.INC).
// Statuses are the register's as the report is generated: a past period's "still open" counts what is
// open now, and its answers include those dispatched after the period's end.
import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../../db/client';
import { answers, categories, departments, petitions } from '../../../db/schema';

export type Period = { fromInstant: Date; toInstant: Date; referenceDate: string };

export type ReportFacts = {
  total: number;
  answeredInTime: number;
  answeredLate: number;
  extended: number;
  forwarded: number;
  joined: number;
  filedAnonymous: number;
  filedRepeated: number;
  filedWithdrawn: number;
  filed: number;
  stillOpen: number;
  overdue: number;
  /** Legea 544: final answers that are refusals, and answers in time without / after a complexity notice. */
  refused: number;
  answeredInTimeNoNotice: number;
  answeredInTimeAfterNotice: number;
  answered: number;
  median: number | null;
  p90: number | null;
};

export type Breakdown = { dimension: 'channel' | 'type' | 'category' | 'department'; code: string | null; count: number };

const int = (v: unknown) => Number(v ?? 0);
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** One row per petition of the period, with its outcome (see the definitions above). */
function factsCte(register: 'P' | 'I', period: Period) {
  return sql`
    with recursive scope as (
      select p.id, p.channel, p.type, p.category_id, p.handler_department_id, p.status, p.filed_reason,
             p.extended_at, p.joined_into_id, p.registered_on, p.legal_due_on
      from ${petitions} p
      where p.register = ${register}
        and p.registered_at >= ${period.fromInstant.toISOString()}::timestamptz
        and p.registered_at < ${period.toInstant.toISOString()}::timestamptz
    ),
    chain as (
      select s.id, s.joined_into_id as group_id, 1 as depth from scope s where s.joined_into_id is not null
      union all
      select c.id, p.joined_into_id, c.depth + 1
      from chain c join ${petitions} p on p.id = c.group_id
      where p.joined_into_id is not null and c.depth < 20
    ),
    groups as (select distinct on (id) id, group_id from chain order by id, depth desc),
    facts as (
      select s.*, fa.kind as answer_kind,
             (fa.dispatched_at at time zone 'Europe/Bucharest')::date as dispatched_on,
             exists (select 1 from ${answers} n where n.petition_id = coalesce(g.group_id, s.id)
                     and n.kind = 'l544_complexity' and n.dispatched_at is not null) as complexity_notice,
             case when s.status = 'forwarded' then 'forwarded'
                  when s.status = 'filed' then 'filed'
                  when fa.dispatched_at is not null then 'answered'
                  else 'open' end as outcome
      from scope s
      left join groups g on g.id = s.id
      left join lateral (
        select a.dispatched_at, a.kind from ${answers} a
        where a.petition_id = coalesce(g.group_id, s.id) and a.dispatched_at is not null and a.kind in ('answer', 'l544_refusal')
        order by a.dispatched_at limit 1
      ) fa on true
    )`;
}

export async function reportFacts(db: DbOrTx, register: 'P' | 'I', period: Period): Promise<ReportFacts> {
  const result = await db.execute(sql`${factsCte(register, period)}
    select
      count(*) as total,
      count(*) filter (where outcome = 'answered' and answer_kind = 'answer' and dispatched_on <= legal_due_on) as answered_in_time,
      count(*) filter (where outcome = 'answered' and answer_kind = 'answer' and dispatched_on > legal_due_on) as answered_late,
      count(*) filter (where outcome = 'answered' and answer_kind = 'l544_refusal') as refused,
      count(*) filter (where outcome = 'answered' and answer_kind = 'answer' and dispatched_on <= legal_due_on and not complexity_notice) as in_time_no_notice,
      count(*) filter (where outcome = 'answered' and answer_kind = 'answer' and dispatched_on <= legal_due_on and complexity_notice) as in_time_after_notice,
      count(*) filter (where extended_at is not null) as extended,
      count(*) filter (where outcome = 'forwarded') as forwarded,
      count(*) filter (where status = 'joined') as joined,
      count(*) filter (where outcome = 'filed' and filed_reason = 'anonymous') as filed_anonymous,
      count(*) filter (where outcome = 'filed' and filed_reason = 'repeated') as filed_repeated,
      count(*) filter (where outcome = 'filed' and filed_reason = 'withdrawn') as filed_withdrawn,
      count(*) filter (where outcome = 'filed') as filed,
      count(*) filter (where outcome = 'open') as still_open,
      count(*) filter (where outcome = 'open' and legal_due_on < ${period.referenceDate}::date) as overdue,
      count(*) filter (where outcome = 'answered') as answered,
      percentile_cont(0.5) within group (order by dispatched_on - registered_on) filter (where outcome = 'answered') as median,
      percentile_cont(0.9) within group (order by dispatched_on - registered_on) filter (where outcome = 'answered') as p90
    from facts`);
  const r = rowsOf(result)[0] ?? {};
  return {
    total: int(r.total),
    answeredInTime: int(r.answered_in_time),
    answeredLate: int(r.answered_late),
    refused: int(r.refused),
    answeredInTimeNoNotice: int(r.in_time_no_notice),
    answeredInTimeAfterNotice: int(r.in_time_after_notice),
    extended: int(r.extended),
    forwarded: int(r.forwarded),
    joined: int(r.joined),
    filedAnonymous: int(r.filed_anonymous),
    filedRepeated: int(r.filed_repeated),
    filedWithdrawn: int(r.filed_withdrawn),
    filed: int(r.filed),
    stillOpen: int(r.still_open),
    overdue: int(r.overdue),
    answered: int(r.answered),
    median: numOrNull(r.median),
    p90: numOrNull(r.p90),
  };
}

/** Received petitions by channel, type, category code and department code, in one pass (grouping sets). */
export async function reportBreakdowns(db: DbOrTx, register: 'P' | 'I', period: Period): Promise<Breakdown[]> {
  const result = await db.execute(sql`${factsCte(register, period)}
    select case grouping(f.channel, f.type, c.code, d.code)
             when 7 then 'channel' when 11 then 'type' when 13 then 'category' else 'department' end as dimension,
           coalesce(f.channel, f.type, c.code, d.code) as code, count(*) as n
    from facts f
    join ${categories} c on c.id = f.category_id
    left join ${departments} d on d.id = f.handler_department_id
    group by grouping sets ((f.channel), (f.type), (c.code), (d.code))`);
  return rowsOf(result).map((r) => ({ dimension: r.dimension as Breakdown['dimension'], code: (r.code as string | null) ?? null, count: int(r.n) }));
}

/** Codes and Romanian names of the categories of a regime and of the departments, in display order. */
export async function loadCatalogNames(db: DbOrTx) {
  const [cats, depts] = await Promise.all([
    db.select({ code: categories.code, name: categories.nameRo, regime: categories.regime, active: categories.active, sortOrder: categories.sortOrder }).from(categories).orderBy(categories.sortOrder, categories.code),
    db.select({ code: departments.code, name: departments.name, active: departments.active }).from(departments).orderBy(departments.code),
  ]);
  return { categories: cats, departments: depts };
}
