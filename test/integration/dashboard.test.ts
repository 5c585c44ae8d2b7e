// GET /api/dashboard (issue 6 §2) on a seeded demo history: every figure is computed again here, in
// TypeScript, from the rows themselves (the clock badge's rule, JavaScript date arithmetic) — never with the
// endpoint's SQL — and compared; each number then opens, in the staff list, exactly the petitions it counts.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { answers, calls, categories, departments, petitions } from '../../db/schema';
import { seedDemoHistory } from '../../db/seed/demo-history';
import { loadLegalCalendar } from '../../server/modules/calendar/calendar.repository';
import { petitionClockState } from '../../server/modules/petitions/clock-state';
import type { DashboardResponse } from '../../shared/api/dashboard';
import type { LegalCalendar } from '../../shared/domain/calendar';
import { addDays, bucharestDateOf, bucharestMidnight, compareIsoDates, dayOfWeek, daysBetween } from '../../shared/domain/dates';
import { CHANNELS } from '../../shared/domain/petition-codes';
import { createTestApp, type TestApp } from '../helpers/app';
import { as, signIn } from '../helpers/staff';

const NOW = '2026-11-26T10:00:00Z';
const TODAY = '2026-11-26';
const OPEN = ['registered', 'routed', 'in_progress', 'answer_submitted', 'answer_signed', 'approved'];

type Session = Awaited<ReturnType<typeof signIn>>;
type P = { id: string; registrationNumber: string; status: string; channel: string; department: string | null; category: string; registeredAt: Date; registeredOn: string; legalDueOn: string; internalDueOn: string | null; internalPausedAt: Date | null; routedAt: Date | null; joinedIntoId: string | null };

let t: TestApp;
let calendar: LegalCalendar;
let register: P[];
let dispatchedOf: Map<string, Date>;
let delegate: Session;

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  await seedDemoHistory(t.db, { count: 260, now: new Date(NOW), seed: 11 });
  calendar = await loadLegalCalendar(t.db);
  const deptCode = new Map((await t.db.select().from(departments)).map((d) => [d.id, d.code]));
  const catCode = new Map((await t.db.select().from(categories)).map((c) => [c.id, c.code]));
  register = (await t.db.select().from(petitions)).map((p) => ({
    id: p.id, registrationNumber: p.registrationNumber, status: p.status, channel: p.channel, department: p.handlerDepartmentId ? deptCode.get(p.handlerDepartmentId)! : null,
    category: catCode.get(p.categoryId)!, registeredAt: p.registeredAt, registeredOn: p.registeredOn, legalDueOn: p.legalDueOn, internalDueOn: p.internalDueOn,
    internalPausedAt: p.internalPausedAt, routedAt: p.routedAt, joinedIntoId: p.joinedIntoId,
  }));
  // The first dispatched final answer of each petition.
  dispatchedOf = new Map();
  for (const a of await t.db.select().from(answers)) {
    if (!a.dispatchedAt || a.kind === 'l544_complexity') continue;
    const before = dispatchedOf.get(a.petitionId);
    if (!before || a.dispatchedAt < before) dispatchedOf.set(a.petitionId, a.dispatchedAt);
  }
  delegate = await signIn(t, 'delegat');
});
afterAll(() => t?.cleanup());

async function dashboard(who: Session, query = ''): Promise<DashboardResponse> {
  const res = await as(t, who).get(`/api/dashboard${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

/** Every row of a staff list (following the cursor). */
async function listed(who: Session, query: string): Promise<string[]> {
  const numbers: string[] = [];
  let cursor = '';
  for (;;) {
    const res = await as(t, who).get(`/api/petitions?${query}&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as { items: Array<{ registrationNumber: string }>; nextCursor: string | null };
    numbers.push(...body.items.map((i) => i.registrationNumber));
    if (!body.nextCursor) return numbers.sort();
    cursor = body.nextCursor;
  }
}

// ---- the expectations, from the rows -------------------------------------------------------------------

