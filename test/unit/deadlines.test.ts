import { describe, expect, test } from 'vitest';
import { createLegalCalendar } from '../../shared/domain/calendar';
import { addDays, bucharestDateOf, compareIsoDates } from '../../shared/domain/dates';
import {
  AT_RISK_WORKING_DAYS,
  DEADLINE_KINDS,
  DEFAULT_DEADLINE_RULES,
  canExtendOn,
  clockState,
  computeDueDate,
  internalDueDate,
  isDeadlineKind,
} from '../../shared/domain/deadlines';
import type { LegalCalendar } from '../../shared/domain/calendar';
import type { DeadlineKind } from '../../shared/domain/deadlines';

const calendar = createLegalCalendar();
const withBridgeDay = createLegalCalendar([
  { date: '2025-05-02', name: { ro: 'Zi liberă (punte)', en: 'Bridge day' } },
]);

describe('due dates: the DOMAIN.md examples', () => {
  test.each<[DeadlineKind, string, string, string]>([
    ['og27.answer', '2027-04-01', '2027-05-04', 'OG 27/2002 art. 8: a petition registered on Thu 2027-04-01 is due on Tue 2027-05-04 (1 May and the Easter weekend roll it forward)'],
    ['og27.answer', '2027-04-05', '2027-05-05', 'OG 27/2002 art. 8: a petition registered on Mon 2027-04-05 is due 30 days later, on Wed 2027-05-05'],
    ['og27.extended', '2027-04-01', '2027-05-17', 'OG 27/2002 art. 9: an extended petition registered on 2027-04-01 is due on Mon 2027-05-17 (45 days end on a Sunday)'],
    ['og27.forward', '2027-04-01', '2027-04-06', 'OG 27/2002 art. 6^1: a petition registered on 2027-04-01 must be forwarded by Tue 2027-04-06'],
    ['l544.answer', '2027-04-01', '2027-04-12', 'Legea 544/2001 art. 7(1), HG 123/2002 art. 16 free days: a request registered on 2027-04-01 is answered by Mon 2027-04-12'],
    ['l544.complex', '2027-04-01', '2027-05-04', 'Legea 544/2001 art. 7(1): the 30 free days from 2027-04-01 end on Easter Sunday and roll to Tue 2027-05-04'],
    ['l544.refusal', '2027-04-01', '2027-04-07', 'Legea 544/2001 art. 7(2): a refusal of a request registered on 2027-04-01 is due by Wed 2027-04-07'],
  ])('%s from %s is due on %s: %s', (kind, registeredOn, expected) => {
    expect(computeDueDate({ kind, registeredOn, calendar })).toBe(expected);
  });

  test.each<[DeadlineKind, number, 'calendar' | 'free_days']>([
    ['og27.answer', 30, 'calendar'],
    ['og27.extended', 45, 'calendar'],
    ['og27.forward', 5, 'calendar'],
    ['l544.answer', 10, 'free_days'],
    ['l544.complex', 30, 'free_days'],
    ['l544.refusal', 5, 'free_days'],
  ])('the default rule for %s is %i days counted as %s', (kind, days, counting) => {
    expect(DEFAULT_DEADLINE_RULES[kind]).toEqual({ days, counting });
  });
});

describe('Codul civil art. 2554: a due date on a non-working day moves to the next working day', () => {
  test.each<[DeadlineKind, string, string, string]>([
    ['og27.answer', '2025-10-30', '2025-12-02', 'due on Sat 29 Nov 2025, before Sfântul Andrei (Sun) and Ziua Națională (Mon 1 Dec): Tue 2 Dec'],
    ['og27.answer', '2025-11-25', '2025-12-29', 'due on Christmas Day, Thu 25 Dec 2025: Mon 29 Dec after Christmas and the weekend'],
    ['og27.answer', '2025-12-07', '2026-01-08', 'due on Boboteaza, Tue 6 Jan 2026, then Sfântul Ioan: Thu 8 Jan'],
    ['og27.forward', '2026-05-26', '2026-06-02', 'due on Sun 31 May 2026 (Rusalii), then 1 June: Tue 2 June'],
    ['l544.answer', '2027-04-19', '2027-05-04', 'free days ending on Fri 30 Apr 2027 (Good Friday): Tue 4 May'],
  ])('%s registered on %s is due on %s (%s)', (kind, registeredOn, expected) => {
    expect(computeDueDate({ kind, registeredOn, calendar })).toBe(expected);
  });

  test('an extra closed day (the 2 May 2025 bridge day) moves a due date from Fri 2 May to Mon 5 May 2025', () => {
    expect(computeDueDate({ kind: 'og27.answer', registeredOn: '2025-04-02', calendar })).toBe('2025-05-02');
    expect(computeDueDate({ kind: 'og27.answer', registeredOn: '2025-04-02', calendar: withBridgeDay })).toBe('2025-05-05');
  });

  test.each<[DeadlineKind, string, string]>(
    DEADLINE_KINDS.map((kind) => [kind, '2024-01-01', '2030-12-01'] as [DeadlineKind, string, string]),
  )('for every registration date, %s is the first working day on or after the end of the term (%s..%s)', (kind, first, last) => {
    const rule = DEFAULT_DEADLINE_RULES[kind];
    for (let day = first; compareIsoDates(day, last) <= 0; day = addDays(day, 1)) {
      const end = addDays(day, rule.days + (rule.counting === 'free_days' ? 1 : 0));
      const due = computeDueDate({ kind, registeredOn: day, calendar });
      expect(calendar.isWorkingDay(due)).toBe(true);
      expect(calendar.nextWorkingDay(end)).toBe(due);
    }
  });
});

