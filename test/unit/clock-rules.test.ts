import { describe, expect, test } from 'vitest';
import { createLegalCalendar, type NamedDay } from '../../shared/domain/calendar';
import { clockApplies, recomputeDueDates, type RecomputeInput } from '../../shared/domain/clock-rules';

const day = (date: string): NamedDay => ({ date, name: { ro: 'Zi liberă', en: 'Closed day' } });
const closing = (date: string, existing: string[] = []) => ({
  before: createLegalCalendar(existing.map(day)),
  after: createLegalCalendar([...existing, date].map(day)),
});

// Registered Thu 26 Nov 2026: og27.answer 26 Dec (Sat) → Mon 28 Dec; l544.answer 7 Dec; forward 2 Dec.
const petition = (over: Partial<RecomputeInput> = {}): RecomputeInput => ({
  regime: 'og27', status: 'routed', registeredOn: '2026-11-26', routedOn: '2026-11-27',
  legalDueOn: '2026-12-28', internalDueOn: null, forwardDueOn: null, extended: false, internalPaused: false, ...over,
});

describe('due dates after the administrator adds a closed day', () => {
  test('a legal due date on the new closed day moves to the next working day', () => {
    expect(recomputeDueDates(petition(), '2026-12-28', closing('2026-12-28'))).toEqual([{ clock: 'legal', before: '2026-12-28', after: '2026-12-29' }]);
  });

  test('a closed day inside a calendar-day term does not lengthen it (OG 27/2002 counts calendar days)', () => {
    expect(recomputeDueDates(petition(), '2026-12-22', closing('2026-12-22'))).toEqual([]);
  });

  test('an extended petition is recomputed on the 45-day term of art. 9, without the category override', () => {
    const p = petition({ extended: true, legalDueOn: '2027-01-11', categoryRule: { days: 10, counting: 'calendar' } });
    expect(recomputeDueDates(p, '2027-01-11', closing('2027-01-11'))).toEqual([{ clock: 'legal', before: '2027-01-11', after: '2027-01-12' }]);
  });

  test('a category with a special-law term is recomputed on its own rule', () => {
    const p = petition({ legalDueOn: '2027-01-25', categoryRule: { days: 60, counting: 'calendar' } });
    expect(recomputeDueDates(p, '2027-01-25', closing('2027-01-25'))[0]).toMatchObject({ after: '2027-01-26' });
  });

  test('Legea 544/2001: an information request is recomputed on free days', () => {
    const p = petition({ regime: 'l544', legalDueOn: '2026-12-07' });
    expect(recomputeDueDates(p, '2026-12-07', closing('2026-12-07'))).toEqual([{ clock: 'legal', before: '2026-12-07', after: '2026-12-08' }]);
  });

  test('a due date is never moved earlier, even when the rule would now give an earlier one', () => {
    // Stored 30 Dec (an earlier closed day was removed since); the rule now gives 28 Dec.
    const p = petition({ legalDueOn: '2026-12-30' });
    expect(recomputeDueDates(p, '2026-12-24', closing('2026-12-24'))).toEqual([]);
  });

  test('a stored date that is not the rule’s result is only rolled off the closed day, never lengthened by the rule', () => {
    const p = petition({ legalDueOn: '2026-12-21', categoryRule: { days: 60, counting: 'calendar' } });
    expect(recomputeDueDates(p, '2026-12-18', closing('2026-12-18'))).toEqual([]);
    expect(recomputeDueDates(p, '2026-12-21', closing('2026-12-21'))).toEqual([{ clock: 'legal', before: '2026-12-21', after: '2026-12-22' }]);
  });

  test.each([
    ['inside the department’s window', '2026-12-17', '2026-12-21'],
    ['on the internal due date itself', '2026-12-18', '2026-12-21'],
    ['on the routing day (not a day the department had)', '2026-11-27', null],
    ['after the internal due date', '2026-12-22', null],
  ])('the internal due date gets back a working day lost %s', (_label, closed, after) => {
    const moves = recomputeDueDates(petition({ internalDueOn: '2026-12-18' }), closed, closing(closed));
    expect(moves.find((m) => m.clock === 'internal')?.after ?? null).toBe(after);
  });

  test('the internal due date never passes the legal one', () => {
    const p = petition({ internalDueOn: '2026-12-28' });
    expect(recomputeDueDates(p, '2026-12-22', closing('2026-12-22'))).toEqual([]);
  });

  test('a paused internal clock keeps its date (it is set again when it resumes)', () => {
    expect(recomputeDueDates(petition({ internalDueOn: '2026-12-18', internalPaused: true }), '2026-12-17', closing('2026-12-17'))).toEqual([]);
  });

  test('the forward term (OG 27/2002 art. 6^1) moves while the petition is at the registry, not after', () => {
    const atRegistry = petition({ status: 'registered', routedOn: null, forwardDueOn: '2026-12-02' });
    expect(recomputeDueDates(atRegistry, '2026-12-02', closing('2026-12-02'))).toEqual([{ clock: 'forward', before: '2026-12-02', after: '2026-12-03' }]);
    expect(recomputeDueDates({ ...atRegistry, status: 'routed' }, '2026-12-02', closing('2026-12-02'))).toEqual([]);
  });

  test.each(['answered', 'archived', 'forwarded', 'joined', 'filed'])('a petition %s keeps its dates', (status) => {
    expect(recomputeDueDates(petition({ status }), '2026-12-28', closing('2026-12-28'))).toEqual([]);
  });
});

describe('which clocks still run', () => {
  test.each([
    ['legal', 'in_progress', false, true],
    ['legal', 'answered', false, false],
    ['internal', 'routed', true, false],
    ['internal', 'routed', false, true],
    ['forward', 'registered', false, true],
    ['forward', 'routed', false, false],
    ['legal', 'filed', false, false],
  ] as const)('the %s clock of a petition %s (internal paused: %s) runs: %s', (clock, status, internalPaused, runs) => {
    expect(clockApplies({ clock, status, internalPaused })).toBe(runs);
  });
});
