// The call center's office hours (issue 5 §1): Bucharest wall-clock time, and closed on non-working days.
import { describe, expect, test } from 'vitest';
import { foldName } from '../../shared/domain/calls';
import { createLegalCalendar } from '../../shared/domain/calendar';
import { bucharestClockOf, DEFAULT_OFFICE_HOURS, describeOfficeHoursRo, officeOpenAt, type OfficeSchedule } from '../../shared/domain/office-hours';

const calendar = createLegalCalendar([{ date: '2026-12-24', name: { ro: 'Zi liberă', en: 'Bridge day' } }]);

describe('officeOpenAt with the default schedule (Mon–Thu 08:30–16:30, Fri 08:30–14:00)', () => {
  test.each([
    ['a Thursday at noon (winter, UTC+2)', '2026-11-26T10:00:00Z', { open: true }],
    ['a Thursday at 08:30 sharp', '2026-11-26T06:30:00Z', { open: true }],
    ['a Thursday at 08:29', '2026-11-26T06:29:00Z', { open: false, why: 'outside_hours' }],
    ['a Thursday at 16:30 sharp (closing time is closed)', '2026-11-26T14:30:00Z', { open: false, why: 'outside_hours' }],
    ['a Thursday at 20:00', '2026-11-26T18:00:00Z', { open: false, why: 'outside_hours' }],
    ['a Friday at 13:59', '2026-11-27T11:59:00Z', { open: true }],
    ['a Friday at 14:30', '2026-11-27T12:30:00Z', { open: false, why: 'outside_hours' }],
    ['a Saturday at noon', '2026-11-28T10:00:00Z', { open: false, why: 'non_working_day' }],
    ['Saint Andrew (Monday 30 November), a legal holiday', '2026-11-30T10:00:00Z', { open: false, why: 'non_working_day' }],
    ['an administrator’s closed day (Thursday 24 December)', '2026-12-24T10:00:00Z', { open: false, why: 'non_working_day' }],
    ['a summer Thursday at 08:30 EEST (UTC+3)', '2026-07-02T05:30:00Z', { open: true }],
    ['a summer Thursday at 08:29 EEST', '2026-07-02T05:29:00Z', { open: false, why: 'outside_hours' }],
    ['00:30 Bucharest on a Wednesday is still Tuesday night in UTC', '2026-11-24T22:30:00Z', { open: false, why: 'outside_hours' }],
  ] as const)('%s', (_label, at, expected) => {
    expect(officeOpenAt(new Date(at), DEFAULT_OFFICE_HOURS, calendar)).toEqual(expected);
  });

  test('a weekday the administrator closed is closed all day', () => {
    const schedule: OfficeSchedule = DEFAULT_OFFICE_HOURS.map((d) => (d.weekday === 4 ? { ...d, open: null, close: null } : d));
    expect(officeOpenAt(new Date('2026-11-26T10:00:00Z'), schedule, calendar)).toEqual({ open: false, why: 'outside_hours' });
  });
});

describe('bucharestClockOf', () => {
  test('gives the Bucharest date, ISO weekday and time of an instant', () => {
    expect(bucharestClockOf(new Date('2026-11-24T22:30:00Z'))).toEqual({ date: '2026-11-25', weekday: 3, time: '00:30', hour: 0 });
    expect(bucharestClockOf(new Date('2026-07-05T20:59:00Z'))).toEqual({ date: '2026-07-05', weekday: 7, time: '23:59', hour: 23 });
  });
});

describe('describeOfficeHoursRo', () => {
  test('groups consecutive weekdays with the same hours, as the phone line says them', () => {
    expect(describeOfficeHoursRo(DEFAULT_OFFICE_HOURS)).toBe('de luni până joi, între orele 8:30 și 16:30, și vineri, între orele 8:30 și 14:00');
  });
  test('two days, one day, and no day at all', () => {
    const twoDays: OfficeSchedule = DEFAULT_OFFICE_HOURS.map((d) => (d.weekday <= 2 ? d : { ...d, open: null, close: null }));
    expect(describeOfficeHoursRo(twoDays)).toBe('luni și marți, între orele 8:30 și 16:30');
    const saturday: OfficeSchedule = DEFAULT_OFFICE_HOURS.map((d) => (d.weekday === 6 ? { ...d, open: '09:00', close: '12:00' } : { ...d, open: null, close: null }));
    expect(describeOfficeHoursRo(saturday)).toBe('sâmbătă, între orele 9:00 și 12:00');
    expect(describeOfficeHoursRo(DEFAULT_OFFICE_HOURS.map((d) => ({ ...d, open: null, close: null })))).toBe('momentan fără program de lucru cu publicul');
  });
});

describe('foldName (the caller’s identity by last name)', () => {
  test.each([
    ['Ștefănescu', 'stefanescu'],
    ['ŞTEFĂNESCU', 'stefanescu'],
    ['Ştefănescu', 'stefanescu'],
    ['  Popescu-Țiriac ', 'popescu tiriac'],
    ['Întâi', 'intai'],
  ])('%s folds to %s', (input, expected) => {
    expect(foldName(input)).toBe(expected);
  });
});
