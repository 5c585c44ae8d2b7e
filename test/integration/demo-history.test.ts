// The demo history (issue 6 §1): a year of petitions that looks like Sector 6's register and keeps every
// rule of the real one — gapless numbers per register and year, answers with both signatures, clocks in
// every state — written in batches, and added by demo mode on the first start only.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rowsOf, type Db } from '../../db/client';
import { seedDatabase } from '../../db/seed';
import { seedDemoHistory, seedDemoHistoryOnFirstStart, type DemoHistoryResult } from '../../db/seed/demo-history';
import { petitionClockState } from '../../server/modules/petitions/clock-state';
import { loadLegalCalendar } from '../../server/modules/calendar/calendar.repository';
import { CHANNELS, PETITION_STATUSES, PETITION_TYPES } from '../../shared/domain/petition-codes';
import { bucharestDateOf } from '../../shared/domain/dates';
import { formatRegistrationNumber } from '../../shared/domain/registration-number';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

const NOW = new Date('2026-11-26T10:00:00Z');
type Row = Record<string, unknown>;
const query = async (db: Db, q: ReturnType<typeof sql>) => rowsOf(await db.execute(q));

describe('a seeded demo history of 300 petitions', () => {
  let tdb: TestDatabase;
  let db: Db;
  let result: DemoHistoryResult;
  const progress: Array<[number, number]> = [];

  beforeAll(async () => {
    tdb = await createTestDatabase();
    db = tdb.database.db;
    result = await seedDemoHistory(db, { count: 300, now: NOW, batchSize: 120, onProgress: (done, total) => progress.push([done, total]) });
  });
  afterAll(() => tdb?.cleanup());

  test('is written in batches of about the size asked (ending with a day), reporting its progress after each', () => {
    expect(result.petitions).toBe(300);
    expect(progress[0]).toEqual([0, 300]);
    expect(progress.at(-1)).toEqual([300, 300]);
    expect(progress.length).toBe(4);
    for (const [i, [done]] of progress.entries()) if (i > 0 && i < progress.length - 1) expect(done - progress[i - 1]![0]).toBeGreaterThanOrEqual(120);
  });

  test('numbers every register gaplessly per year, in the order of registration, and moves the counters to the last number', async () => {
    const rows = await query(db, sql`select register, year, seq, registration_number, registered_at from petitions order by register, year, seq`);
    const counters = new Map((await query(db, sql`select register, year, last from register_counters`)).map((c) => [`${c.register}-${c.year}`, Number(c.last)]));
    const byRegister = new Map<string, Row[]>();
    for (const r of rows) byRegister.set(`${r.register}-${r.year}`, [...(byRegister.get(`${r.register}-${r.year}`) ?? []), r]);
    expect([...byRegister.keys()].sort()).toEqual(expect.arrayContaining(['I-2026', 'P-2025', 'P-2026']));
    for (const [key, list] of byRegister) {
      expect(list.map((r) => Number(r.seq)), key).toEqual(list.map((_, i) => i + 1));
      expect(counters.get(key), key).toBe(list.length);
      for (const r of list) {
        expect(r.registration_number).toBe(formatRegistrationNumber(r.register as 'P' | 'I', Number(r.year), Number(r.seq)));
        expect(bucharestDateOf(new Date(r.registered_at as string)).slice(0, 4)).toBe(String(r.year));
      }
      const times = list.map((r) => new Date(r.registered_at as string).getTime());
      expect(times, `${key} numbered in registration order`).toEqual([...times].sort((a, b) => a - b));
    }
  });

  test('covers the last twelve months, every status, channel, type and category', async () => {
    const [span] = await query(db, sql`select min(registered_at) as first, max(registered_at) as last from petitions`);
    expect(new Date(span!.first as string).getTime()).toBeGreaterThanOrEqual(NOW.getTime() - 366 * 86_400_000);
    expect(new Date(span!.last as string).getTime()).toBeLessThan(NOW.getTime());
    const distinct = async (column: string) => (await query(db, sql`select distinct ${sql.raw(column)} as v from petitions`)).map((r) => r.v);
    expect((await distinct('status')).sort()).toEqual([...PETITION_STATUSES].sort());
    expect((await distinct('channel')).sort()).toEqual([...CHANNELS].sort());
    expect((await distinct('type')).sort()).toEqual([...PETITION_TYPES].sort());
    const categories = await query(db, sql`select c.code, count(p.id)::int as n from categories c left join petitions p on p.category_id = c.id where c.active group by c.code`);
    expect(categories.filter((c) => Number(c.n) === 0).map((c) => c.code)).toEqual([]);
    const [facts] = await query(db, sql`select count(*) filter (where extended_at is not null)::int as extended, count(*) filter (where not identified)::int as unidentified,
      count(*) filter (where status = 'filed' and filed_reason = 'anonymous')::int as anonymous from petitions`);
    expect(Number(facts!.extended)).toBeGreaterThan(0);
    expect(Number(facts!.unidentified)).toBeGreaterThan(0);
    expect(Number(facts!.anonymous)).toBeGreaterThan(0);
  });

  test('answers every answered petition with a dispatched answer signed by the head and by the delegate or the service director', async () => {
    const rows = await query(db, sql`
      select p.registration_number, p.status, d.kind as department_kind, d.id as department_id,
             a.dispatched_at, a.dispatched_by_user_id, h.role as head_role, h.department_id as head_department, s.role as authority_role, s.department_id as authority_department
      from petitions p
      join departments d on d.id = p.handler_department_id
      left join answers a on a.petition_id = p.id and a.kind in ('answer', 'l544_refusal') and a.dispatched_at is not null
      left join users h on h.id = a.head_signed_by_user_id
      left join users s on s.id = a.authority_signed_by_user_id
      where p.status in ('answered', 'archived')`);
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) {
      expect(r.dispatched_at, `${r.registration_number} dispatched`).not.toBeNull();
      expect(r.head_role, `${r.registration_number} first signature`).toBe('head');
      expect(r.head_department).toBe(r.department_id);
      // OG 27/2002 art. 13: the delegate for an internal department, the director for a subordinate service.
      if (r.department_kind === 'internal') expect(r.authority_role, `${r.registration_number} second signature`).toBe('delegate');
      else {
        expect(r.authority_role, `${r.registration_number} second signature`).toBe('director');
        expect(r.authority_department).toBe(r.department_id);
      }
    }
    const [late] = await query(db, sql`select count(*)::int as n from answers a join petitions p on p.id = a.petition_id
      where a.kind = 'answer' and (a.dispatched_at at time zone 'Europe/Bucharest')::date > p.legal_due_on`);
    expect(Number(late!.n), 'some answered late').toBeGreaterThan(0);
  });

  test('has open petitions whose clocks, computed from their due dates, are on time, at risk and breached', async () => {
    const calendar = await loadLegalCalendar(db);
    const open = await query(db, sql`select status, legal_due_on, internal_due_on, internal_paused_at from petitions
      where status in ('registered', 'routed', 'in_progress', 'answer_submitted', 'answer_signed', 'approved')`);
    const states = new Set(open.map((p) => petitionClockState({ status: p.status as string, legalDueOn: p.legal_due_on as string, internalDueOn: p.internal_due_on as string | null, internalPausedAt: p.internal_paused_at ? new Date(p.internal_paused_at as string) : null }, bucharestDateOf(NOW), calendar)));
    expect([...states]).toEqual(expect.arrayContaining(['on_time', 'at_risk', 'breached']));
    // Their timers are in the database, those already due marked fired (the sweeper does not replay a year).
    const [timers] = await query(db, sql`select count(*) filter (where fired_at is null and fires_at <= ${NOW.toISOString()}::timestamptz)::int as overdue_unfired, count(*)::int as n from petition_clocks`);
    expect(Number(timers!.n)).toBeGreaterThan(0);
    expect(Number(timers!.overdue_unfired)).toBe(0);
  });

  test('keeps every timeline in order, starting with the registration, and links phone petitions to their calls', async () => {
    const [bad] = await query(db, sql`select count(*)::int as n from petitions p where not exists (select 1 from petition_events e where e.petition_id = p.id and e.type = 'registered')`);
    expect(Number(bad!.n)).toBe(0);
    const [disorder] = await query(db, sql`select count(*)::int as n from petition_events e join petition_events f on f.petition_id = e.petition_id and f.id > e.id and f.at < e.at`);
    expect(Number(disorder!.n)).toBe(0);
    const [phone] = await query(db, sql`select count(*)::int as n, count(cp.call_id)::int as linked from petitions p left join call_petitions cp on cp.petition_id = p.id where p.channel = 'phone'`);
    expect(Number(phone!.linked)).toBe(Number(phone!.n));
    const [calls] = await query(db, sql`select count(*) filter (where status = 'missed')::int as missed, count(*) filter (where outcome = 'information_given')::int as info from calls`);
    expect(Number(calls!.missed)).toBeGreaterThan(0);
    expect(Number(calls!.info)).toBeGreaterThan(0);
  });

  test('writes Romanian petitioners with diacritics and Sector 6 streets, and no tracking code anybody could know', async () => {
    const rows = await query(db, sql`select petitioner_last_name, subject, body from petitions`);
    expect(rows.some((r) => /[ăâîșț]/i.test(String(r.petitioner_last_name ?? '')))).toBe(true);
    const text = rows.map((r) => `${r.subject} ${r.body}`).join(' ');
    for (const place of ['Drumul Taberei', 'Valea Oltului', 'Iuliu Maniu']) expect(text).toContain(place);
  });
});

describe('demo mode on the first start', () => {
  test('adds a smaller history (quickly) only while the register is empty', async () => {
    const tdb = await createTestDatabase();
    try {
      const db = tdb.database.db;
      const started = performance.now();
      await seedDatabase(db, { demo: true, now: NOW });
      const seconds = (performance.now() - started) / 1000;
      const [first] = await query(db, sql`select count(*)::int as n from petitions`);
      expect(Number(first!.n)).toBe(400);
      expect(seconds, 'first start, demo history included').toBeLessThan(10);
      await seedDatabase(db, { demo: true, now: NOW });
      expect(await seedDemoHistoryOnFirstStart(db, { now: NOW })).toBeNull();
      const [again] = await query(db, sql`select count(*)::int as n from petitions`);
      expect(Number(again!.n)).toBe(400);
    } finally {
      await tdb.cleanup();
    }
  });
});
