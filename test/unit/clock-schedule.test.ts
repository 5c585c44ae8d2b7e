import { describe, expect, test } from 'vitest';
import { atRiskFrom, clockFireInstants } from '../../server/modules/clocks/clock-schedule';
import { createLegalCalendar } from '../../shared/domain/calendar';
import { clockState } from '../../shared/domain/deadlines';
import { addDays } from '../../shared/domain/dates';

const calendar = createLegalCalendar();

describe('when a clock warns and breaches', () => {
  test.each([
    // [clock, due date, first at-risk day, why]
    ['legal', '2026-12-02', '2026-11-23', 'Sf. Andrei and Ziua Națională (30 Nov, 1 Dec) do not count as working days'],
    ['legal', '2026-11-20', '2026-11-13', 'five working days back over a plain weekend'],
    ['internal', '2026-12-03', '2026-11-26', 'three working days back over the long weekend of 28 Nov – 1 Dec'],
    ['forward', '2026-12-02', '2026-11-26', 'the 5-day forward term warns two working days ahead (OG 27/2002 art. 6^1)'],
  ] as const)('a %s clock due on %s is at risk from %s: %s', (clock, dueOn, from, _why) => {
    const workingDays = { legal: 5, internal: 3, forward: 2 }[clock];
    expect(atRiskFrom({ dueOn, calendar, workingDays })).toBe(from);
  });

  test('the at-risk day agrees with clockState: at risk on that day, on time the day before', () => {
    for (const dueOn of ['2026-12-02', '2026-12-28', '2027-05-04', '2027-01-08']) {
      const from = atRiskFrom({ dueOn, calendar, workingDays: 5 });
      expect(clockState({ dueOn, today: from, calendar, atRiskWorkingDays: 5 })).toBe('at_risk');
      expect(clockState({ dueOn, today: addDays(from, -1), calendar, atRiskWorkingDays: 5 })).toBe('on_time');
    }
  });

  test('a clock fires at Bucharest midnights: 22:00 UTC in winter (EET)', () => {
    expect(clockFireInstants({ clock: 'legal', dueOn: '2026-12-02', calendar })).toEqual({
      atRiskAt: new Date('2026-11-22T22:00:00Z'),
      breachedAt: new Date('2026-12-02T22:00:00Z'),
    });
  });

  test('across the October clock change the warning fires at 21:00 UTC (EEST) and the breach at 22:00 UTC (EET)', () => {
    expect(clockFireInstants({ clock: 'legal', dueOn: '2026-10-26', calendar })).toEqual({
      atRiskAt: new Date('2026-10-18T21:00:00Z'),
      breachedAt: new Date('2026-10-26T22:00:00Z'),
    });
  });

  test('an administrator’s closed day brings the warning a day earlier', () => {
    const bridge = createLegalCalendar([{ date: '2026-11-27', name: { ro: 'Punte', en: 'Bridge day' } }]);
    expect(atRiskFrom({ dueOn: '2026-12-02', calendar: bridge, workingDays: 5 })).toBe('2026-11-20');
  });
});
