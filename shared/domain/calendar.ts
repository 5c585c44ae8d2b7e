// The Romanian legal calendar: which days count as working days for petition deadlines.
import { addDays, compareIsoDates, dayOfWeek, isIsoDate } from './dates';
import type { IsoDate } from './dates';

export type NamedDay = { date: IsoDate; name: { ro: string; en: string } };

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < 1900 || year > 2099) {
    throw new RangeError(`Year outside 1900-2099: ${year}`);
  }
}

/**
 * Orthodox Easter Sunday as a Gregorian date. Julian computus (Meeus, "Astronomical Algorithms",
 * ch. 8), then + 13 days: the Julian calendar runs 13 days behind the Gregorian one from
 * 1 March 1900 to 28 February 2100, hence the 1900-2099 range.
 */
export function orthodoxEaster(year: number): IsoDate {
  assertSupportedYear(year);
  const a = year % 4;
  const b = year % 7;
  const c = year % 19;
  const d = (19 * c + 15) % 30;
  const e = (2 * a + 4 * b - d + 34) % 7;
  const month = Math.floor((d + e + 114) / 31); // 3 = March, 4 = April (Julian)
  const day = ((d + e + 114) % 31) + 1;
  // The Julian date is always 22 March .. 25 April, a valid Gregorian day too, so shifting works.
  return addDays(`${year}-${pad2(month)}-${pad2(day)}`, 13);
}

/**
 * Legal holidays, Codul muncii (Legea 53/2003) art. 139(1), in the order the article lists them.
 * One entry per date: when two holidays coincide (1 June 2026 is also Rusalii Monday) their names
 * are joined with " / ". Sorted by date.
 */
export function legalHolidays(year: number): NamedDay[] {
  assertSupportedYear(year);
  const fixed = (month: number, day: number, ro: string, en: string): NamedDay => ({
    date: `${year}-${pad2(month)}-${pad2(day)}`,
    name: { ro, en },
  });
  const easter = orthodoxEaster(year);
  const movable = (offset: number, ro: string, en: string): NamedDay => ({
    date: addDays(easter, offset),
    name: { ro, en },
  });

  const days: NamedDay[] = [
    fixed(1, 1, 'Anul Nou', "New Year's Day"),
    fixed(1, 2, 'A doua zi de Anul Nou', "Day after New Year's Day"),
  ];
  // Art. 139(1) as amended by Legea 17/2023: 6 and 7 January are holidays from 2024 on.
  if (year >= 2024) {
    days.push(
      fixed(1, 6, 'Boboteaza', 'Epiphany'),
      fixed(1, 7, 'Sfântul Ioan Botezătorul', 'Saint John the Baptist'),
    );
  }
  days.push(
    fixed(1, 24, 'Ziua Unirii Principatelor Române', 'Union Day of the Romanian Principalities'),
    // Orthodox Easter and Pentecost (Rusalii = Easter + 49 days), the movable feasts of art. 139.
    movable(-2, 'Vinerea Mare', 'Orthodox Good Friday'),
    movable(0, 'Paștele', 'Orthodox Easter Sunday'),
    movable(1, 'A doua zi de Paște', 'Orthodox Easter Monday'),
    fixed(5, 1, 'Ziua Muncii', 'Labour Day'),
    fixed(6, 1, 'Ziua Copilului', "Children's Day"),
    movable(49, 'Rusaliile', 'Orthodox Pentecost'),
    movable(50, 'A doua zi de Rusalii', 'Orthodox Whit Monday'),
    fixed(8, 15, 'Adormirea Maicii Domnului', 'Dormition of the Mother of God'),
    fixed(11, 30, 'Sfântul Andrei', "Saint Andrew's Day"),
    fixed(12, 1, 'Ziua Națională a României', 'National Day of Romania'),
    fixed(12, 25, 'Crăciunul', 'Christmas Day'),
    fixed(12, 26, 'A doua zi de Crăciun', 'Second Day of Christmas'),
  );
  return mergeByDate(days);
}

