// The dashboard (issue 6 §2): who sees what, and the figures assembled from the repository's grouped
// queries. The delegate and the administrator see every department; a head or a service director their
// own; the call-center supervisor the call figures (the supervisor's GET /api/calls/stats, reused).
import { and, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { petitions } from '../../../db/schema';
import { DASHBOARD_LIST_SIZE, DASHBOARD_ROLES, type DashboardListEntry, type DashboardPetitions, type DashboardQuery, type DashboardResponse } from '../../../shared/api/dashboard';
import { bucharestDateOf } from '../../../shared/domain/dates';
import { CHANNELS, type Channel } from '../../../shared/domain/petition-codes';
import type { LegalCalendar } from '../../../shared/domain/calendar';
import type { Clock } from '../../lib/clock';
import { appError } from '../../lib/errors';
import { loadAccessContext, visibilityCondition } from '../access/access';
import type { SessionUser } from '../auth/auth.usecases';
import { loadLegalCalendar } from '../calendar/calendar.repository';
import { callStats } from '../calls/call-stats.usecases';
import { clockParts } from '../petitions/staff-petitions.usecases';
import { dashboardPeriods, instants, type Periods } from './dashboard-periods';
import * as repo from './dashboard.repository';

/** What of the dashboard each role sees (DASHBOARD_ROLES: who has one at all). */
const CITY_ROLES = ['delegate', 'admin'] as const;
const DEPARTMENT_ROLES = ['head', 'director'] as const;
const CALL_ROLES = ['supervisor', 'delegate', 'admin'] as const;
const TOP_CATEGORIES = 10;

const has = (list: readonly string[], role: string) => list.includes(role);

export async function getDashboard({ db, clock, user, query }: { db: Db; clock: Clock; user: SessionUser; query: DashboardQuery }): Promise<DashboardResponse> {
  if (!has(DASHBOARD_ROLES, user.role)) throw appError('auth.forbidden', 'Your role has no dashboard.');
  if (has(DEPARTMENT_ROLES, user.role) && !user.departmentId) throw appError('auth.forbidden', 'Your account belongs to no department.');
  const now = clock.now();
  const today = bucharestDateOf(now);
  const periods = dashboardPeriods({ today, from: query.from, to: query.to });
  const cityWide = has(CITY_ROLES, user.role);
  const department = has(DEPARTMENT_ROLES, user.role);

  let petitionFigures: DashboardPetitions | null = null;
  const departments = await repo.listDepartments(db);
  if (cityWide || department) {
    const ctx = await loadAccessContext(db, user);
    // The staff list's visibility, narrowed to the department for a head or a director: what each number
    // counts is what its list shows.
    const scope = department ? and(visibilityCondition(ctx), eq(petitions.handlerDepartmentId, user.departmentId!))! : visibilityCondition(ctx);
    const rows = department ? departments.filter((d) => d.id === user.departmentId) : departments;
    petitionFigures = await petitionsSection(db, { scope, today, periods, departments: rows });
  }
  const calls = has(CALL_ROLES, user.role) ? await callStats({ db, clock, from: periods.calls.from, to: periods.calls.to }) : null;
  return {
    generatedAt: now.toISOString(),
    today,
    timeZone: 'Europe/Bucharest',
    scope: {
      kind: department ? 'department' : 'city',
      departmentCode: department ? user.departmentCode : null,
      departmentName: department ? departments.find((d) => d.id === user.departmentId)?.name ?? null : null,
    },
    petitions: petitionFigures,
    calls,
  };
}

async function petitionsSection(
  db: Db,
  { scope, today, periods, departments }: { scope: SQL; today: string; periods: Periods; departments: Array<{ code: string; name: string }> },
): Promise<DashboardPetitions> {
  const calendar = await loadLegalCalendar(db);
  const parts = clockParts(today, calendar);
  const weeks = { start: instants(periods.weeks[0]!).start, end: instants(periods.weeks.at(-1)!).end };
  const months = { start: instants(periods.months[0]!).start, end: instants(periods.months.at(-1)!).end };
  const [open, overdue, atRisk, received, answered, top] = await Promise.all([
    repo.openByDepartment(db, scope, parts),
    repo.dueList(db, scope, parts, 'breached', DASHBOARD_LIST_SIZE),
    repo.dueList(db, scope, parts, 'at_risk', DASHBOARD_LIST_SIZE),
    repo.receivedByWeekAndChannel(db, scope, weeks),
    repo.answeredByDepartmentAndMonth(db, scope, months),
    repo.topCategories(db, scope, instants(periods.categories), TOP_CATEGORIES),
  ]);

  // Every active department has a row, even with nothing open; then the petitions without a department.
  const openRows = [
    ...departments.map((d) => open.find((o) => o.code === d.code) ?? { code: d.code, name: d.name, total: 0, on_time: 0, paused: 0, at_risk: 0, breached: 0 }),
    ...open.filter((o) => !departments.some((d) => d.code === o.code)),
  ];
  const totals = openRows.reduce(
    (t, r) => ({ on_time: t.on_time + r.on_time, paused: t.paused + r.paused, at_risk: t.at_risk + r.at_risk, breached: t.breached + r.breached, total: t.total + r.total }),
    { on_time: 0, paused: 0, at_risk: 0, breached: 0, total: 0 },
  );

  const byWeek = new Map<string, Record<string, number>>();
  for (const r of received) byWeek.set(r.week, { ...byWeek.get(r.week), [r.channel]: r.count });
  const share = (inTime: number, n: number) => (n === 0 ? null : Math.round((inTime / n) * 1000) / 10);
  const rate = (r: { answered: number; inTime: number } | undefined) => ({ answered: r?.answered ?? 0, inTime: r?.inTime ?? 0, share: r ? share(r.inTime, r.answered) : null });
  const departmentCodes = [...new Set(answered.filter((r) => r.level !== 'month').map((r) => r.code))];

  return {
    open: { departments: openRows, totals },
    overdue: overdue.map((r) => listEntry(r, today, calendar, 'breached')),
    atRisk: atRisk.map((r) => listEntry(r, today, calendar, 'at_risk')),
    receivedByWeek: {
      from: periods.weeks[0]!.from,
      to: periods.weeks.at(-1)!.to,
      channels: [...CHANNELS],
      weeks: periods.weeks.map((w) => {
        const counts = byWeek.get(w.weekStart) ?? {};
        const byChannel = Object.fromEntries(CHANNELS.map((c: Channel) => [c, counts[c] ?? 0]));
        return { ...w, byChannel, total: Object.values(byChannel).reduce((s, n) => s + n, 0) };
      }),
    },
    answered: {
      from: periods.months[0]!.from,
      to: periods.months.at(-1)!.to,
      months: periods.months,
      overall: periods.months.map((m) => {
        const r = answered.find((a) => a.level === 'month' && a.month === m.month);
        return { month: m.month, ...rate(r), medianDays: r?.medianDays ?? null };
      }),
      departments: departmentCodes
        .map((code) => {
          const total = answered.find((a) => a.level === 'department' && a.code === code);
          return {
            code,
            name: total?.name ?? null,
            total: rate(total),
            months: periods.months.map((m) => ({ month: m.month, ...rate(answered.find((a) => a.level === 'department-month' && a.code === code && a.month === m.month)) })),
          };
        })
        .sort((a, b) => b.total.answered - a.total.answered),
    },
    topCategories: { from: periods.categories.from, to: periods.categories.to, items: top },
  };
}

function listEntry(
  r: Awaited<ReturnType<typeof repo.dueList>>[number],
  today: string,
  calendar: LegalCalendar,
  state: 'breached' | 'at_risk',
): DashboardListEntry {
  const days = state === 'breached' ? calendar.workingDaysBetween(r.dueOn, today) : calendar.workingDaysBetween(today, r.dueOn);
  return { ...r, workingDays: days };
}
