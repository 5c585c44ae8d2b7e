import { describe, expect, test } from 'vitest';
import { createLegalCalendar, legalHolidays, orthodoxEaster } from '../../shared/domain/calendar';
import type { NamedDay } from '../../shared/domain/calendar';

describe('Orthodox Easter (Julian computus, converted to the Gregorian calendar)', () => {
  test.each([
    [2000, '2000-04-30'],
    [2010, '2010-04-04'],
    [2016, '2016-05-01'],
    [2019, '2019-04-28'],
    [2021, '2021-05-02'],
    [2022, '2022-04-24'],
    [2023, '2023-04-16'],
    [2024, '2024-05-05'],
    [2025, '2025-04-20'],
    [2026, '2026-04-12'],
    [2027, '2027-05-02'],
    [2028, '2028-04-16'],
    [2029, '2029-04-08'],
    [2030, '2030-04-28'],
  ])('Orthodox Easter %i is on %s', (year, expected) => {
    expect(orthodoxEaster(year)).toBe(expected);
  });

  test.each([[1899], [2100], [2025.5]])('the +13 days conversion only holds in 1900-2099: year %s throws', (year) => {
    expect(() => orthodoxEaster(year)).toThrow(RangeError);
    expect(() => legalHolidays(year)).toThrow(RangeError);
  });
});

// Written by hand from the Easter dates above: Good Friday = Easter - 2, Easter Monday = + 1,
// Rusalii = + 49 and + 50. 6 and 7 January only from 2024 on.
const HOLIDAYS: Array<[number, string[]]> = [
  [2023, ['01-01', '01-02', '01-24', '04-14', '04-16', '04-17', '05-01', '06-01', '06-04', '06-05', '08-15', '11-30', '12-01', '12-25', '12-26']],
  [2024, ['01-01', '01-02', '01-06', '01-07', '01-24', '05-01', '05-03', '05-05', '05-06', '06-01', '06-23', '06-24', '08-15', '11-30', '12-01', '12-25', '12-26']],
  [2025, ['01-01', '01-02', '01-06', '01-07', '01-24', '04-18', '04-20', '04-21', '05-01', '06-01', '06-08', '06-09', '08-15', '11-30', '12-01', '12-25', '12-26']],
  [2026, ['01-01', '01-02', '01-06', '01-07', '01-24', '04-10', '04-12', '04-13', '05-01', '05-31', '06-01', '08-15', '11-30', '12-01', '12-25', '12-26']],
  [2027, ['01-01', '01-02', '01-06', '01-07', '01-24', '04-30', '05-01', '05-02', '05-03', '06-01', '06-20', '06-21', '08-15', '11-30', '12-01', '12-25', '12-26']],
  [2028, ['01-01', '01-02', '01-06', '01-07', '01-24', '04-14', '04-16', '04-17', '05-01', '06-01', '06-04', '06-05', '08-15', '11-30', '12-01', '12-25', '12-26']],
  [2029, ['01-01', '01-02', '01-06', '01-07', '01-24', '04-06', '04-08', '04-09', '05-01', '05-27', '05-28', '06-01', '08-15', '11-30', '12-01', '12-25', '12-26']],
  [2030, ['01-01', '01-02', '01-06', '01-07', '01-24', '04-26', '04-28', '04-29', '05-01', '06-01', '06-16', '06-17', '08-15', '11-30', '12-01', '12-25', '12-26']],
];

