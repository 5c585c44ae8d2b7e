// Call-center figures for the supervisor (issue 5 §7), over Bucharest calendar days: calls per hour,
// answered vs missed, average waiting (answered − started) and handling (ended − answered) time, the share
// resolved in the first call, open callbacks. Computed here from the rows (the same on both drivers).
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { calls } from '../../../db/schema';
import type { CallStatsResponse } from '../../../shared/api/calls';
import { FIRST_CALL_RESOLUTION_DAYS, RESOLVING_OUTCOMES } from '../../../shared/domain/calls';
import { addDays, bucharestDateOf, bucharestMidnight, daysBetween } from '../../../shared/domain/dates';
import { bucharestClockOf } from '../../../shared/domain/office-hours';
import type { Clock } from '../../lib/clock';
import { appError } from '../../lib/errors';

const DEFAULT_DAYS = 7;
const MAX_DAYS = 366;

const average = (values: number[]) => (values.length ? Math.round(values.reduce((a, b) => a + b, 0) / values.length) : null);

export async function callStats({ db, clock, from, to }: { db: Db; clock: Clock; from?: string | undefined; to?: string | undefined }): Promise<CallStatsResponse> {
  const last = to ?? (from ? addDays(from, DEFAULT_DAYS - 1) : bucharestDateOf(clock.now()));
  const first = from ?? addDays(last, -(DEFAULT_DAYS - 1));
  if (daysBetween(first, last) >= MAX_DAYS) {
    throw appError('request.invalid', `At most ${MAX_DAYS} days.`, { fields: [{ path: 'to', code: 'range_too_long', message: `At most ${MAX_DAYS} days` }] });
  }
  const start = bucharestMidnight(first);
  const end = bucharestMidnight(addDays(last, 1));
  // Calls after the range still count against first-call resolution (a repeat within 7 days).
  const repeatEnd = new Date(end.getTime() + FIRST_CALL_RESOLUTION_DAYS * 86_400_000);
  const [rows, [open]] = await Promise.all([
    db
      .select({ id: calls.id, direction: calls.direction, phone: calls.phone, status: calls.status, startedAt: calls.startedAt, answeredAt: calls.answeredAt, endedAt: calls.endedAt, outcome: calls.outcome })
      .from(calls)
      .where(and(gte(calls.startedAt, start), lt(calls.startedAt, repeatEnd))),
    db.select({ n: sql<number>`count(*)::int` }).from(calls).where(eq(calls.callbackStatus, 'open')),
  ]);
  const inRange = rows.filter((r) => r.startedAt < end);
  const incoming = inRange.filter((r) => r.direction === 'incoming');
  const answered = incoming.filter((r) => r.answeredAt !== null);
  const missed = incoming.filter((r) => r.status === 'missed' || r.status === 'voicemail');

  const perHour = Array.from({ length: 24 }, (_, hour) => ({ hour, incoming: 0, answered: 0, missed: 0 }));
  for (const r of incoming) {
    const slot = perHour[bucharestClockOf(r.startedAt).hour]!;
    slot.incoming += 1;
    if (r.answeredAt) slot.answered += 1;
    if (r.status === 'missed' || r.status === 'voicemail') slot.missed += 1;
  }

  const incomingByPhone = new Map<string, Date[]>();
  for (const r of rows) if (r.direction === 'incoming' && r.phone) incomingByPhone.set(r.phone, [...(incomingByPhone.get(r.phone) ?? []), r.startedAt]);
  const windowMs = FIRST_CALL_RESOLUTION_DAYS * 86_400_000;
  // Eligible: the answered incoming calls; resolved: a resolving outcome and no call from the number within 7 days.
  const resolved = answered.filter((r) => {
    if (!r.outcome || !RESOLVING_OUTCOMES.includes(r.outcome)) return false;
    if (!r.phone) return true;
    const t = r.startedAt.getTime();
    return !(incomingByPhone.get(r.phone) ?? []).some((other) => other.getTime() > t && other.getTime() <= t + windowMs);
  });

  return {
    from: first,
    to: last,
    timeZone: 'Europe/Bucharest',
    incoming: incoming.length,
    outgoing: inRange.length - incoming.length,
    answered: answered.length,
    missed: missed.length,
    voicemail: incoming.filter((r) => r.status === 'voicemail').length,
    perHour,
    averageWaitSeconds: average(answered.map((r) => (r.answeredAt!.getTime() - r.startedAt.getTime()) / 1000)),
    averageHandlingSeconds: average(answered.filter((r) => r.endedAt).map((r) => (r.endedAt!.getTime() - r.answeredAt!.getTime()) / 1000)),
    firstCallResolution: { resolved: resolved.length, eligible: answered.length, share: answered.length ? Math.round((resolved.length / answered.length) * 1000) / 1000 : null },
    openCallbacks: open?.n ?? 0,
  };
}
