// DESIGN.md "Invariants": registration numbers are per register and per year, gapless and unique under
// any concurrency. Concurrency means something only with real connections: those cases need PostgreSQL.
// The rollback cases run on both drivers.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rowsOf, type Db } from '../../db/client';
import { petitions, registerCounters } from '../../db/schema';
import { createPetitionInputSchema } from '../../shared/api/petitions';
import { fixedClock } from '../../server/lib/clock';
import { allocateNumber, NUMBER_SETTING } from '../../server/modules/petitions/petitions.repository';
import { formatRegistrationNumber } from '../../shared/domain/registration-number';
import { sql } from 'drizzle-orm';
import { registerPetition } from '../../server/modules/petitions/petitions.usecases';
import { createTestApp, petitionInput, type TestApp } from '../helpers/app';
import { createTestDatabase, onPostgres, requireOrSkip, type TestDatabase } from '../helpers/database';

const postgresOnly = requireOrSkip(onPostgres(), 'concurrent numbering needs PostgreSQL (set TEST_DATABASE_URL)');

let tdb: TestDatabase;
beforeAll(async () => {
  // 200 requests at once: more connections than the default 10 so that many transactions really overlap.
  tdb = await createTestDatabase({ poolSize: 20 });
});
afterAll(() => tdb?.cleanup());

/** Each test uses its own year, so each starts its registers at 1 in the same database. */
const appFor = (year: number): Promise<TestApp> =>
  createTestApp({ now: `${year}-03-10T09:00:00Z`, env: { RATE_LIMIT_INTAKE: '1000' }, testDatabase: tdb });

