// The administrator sets when the call center answers (issue 5 §1); non-working days are closed whatever
// the weekly schedule says (the legal calendar and the closed days of GET /api/admin/closed-days).
import type { Db } from '../../../db/client';
import { describeOfficeHoursRo, WEEKDAY_NAMES_RO, type OfficeSchedule, type Weekday } from '../../../shared/domain/office-hours';
import type { Clock } from '../../lib/clock';
import type { SessionUser } from '../auth/auth.usecases';
import { loadOfficeHours, replaceOfficeHours } from './office-hours.repository';

function toDto(schedule: OfficeSchedule) {
  return {
    timeZone: 'Europe/Bucharest' as const,
    days: schedule.map((d) => ({ weekday: d.weekday, name: WEEKDAY_NAMES_RO[d.weekday], open: d.open, close: d.close })),
    /** What the phone line says outside the hours. */
    summaryRo: describeOfficeHoursRo(schedule),
    closedOnNonWorkingDays: true as const,
  };
}

export async function getOfficeHours({ db }: { db: Db }) {
  return toDto(await loadOfficeHours(db));
}

export async function setOfficeHours({ db, clock, user, days }: { db: Db; clock: Clock; user: SessionUser; days: Array<{ weekday: number; open: string | null; close: string | null }> }) {
  const schedule: OfficeSchedule = [...days].sort((a, b) => a.weekday - b.weekday).map((d) => ({ weekday: d.weekday as Weekday, open: d.open, close: d.close }));
  await db.transaction((tx) => replaceOfficeHours(tx, schedule, { userId: user.id, at: clock.now() }));
  return toDto(await loadOfficeHours(db));
}