describe('a category governed by a special law overrides the rule', () => {
  test.each<[number, 'calendar' | 'free_days', string]>([
    [15, 'calendar', '2027-04-16'],
    [15, 'free_days', '2027-04-19'], // 2027-04-17 is a Saturday
    [0, 'calendar', '2027-04-01'],
  ])('%i days counted as %s from Thu 2027-04-01 end on %s', (days, counting, expected) => {
    const rule = { days, counting };
    expect(computeDueDate({ kind: 'og27.answer', registeredOn: '2027-04-01', calendar, rule })).toBe(expected);
  });

  test('a negative or fractional number of days is a configuration error', () => {
    const registeredOn = '2027-04-01';
    expect(() => computeDueDate({ kind: 'og27.answer', registeredOn, calendar, rule: { days: -1, counting: 'calendar' } })).toThrow(RangeError);
    expect(() => computeDueDate({ kind: 'og27.answer', registeredOn, calendar, rule: { days: 2.5, counting: 'calendar' } })).toThrow(RangeError);
  });
});

describe('the registration date is the Bucharest calendar date, also at midnight', () => {
  test.each([
    ['2026-11-25T23:30:00Z', '2026-11-26', '2026-12-28', 'sent at 01:30 on 26 Nov (winter, UTC+2): registered on 26 Nov, due after Christmas'],
    ['2027-01-19T22:30:00Z', '2027-01-20', '2027-02-19', 'sent at 00:30 on 20 Jan (winter, UTC+2): due Fri 19 Feb, not Thu 18 Feb'],
    ['2027-06-30T21:30:00Z', '2027-07-01', '2027-08-02', 'sent at 00:30 on 1 July (summer, UTC+3): due Mon 2 Aug, not Fri 30 July'],
    ['2027-06-30T20:30:00Z', '2027-06-30', '2027-07-30', 'sent at 23:30 on 30 June (summer, UTC+3): still 30 June'],
  ])('%s is registered on %s and the OG 27 answer is due on %s (%s)', (instant, registeredOn, dueOn) => {
    const date = bucharestDateOf(new Date(instant));
    expect(date).toBe(registeredOn);
    expect(computeDueDate({ kind: 'og27.answer', registeredOn: date, calendar })).toBe(dueOn);
  });
});

describe('clock states', () => {
  const { legal, internal } = AT_RISK_WORKING_DAYS;

  test('a clock is at risk within 3 working days (internal) or 5 working days (legal)', () => {
    expect(AT_RISK_WORKING_DAYS).toEqual({ internal: 3, legal: 5 });
  });

  test.each<[string, number, string, string]>([
    ['2027-05-05', legal, 'breached', 'the day after the due date'],
    ['2027-06-30', internal, 'breached', 'long after the due date'],
    ['2027-05-04', legal, 'at_risk', 'on the due date itself (still in time)'],
    ['2027-05-01', internal, 'at_risk', 'on the Saturday before: 1 working day left'],
    ['2027-04-23', legal, 'at_risk', '5 working days left (Good Friday and Easter Monday do not count)'],
    ['2027-04-22', legal, 'on_time', '6 working days left'],
    ['2027-04-23', internal, 'on_time', '5 working days left, internal threshold 3'],
    ['2027-04-27', internal, 'at_risk', '3 working days left'],
    ['2027-04-26', internal, 'on_time', '4 working days left'],
  ])('with the due date Tue 2027-05-04, on %s with threshold %i the clock is %s (%s)', (today, atRiskWorkingDays, expected) => {
    expect(clockState({ dueOn: '2027-05-04', today, calendar, atRiskWorkingDays })).toBe(expected);
  });
});

describe('OG 27/2002 art. 6(2): the internal due date set when routing', () => {
  test.each<[string, number | undefined, LegalCalendar, string, string]>([
    ['2027-05-04', undefined, calendar, '2027-04-23', 'default 5 working days before, over Easter 2027'],
    ['2027-05-04', 3, calendar, '2027-04-27', 'a category configured with 3 working days'],
    ['2025-12-29', undefined, calendar, '2025-12-18', 'over Christmas 2025'],
    ['2025-05-05', undefined, withBridgeDay, '2025-04-24', 'over 1 May and the 2 May 2025 bridge day'],
    ['2027-05-04', 0, calendar, '2027-05-04', 'zero working days: the legal due date itself'],
  ])('legal due date %s, %s working days before: internal due date %s', (legalDueOn, workingDaysBefore, cal, expected) => {
    expect(internalDueDate({ legalDueOn, calendar: cal, workingDaysBefore })).toBe(expected);
  });
});

describe('OG 27/2002 art. 9: an extension can be granted until the day before the legal due date', () => {
  test.each([
    ['2027-04-01', true, 'on the registration day'],
    ['2027-05-03', true, 'the day before the due date, even a holiday'],
    ['2027-05-04', false, 'on the due date itself'],
    ['2027-05-05', false, 'after the due date'],
  ])('with the legal due date 2027-05-04, on %s an extension can be granted: %s (%s)', (today, expected) => {
    expect(canExtendOn({ legalDueOn: '2027-05-04', today })).toBe(expected);
  });
});

describe('deadline kinds', () => {
  test.each([
    ...DEADLINE_KINDS.map((k) => [k, true] as [string, boolean]),
    ['og27', false],
    ['og27.answer ', false],
    ['OG27.ANSWER', false],
    ['', false],
    ['toString', false],
  ])('%j is a deadline kind: %s', (s, expected) => {
    expect(isDeadlineKind(s)).toBe(expected);
  });
});
