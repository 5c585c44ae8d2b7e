import { describe, expect, test } from 'vitest';
import {
  addDays,
  bucharestDateOf,
  bucharestYearOf,
  compareIsoDates,
  dayOfWeek,
  daysBetween,
  isIsoDate,
} from '../../shared/domain/dates';

describe('isIsoDate', () => {
  test.each([
    ['2027-04-01', true],
    ['2024-02-29', true], // leap year
    ['2000-02-29', true], // divisible by 400: leap
    ['1900-01-01', true], // first supported day
    ['2099-12-31', true], // last supported day
    ['2025-02-29', false], // not a leap year
    ['1900-02-29', false], // divisible by 100, not by 400: not leap
    ['2025-04-31', false], // April has 30 days
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-01-00', false],
    ['1899-12-31', false], // before the supported range
    ['2100-01-01', false], // after the supported range
    ['2025-1-01', false],
    ['25-01-01', false],
    [' 2025-01-01', false],
    ['2025-01-01T00:00:00Z', false],
    ['2025/01/01', false],
    ['', false],
  ])('a registration date must be a real YYYY-MM-DD date in 1900-2099: %j is %s', (s, expected) => {
    expect(isIsoDate(s)).toBe(expected);
  });
});

describe('addDays and daysBetween', () => {
  test.each([
    ['2027-04-01', 30, '2027-05-01'],
    ['2027-04-01', 45, '2027-05-16'],
    ['2025-12-31', 1, '2026-01-01'], // year boundary
    ['2024-02-28', 1, '2024-02-29'], // leap day
    ['2025-02-28', 1, '2025-03-01'],
    ['2026-03-28', 2, '2026-03-30'], // over the spring DST switch (29 March 2026): still whole days
    ['2026-10-24', 2, '2026-10-26'], // over the autumn DST switch (25 October 2026)
    ['2027-05-04', -5, '2027-04-29'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2027-04-01', 0, '2027-04-01'],
  ])('calendar days are counted in UTC whole days: %s + %i = %s', (d, n, expected) => {
    expect(addDays(d, n)).toBe(expected);
    expect(daysBetween(d, expected)).toBe(n);
    expect(daysBetween(expected, d)).toBe(0 - n);
  });

  test.each([
    ['2099-12-31', 1],
    ['1900-01-01', -1],
  ])('date arithmetic never leaves 1900-2099: %s + %i throws', (d, n) => {
    expect(() => addDays(d, n)).toThrow(RangeError);
  });

  test.each([['2025-02-30'], ['not a date'], ['2025-1-1']])('an invalid date %j is rejected with a RangeError', (d) => {
    expect(() => addDays(d, 1)).toThrow(RangeError);
    expect(() => dayOfWeek(d)).toThrow(RangeError);
  });

  test('a fractional number of days is rejected', () => {
    expect(() => addDays('2027-04-01', 1.5)).toThrow(RangeError);
  });
});

describe('dayOfWeek', () => {
  test.each([
    ['2027-04-01', 4], // Thursday
    ['2027-05-01', 6], // Saturday
    ['2027-05-02', 0], // Sunday (Orthodox Easter 2027)
    ['2027-05-04', 2], // Tuesday
    ['2025-12-01', 1], // Monday
    ['1970-01-01', 4], // Thursday
    ['1900-01-01', 1], // Monday
    ['2000-02-29', 2], // Tuesday
    ['2099-12-31', 4], // Thursday
  ])('%s falls on day %i of the week (0 = Sunday)', (d, expected) => {
    expect(dayOfWeek(d)).toBe(expected);
  });
});

describe('compareIsoDates', () => {
  test.each([
    ['2027-04-01', '2027-04-02', -1],
    ['2027-04-02', '2027-04-01', 1],
    ['2027-04-01', '2027-04-01', 0],
    ['2026-12-31', '2027-01-01', -1],
    ['2027-10-01', '2027-09-30', 1],
  ])('comparing %s with %s gives %i', (a, b, expected) => {
    expect(compareIsoDates(a, b)).toBe(expected);
  });
});

describe('the registration date is the Europe/Bucharest calendar date of the instant', () => {
  test.each([
    // Winter time, EET = UTC+2: Bucharest midnight is 22:00 UTC the day before.
    ['2026-11-25T23:30:00Z', '2026-11-26', 'sent at 01:30 Bucharest time on 26 Nov (winter, UTC+2)'],
    ['2026-11-25T21:59:59Z', '2026-11-25', 'one second before Bucharest midnight in winter'],
    ['2026-11-25T22:00:00Z', '2026-11-26', 'exactly Bucharest midnight in winter'],
    ['2027-01-19T22:30:00Z', '2027-01-20', 'sent at 00:30 Bucharest time on 20 Jan (winter)'],
    // Summer time, EEST = UTC+3: Bucharest midnight is 21:00 UTC the day before.
    ['2027-06-30T21:30:00Z', '2027-07-01', 'sent at 00:30 Bucharest time on 1 July (summer, UTC+3)'],
    ['2027-06-30T20:59:59Z', '2027-06-30', 'one second before Bucharest midnight in summer'],
    ['2027-06-30T21:00:00Z', '2027-07-01', 'exactly Bucharest midnight in summer'],
    // DST switch days: 29 March 2026 (02:00 EET → 03:00 EEST at 01:00 UTC), 25 October 2026.
    ['2026-03-28T22:00:00Z', '2026-03-29', 'the night of the spring switch is still UTC+2 at midnight'],
    ['2026-03-29T20:59:59Z', '2026-03-29', 'the evening after the spring switch is UTC+3'],
    ['2026-03-29T21:00:00Z', '2026-03-30', 'midnight after the spring switch is 21:00 UTC'],
    ['2026-10-24T21:00:00Z', '2026-10-25', 'the night of the autumn switch is still UTC+3 at midnight'],
    ['2026-10-25T21:59:59Z', '2026-10-25', 'the evening after the autumn switch is UTC+2'],
    ['2026-10-25T22:00:00Z', '2026-10-26', 'midnight after the autumn switch is 22:00 UTC'],
    // A web petition sent in the first hours of New Year's Day belongs to the new year.
    ['2026-12-31T22:15:00Z', '2027-01-01', 'New Year in Bucharest while still 31 Dec in UTC'],
  ])('%s is registered on %s: %s', (instant, expected) => {
    expect(bucharestDateOf(new Date(instant))).toBe(expected);
  });

  test.each([
    ['2026-12-31T22:15:00Z', 2027],
    ['2026-12-31T21:59:59Z', 2026],
    ['2027-06-30T21:30:00Z', 2027],
  ])('%s belongs to the Bucharest year %i', (instant, expected) => {
    expect(bucharestYearOf(new Date(instant))).toBe(expected);
  });

  test('an invalid Date is rejected', () => {
    expect(() => bucharestDateOf(new Date('nope'))).toThrow(RangeError);
  });
});
