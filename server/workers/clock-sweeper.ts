// The SLA sweeper (DESIGN.md: timers live in the database). Each tick claims the due rows of
// petition_clocks with FOR UPDATE SKIP LOCKED, escalates, marks them fired and commits, then emits the
// bus events: any number of servers may run it, each timer fires once, and a restart loses none.
import type { Db } from '../../db/client';
import type { Clock } from '../lib/clock';
import type { EventBus } from '../lib/events';
import type { Logger } from '../lib/logger';
import { sweepDueClocks } from '../modules/clocks/sweep.usecases';

export type ClockSweeper = { runOnce(): Promise<number>; stop(): Promise<void> };

/** Every 15 s: warnings fire at Bucharest midnights, so a quarter of a minute late is plenty on time. */
export const CLOCK_SWEEP_MS = 15_000;

export function startClockSweeper({
  db, clock, events, logger, publicUrl, pollMs = CLOCK_SWEEP_MS, batchSize = 500, autoStart = true,
}: {
  db: Db; clock: Clock; events: EventBus; logger: Logger; publicUrl: string; pollMs?: number; batchSize?: number; autoStart?: boolean;
}): ClockSweeper {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | null = null;

  /** One tick; the number of timers claimed (escalated or retired in silence). */
  async function runOnce(): Promise<number> {
    const result = await sweepDueClocks({ db, now: clock.now(), publicUrl, batchSize });
    // After the commit only: a listener never hears of an escalation that was rolled back.
    for (const e of result.clockEvents) events.emit('petition.clock', e);
    for (const n of result.notices) events.emit('staff.notice', n);
    if (result.clockEvents.length > 0) logger.info('clock escalations', { fired: result.clockEvents.length, claimed: result.claimed });
    return result.claimed;
  }

  async function loop() {
    if (stopped) return;
    try {
      running = runOnce();
      const n = await running;
      timer = setTimeout(loop, n === batchSize ? 0 : pollMs); // drain a backlog (after downtime) without waiting
    } catch (error) {
      logger.warn('clock sweeper tick failed', { error: String(error) });
      timer = setTimeout(loop, pollMs * 2);
    } finally {
      running = null;
    }
  }
  if (autoStart) timer = setTimeout(loop, 0);

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => 0);
    },
  };
}