describe('legal holidays (Codul muncii art. 139)', () => {
  test.each(HOLIDAYS)('the legal holidays of %i are exactly the hand-written list', (year, days) => {
    const expected = days.map((md) => `${year}-${md}`);
    expect(legalHolidays(year).map((h) => h.date)).toEqual(expected);
    const calendar = createLegalCalendar();
    for (const date of expected) expect(calendar.isWorkingDay(date), date).toBe(false);
  });

  test('6 January (Boboteaza) and 7 January (Sfântul Ioan) are holidays only from 2024 on (Legea 17/2023)', () => {
    const dates2023 = legalHolidays(2023).map((h) => h.date);
    expect(dates2023).not.toContain('2023-01-06');
    expect(dates2023).not.toContain('2023-01-07');
    expect(createLegalCalendar().isWorkingDay('2023-01-06')).toBe(true); // a Friday
    expect(legalHolidays(2024).map((h) => h.date)).toEqual(expect.arrayContaining(['2024-01-06', '2024-01-07']));
  });

  test.each<[string, string, string]>([
    ['2025-01-01', 'Anul Nou', "New Year's Day"],
    ['2025-01-02', 'A doua zi de Anul Nou', "Day after New Year's Day"],
    ['2025-01-06', 'Boboteaza', 'Epiphany'],
    ['2025-01-07', 'Sfântul Ioan Botezătorul', 'Saint John the Baptist'],
    ['2025-01-24', 'Ziua Unirii Principatelor Române', 'Union Day of the Romanian Principalities'],
    ['2025-04-18', 'Vinerea Mare', 'Orthodox Good Friday'],
    ['2025-04-20', 'Paștele', 'Orthodox Easter Sunday'],
    ['2025-04-21', 'A doua zi de Paște', 'Orthodox Easter Monday'],
    ['2025-05-01', 'Ziua Muncii', 'Labour Day'],
    ['2025-06-01', 'Ziua Copilului', "Children's Day"],
    ['2025-06-08', 'Rusaliile', 'Orthodox Pentecost'],
    ['2025-06-09', 'A doua zi de Rusalii', 'Orthodox Whit Monday'],
    ['2025-08-15', 'Adormirea Maicii Domnului', 'Dormition of the Mother of God'],
    ['2025-11-30', 'Sfântul Andrei', "Saint Andrew's Day"],
    ['2025-12-01', 'Ziua Națională a României', 'National Day of Romania'],
    ['2025-12-25', 'Crăciunul', 'Christmas Day'],
    ['2025-12-26', 'A doua zi de Crăciun', 'Second Day of Christmas'],
    // Coinciding holidays are one entry with both names, in the order of art. 139.
    ['2026-06-01', 'Ziua Copilului / A doua zi de Rusalii', "Children's Day / Orthodox Whit Monday"],
    ['2043-05-01', 'Vinerea Mare / Ziua Muncii', 'Orthodox Good Friday / Labour Day'],
    ['2000-05-01', 'A doua zi de Paște / Ziua Muncii', 'Orthodox Easter Monday / Labour Day'],
  ])('the holiday on %s is named "%s" (%s)', (date, ro, en) => {
    const found = legalHolidays(Number(date.slice(0, 4))).filter((h) => h.date === date);
    expect(found).toEqual([{ date, name: { ro, en } }]);
  });

  test.each([2024, 2025, 2026, 2027, 2028, 2029, 2030])(
    'Romanian names of %i use ș and ț with comma below (U+0219, U+021B), never the cedilla forms',
    (year) => {
      for (const { name } of legalHolidays(year)) expect(name.ro).not.toMatch(/[\u015E\u015F\u0162\u0163]/);
    },
  );

  test('legalHolidays returns a fresh list each time (callers cannot corrupt a cache)', () => {
    const first = legalHolidays(2027);
    first.pop();
    expect(legalHolidays(2027)).toHaveLength(17);
  });
});

