// Probes for the clock-sweeper tests: a sweeper on the test file's database with its own fixed clock and
// recording bus, and what one step of an escalation wrote (timeline, notices, e-mails).
import { and, asc, eq, like } from 'drizzle-orm';
import { outbox, petitionEvents, staffNotices } from '../../db/schema';
import { fixedClock } from '../../server/lib/clock';
import { createRecordingBus } from '../../server/lib/events';
import { silentLogger } from '../../server/lib/logger';
import { startClockSweeper } from '../../server/workers/clock-sweeper';
import type { TestApp } from './app';

export const sorted = (xs: string[]) => [...xs].sort();

/** A sweeper that only runs when told (runOnce), at `at` until its clock is moved. */
export function sweeperAt(t: TestApp, at: string, batchSize = 500) {
  const clock = fixedClock(at);
  const events = createRecordingBus();
  const s = startClockSweeper({ db: t.db, clock, events, logger: silentLogger, publicUrl: t.config.publicUrl, pollMs: 10, batchSize, autoStart: false });
  return { clock, events, s };
}

/** The clock steps in a petition's timeline, oldest first. */
export async function clockEvents(t: TestApp, petitionId: string) {
  const rows = await t.db
    .select()
    .from(petitionEvents)
    .where(and(eq(petitionEvents.petitionId, petitionId), like(petitionEvents.type, 'clock.%')))
    .orderBy(asc(petitionEvents.id));
  return rows.map((e) => ({ type: e.type, public: e.public, ...(e.data as { clock: string; dueOn: string; recipients: string[] }), textRo: e.textRo }));
}

/** Who got an in-app notice and who an e-mail for one kind of step (`clock.at_risk`, `clock.breached`). */
export async function reached(t: TestApp, petitionId: string, kind: string) {
  const notices = await t.db.select().from(staffNotices).where(and(eq(staffNotices.petitionId, petitionId), eq(staffNotices.kind, kind)));
  const mails = await t.db.select().from(outbox).where(and(eq(outbox.petitionId, petitionId), eq(outbox.template, kind)));
  return { notices: sorted(notices.map((n) => n.userId)), mails: mails.map((m) => m.recipient).sort(), bodies: mails.map((m) => m.body) };
}
