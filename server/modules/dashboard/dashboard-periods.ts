// The dashboard's periods (pure): from `from`/`to` (Bucharest dates) or the default windows ending today —
// the last 26 Monday-based weeks, the last 12 calendar months, the last 90 days of categories, the last 30
// days of calls. A given `from` starts every chart there.
import { DASHBOARD_MAX_DAYS, DASHBOARD_WINDOWS } from '../../../shared/api/dashboard';
import { addDays, bucharestMidnight, compareIsoDates, dayOfWeek, daysBetween, type IsoDate } from '../../../shared/domain/dates';
import { appError } from '../../lib/errors';

export type Span = { from: IsoDate; to: IsoDate };
export type Periods = {
  weeks: Array<Span & { weekStart: IsoDate }>;
  months: Array<Span & { month: string }>;
  categories: Span;
  calls: Span;
};

const later = (a: IsoDate, b: IsoDate) => (compareIsoDates(a, b) >= 0 ? a : b);
const earlier = (a: IsoDate, b: IsoDate) => (compareIsoDates(a, b) <= 0 ? a : b);
export const mondayOf = (d: IsoDate): IsoDate => addDays(d, -((dayOfWeek(d) + 6) % 7));
const monthStart = (d: IsoDate): IsoDate => `${d.slice(0, 7)}-01`;
const nextMonth = (d: IsoDate): IsoDate => {
  const [y, m] = d.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};
const monthsBack = (d: IsoDate, n: number): IsoDate => {
  const [y, m] = d.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) - n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-01`;
};

export function dashboardPeriods({ today, from, to }: { today: IsoDate; from?: IsoDate | undefined; to?: IsoDate | undefined }): Periods {
  const last = to ?? (from && compareIsoDates(from, today) > 0 ? from : today);
  if (from && daysBetween(from, last) >= DASHBOARD_MAX_DAYS) {
    throw appError('request.invalid', `At most ${DASHBOARD_MAX_DAYS} days.`, { fields: [{ path: 'from', code: 'range_too_long', message: `At most ${DASHBOARD_MAX_DAYS} days` }] });
  }
  const weeks: Periods['weeks'] = [];
  const firstWeek = from ? mondayOf(from) : addDays(mondayOf(last), -7 * (DASHBOARD_WINDOWS.weeks - 1));
  for (let monday = firstWeek; compareIsoDates(monday, last) <= 0; monday = addDays(monday, 7)) {
    weeks.push({ weekStart: monday, from: from ? later(monday, from) : monday, to: earlier(addDays(monday, 6), last) });
  }
  const months: Periods['months'] = [];
  const firstMonth = from ? monthStart(from) : monthsBack(last, DASHBOARD_WINDOWS.months - 1);
  for (let start = firstMonth; compareIsoDates(start, last) <= 0; start = nextMonth(start)) {
    months.push({ month: start.slice(0, 7), from: from ? later(start, from) : start, to: earlier(addDays(nextMonth(start), -1), last) });
  }
  return {
    weeks,
    months,
    categories: { from: from ?? addDays(last, -(DASHBOARD_WINDOWS.categoryDays - 1)), to: last },
    calls: { from: from ?? addDays(last, -(DASHBOARD_WINDOWS.callDays - 1)), to: last },
  };
}

/** The instants of a span: Bucharest midnight of its first day to Bucharest midnight after its last. */
export function instants(span: Span): { start: Date; end: Date } {
  return { start: bucharestMidnight(span.from), end: bucharestMidnight(addDays(span.to, 1)) };
}