describe('working days: not Saturday, Sunday, a legal holiday or an extra closed day', () => {
  const calendar = createLegalCalendar();

  test.each([
    ['2027-04-01', true, 'a plain Thursday'],
    ['2027-04-30', false, 'Good Friday'],
    ['2027-05-01', false, 'a Saturday that is also 1 May'],
    ['2027-05-03', false, 'Easter Monday'],
    ['2027-05-04', true, 'the Tuesday after Easter'],
    ['2025-01-06', false, 'Boboteaza on a Monday'],
    ['2025-05-02', true, 'the 2025 bridge day, when no administrator entered it'],
    ['2026-06-01', false, 'Ziua Copilului and Rusalii Monday'],
    ['2027-01-23', false, 'a plain Saturday'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });

  test.each([
    ['2027-04-01', '2027-04-01', 'a working day is its own next working day'],
    ['2027-05-01', '2027-05-04', 'Sat 1 May, Easter Sunday and Monday 2027'],
    ['2025-11-29', '2025-12-02', 'Sat, Sun 30 Nov, Mon 1 Dec 2025: the long weekend of Ziua Națională'],
    ['2025-12-25', '2025-12-29', 'Christmas Thu-Fri 2025 and the weekend after'],
    ['2026-01-01', '2026-01-05', 'New Year Thu-Fri 2026 and the weekend'],
    ['2026-01-06', '2026-01-08', 'Boboteaza and Sfântul Ioan, Tue-Wed 2026'],
    ['2026-05-30', '2026-06-02', 'Sat, Rusalii Sunday, Mon 1 June 2026'],
  ])('the next working day from %s is %s (%s)', (date, expected) => {
    expect(calendar.nextWorkingDay(date)).toBe(expected);
  });

  test.each([
    ['2027-04-28', 2, '2027-05-04', 'over Good Friday, the weekend and Easter Monday'],
    ['2027-05-04', -5, '2027-04-23', 'backwards over Easter Monday and Good Friday'],
    ['2027-04-01', 0, '2027-04-01', 'zero working days is the same day'],
    ['2025-12-24', 1, '2025-12-29', 'over Christmas 2025'],
    ['2025-12-19', 5, '2025-12-30', 'a week straddling Christmas'],
    ['2026-01-05', -1, '2025-12-31', 'backwards over New Year into the previous year'],
    ['2024-12-31', 3, '2025-01-09', 'over 1, 2, 6 and 7 January 2025'],
  ])('%s plus %i working days is %s (%s)', (date, n, expected) => {
    expect(calendar.addWorkingDays(date, n)).toBe(expected);
  });

  test.each([
    ['2027-04-23', '2027-05-04', 5],
    ['2027-05-04', '2027-04-23', -5],
    ['2027-04-01', '2027-04-01', 0],
    ['2027-04-01', '2027-04-02', 1],
    ['2027-04-02', '2027-04-05', 1],
    ['2025-12-24', '2025-12-29', 1],
    ['2025-12-31', '2026-01-08', 2],
    // 2027: 261 weekdays, minus the 9 holidays on a weekday (1, 6, 7 Jan, 30 Apr, 3 May,
    // 1 and 21 June, 30 Nov, 1 Dec).
    ['2026-12-31', '2027-12-31', 252],
  ])('the working days in (%s, %s] number %i', (from, to, expected) => {
    expect(calendar.workingDaysBetween(from, to)).toBe(expected);
  });
});

describe('extra closed days entered by the administrator', () => {
  const bridge: NamedDay = { date: '2025-05-02', name: { ro: 'Zi liberă (punte)', en: 'Bridge day' } };
  const calendar = createLegalCalendar([bridge]);

  test('the 2 May 2025 bridge day is a non-working day and moves the next working day to Mon 5 May', () => {
    expect(calendar.isWorkingDay('2025-05-02')).toBe(false);
    expect(calendar.nextWorkingDay('2025-05-01')).toBe('2025-05-05');
    expect(calendar.workingDaysBetween('2025-04-30', '2025-05-05')).toBe(1);
  });

  test('nonWorkingDays lists the legal holidays and the extra closed days of the year, sorted, no weekends', () => {
    const days = calendar.nonWorkingDays(2025);
    const holidays2025 = HOLIDAYS.find(([y]) => y === 2025)?.[1] ?? [];
    expect(days.map((d) => d.date)).toEqual([...holidays2025.map((md) => `2025-${md}`), '2025-05-02'].sort());
    expect(days.find((d) => d.date === '2025-05-02')?.name).toEqual(bridge.name);
    expect(calendar.nonWorkingDays(2026)).toEqual(legalHolidays(2026));
  });

  test('an extra closed day on a legal holiday gives one entry with both names', () => {
    const cal = createLegalCalendar([{ date: '2025-12-26', name: { ro: 'Închis', en: 'Closed' } }]);
    const entries = cal.nonWorkingDays(2025).filter((d) => d.date === '2025-12-26');
    expect(entries).toEqual([
      { date: '2025-12-26', name: { ro: 'A doua zi de Crăciun / Închis', en: 'Second Day of Christmas / Closed' } },
    ]);
  });

  test('an extra closed day that is not a real date is rejected', () => {
    expect(() => createLegalCalendar([{ date: '2025-02-30', name: { ro: 'x', en: 'x' } }])).toThrow(RangeError);
  });
});