const seq = (n: number) => String(n).padStart(6, '0');
const range = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${seq(i + 1)}`);

async function numbersIn(db: Db, register: 'P' | 'I', year: number): Promise<string[]> {
  const rows = await db
    .select({ n: petitions.registrationNumber })
    .from(petitions)
    .where(and(eq(petitions.register, register), eq(petitions.year, year)));
  return rows.map((r) => r.n).sort();
}

async function counter(db: Db, register: 'P' | 'I', year: number): Promise<number | null> {
  const [row] = await db.select({ last: registerCounters.last }).from(registerCounters).where(and(eq(registerCounters.register, register), eq(registerCounters.year, year)));
  return row?.last ?? null;
}

describe.runIf(postgresOnly)('registration numbers under concurrency (PostgreSQL)', () => {
  test('200 petitions submitted at once get 200 distinct, consecutive numbers P-2026-000001…000200: no gap, no duplicate', { timeout: 120_000 }, async () => {
    const t = await appFor(2026);
    const responses = await Promise.all(Array.from({ length: 200 }, (_, i) => t.json('/api/petitions', petitionInput({ subject: `Sesizarea concurentă nr. ${i + 1}` }))));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s !== 201)).toEqual([]);
    const numbers = (await Promise.all(responses.map(async (r) => (await r.json()).registrationNumber as string))).sort();
    expect(new Set(numbers).size).toBe(200);
    expect(numbers).toEqual(range('P-2026-', 200));
    // What the citizens were told is what the register holds.
    expect(await numbersIn(t.db, 'P', 2026)).toEqual(numbers);
    expect(await counter(t.db, 'P', 2026)).toBe(200);
  });

  test('petitions (OG 27) and information requests (Legea 544) submitted together get two independent gapless sequences, P- and I-', { timeout: 120_000 }, async () => {
    const t = await appFor(2027);
    const kinds = Array.from({ length: 120 }, (_, i) => (i % 3 === 0 ? 'l544' : 'og27'));
    const responses = await Promise.all(
      kinds.map((kind, i) =>
        t.json('/api/petitions', kind === 'l544' ? petitionInput({ type: 'cerere', categoryCode: 'informatii-publice', subject: `Cererea 544 nr. ${i}` }) : petitionInput({ subject: `Petiția nr. ${i}` })),
      ),
    );
    expect(responses.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    const numbers = await Promise.all(responses.map(async (r) => (await r.json()).registrationNumber as string));
    // Each request's number is in the register of its own category.
    kinds.forEach((kind, i) => expect(numbers[i]!.startsWith(kind === 'l544' ? 'I-2027-' : 'P-2027-')).toBe(true));
    expect(numbers.filter((n) => n.startsWith('I-')).sort()).toEqual(range('I-2027-', 40));
    expect(numbers.filter((n) => n.startsWith('P-')).sort()).toEqual(range('P-2027-', 80));
    expect(await numbersIn(t.db, 'I', 2027)).toEqual(range('I-2027-', 40));
    expect(await numbersIn(t.db, 'P', 2027)).toEqual(range('P-2027-', 80));
  });
});

/** A db whose transactions fail after their callback ran: every number was allocated, then rolled back. */
function failingAfterWrite(db: Db): Db {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'transaction') return Reflect.get(target, prop, receiver);
      return (fn: (tx: unknown) => Promise<unknown>) =>
        target.transaction(async (tx) => {
          await fn(tx);
          throw new Error('simulated failure after the number was allocated');
        });
    },
  });
}

describe('a failed transaction gives its number back', () => {
  test('a rolled-back transaction that allocated a number leaves the next number unchanged', async () => {
    const { db } = tdb.database;
    expect(await allocateNumber(db, 'P', 2030)).toBe(1);
    await expect(
      db.transaction(async (tx) => {
        expect(await allocateNumber(tx, 'P', 2030)).toBe(2);
        expect(await allocateNumber(tx, 'P', 2030)).toBe(3);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await allocateNumber(db, 'P', 2030)).toBe(2);
    // The first allocation of a new register-year rolled back leaves no counter row behind.
    await expect(db.transaction(async (tx) => { await allocateNumber(tx, 'I', 2030); throw new Error('rollback'); })).rejects.toThrow();
    expect(await counter(db, 'I', 2030)).toBeNull();
    expect(await allocateNumber(db, 'I', 2030)).toBe(1);
  });

  test('the number the increment leaves in the transaction is written as formatRegistrationNumber writes it, past six digits too', async () => {
    const { db } = tdb.database;
    for (const last of [0, 41, 999_998, 999_999, 12_345_677]) {
      await db.insert(registerCounters).values({ register: 'P', year: 2040, last }).onConflictDoUpdate({ target: [registerCounters.register, registerCounters.year], set: { last } });
      const written = await db.transaction(async (tx) => {
        const seq = await allocateNumber(tx, 'P', 2040);
        const rows = await tx.execute<{ n: string }>(sql`select current_setting(${NUMBER_SETTING}) as n`);
        const [row] = rowsOf<{ n: string }>(rows);
        return { seq, n: row!.n };
      });
      expect(written).toEqual({ seq: last + 1, n: formatRegistrationNumber('P', 2040, last + 1) });
    }
  });

  test('an intake that fails after its number was allocated leaves no gap: the next petition gets that number', async () => {
    const { db } = tdb.database;
    const clock = fixedClock('2031-02-03T09:00:00Z');
    const input = createPetitionInputSchema.parse(petitionInput());
    const register = (d: Db) => registerPetition({ db: d, clock, publicUrl: 'https://petitii.test', input, channel: 'web' });

    expect((await register(db)).body.registrationNumber).toBe('P-2031-000001');
    await expect(register(failingAfterWrite(db))).rejects.toThrow('simulated failure');
    await expect(register(failingAfterWrite(db))).rejects.toThrow('simulated failure');
    expect((await register(db)).body.registrationNumber).toBe('P-2031-000002');
    expect(await numbersIn(db, 'P', 2031)).toEqual(['P-2031-000001', 'P-2031-000002']);
  });

  test('failed and successful intakes interleaved at once: the successful ones are numbered without a gap', { timeout: 60_000 }, async () => {
    const { db } = tdb.database;
    const clock = fixedClock('2032-02-03T09:00:00Z');
    const input = createPetitionInputSchema.parse(petitionInput());
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => registerPetition({ db: i % 2 ? failingAfterWrite(db) : db, clock, publicUrl: 'https://petitii.test', input, channel: 'web' })),
    );
    const ok = outcomes.filter((o) => o.status === 'fulfilled').map((o) => o.value.body.registrationNumber).sort();
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(20);
    expect(ok).toEqual(range('P-2032-', 20));
    expect(await numbersIn(db, 'P', 2032)).toEqual(ok);
    expect(await counter(db, 'P', 2032)).toBe(20);
  });
});
