// Calendar dates as 'YYYY-MM-DD' strings. Deadlines are counted in whole calendar days of the
// Europe/Bucharest calendar (DOMAIN.md "Deadlines"), so a date never carries a time or a zone:
// all arithmetic is done on UTC midnights, where every day is exactly 86 400 000 ms long.

export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// The Orthodox Easter conversion (Julian + 13 days) is only valid for 1900-2099, and no petition
// deadline needs anything outside it; rejecting other years catches typos such as '0227-04-01'.
const MIN_YEAR = 1900;
const MAX_YEAR = 2099;

/** Days since 1970-01-01 of a valid IsoDate, or undefined when the string is not one. */
function toDayNumber(s: string): number | undefined {
  const m = ISO_DATE.exec(s);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC silently rolls 2025-02-30 over to March: a real date survives the round trip.
  if (new Date(ms).getUTCDate() !== day) return undefined;
  return ms / MS_PER_DAY;
}

function dayNumberOf(d: IsoDate): number {
  const n = toDayNumber(d);
  if (n === undefined) throw new RangeError(`Not a calendar date (YYYY-MM-DD, 1900-2099): ${JSON.stringify(d)}`);
  return n;
}

function fromDayNumber(n: number): IsoDate {
  const iso = new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
  // Keep the 1900-2099 invariant on the way out too, so every result is a valid input.
  dayNumberOf(iso);
  return iso;
}

/** Strict check: 'YYYY-MM-DD', a real calendar date, year 1900-2099. */
export function isIsoDate(s: string): boolean {
  return toDayNumber(s) !== undefined;
}

/** The date n calendar days after d (before, when n is negative). */
export function addDays(d: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of days: ${n}`);
  return fromDayNumber(dayNumberOf(d) + n);
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(d: IsoDate): number {
  // 1970-01-01 (day 0) was a Thursday (4).
  return (((dayNumberOf(d) + 4) % 7) + 7) % 7;
}

/** Negative when a is before b, 0 when equal, positive when a is after b. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return Math.sign(dayNumberOf(a) - dayNumberOf(b));
}

/** Calendar days from a to b (negative when b is before a): daysBetween(d, addDays(d, n)) === n. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumberOf(b) - dayNumberOf(a);
}

let bucharestFormatter: Intl.DateTimeFormat | undefined;

// DOMAIN.md: the registration date is the Bucharest calendar date of the moment of registration.
// Intl applies the EET/EEST (UTC+2/UTC+3) rules, including the DST switch dates.
function bucharestParts(instant: Date): { year: number; month: number; day: number } {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid Date');
  bucharestFormatter ??= new Intl.DateTimeFormat('en-US', {
    timeZone: 'Europe/Bucharest',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of bucharestFormatter.formatToParts(instant)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
  }
  return { year, month, day };
}

/** The calendar date in Europe/Bucharest of an instant. */
export function bucharestDateOf(instant: Date): IsoDate {
  const { year, month, day } = bucharestParts(instant);
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  dayNumberOf(iso); // outside 1900-2099 this throws, like every other function here
  return iso;
}

/** The calendar year in Europe/Bucharest of an instant. */
export function bucharestYearOf(instant: Date): number {
  return bucharestParts(instant).year;
}

/** The instant a Bucharest calendar day begins (00:00 local time, EET or EEST). */
export function bucharestMidnight(d: IsoDate): Date {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, day);
  for (const offsetHours of [2, 3]) {
    const candidate = new Date(utcMidnight - offsetHours * 3_600_000);
    if (bucharestDateOf(candidate) === d && bucharestDateOf(new Date(candidate.getTime() - 1)) !== d) return candidate;
  }
  throw new RangeError(`No Bucharest midnight for ${d}`);
}
