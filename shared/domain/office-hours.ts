// When the call center answers (issue 5 §1): a weekly schedule in Europe/Bucharest wall-clock time, and
// never on a non-working day (weekends, legal holidays, the administrator's closed days). Pure.
import type { LegalCalendar } from './calendar';
import { bucharestDateOf, type IsoDate } from './dates';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
/** `open`/`close` as "HH:MM" (24 h), both null when closed that weekday. */
export type OfficeDay = { weekday: Weekday; open: string | null; close: string | null };
export type OfficeSchedule = OfficeDay[];

export const WEEKDAY_NAMES_RO = ['', 'luni', 'marți', 'miercuri', 'joi', 'vineri', 'sâmbătă', 'duminică'] as const;

/** DOMAIN default: Monday–Thursday 08:30–16:30, Friday 08:30–14:00. */
export const DEFAULT_OFFICE_HOURS: OfficeSchedule = [
  { weekday: 1, open: '08:30', close: '16:30' },
  { weekday: 2, open: '08:30', close: '16:30' },
  { weekday: 3, open: '08:30', close: '16:30' },
  { weekday: 4, open: '08:30', close: '16:30' },
  { weekday: 5, open: '08:30', close: '14:00' },
  { weekday: 6, open: null, close: null },
  { weekday: 7, open: null, close: null },
];

export const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

let formatter: Intl.DateTimeFormat | undefined;

/** The Bucharest weekday and "HH:MM" of an instant (EET/EEST by Intl, DST included). */
export function bucharestClockOf(instant: Date): { date: IsoDate; weekday: Weekday; time: string; hour: number } {
  formatter ??= new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Bucharest', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  let weekday = 1 as Weekday;
  let hour = '00';
  let minute = '00';
  for (const part of formatter.formatToParts(instant)) {
    if (part.type === 'weekday') weekday = (['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(part.value) + 1) as Weekday;
    else if (part.type === 'hour') hour = part.value;
    else if (part.type === 'minute') minute = part.value;
  }
  return { date: bucharestDateOf(instant), weekday, time: `${hour}:${minute}`, hour: Number(hour) };
}

export type OpenState = { open: true } | { open: false; why: 'non_working_day' | 'outside_hours' };

/** Open from `open` inclusive to `close` exclusive, on working days only. */
export function officeOpenAt(instant: Date, schedule: OfficeSchedule, calendar: LegalCalendar): OpenState {
  const { date, weekday, time } = bucharestClockOf(instant);
  if (!calendar.isWorkingDay(date)) return { open: false, why: 'non_working_day' };
  const day = schedule.find((d) => d.weekday === weekday);
  if (!day?.open || !day.close) return { open: false, why: 'outside_hours' };
  return time >= day.open && time < day.close ? { open: true } : { open: false, why: 'outside_hours' };
}

/** "8:30" rather than "08:30": how the hours are said aloud. */
function spoken(time: string): string {
  return time.replace(/^0/, '');
}

/**
 * The schedule in one Romanian sentence, consecutive weekdays with the same hours grouped:
 * "de luni până joi, între orele 8:30 și 16:30, și vineri, între orele 8:30 și 14:00".
 */
export function describeOfficeHoursRo(schedule: OfficeSchedule): string {
  const open = [...schedule].sort((a, b) => a.weekday - b.weekday).filter((d) => d.open && d.close);
  const groups: Array<{ from: number; to: number; open: string; close: string }> = [];
  for (const d of open) {
    const last = groups.at(-1);
    if (last && last.to === d.weekday - 1 && last.open === d.open && last.close === d.close) last.to = d.weekday;
    else groups.push({ from: d.weekday, to: d.weekday, open: d.open!, close: d.close! });
  }
  if (groups.length === 0) return 'momentan fără program de lucru cu publicul';
  const parts = groups.map((g) => {
    const days = g.from === g.to ? WEEKDAY_NAMES_RO[g.from] : g.to === g.from + 1 ? `${WEEKDAY_NAMES_RO[g.from]} și ${WEEKDAY_NAMES_RO[g.to]}` : `de ${WEEKDAY_NAMES_RO[g.from]} până ${WEEKDAY_NAMES_RO[g.to]}`;
    return `${days}, între orele ${spoken(g.open)} și ${spoken(g.close)}`;
  });
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')}, și ${parts.at(-1)!}`;
}
