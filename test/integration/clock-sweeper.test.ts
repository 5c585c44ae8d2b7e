import { and, inArray, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { petitionClocks, petitionEvents, staffNotices } from '../../db/schema';
import { fixedClock } from '../../server/lib/clock';
import { createRecordingBus } from '../../server/lib/events';
import { silentLogger } from '../../server/lib/logger';
import { claimDueClocks } from '../../server/modules/clocks/sweep.repository';
import { startClockSweeper } from '../../server/workers/clock-sweeper';
import { createTestApp, type TestApp } from '../helpers/app';
import { register, routeInDb, seedStaff, setPetition } from '../helpers/clock-fixtures';
import { clockEvents, sweeperAt } from '../helpers/sweeper-probes';

// When timers fire, once each, whatever the number of sweepers and restarts (DESIGN.md invariants).
let t: TestApp;
let ids: Map<string, string>;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-02T08:00:00Z' });
  ids = await seedStaff(t);
});
afterAll(() => t.cleanup());

const id = (local: string) => ids.get(local)!;

describe('the clock sweeper', () => {
  test('across the holiday weekend of 30 Nov – 1 Dec 2026 the legal warning fires at the Bucharest midnight of Mon 23 Nov, not before', async () => {
    t.clock.set('2026-11-02T08:00:00Z');
    const p = await register(t); // due 2 Dec: 30 Nov and 1 Dec are legal holidays, so 5 working days back is 23 Nov
    expect(p.dueOn).toBe('2026-12-02');
    const { clock, s } = sweeperAt(t, '2026-11-25T10:00:00Z');
    clock.set('2026-11-22T21:59:59Z'); // 23:59:59 in Bucharest on Sunday 22 Nov
    await s.runOnce();
    expect(await clockEvents(t, p.id)).toEqual([]);
    clock.set('2026-11-22T22:00:00Z'); // midnight in Bucharest
    await s.runOnce();
    expect(await clockEvents(t, p.id)).toMatchObject([{ type: 'clock.at_risk', public: false, clock: 'legal', dueOn: '2026-12-02' }]);
    clock.set('2026-12-02T21:59:59Z'); // the due date itself is still in time
    await s.runOnce();
    expect(await clockEvents(t, p.id)).toHaveLength(1);
    clock.set('2026-12-02T22:00:00Z');
    await s.runOnce();
    expect((await clockEvents(t, p.id)).map((e) => e.type)).toEqual(['clock.at_risk', 'clock.breached']);
  });

  test('a petition in a final status, or a paused internal clock, retires its timers without a word', async () => {
    t.clock.set('2026-11-02T13:00:00Z');
    const answered = await register(t);
    const paused = await register(t, { categoryCode: 'salubrizare' });
    await setPetition(t, answered.id, { status: 'answered' });
    await routeInDb(t, paused.id, { departmentCode: 'DGSPL', internalDueOn: '2026-11-25' });
    await setPetition(t, paused.id, { internalPausedAt: new Date('2026-11-10T10:00:00Z') });
    await sweeperAt(t, '2026-11-24T08:00:00Z').s.runOnce();
    expect(await clockEvents(t, answered.id)).toEqual([]);
    expect((await clockEvents(t, paused.id)).map((e) => e.clock)).toEqual(['legal']); // the legal clock never pauses
    const due = await t.db.select().from(petitionClocks).where(and(inArray(petitionClocks.petitionId, [answered.id, paused.id]), sql`${petitionClocks.firesAt} <= '2026-11-24T08:00:00Z'`));
    expect(due.every((r) => r.firedAt !== null)).toBe(true);
  });

  test('two sweepers on one database fire each timer exactly once', async () => {
    t.clock.set('2026-11-03T08:00:00Z');
    const batch: string[] = [];
    for (let i = 0; i < 10; i++) {
      const p = await register(t, { categoryCode: 'salubrizare' });
      await routeInDb(t, p.id, { departmentCode: 'DGSPL', internalDueOn: '2026-11-26', assigneeId: id('dgspl.inspector') });
      batch.push(p.id);
    }
    const clock = fixedClock('2026-11-15T00:00:00Z');
    const buses = [createRecordingBus(), createRecordingBus()] as const;
    const make = (events: (typeof buses)[number]) => startClockSweeper({ db: t.db, clock, events, logger: silentLogger, publicUrl: t.config.publicUrl, pollMs: 10, batchSize: 3, autoStart: false });
    const [a, b] = [make(buses[0]), make(buses[1])];
    // Step half a day at a time to past the legal breach, both sweepers racing at every step.
    while (clock.now() < new Date('2026-12-05T00:00:00Z')) {
      // Drain: both idle means nothing is due (a row one skips is one the other has claimed).
      for (;;) {
        const [x, y] = await Promise.all([a.runOnce(), b.runOnce()]);
        if (x + y === 0) break;
      }
      clock.advance(12 * 3_600_000);
    }
    const fired = await t.db.select().from(petitionEvents).where(and(inArray(petitionEvents.petitionId, batch), like(petitionEvents.type, 'clock.%')));
    const keys = fired.map((e) => `${e.petitionId}/${e.type}/${(e.data as { clock: string }).clock}`);
    expect(keys).toHaveLength(10 * 4);
    expect(new Set(keys).size).toBe(10 * 4);
    // Both took part: each bus heard escalations, and together they heard each one once.
    const [ha, hb] = buses.map((bus) => bus.recorded.filter((e) => e.name === 'petition.clock' && batch.includes((e.payload as { petitionId: string }).petitionId)).length);
    expect(ha).toBeGreaterThan(0);
    expect(hb).toBeGreaterThan(0);
    expect(ha! + hb!).toBe(10 * 4);
    const notices = await t.db.select().from(staffNotices).where(inArray(staffNotices.petitionId, batch));
    expect(notices).toHaveLength(10 * (2 + 2 + 1 + 2));
  });

  test('a restart loses nothing: a sweeper that died mid-tick leaves its timers due, and a new one fires them once', async () => {
    t.clock.set('2026-11-04T08:00:00Z');
    const p = await register(t); // due 4 Dec
    // A sweeper claims the due rows, then its process dies before committing.
    await expect(
      t.db.transaction(async (tx) => {
        expect((await claimDueClocks(tx, { now: new Date('2026-12-05T08:00:00Z'), limit: 500 })).length).toBeGreaterThan(0);
        throw new Error('process killed');
      }),
    ).rejects.toThrow('process killed');
    const first = sweeperAt(t, '2026-11-27T08:00:00Z');
    await first.s.runOnce();
    await first.s.stop();
    expect((await clockEvents(t, p.id)).map((e) => e.type)).toEqual(['clock.at_risk']);
    // Down over the breach; the new instance catches up on its first tick and repeats nothing.
    const second = sweeperAt(t, '2026-12-07T08:00:00Z');
    await second.s.runOnce();
    await second.s.runOnce();
    expect((await clockEvents(t, p.id)).map((e) => e.type)).toEqual(['clock.at_risk', 'clock.breached']);
  });

  test('a sweeper back after the due date sends the breach only, not a stale warning', async () => {
    t.clock.set('2026-11-05T08:00:00Z');
    const p = await register(t); // due 7 Dec (5 Dec is a Saturday)
    await sweeperAt(t, '2026-12-09T08:00:00Z').s.runOnce();
    expect((await clockEvents(t, p.id)).map((e) => e.type)).toEqual(['clock.breached']);
  });

  test('when nothing is due a tick is one indexed query and opens no transaction', async () => {
    const { s } = sweeperAt(t, '2020-01-01T00:00:00Z');
    const spy = vi.spyOn(t.db, 'transaction');
    expect(await s.runOnce()).toBe(0);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    const plan = await t.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return tx.execute(sql`explain select id from petition_clocks where fired_at is null and fires_at <= now() order by fires_at limit 1`);
    });
    const lines = ((plan as { rows?: unknown[] }).rows ?? (plan as unknown as unknown[])).map((r) => Object.values(r as object)[0]);
    expect(lines.join('\n')).toContain('petition_clocks_due_idx');
  });
});
