// The demo history (issue 6 §1): a year of Sector 6's petitions in every status, channel, category and
// clock state, with their timelines, answers (both signatures), contributions, clock timers and calls, so
// the dashboard and the reports have something true to show. `npm run db:seed -- --demo-petitions 5000`
// adds one; demo mode adds a smaller one on the first start (an empty register).
//
// Written in batches: one transaction and a few multi-row INSERTs per batch. Registration numbers come from
// register_counters, allocated in order of registration inside each batch's transaction, so every register
// stays gapless per year (DESIGN.md), even with live registrations going on meanwhile.
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import { answers, callPetitions, calls, contributions, petitionClocks, petitionEvents, petitions, registerCounters, users } from '../schema';
import { loadLegalCalendar } from '../../server/modules/calendar/calendar.repository';
import { formatRegistrationNumber } from '../../shared/domain/registration-number';
import { demoEmail, seedDemoUsers } from './demo-users';
import { loadHistoryCatalog } from './demo-history-catalog';
import { addExtraCalls } from './demo-history-calls';
import { seededRandom } from './demo-history-people';
import { planHistory, type PetitionPlan } from './demo-history-plan';
import { addPlanRows, emptyRows, type Rows } from './demo-history-rows';

/** How many petitions demo mode adds on its first start (a few seconds on PGlite). */
export const DEMO_HISTORY_SIZE = 400;
const BATCH_SIZE = 200;
/** Rows per INSERT: under PostgreSQL's 65 535 parameters even for calls (17 columns). */
const CHUNK = 2_000;
const FIRST_START_LOCK = 727_002_006;

export type DemoHistoryOptions = {
  count: number;
  now: Date;
  /** The same seed and instant give the same history (but new ids and numbers). */
  seed?: number;
  /** Over how many days before today (default 365). */
  days?: number;
  /** About this many petitions per transaction (a batch ends where a day ends). */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
};
export type DemoHistoryResult = { petitions: number; events: number; answers: number; calls: number; ms: number };

export async function seedDemoHistory(db: Db, options: DemoHistoryOptions): Promise<DemoHistoryResult> {
  return writeHistory(db, options, false);
}

/** Demo mode's first start: a history only when the register is empty (checked under a lock: many servers may start). */
export async function seedDemoHistoryOnFirstStart(db: Db, { now, count = DEMO_HISTORY_SIZE }: { now: Date; count?: number }): Promise<DemoHistoryResult | null> {
  const [any] = await db.select({ id: petitions.id }).from(petitions).limit(1);
  if (any) return null;
  const result = await writeHistory(db, { count, now }, true);
  return result.petitions > 0 ? result : null;
}

async function writeHistory(db: Db, options: DemoHistoryOptions, onlyIfEmpty: boolean): Promise<DemoHistoryResult> {
  const started = performance.now();
  const batchSize = options.batchSize ?? BATCH_SIZE;
  // The history's signatures are the demo accounts' (created here when missing: hashing costs a moment).
  const [delegate] = await db.select({ id: users.id }).from(users).where(eq(users.email, demoEmail('delegat')));
  if (!delegate) await seedDemoUsers(db);
  const [catalog, names] = await loadHistoryCatalog(db);
  const calendar = await loadLegalCalendar(db);
  const random = seededRandom(options.seed ?? 6);
  const batches = planHistory({ count: options.count, now: options.now, days: options.days ?? 365, batchSize, catalog, calendar, random });
  const numbers = new Map<string, string>();
  const result: DemoHistoryResult = { petitions: 0, events: 0, answers: 0, calls: 0, ms: 0 };
  options.onProgress?.(0, options.count);
  for (const [index, batch] of batches.entries()) {
    const written = await db.transaction(async (tx) => {
      if (onlyIfEmpty && index === 0) {
        await tx.execute(sql`select pg_advisory_xact_lock(${FIRST_START_LOCK})`);
        const [any] = await tx.select({ id: petitions.id }).from(petitions).limit(1);
        if (any) return null;
      }
      await allocateNumbers(tx, batch, numbers);
      const rows = emptyRows();
      const ctx = { catalog, names, calendar, now: options.now, random, numbers };
      for (const plan of batch) addPlanRows(rows, plan, ctx);
      addExtraCalls(rows, batch, ctx);
      await insertRows(tx, rows);
      return rows;
    });
    if (!written) break;
    result.petitions += batch.length;
    result.events += written.events.length;
    result.answers += written.answers.length;
    result.calls += written.calls.length;
    options.onProgress?.(result.petitions, options.count);
  }
  result.ms = Math.round(performance.now() - started);
  return result;
}

/** Gapless numbers: one counter move per register and year of the batch, handed out in registration order. */
async function allocateNumbers(tx: Tx, batch: PetitionPlan[], numbers: Map<string, string>): Promise<void> {
  const groups = new Map<string, PetitionPlan[]>();
  for (const p of batch) {
    const key = `${p.register}:${p.year}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  for (const list of groups.values()) {
    const { register, year } = list[0]!;
    const [row] = await tx
      .insert(registerCounters)
      .values({ register, year, last: list.length })
      .onConflictDoUpdate({ target: [registerCounters.register, registerCounters.year], set: { last: sql`${registerCounters.last} + ${list.length}` } })
      .returning({ last: registerCounters.last });
    const first = row!.last - list.length + 1;
    list.forEach((p, i) => numbers.set(p.id, formatRegistrationNumber(register, year, first + i)));
  }
}

async function insertRows(tx: Tx, rows: Rows): Promise<void> {
  // The timeline is read in id order: every petition's events go in in the order they happened.
  rows.events.sort((a, b) => a.at.getTime() - b.at.getTime());
  const chunks = async <T>(list: T[], insert: (part: T[]) => Promise<unknown>) => {
    for (let i = 0; i < list.length; i += CHUNK) await insert(list.slice(i, i + CHUNK));
  };
  await chunks(rows.petitions, (part) => tx.insert(petitions).values(part));
  await chunks(rows.events, (part) => tx.insert(petitionEvents).values(part));
  await chunks(rows.answers, (part) => tx.insert(answers).values(part));
  await chunks(rows.contributions, (part) => tx.insert(contributions).values(part));
  await chunks(rows.clocks, (part) => tx.insert(petitionClocks).values(part));
  await chunks(rows.calls, (part) => tx.insert(calls).values(part));
  await chunks(rows.callPetitions, (part) => tx.insert(callPetitions).values(part));
}