const stateOf = (p: P) => petitionClockState(p, TODAY, calendar);
const effectiveDue = (p: P) => (p.internalDueOn && !p.internalPausedAt && p.internalDueOn < p.legalDueOn ? p.internalDueOn : p.legalDueOn);
const mondayOf = (d: string) => addDays(d, -((dayOfWeek(d) + 6) % 7));
const median = (xs: number[]) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

type Counts = { on_time: number; paused: number; at_risk: number; breached: number; total: number };

function expectedOpen(rows: P[]) {
  const out = new Map<string | null, Counts>();
  for (const p of rows.filter((r) => OPEN.includes(r.status))) {
    const counts = out.get(p.department) ?? { on_time: 0, paused: 0, at_risk: 0, breached: 0, total: 0 };
    const state = stateOf(p);
    if (state !== 'none') counts[state] += 1;
    counts.total += 1;
    out.set(p.department, counts);
  }
  return out;
}

function expectedList(rows: P[], state: 'breached' | 'at_risk') {
  return rows
    .filter((p) => OPEN.includes(p.status) && stateOf(p) === state)
    .sort((a, b) => compareIsoDates(effectiveDue(a), effectiveDue(b)) || compareIsoDates(a.legalDueOn, b.legalDueOn) || (a.id < b.id ? -1 : 1))
    .slice(0, 20)
    .map((p) => p.registrationNumber);
}

/** Answered in a month: own answer, or the group's for a joined petition; in time against its own due date. */
function expectedAnswered(rows: P[], months: string[]) {
  const answered = rows.flatMap((p) => {
    const at = dispatchedOf.get(p.joinedIntoId ?? p.id);
    if (!at) return [];
    const on = bucharestDateOf(at);
    return months.includes(on.slice(0, 7)) ? [{ p, on, month: on.slice(0, 7) }] : [];
  });
  return answered;
}

