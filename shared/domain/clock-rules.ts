// Which clocks run for a petition, and how its due dates follow a new closed day (DOMAIN.md "Deadlines":
// when the administrator adds a closed day, open petitions are recomputed, never earlier).
import type { LegalCalendar } from './calendar';
import { compareIsoDates, type IsoDate } from './dates';
import { computeDueDate, type DeadlineKind, type DeadlineRule } from './deadlines';
import type { PetitionStatus } from './petition-codes';

export type ClockName = 'legal' | 'internal' | 'forward';

/** A petition still being worked: its clocks run, it can be extended, closed days move its dates. */
export const OPEN_STATUSES = ['registered', 'routed', 'in_progress', 'answer_submitted', 'answer_signed', 'approved'] as const satisfies readonly PetitionStatus[];
/** Dispatched or a side exit: no clock runs any more. */
export const FINAL_STATUSES = ['answered', 'archived', 'forwarded', 'joined', 'filed'] as const satisfies readonly PetitionStatus[];

export function isOpenStatus(status: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

/**
 * Whether a clock still applies: none in a final status; the internal one stops while paused (waiting
 * for another department's contribution); the forward one (OG 27/2002 art. 6^1) only while the
 * petition is still at the registry. The legal clock never pauses (DOMAIN.md).
 */
export function clockApplies({ clock, status, internalPaused }: { clock: ClockName; status: string; internalPaused: boolean }): boolean {
  if (!isOpenStatus(status)) return false;
  if (clock === 'internal') return !internalPaused;
  if (clock === 'forward') return status === 'registered';
  return true;
}

/** The legal term in force: art. 9 extended, or the regime's answer term (Legea 544 art. 7(1) complex when told). */
export function legalDeadlineKind({ regime, extended }: { regime: 'og27' | 'l544'; extended: boolean }): DeadlineKind {
  if (regime === 'l544') return extended ? 'l544.complex' : 'l544.answer';
  return extended ? 'og27.extended' : 'og27.answer';
}

export type RecomputeInput = {
  regime: 'og27' | 'l544';
  status: string;
  registeredOn: IsoDate;
  /** The day the registry routed it (Bucharest date); null while at the registry. */
  routedOn: IsoDate | null;
  legalDueOn: IsoDate;
  internalDueOn: IsoDate | null;
  forwardDueOn: IsoDate | null;
  extended: boolean;
  internalPaused: boolean;
  /** The category's special-law rule; never applied to an extended term (art. 9 counts from the 30 days). */
  categoryRule?: DeadlineRule | undefined;
};

export type DueDateMove = { clock: ClockName; before: IsoDate; after: IsoDate };

const later = (a: IsoDate, b: IsoDate) => (compareIsoDates(a, b) >= 0 ? a : b);

/**
 * The due dates after `closedDay` became non-working. `before` is the calendar without the day, `after`
 * with it. Legal and forward terms count calendar days, so they are recomputed with their rule; when the
 * stored date is not the rule's result under the old calendar (the category's rule changed since), it is
 * only rolled to the next working day, so a closed day never lengthens a term for another reason.
 * The internal date counts working days: when the closed day falls in the department's window (after
 * the routing day, up to the internal date) the department gets that working day back, capped at the
 * legal date. No date ever moves earlier.
 */
export function recomputeDueDates(p: RecomputeInput, closedDay: IsoDate, calendars: { before: LegalCalendar; after: LegalCalendar }): DueDateMove[] {
  if (!isOpenStatus(p.status)) return [];
  const moves: DueDateMove[] = [];
  const recompute = (stored: IsoDate, kind: DeadlineKind, rule: DeadlineRule | undefined): IsoDate => {
    const was = computeDueDate({ kind, registeredOn: p.registeredOn, calendar: calendars.before, rule });
    const candidate = was === stored ? computeDueDate({ kind, registeredOn: p.registeredOn, calendar: calendars.after, rule }) : calendars.after.nextWorkingDay(stored);
    return later(stored, candidate);
  };

  const legal = recompute(p.legalDueOn, legalDeadlineKind({ regime: p.regime, extended: p.extended }), p.extended ? undefined : p.categoryRule);
  if (legal !== p.legalDueOn) moves.push({ clock: 'legal', before: p.legalDueOn, after: legal });

  if (p.internalDueOn && clockApplies({ clock: 'internal', status: p.status, internalPaused: p.internalPaused })) {
    const start = p.routedOn ?? p.registeredOn;
    const inWindow = compareIsoDates(start, closedDay) < 0 && compareIsoDates(closedDay, p.internalDueOn) <= 0;
    // Outside the window the date only leaves a day that is no longer a working day.
    const candidate = inWindow ? calendars.after.addWorkingDays(p.internalDueOn, 1) : calendars.after.nextWorkingDay(p.internalDueOn);
    const capped = compareIsoDates(candidate, legal) > 0 ? legal : candidate;
    const internal = later(p.internalDueOn, capped);
    if (internal !== p.internalDueOn) moves.push({ clock: 'internal', before: p.internalDueOn, after: internal });
  }

  if (p.forwardDueOn && clockApplies({ clock: 'forward', status: p.status, internalPaused: p.internalPaused })) {
    const forward = recompute(p.forwardDueOn, 'og27.forward', undefined);
    if (forward !== p.forwardDueOn) moves.push({ clock: 'forward', before: p.forwardDueOn, after: forward });
  }
  return moves;
}
