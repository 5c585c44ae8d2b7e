// Countdowns and clock states on screen, counted like the server counts them (DOMAIN.md "Deadlines"):
// Bucharest calendar dates, working days on the legal calendar, at risk within 5 (legal) or 3 (internal)
// working days, breached from the day after the due date.
import { useEffect, useState } from 'react';
import type { ClockStateDto } from '../../../../shared/api/staff-petitions';
import type { LegalCalendar } from '../../../../shared/domain/calendar';
import { bucharestDateOf, compareIsoDates, daysBetween } from '../../../../shared/domain/dates';
import { AT_RISK_WORKING_DAYS, clockState } from '../../../../shared/domain/deadlines';
import type { Lang } from '../../i18n';

export type Countdown = { kind: 'left'; workingDays: number } | { kind: 'today' } | { kind: 'overdue'; days: number };

export function countdown(dueOn: string, today: string, calendar: LegalCalendar): Countdown {
  const order = compareIsoDates(today, dueOn);
  if (order > 0) return { kind: 'overdue', days: daysBetween(dueOn, today) };
  if (order === 0) return { kind: 'today' };
  return { kind: 'left', workingDays: calendar.workingDaysBetween(today, dueOn) };
}

/** One clock's badge: none when the clock does not run (a final status), paused while it waits. */
export function clockBadgeState(args: {
  dueOn: string;
  today: string;
  calendar: LegalCalendar;
  clock: 'legal' | 'internal' | 'forward';
  running: boolean;
  paused?: boolean;
}): ClockStateDto {
  if (!args.running) return 'none';
  if (args.paused) return 'paused';
  const atRiskWorkingDays = args.clock === 'internal' ? AT_RISK_WORKING_DAYS.internal : AT_RISK_WORKING_DAYS.legal;
  return clockState({ dueOn: args.dueOn, today: args.today, calendar: args.calendar, atRiskWorkingDays });
}

/** Today in Bucharest, re-read every minute so that countdowns turn at midnight without a reload. */
export function useToday(): string {
  const [today, setToday] = useState(() => bucharestDateOf(new Date()));
  useEffect(() => {
    const timer = setInterval(() => setToday(bucharestDateOf(new Date())), 60_000);
    return () => clearInterval(timer);
  }, []);
  return today;
}

const pluralRules: Partial<Record<Lang, Intl.PluralRules>> = {};

/** Romanian has three forms: 1 zi, 2–19 zile, 20 de zile; English two. */
export function pluralForm(lang: Lang, n: number): 'one' | 'few' | 'other' {
  const rules = (pluralRules[lang] ??= new Intl.PluralRules(lang));
  const form = rules.select(n);
  return form === 'one' || form === 'few' ? form : 'other';
}
