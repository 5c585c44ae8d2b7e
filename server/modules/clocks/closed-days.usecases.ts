// The administrator's extra closed days (the government's bridge days) and what they do to open petitions:
// DOMAIN.md — adding one recomputes the due dates of open petitions, never earlier, each with a timeline
// event; removing one moves nothing (a date the petitioner was told is never shortened).
import type { Db, Tx } from '../../../db/client';
import type { AddClosedDayResponse, ClosedDay, DueDateChange } from '../../../shared/api/clocks';
import { createLegalCalendar, legalHolidays, type LegalCalendar } from '../../../shared/domain/calendar';
import { recomputeDueDates, type DueDateMove } from '../../../shared/domain/clock-rules';
import { bucharestDateOf, dayOfWeek } from '../../../shared/domain/dates';
import { formatDateRo } from '../../../shared/domain/format';
import type { Clock } from '../../lib/clock';
import { appError } from '../../lib/errors';
import type { EventBus } from '../../lib/events';
import type { SessionUser } from '../auth/auth.usecases';
import { listClosedDays } from '../calendar/calendar.repository';
import { clockFireInstants } from './clock-schedule';
import { replaceClock } from './clocks.repository';
import * as repo from './closed-days.repository';
import { CLOCK_LABELS } from './escalation-texts';

export const DELETE_NOTE =
  'Due dates already computed are not moved earlier when a closed day is removed: the petitioner may have been told them.';

export async function listClosedDayItems({ db, year }: { db: Db; year?: number | undefined }): Promise<{ items: ClosedDay[] }> {
  return { items: await repo.listClosedDayRows(db, year) };
}

/** A weekend day or a legal holiday (Codul muncii art. 139) is already non-working: adding it says so. */
function refuseAlreadyNonWorking(date: string): void {
  const dow = dayOfWeek(date);
  if (dow === 0 || dow === 6) throw appError('closed_days.conflict', `${date} is a ${dow === 0 ? 'Sunday' : 'Saturday'}: already a non-working day.`);
  const holiday = legalHolidays(Number(date.slice(0, 4))).find((d) => d.date === date);
  if (holiday) throw appError('closed_days.conflict', `${date} is already a legal holiday (${holiday.name.ro}, Codul muncii art. 139).`);
}

export async function addClosedDay({ db, clock, events, user, date, name }: {
  db: Db; clock: Clock; events: EventBus; user: SessionUser; date: string; name: string;
}): Promise<AddClosedDayResponse> {
  refuseAlreadyNonWorking(date);
  const now = clock.now();
  const { changes, moved } = await db.transaction(async (tx) => {
    const existing = (await listClosedDays(tx)).filter((d) => d.date !== date);
    if (!(await repo.insertClosedDay(tx, { date, name, createdByUserId: user.id, createdAt: now }))) {
      throw appError('closed_days.conflict', `${date} is already a closed day.`);
    }
    const calendars = { before: createLegalCalendar(existing), after: createLegalCalendar([...existing, { date, name: { ro: name, en: name } }]) };
    const changes: DueDateChange[] = [];
    const moved: repo.RecomputedPetition[] = [];
    const candidates = await repo.lockOpenPetitionsDueFrom(tx, date);
    for (const p of candidates) {
      const moves = recomputeDueDates(
        {
          regime: p.regime, status: p.status, registeredOn: p.registeredOn, routedOn: p.routedAt ? bucharestDateOf(p.routedAt) : null,
          legalDueOn: p.legalDueOn, internalDueOn: p.internalDueOn, forwardDueOn: p.forwardDueOn,
          extended: p.extendedAt !== null, internalPaused: p.internalPausedAt !== null,
          categoryRule: p.deadlineDays != null ? { days: p.deadlineDays, counting: p.deadlineCounting ?? 'calendar' } : undefined,
        },
        date,
        calendars,
      );
      if (moves.length === 0) continue;
      await applyMoves(tx, { petitionId: p.id, moves, now, user, closedDay: { date, name }, calendar: calendars.after });
      changes.push(...moves.map((m) => ({ petitionId: p.id, registrationNumber: p.registrationNumber, ...m })));
      moved.push(p);
    }
    await rescheduleWarnings(tx, candidates.map((p) => p.id), calendars.after);
    return { changes, moved };
  });
  for (const p of moved) {
    events.emit('petition.changed', { petitionId: p.id, registrationNumber: p.registrationNumber, departmentId: p.handlerDepartmentId, assigneeId: p.assigneeId, status: p.status, change: 'due_dates.recomputed' });
  }
  return { closedDay: { date, name }, changes };
}

async function applyMoves(tx: Tx, { petitionId, moves, now, user, closedDay, calendar }: {
  petitionId: string; moves: DueDateMove[]; now: Date; user: SessionUser; closedDay: ClosedDay; calendar: LegalCalendar;
}): Promise<void> {
  const column = { legal: 'legalDueOn', internal: 'internalDueOn', forward: 'forwardDueOn' } as const;
  await repo.setDueDates(tx, petitionId, { updatedAt: now, ...Object.fromEntries(moves.map((m) => [column[m.clock], m.after])) });
  await repo.insertEvents(
    tx,
    moves.map((m) => ({
      petitionId, at: now, actorKind: 'staff' as const, actorUserId: user.id, type: 'due_dates.recomputed',
      // The citizen sees the legal date move; the internal and forward dates are the office's own.
      public: m.clock === 'legal',
      textRo: `${m.clock === 'legal' ? 'Termenul de răspuns' : capitalise(CLOCK_LABELS[m.clock].ro)} a fost mutat de la ${formatDateRo(m.before)} la ${formatDateRo(m.after)}, deoarece ziua de ${formatDateRo(closedDay.date)} a fost declarată nelucrătoare.`,
      textEn: `${m.clock === 'legal' ? 'The answer deadline' : capitalise(CLOCK_LABELS[m.clock].en)} moved from ${m.before} to ${m.after} because ${closedDay.date} was declared a non-working day.`,
      data: { clock: m.clock, before: m.before, after: m.after, closedDay: closedDay.date },
    })),
  );
  for (const m of moves) await replaceClock(tx, { petitionId, clock: m.clock, dueOn: m.after, calendar });
}

/**
 * A due date that stays put may still have one working day fewer before it: its at-risk warning
 * (N working days ahead) moves earlier to match. Only timers whose instant changes are written.
 */
async function rescheduleWarnings(tx: Tx, petitionIds: string[], calendar: LegalCalendar): Promise<void> {
  for (const t of await repo.unfiredAtRiskTimers(tx, petitionIds)) {
    const { atRiskAt } = clockFireInstants({ clock: t.clock, dueOn: t.dueOn, calendar });
    if (atRiskAt.getTime() !== t.firesAt.getTime()) await repo.setFiresAt(tx, t.id, atRiskAt);
  }
}

export async function removeClosedDay({ db, date }: { db: Db; date: string }) {
  const row = await db.transaction((tx) => repo.deleteClosedDay(tx, date));
  if (!row) throw appError('closed_days.not_found', `${date} is not a closed day.`);
  return { closedDay: row, dueDatesChanged: 0 as const, note: DELETE_NOTE };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