describe('GET /api/dashboard for the mayor’s delegate', () => {
  test('counts the open petitions of every department by clock state, as each petition’s clock badge says', async () => {
    const body = await dashboard(delegate);
    expect(body.scope.kind).toBe('city');
    const expected = expectedOpen(register);
    const got = body.petitions!.open.departments.filter((d) => d.total > 0);
    expect(got.length).toBe(expected.size);
    for (const row of got) expect({ on_time: row.on_time, paused: row.paused, at_risk: row.at_risk, breached: row.breached, total: row.total }, String(row.code)).toEqual(expected.get(row.code));
    const states = [...expected.values()].reduce((s, c) => ({ breached: s.breached + c.breached, at_risk: s.at_risk + c.at_risk, total: s.total + c.total }), { breached: 0, at_risk: 0, total: 0 });
    expect(body.petitions!.open.totals).toMatchObject(states);
    expect(states.breached).toBeGreaterThan(0);
    expect(states.at_risk).toBeGreaterThan(0);
    // Every active department has its row, even with nothing open.
    expect(body.petitions!.open.departments.map((d) => d.code)).toEqual(expect.arrayContaining(['DRPMD', 'ADPDU', 'DGPL', 'CCE6']));
  });

  test('lists the overdue and the at-risk petitions, the soonest due first, without personal data', async () => {
    const body = await dashboard(delegate);
    expect(body.petitions!.overdue.map((e) => e.registrationNumber)).toEqual(expectedList(register, 'breached'));
    expect(body.petitions!.atRisk.map((e) => e.registrationNumber)).toEqual(expectedList(register, 'at_risk'));
    const json = JSON.stringify([body.petitions!.overdue, body.petitions!.atRisk]);
    for (const key of ['petitioner', 'email', 'phone', 'address', 'firstName', 'lastName']) expect(json).not.toContain(key);
    for (const e of body.petitions!.overdue) expect(e.workingDays).toBeGreaterThan(0);
  });

  test('counts the petitions received in each of the last 26 weeks, by channel, in Bucharest time', async () => {
    const { receivedByWeek } = (await dashboard(delegate)).petitions!;
    expect(receivedByWeek.weeks).toHaveLength(26);
    expect(receivedByWeek.weeks.at(-1)!.weekStart).toBe(mondayOf(TODAY));
    expect(receivedByWeek.channels).toEqual([...CHANNELS]);
    for (const week of receivedByWeek.weeks) {
      for (const channel of CHANNELS) {
        const n = register.filter((p) => p.channel === channel && mondayOf(bucharestDateOf(p.registeredAt)) === week.weekStart).length;
        expect(week.byChannel[channel], `${week.weekStart} ${channel}`).toBe(n);
      }
    }
    expect(receivedByWeek.weeks.reduce((s, w) => s + w.total, 0)).toBeGreaterThan(50);
  });

  test('gives the share answered in time and the median days to answer per month (of dispatch), per department and overall', async () => {
    const { answered } = (await dashboard(delegate)).petitions!;
    const months = answered.months.map((m) => m.month);
    expect(months).toHaveLength(12);
    expect(months.at(-1)).toBe('2026-11');
    const all = expectedAnswered(register, months);
    for (const m of answered.overall) {
      const inMonth = all.filter((a) => a.month === m.month);
      const inTime = inMonth.filter((a) => compareIsoDates(a.on, a.p.legalDueOn) <= 0).length;
      expect({ answered: m.answered, inTime: m.inTime }, m.month).toEqual({ answered: inMonth.length, inTime });
      expect(m.medianDays, m.month).toBe(median(inMonth.map((a) => daysBetween(a.p.registeredOn, a.on))));
      if (inMonth.length) expect(m.share).toBeCloseTo((inTime / inMonth.length) * 100, 1);
    }
    for (const d of answered.departments) {
      for (const m of d.months) {
        const inMonth = all.filter((a) => a.month === m.month && a.p.department === d.code);
        expect(m.answered, `${d.code} ${m.month}`).toBe(inMonth.length);
        expect(m.inTime, `${d.code} ${m.month}`).toBe(inMonth.filter((a) => compareIsoDates(a.on, a.p.legalDueOn) <= 0).length);
      }
    }
    expect(all.some((a) => compareIsoDates(a.on, a.p.legalDueOn) > 0), 'some answered late').toBe(true);
  });

  test('ranks the categories of the last 90 days', async () => {
    const { topCategories } = (await dashboard(delegate)).petitions!;
    const from = bucharestMidnight(addDays(TODAY, -89));
    const counts = new Map<string, number>();
    for (const p of register.filter((r) => r.registeredAt >= from)) counts.set(p.category, (counts.get(p.category) ?? 0) + 1);
    const expected = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 10);
    expect(topCategories.items.map((c) => [c.code, c.count])).toEqual(expected);
    expect(topCategories.items[0]!.name.ro).toBeTruthy();
  });

  test('a chosen period moves every chart: from and to, Bucharest dates', async () => {
    const body = await dashboard(delegate, '?from=2026-06-01&to=2026-08-31');
    const p = body.petitions!;
    expect(p.receivedByWeek.weeks[0]!.weekStart).toBe('2026-06-01');
    expect(p.receivedByWeek.weeks.at(-1)!.to).toBe('2026-08-31');
    expect(p.answered.months.map((m) => m.month)).toEqual(['2026-06', '2026-07', '2026-08']);
    expect(p.topCategories).toMatchObject({ from: '2026-06-01', to: '2026-08-31' });
    expect(body.calls).toMatchObject({ from: '2026-06-01', to: '2026-08-31' });
  });
});

