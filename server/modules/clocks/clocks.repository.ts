import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { petitionClocks } from '../../../db/schema';
import type { LegalCalendar } from '../../../shared/domain/calendar';
import { clockFireInstants, type ClockKind } from './clock-schedule';

/**
 * A clock's due date was set or moved: its warnings and breach still to fire are replaced (those already
 * fired stay as history). `dueOn: null` stops the clock (answered, forwarded, paused…).
 */
export async function replaceClock(
  db: DbOrTx,
  { petitionId, clock, dueOn, calendar }: { petitionId: string; clock: ClockKind; dueOn: string | null; calendar: LegalCalendar },
): Promise<void> {
  await db.delete(petitionClocks).where(and(eq(petitionClocks.petitionId, petitionId), eq(petitionClocks.clock, clock), isNull(petitionClocks.firedAt)));
  if (!dueOn) return;
  const { atRiskAt, breachedAt } = clockFireInstants({ clock, dueOn, calendar });
  await db.insert(petitionClocks).values([
    { petitionId, clock, stage: 'at_risk', dueOn, firesAt: atRiskAt },
    { petitionId, clock, stage: 'breached', dueOn, firesAt: breachedAt },
  ]);
}

/** The first timers of a new petition's clocks: nothing to replace, one INSERT (the intake runs it under the register's lock). */
export function startClocks(db: DbOrTx, clocks: Array<{ petitionId: string; clock: ClockKind; dueOn: string }>, calendar: LegalCalendar) {
  return db.insert(petitionClocks).values(
    clocks.flatMap(({ petitionId, clock, dueOn }) => {
      const { atRiskAt, breachedAt } = clockFireInstants({ clock, dueOn, calendar });
      return [
        { petitionId, clock, stage: 'at_risk' as const, dueOn, firesAt: atRiskAt },
        { petitionId, clock, stage: 'breached' as const, dueOn, firesAt: breachedAt },
      ];
    }),
  );
}

/** Every clock of a petition stops (final status). */
export async function stopAllClocks(db: DbOrTx, petitionId: string): Promise<void> {
  await db.delete(petitionClocks).where(and(eq(petitionClocks.petitionId, petitionId), isNull(petitionClocks.firedAt)));
}
