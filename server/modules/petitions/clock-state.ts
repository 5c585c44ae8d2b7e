// The clock badge of a petition in a list: the worse of its legal and internal clocks (DOMAIN.md).
import type { LegalCalendar } from '../../../shared/domain/calendar';
import { addDays } from '../../../shared/domain/dates';
import { AT_RISK_WORKING_DAYS, clockState } from '../../../shared/domain/deadlines';
import type { ClockStateDto } from '../../../shared/api/staff-petitions';

const OPEN = new Set(['registered', 'routed', 'in_progress', 'answer_submitted', 'answer_signed', 'approved']);

export function petitionClockState(
  p: { status: string; legalDueOn: string; internalDueOn: string | null; internalPausedAt: Date | null },
  today: string,
  calendar: LegalCalendar,
): ClockStateDto {
  if (!OPEN.has(p.status)) return 'none';
  const legal = clockState({ dueOn: p.legalDueOn, today, calendar, atRiskWorkingDays: AT_RISK_WORKING_DAYS.legal });
  const internal =
    p.internalDueOn && !p.internalPausedAt
      ? clockState({ dueOn: p.internalDueOn, today, calendar, atRiskWorkingDays: AT_RISK_WORKING_DAYS.internal })
      : null;
  if (legal === 'breached' || internal === 'breached') return 'breached';
  if (legal === 'at_risk' || internal === 'at_risk') return 'at_risk';
  if (p.internalPausedAt) return 'paused';
  return 'on_time';
}

/** The last due date that is "at risk" today: due dates in [today, this] are within N working days. */
export function atRiskUntil(today: string, workingDays: number, calendar: LegalCalendar): string {
  return addDays(calendar.addWorkingDays(today, workingDays + 1), -1);
}