describe('every number opens the list behind it', () => {
  test('a department × clock state cell, and the open total', async () => {
    const body = await dashboard(delegate);
    const cells = body.petitions!.open.departments.flatMap((d) => (['on_time', 'paused', 'at_risk', 'breached'] as const).filter((s) => d[s] > 0).map((s) => ({ code: d.code, state: s, n: d[s] })));
    expect(cells.length).toBeGreaterThan(3);
    for (const cell of cells) {
      expect((await listed(delegate, `queue=all&departmentCode=${cell.code ?? 'none'}&clock=${cell.state}`)).length, `${cell.code} ${cell.state}`).toBe(cell.n);
    }
    expect((await listed(delegate, 'queue=all&open=1')).length).toBe(body.petitions!.open.totals.total);
  });

  test('a week × channel bar, a category bar and a department × month of answers', async () => {
    const p = (await dashboard(delegate)).petitions!;
    const week = [...p.receivedByWeek.weeks].sort((a, b) => b.total - a.total)[0]!;
    for (const channel of CHANNELS.filter((c) => week.byChannel[c]! > 0)) {
      expect(await listed(delegate, `queue=all&channel=${channel}&registeredFrom=${week.from}&registeredTo=${week.to}`)).toHaveLength(week.byChannel[channel]!);
    }
    const top = p.topCategories.items[0]!;
    expect(await listed(delegate, `queue=all&categoryCode=${top.code}&registeredFrom=${p.topCategories.from}&registeredTo=${p.topCategories.to}`)).toHaveLength(top.count);
    const d = p.answered.departments[0]!;
    const m = [...d.months].sort((a, b) => b.answered - a.answered)[0]!;
    const month = p.answered.months.find((x) => x.month === m.month)!;
    expect(await listed(delegate, `queue=all&departmentCode=${d.code}&answeredFrom=${month.from}&answeredTo=${month.to}`)).toHaveLength(m.answered);
  });
});

describe('who sees what', () => {
  test('without a session it is a 401; the registry, an officer and an agent get a 403', async () => {
    expect((await t.app.request('/api/dashboard')).status).toBe(401);
    for (const who of ['registratura', 'dgpl.inspector', 'agent']) {
      const res = await as(t, await signIn(t, who)).get('/api/dashboard');
      expect(res.status, who).toBe(403);
      expect((await res.json()).error.code).toBe('auth.forbidden');
    }
  });

  test('a department head sees only their department’s petitions, as their lists do', async () => {
    const head = await signIn(t, 'dgpl.sef');
    const body = await dashboard(head);
    expect(body.scope).toMatchObject({ kind: 'department', departmentCode: 'DGPL' });
    expect(body.calls).toBeNull();
    const own = register.filter((p) => p.department === 'DGPL' && p.routedAt !== null);
    expect(body.petitions!.open.departments.map((d) => d.code)).toEqual(['DGPL']);
    expect(body.petitions!.open.departments[0]).toMatchObject(expectedOpen(own).get('DGPL') ?? { total: 0 });
    expect(body.petitions!.overdue.map((e) => e.registrationNumber)).toEqual(expectedList(own, 'breached'));
    for (const e of [...body.petitions!.overdue, ...body.petitions!.atRisk]) expect(e.departmentCode).toBe('DGPL');
    const received = body.petitions!.receivedByWeek.weeks.reduce((s, w) => s + w.total, 0);
    const from = bucharestMidnight(body.petitions!.receivedByWeek.from);
    expect(received).toBe(own.filter((p) => p.registeredAt >= from).length);
    // Another department's head: theirs only, and different.
    const other = await dashboard(await signIn(t, 'adpdu.sef'));
    expect(other.petitions!.open.departments.map((d) => d.code)).toEqual(['ADPDU']);
    for (const e of other.petitions!.overdue) expect(e.departmentCode).toBe('ADPDU');
  });

  test('the call-center supervisor gets the call figures and no petitions', async () => {
    const body = await dashboard(await signIn(t, 'supervizor'));
    expect(body.petitions).toBeNull();
    const from = bucharestMidnight(addDays(TODAY, -29));
    const incoming = (await t.db.select().from(calls)).filter((c) => c.direction === 'incoming' && c.startedAt >= from && c.startedAt < new Date(NOW));
    expect(body.calls).toMatchObject({ from: addDays(TODAY, -29), to: TODAY, incoming: incoming.length });
    expect(incoming.length).toBeGreaterThan(0);
  });

  test('a bad period is a 400 that names the field', async () => {
    for (const query of ['?from=2026-09-01&to=2026-08-01', '?from=2025-01-01&to=2026-06-01', '?to=2026-02-30', '?week=1']) {
      const res = await as(t, delegate).get(`/api/dashboard${query}`);
      expect(res.status, query).toBe(400);
      expect((await res.json()).error.code).toBe('request.invalid');
    }
  });
});
