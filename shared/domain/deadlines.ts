// Legal and internal due dates of petitions (OG 27/2002) and public-information requests
// (Legea 544/2001), exactly as DOMAIN.md "Deadlines: exactly how they are computed" specifies.
import { addDays, compareIsoDates } from './dates';
import type { IsoDate } from './dates';
import type { LegalCalendar } from './calendar';

export const DEADLINE_KINDS = [
  'og27.answer',
  'og27.extended',
  'og27.forward',
  'l544.answer',
  'l544.complex',
  'l544.refusal',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export function isDeadlineKind(s: string): s is DeadlineKind {
  return (DEADLINE_KINDS as readonly string[]).includes(s);
}

/**
 * 'calendar': registration date + days (the product's early reading of OG 27/2002, one day before
 * the Civil Code art. 2553 count, so answering by it is always in time).
 * 'free_days': HG 123/2002 art. 16 — neither the first nor the last day counts: date + days + 1.
 */
export type DeadlineRule = { days: number; counting: 'calendar' | 'free_days' };

// Defaults only: a category governed by a special law overrides them with its own rule.
export const DEFAULT_DEADLINE_RULES: Record<DeadlineKind, DeadlineRule> = {
  'og27.answer': { days: 30, counting: 'calendar' }, // OG 27/2002 art. 8
  'og27.extended': { days: 45, counting: 'calendar' }, // OG 27/2002 art. 9: 30 + at most 15
  'og27.forward': { days: 5, counting: 'calendar' }, // OG 27/2002 art. 6^1
  'l544.answer': { days: 10, counting: 'free_days' }, // Legea 544/2001 art. 7(1)
  'l544.complex': { days: 30, counting: 'free_days' }, // Legea 544/2001 art. 7(1), requester told
  'l544.refusal': { days: 5, counting: 'free_days' }, // Legea 544/2001 art. 7(2)
};

export function computeDueDate(args: {
  kind: DeadlineKind;
  registeredOn: IsoDate;
  calendar: LegalCalendar;
  rule?: DeadlineRule;
}): IsoDate {
  const rule = args.rule ?? DEFAULT_DEADLINE_RULES[args.kind];
  if (!Number.isInteger(rule.days) || rule.days < 0) {
    throw new RangeError(`Deadline days must be a whole number >= 0: ${rule.days}`);
  }
  // HG 123/2002 art. 16: free days — the day of registration and the last day are not counted.
  const extra = rule.counting === 'free_days' ? 1 : 0;
  const end = addDays(args.registeredOn, rule.days + extra);
  // Codul civil art. 2554 and HG 123/2002 art. 16(3): a term ending on a non-working day
  // ends on the next working day.
  return args.calendar.nextWorkingDay(end);
}

export type ClockState = 'on_time' | 'at_risk' | 'breached' | 'paused' | 'none';

// DOMAIN.md: a clock is at risk within 3 working days (internal) or 5 working days (legal).
export const AT_RISK_WORKING_DAYS = { internal: 3, legal: 5 } as const;

/** The state of a running clock on `today` (pausing is the caller's concern, not this rule's). */
export function clockState(args: {
  dueOn: IsoDate;
  today: IsoDate;
  calendar: LegalCalendar;
  atRiskWorkingDays: number;
}): 'on_time' | 'at_risk' | 'breached' {
  // The due date itself is still in time: breached only from the day after.
  if (compareIsoDates(args.today, args.dueOn) > 0) return 'breached';
  const left = args.calendar.workingDaysBetween(args.today, args.dueOn);
  return left <= args.atRiskWorkingDays ? 'at_risk' : 'on_time';
}

/**
 * OG 27/2002 art. 6(2): the registry routes a petition with the date by which the department must
 * answer. Default: 5 working days before the legal due date (configurable per category).
 */
export function internalDueDate(args: {
  legalDueOn: IsoDate;
  calendar: LegalCalendar;
  workingDaysBefore?: number;
}): IsoDate {
  return args.calendar.addWorkingDays(args.legalDueOn, -(args.workingDaysBefore ?? 5));
}

/**
 * OG 27/2002 art. 9 requires prior notice of an extension; DOMAIN.md: it can be granted until the
 * day before the legal due date (Bucharest calendar date).
 */
export function canExtendOn(args: { legalDueOn: IsoDate; today: IsoDate }): boolean {
  return compareIsoDates(args.today, args.legalDueOn) < 0;
}
