// When a clock's warning and breach fire (DOMAIN.md): at risk from the first day its due date is within
// N working days (legal 5, internal 3), breached from the day after the due date — Bucharest midnights.
import type { LegalCalendar } from '../../../shared/domain/calendar';
import { addDays, bucharestMidnight, type IsoDate } from '../../../shared/domain/dates';
import { AT_RISK_WORKING_DAYS } from '../../../shared/domain/deadlines';

export type ClockKind = 'legal' | 'internal' | 'forward';

export const AT_RISK_DAYS: Record<ClockKind, number> = {
  legal: AT_RISK_WORKING_DAYS.legal,
  internal: AT_RISK_WORKING_DAYS.internal,
  forward: 2, // the 5-day forward term: warn the registry two working days ahead
};

/** The first calendar day on which the clock is at risk. */
export function atRiskFrom({ dueOn, calendar, workingDays }: { dueOn: IsoDate; calendar: LegalCalendar; workingDays: number }): IsoDate {
  let day = dueOn;
  // Walk back while the day before is still within `workingDays` working days of the due date.
  while (calendar.workingDaysBetween(addDays(day, -1), dueOn) <= workingDays) day = addDays(day, -1);
  return day;
}

export function clockFireInstants({ clock, dueOn, calendar }: { clock: ClockKind; dueOn: IsoDate; calendar: LegalCalendar }) {
  return {
    atRiskAt: bucharestMidnight(atRiskFrom({ dueOn, calendar, workingDays: AT_RISK_DAYS[clock] })),
    breachedAt: bucharestMidnight(addDays(dueOn, 1)),
  };
}
