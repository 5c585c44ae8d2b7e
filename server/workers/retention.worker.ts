// The retention job (issue 6 §5): once a day, petitions whose final status is older than their register's
// retention period are anonymised (server/modules/gdpr/retention.usecases.ts). Any number of servers may
// run it: the rows are claimed with FOR UPDATE SKIP LOCKED and an anonymised petition is never taken again.
import type { Db } from '../../db/client';
import type { Clock } from '../lib/clock';
import type { Logger } from '../lib/logger';
import { runRetention } from '../modules/gdpr/retention.usecases';

export const RETENTION_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** The first pass runs this long after start, out of the way of the start-up itself. */
export const RETENTION_FIRST_RUN_MS = 60_000;

export type RetentionWorker = { runOnce(): Promise<{ petitions: string[] }>; stop(): Promise<void> };

export function startRetentionWorker({
  db, clock, logger, intervalMs = RETENTION_INTERVAL_MS, firstRunMs = RETENTION_FIRST_RUN_MS, batchSize = 100, autoStart = true,
}: {
  db: Db; clock: Clock; logger: Logger; intervalMs?: number; firstRunMs?: number; batchSize?: number; autoStart?: boolean;
}): RetentionWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | null = null;

  async function runOnce(): Promise<{ petitions: string[] }> {
    const result = await runRetention({ db, clock, batchSize });
    if (result.petitions.length > 0) logger.info('retention: petitions anonymised', { count: result.petitions.length });
    return result;
  }

  async function loop() {
    if (stopped) return;
    try {
      running = runOnce();
      await running;
    } catch (error) {
      logger.warn('retention pass failed', { error: String(error) });
    } finally {
      running = null;
    }
    if (!stopped) timer = setTimeout(loop, intervalMs);
  }
  if (autoStart) timer = setTimeout(loop, firstRunMs);

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