/** Stable sort by date, then one entry per date with the distinct names joined by " / ". */
function mergeByDate(days: readonly NamedDay[]): NamedDay[] {
  const byDate = new Map<IsoDate, { ro: string[]; en: string[] }>();
  for (const { date, name } of [...days].sort((x, y) => compareIsoDates(x.date, y.date))) {
    const names = byDate.get(date) ?? { ro: [], en: [] };
    if (!names.ro.includes(name.ro)) names.ro.push(name.ro);
    if (!names.en.includes(name.en)) names.en.push(name.en);
    byDate.set(date, names);
  }
  return [...byDate].map(([date, names]) => ({
    date,
    name: { ro: names.ro.join(' / '), en: names.en.join(' / ') },
  }));
}

export interface LegalCalendar {
  isWorkingDay(d: IsoDate): boolean;
  /** d itself if it is a working day, else the first working day after it. */
  nextWorkingDay(d: IsoDate): IsoDate;
  /** Legal holidays + extra closed days of that year, one entry per date, sorted; weekends not listed. */
  nonWorkingDays(year: number): NamedDay[];
  /** The n-th working day after d; n may be negative: the |n|-th working day before d. */
  addWorkingDays(d: IsoDate, n: number): IsoDate;
  /** Number of working days in (from, to]; negative (minus those in (to, from]) if to < from. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
}

// Stops an endless scan if extra closed days ever cover a whole span (bad administrator input).
const MAX_SCAN_DAYS = 800;

/**
 * Non-working days: Saturdays, Sundays, the legal holidays, and the extra closed days that the
 * administrator enters (the government's yearly bridge days, e.g. 2 May 2025) — DOMAIN.md.
 */
export function createLegalCalendar(extraClosedDays: NamedDay[] = []): LegalCalendar {
  for (const day of extraClosedDays) {
    if (!isIsoDate(day.date)) throw new RangeError(`Extra closed day is not a date: ${JSON.stringify(day.date)}`);
  }
  const extras = extraClosedDays.map((d) => ({ date: d.date, name: { ...d.name } }));
  const byYear = new Map<number, Map<IsoDate, NamedDay>>();

  function closedDaysOf(year: number): Map<IsoDate, NamedDay> {
    let days = byYear.get(year);
    if (!days) {
      const prefix = `${year}-`;
      const merged = mergeByDate([...legalHolidays(year), ...extras.filter((d) => d.date.startsWith(prefix))]);
      days = new Map(merged.map((d) => [d.date, d]));
      byYear.set(year, days);
    }
    return days;
  }

  function isWorkingDay(d: IsoDate): boolean {
    const dow = dayOfWeek(d); // validates d
    if (dow === 0 || dow === 6) return false;
    return !closedDaysOf(Number(d.slice(0, 4))).has(d);
  }

  function addWorkingDays(d: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of working days: ${n}`);
    const step = n < 0 ? -1 : 1;
    let date = d;
    let remaining = Math.abs(n);
    let closedRun = 0;
    while (remaining > 0) {
      date = addDays(date, step);
      if (isWorkingDay(date)) {
        remaining -= 1;
        closedRun = 0;
      } else if (++closedRun > MAX_SCAN_DAYS) {
        throw new RangeError(`No working day within ${MAX_SCAN_DAYS} days of ${date}`);
      }
    }
    return date;
  }

  return {
    isWorkingDay,
    addWorkingDays,
    nextWorkingDay(d) {
      let date = d;
      for (let i = 0; !isWorkingDay(date); i++) {
        if (i >= MAX_SCAN_DAYS) throw new RangeError(`No working day within ${MAX_SCAN_DAYS} days of ${d}`);
        date = addDays(date, 1);
      }
      return date;
    },
    nonWorkingDays(year) {
      assertSupportedYear(year);
      return [...closedDaysOf(year).values()].map((d) => ({ date: d.date, name: { ...d.name } }));
    },
    workingDaysBetween(from, to) {
      const sign = compareIsoDates(from, to);
      if (sign === 0) return 0;
      const [start, end] = sign < 0 ? [from, to] : [to, from];
      let count = 0;
      for (let date = addDays(start, 1); compareIsoDates(date, end) <= 0; date = addDays(date, 1)) {
        if (isWorkingDay(date)) count += 1;
      }
      return sign < 0 ? count : -count;
    },
  };
}
