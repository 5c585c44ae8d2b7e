// Issue 6 §3: the half-yearly petition report (OG 27/2002) and the annual Legea 544 report. A register
// is seeded directly in the test database (chosen registration instants, statuses, due dates, extensions,
// filings, joins, channels, types, categories, departments, and answers with their dispatch instants);
// every expected figure is then computed again here, in TypeScript, from the seeded list — never with
// the endpoint's SQL — and compared with the JSON, the CSV and the HTML. DOMAIN.md defines the figures.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { answers, categories, departments, petitions, users } from '../../db/schema';
import { demoEmail } from '../../db/seed/demo-users';
import type { InformationReport, PetitionReport } from '../../shared/api/reports';
import { addDays, bucharestDateOf, bucharestMidnight, daysBetween } from '../../shared/domain/dates';
import { CHANNELS, PETITION_TYPES, type Channel, type PetitionStatus, type PetitionType } from '../../shared/domain/petition-codes';
import { formatRegistrationNumber } from '../../shared/domain/registration-number';
import { createTestApp, type TestApp } from '../helpers/app';
import { as, seedStaff, signIn } from '../helpers/staff';

// "Now" is after the first half of 2026: its report is a past period's.
const NOW = '2026-07-15T10:00:00Z';
const TODAY = '2026-07-15';

type AnswerSeed = { kind: 'answer' | 'l544_refusal' | 'l544_complexity'; dispatchedAt: Date | null };
type Seed = {
  id: string; register: 'P' | 'I'; registeredAt: Date; channel: Channel; type: PetitionType; category: string; department: string | null;
  status: PetitionStatus; legalDueOn: string; extendedAt: Date | null; filedReason: 'anonymous' | 'repeated' | 'withdrawn' | null;
  joinedIntoId: string | null; answers: AnswerSeed[];
};

// ---------------------------------------------------------------------------------------------------------
// The seeded register: a deterministic pseudo-random half-year (and its surroundings), plus edge cases.

function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const OG27_CATEGORIES: Array<[string, string | null]> = [
  ['strazi-trotuare', 'ADPDU'], ['spatii-verzi', 'ADPDU'], ['parcare-ilegala', 'DGPL'], ['salubrizare', 'DGSPL'],
  ['zgomot-ordine-publica', 'DGPL'], ['urbanism', 'DGAS'], ['taxe-locale', 'DGITL'], ['scoli', 'AS6'],
  ['strazi-principale', null], ['termoficare', null],
];
const OPEN_STATUSES: PetitionStatus[] = ['registered', 'routed', 'in_progress', 'answer_submitted', 'answer_signed', 'approved'];
const at = (date: string, hhmm: string) => new Date(bucharestMidnight(date).getTime() + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * 60_000);

let counter = 0;
const newId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

function randomPetitions(): Seed[] {
  const rand = prng(20260630);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const start = Date.parse('2025-12-10T00:00:00Z');
  const end = Date.parse('2026-07-12T00:00:00Z');
  const now = Date.parse(NOW);
  const out: Seed[] = [];
  for (let i = 0; i < 180; i++) {
    const registeredAt = new Date(start + Math.floor(rand() * (end - start)));
    const registeredOn = bucharestDateOf(registeredAt);
    const [category, department] = pick(OG27_CATEGORIES);
    const base = { id: newId(), register: 'P' as const, registeredAt, channel: pick(CHANNELS), type: pick(PETITION_TYPES), category, department, extendedAt: null, filedReason: null, joinedIntoId: null, answers: [] as AnswerSeed[] };
    const due = addDays(registeredOn, 30);
    const r = rand();
    if (department === null || r < 0.08) {
      out.push({ ...base, department: null, status: 'forwarded', legalDueOn: due });
    } else if (r < 0.16) {
      out.push({ ...base, department: null, status: 'filed', filedReason: pick(['anonymous', 'repeated', 'withdrawn'] as const), legalDueOn: due });
    } else if (r < 0.26 && out.length > 0) {
      // Joined into an earlier petition of the same set (which may itself be joined: a chain).
      out.push({ ...base, department: null, status: 'joined', joinedIntoId: pick(out).id, legalDueOn: due });
    } else {
      const extended = rand() < 0.2;
      const legalDueOn = extended ? addDays(registeredOn, 45) : due;
      const extendedAt = extended ? new Date(registeredAt.getTime() + 20 * 86_400_000) : null;
      // Dispatched any time of day, 2–50 days after registration; some late, some on the very due date.
      const dispatchedAt = new Date(bucharestMidnight(addDays(registeredOn, 2 + Math.floor(rand() * 48))).getTime() + Math.floor(rand() * 86_400_000));
      if (rand() < 0.75 && dispatchedAt.getTime() <= now) {
        out.push({ ...base, status: rand() < 0.15 ? 'archived' : 'answered', legalDueOn, extendedAt, answers: [{ kind: 'answer', dispatchedAt }] });
      } else {
        // Still open; some with a draft answer that was not dispatched (it must not count).
        out.push({ ...base, status: pick(OPEN_STATUSES), legalDueOn, extendedAt, answers: rand() < 0.3 ? [{ kind: 'answer', dispatchedAt: null }] : [] });
      }
    }
  }
  return out;
}

function randomInformationRequests(): Seed[] {
  const rand = prng(5442001);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const start = Date.parse('2025-11-01T00:00:00Z');
  const end = Date.parse('2026-07-12T00:00:00Z');
  const now = Date.parse(NOW);
  const out: Seed[] = [];
  const dayAt = (on: string, plusDays: number) => new Date(bucharestMidnight(addDays(on, plusDays)).getTime() + Math.floor(rand() * 86_400_000));
  for (let i = 0; i < 90; i++) {
    const registeredAt = new Date(start + Math.floor(rand() * (end - start)));
    const on = bucharestDateOf(registeredAt);
    const base = { id: newId(), register: 'I' as const, registeredAt, channel: pick(CHANNELS), type: 'cerere' as const, category: 'informatii-publice', department: 'DRPMD', extendedAt: null, filedReason: null, joinedIntoId: null };
    const due10 = addDays(on, 11);
    const due30 = addDays(on, 31);
    const r = rand();
    const past = (d: Date) => d.getTime() <= now;
    if (r < 0.35) {
      const answer = dayAt(on, 2 + Math.floor(rand() * 14));
      out.push(past(answer) ? { ...base, status: 'answered', legalDueOn: due10, answers: [{ kind: 'answer', dispatchedAt: answer }] } : { ...base, status: 'in_progress', legalDueOn: due10, answers: [] });
    } else if (r < 0.55) {
      const notice = dayAt(on, 3 + Math.floor(rand() * 6));
      const answer = dayAt(on, 12 + Math.floor(rand() * 26));
      if (!past(notice)) out.push({ ...base, status: 'in_progress', legalDueOn: due10, answers: [] });
      else if (!past(answer)) out.push({ ...base, status: 'in_progress', legalDueOn: due30, answers: [{ kind: 'l544_complexity', dispatchedAt: notice }] });
      else out.push({ ...base, status: 'answered', legalDueOn: due30, answers: [{ kind: 'l544_complexity', dispatchedAt: notice }, { kind: 'answer', dispatchedAt: answer }] });
    } else if (r < 0.7) {
      const refusal = dayAt(on, 1 + Math.floor(rand() * 8));
      out.push(past(refusal) ? { ...base, status: 'answered', legalDueOn: due10, answers: [{ kind: 'l544_refusal', dispatchedAt: refusal }] } : { ...base, status: 'routed', legalDueOn: due10, answers: [] });
    } else if (r < 0.78) {
      out.push({ ...base, department: null, status: 'forwarded', legalDueOn: due10, answers: [] });
    } else if (r < 0.83) {
      out.push({ ...base, department: null, status: 'filed', filedReason: 'anonymous', legalDueOn: due10, answers: [] });
    } else {
      out.push({ ...base, status: pick(OPEN_STATUSES), legalDueOn: due10, answers: rand() < 0.5 ? [{ kind: 'answer', dispatchedAt: null }] : [] });
    }
  }
  return out;
}

/** Each edge case on a day of its own in 2024, so a one-day report isolates it. */
function edgeCases() {
  const e = {
    onDueDate: newId(), afterMidnight: newId(), extended: newId(), groupRoot: newId(), joinedInTime: newId(), joinedLate: newId(),
    openRoot: newId(), joinedOpen: newId(), lastMinuteOfJune: newId(), firstMinutesOfJuly: newId(), newYear: newId(), infoRequest: newId(),
  };
  const p = (id: string, registeredAt: Date, more: Partial<Seed>): Seed => ({
    id, register: 'P', registeredAt, channel: 'web', type: 'sesizare', category: 'strazi-trotuare', department: 'ADPDU', status: 'answered',
    legalDueOn: addDays(bucharestDateOf(registeredAt), 30), extendedAt: null, filedReason: null, joinedIntoId: null, answers: [], ...more,
  });
  const seeds: Seed[] = [
    // Answered exactly on the due date, at 23:30 Bucharest time (20:30Z in summer): in time.
    p(e.onDueDate, at('2024-03-01', '09:00'), { legalDueOn: '2024-04-01', answers: [{ kind: 'answer', dispatchedAt: new Date('2024-04-01T20:30:00Z') }] }),
    // Dispatched at 21:30Z on its due date, which is 00:30 the next day in Bucharest: late.
    p(e.afterMidnight, at('2024-03-04', '09:00'), { legalDueOn: '2024-04-03', answers: [{ kind: 'answer', dispatchedAt: new Date('2024-04-03T21:30:00Z') }] }),
    // Extended (art. 9) to 2024-04-19; answered on 2024-04-10, after the original date: in time.
    p(e.extended, at('2024-03-05', '09:00'), { legalDueOn: '2024-04-19', extendedAt: at('2024-03-25', '10:00'), answers: [{ kind: 'answer', dispatchedAt: at('2024-04-10', '12:00') }] }),
    // A group: its first petition answered on 2024-04-02 …
    p(e.groupRoot, at('2024-03-06', '09:00'), { legalDueOn: '2024-04-05', answers: [{ kind: 'answer', dispatchedAt: at('2024-04-02', '11:00') }] }),
    // … a petition joined to it, due 2024-04-08: answered with the group, in time (26 days).
    p(e.joinedInTime, at('2024-03-07', '09:00'), { status: 'joined', department: null, joinedIntoId: e.groupRoot, legalDueOn: '2024-04-08' }),
    // … and one whose own (special-law) due date, 2024-03-20, came before the group's answer: late.
    p(e.joinedLate, at('2024-03-08', '09:00'), { status: 'joined', department: null, joinedIntoId: e.groupRoot, legalDueOn: '2024-03-20' }),
    // A group not answered yet: the joined petition is still open, and overdue.
    p(e.openRoot, at('2024-03-11', '09:00'), { status: 'in_progress', legalDueOn: '2024-04-10' }),
    p(e.joinedOpen, at('2024-03-12', '09:00'), { status: 'joined', department: null, joinedIntoId: e.openRoot, legalDueOn: '2024-04-11' }),
    // 23:59 on 30 June in Bucharest (20:59Z): June. 01:30 on 1 July in Bucharest (22:30Z on 30 June): July.
    p(e.lastMinuteOfJune, new Date('2024-06-30T20:59:00Z'), { status: 'routed', legalDueOn: '2024-07-30' }),
    p(e.firstMinutesOfJuly, new Date('2024-06-30T22:30:00Z'), { status: 'routed', legalDueOn: '2024-07-31' }),
    // 00:30 on 1 January 2024 in Bucharest (22:30Z on 31 December 2023): the first half of 2024.
    p(e.newYear, new Date('2023-12-31T22:30:00Z'), { status: 'routed', legalDueOn: '2024-01-31' }),
    // A Legea 544 request: never in the petition report.
    { ...p(e.infoRequest, at('2024-03-01', '10:00'), { legalDueOn: '2024-03-12', answers: [{ kind: 'answer', dispatchedAt: at('2024-03-05', '10:00') }] }), register: 'I', category: 'informatii-publice', department: 'DRPMD', type: 'cerere' },
  ];
  return { e, seeds };
}

// ---------------------------------------------------------------------------------------------------------
// The expected figures, computed here from the seeds (DOMAIN.md's definitions, written independently).

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return Math.round((sorted[lo]! + (pos - lo) * (sorted[hi]! - sorted[lo]!)) * 10) / 10;
}

function classify(seeds: Seed[], register: 'P' | 'I', from: string, to: string, referenceDate: string) {
  const byId = new Map(seeds.map((s) => [s.id, s]));
  const inPeriod = seeds.filter((s) => s.register === register && bucharestDateOf(s.registeredAt) >= from && bucharestDateOf(s.registeredAt) <= to);
  return inPeriod.map((s) => {
    let group = s;
    for (let hops = 0; group.joinedIntoId && hops < 20; hops++) group = byId.get(group.joinedIntoId)!;
    const finals = group.answers.filter((a) => a.dispatchedAt && (a.kind === 'answer' || a.kind === 'l544_refusal')).sort((a, b) => a.dispatchedAt!.getTime() - b.dispatchedAt!.getTime());
    const final = finals[0] ?? null;
    const notice = group.answers.some((a) => a.kind === 'l544_complexity' && a.dispatchedAt);
    const outcome = s.status === 'forwarded' ? 'forwarded' : s.status === 'filed' ? 'filed' : final ? 'answered' : 'open';
    const dispatchedOn = final ? bucharestDateOf(final.dispatchedAt!) : null;
    return {
      s, outcome, finalKind: final?.kind ?? null, notice,
      inTime: outcome === 'answered' && dispatchedOn! <= s.legalDueOn,
      days: outcome === 'answered' ? daysBetween(bucharestDateOf(s.registeredAt), dispatchedOn!) : null,
      overdue: outcome === 'open' && s.legalDueOn < referenceDate,
    };
  });
}

function countBy<T>(xs: T[], key: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
}

function expectedPetitionReport(seeds: Seed[], from: string, to: string, referenceDate: string) {
  const rows = classify(seeds, 'P', from, to, referenceDate);
  const days = rows.filter((r) => r.days !== null).map((r) => r.days!).sort((a, b) => a - b);
  return {
    total: rows.length,
    byChannel: countBy(rows, (r) => r.s.channel),
    byType: countBy(rows, (r) => r.s.type),
    byCategory: countBy(rows, (r) => r.s.category),
    byDepartment: countBy(rows, (r) => r.s.department ?? 'none'),
    answeredInTime: rows.filter((r) => r.outcome === 'answered' && r.inTime).length,
    answeredLate: rows.filter((r) => r.outcome === 'answered' && !r.inTime).length,
    extended: rows.filter((r) => r.s.extendedAt).length,
    forwarded: rows.filter((r) => r.outcome === 'forwarded').length,
    joined: rows.filter((r) => r.s.status === 'joined').length,
    filed: {
      total: rows.filter((r) => r.outcome === 'filed').length,
      anonymous: rows.filter((r) => r.outcome === 'filed' && r.s.filedReason === 'anonymous').length,
      repeated: rows.filter((r) => r.outcome === 'filed' && r.s.filedReason === 'repeated').length,
      withdrawn: rows.filter((r) => r.outcome === 'filed' && r.s.filedReason === 'withdrawn').length,
    },
    stillOpen: rows.filter((r) => r.outcome === 'open').length,
    overdue: rows.filter((r) => r.overdue).length,
    daysToAnswer: { answered: days.length, median: percentile(days, 0.5), p90: percentile(days, 0.9) },
  };
}

function expectedInformationReport(seeds: Seed[], year: number, referenceDate: string) {
  const rows = classify(seeds, 'I', `${year}-01-01`, `${year}-12-31`, referenceDate);
  const days = rows.filter((r) => r.days !== null).map((r) => r.days!).sort((a, b) => a - b);
  const answered = rows.filter((r) => r.outcome === 'answered' && r.finalKind === 'answer');
  return {
    total: rows.length,
    byChannel: countBy(rows, (r) => r.s.channel),
    answeredWithin10Days: answered.filter((r) => r.inTime && !r.notice).length,
    answeredWithin30Days: answered.filter((r) => r.inTime && r.notice).length,
    answeredLate: answered.filter((r) => !r.inTime).length,
    refused: rows.filter((r) => r.outcome === 'answered' && r.finalKind === 'l544_refusal').length,
    forwarded: rows.filter((r) => r.outcome === 'forwarded').length,
    filed: rows.filter((r) => r.outcome === 'filed').length,
    stillOpen: rows.filter((r) => r.outcome === 'open').length,
    overdue: rows.filter((r) => r.overdue).length,
    daysToAnswer: { answered: days.length, median: percentile(days, 0.5), p90: percentile(days, 0.9) },
  };
}

/** A breakdown of the API as { code: count }, zero lines left out (the API lists every channel, type, …). */
const nonZero = (lines: Array<{ code: string | null; count: number }>) =>
  Object.fromEntries(lines.filter((l) => l.count > 0).map((l) => [l.code ?? 'none', l.count]));

// ---------------------------------------------------------------------------------------------------------

let t: TestApp;
type Session = Awaited<ReturnType<typeof signIn>>;
const s: Record<string, Session> = {};
const randomP = randomPetitions();
const randomI = randomInformationRequests();
const edges = edgeCases();
const ALL = [...randomP, ...randomI, ...edges.seeds];

async function seedRegister(app: TestApp, seeds: Seed[]) {
  const cats = new Map((await app.db.select({ id: categories.id, code: categories.code }).from(categories)).map((c) => [c.code, c.id]));
  const depts = new Map((await app.db.select({ id: departments.id, code: departments.code }).from(departments)).map((d) => [d.code, d.id]));
  const [registry] = await app.db.select({ id: users.id }).from(users).where(eq(users.email, demoEmail('registratura')));
  const seqs = { P: 0, I: 0 };
  await app.db.insert(petitions).values(
    seeds.map((x) => {
      const seq = ++seqs[x.register];
      return {
        id: x.id, register: x.register, year: 2026, seq, registrationNumber: formatRegistrationNumber(x.register, 2026, seq),
        regime: x.register === 'P' ? ('og27' as const) : ('l544' as const), type: x.type, channel: x.channel, status: x.status,
        petitionerKind: 'person' as const, petitionerFirstName: 'Ana', petitionerLastName: 'Test', petitionerEmail: 'ana@example.ro', identified: true,
        subject: 'Petiție de test', body: 'Text.', categoryId: cats.get(x.category)!, handlerDepartmentId: x.department ? depts.get(x.department)! : null,
        joinedIntoId: x.joinedIntoId, registeredAt: x.registeredAt, registeredOn: bucharestDateOf(x.registeredAt), legalDueOn: x.legalDueOn,
        extendedAt: x.extendedAt, filedReason: x.filedReason, routedAt: x.department ? x.registeredAt : null, trackingCodeHash: new Uint8Array(32),
      };
    }),
  );
  const answerRows = seeds.flatMap((x) =>
    x.answers.map((a) => ({
      petitionId: x.id, kind: a.kind, body: '<p>Răspuns.</p>', legalBasis: 'OG 27/2002', draftedByUserId: registry!.id,
      createdAt: x.registeredAt, updatedAt: x.registeredAt, dispatchedAt: a.dispatchedAt, dispatchedByUserId: a.dispatchedAt ? registry!.id : null,
      current: a.dispatchedAt === null,
    })),
  );
  if (answerRows.length > 0) await app.db.insert(answers).values(answerRows);
}

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  await seedStaff(t);
  for (const who of ['registratura', 'delegat', 'admin', 'adpdu.sef', 'adpdu.inspector', 'adpdu.director', 'agent', 'supervizor']) s[who] = await signIn(t, who);
  await seedRegister(t, ALL);
});
afterAll(() => t.cleanup());

async function getJson<T>(path: string, who = 'registratura'): Promise<T> {
  const res = await as(t, s[who]!).get(path);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
}

function comparePetitionReport(api: PetitionReport, expected: ReturnType<typeof expectedPetitionReport>) {
  expect({
    total: api.received.total,
    byChannel: nonZero(api.received.byChannel),
    byType: nonZero(api.received.byType),
    byCategory: nonZero(api.received.byCategory),
    byDepartment: nonZero(api.received.byDepartment),
    answeredInTime: api.answeredInTime,
    answeredLate: api.answeredLate,
    extended: api.extended,
    forwarded: api.forwarded,
    joined: api.joined,
    filed: api.filed,
    stillOpen: api.stillOpen,
    overdue: api.overdue,
    daysToAnswer: api.daysToAnswer,
  }).toEqual(expected);
}

describe('GET /api/reports/petitions', () => {
  test('the figures of a seeded half-year match the ones computed independently from the seeds', async () => {
    const api = await getJson<PetitionReport>('/api/reports/petitions?half=2026-H1');
    expect(api.period).toEqual({ from: '2026-01-01', to: '2026-06-30', half: '2026-H1' });
    expect(api.referenceDate).toBe('2026-07-01'); // a past period: overdue at the end of 30 June
    const expected = expectedPetitionReport(ALL, '2026-01-01', '2026-06-30', '2026-07-01');
    comparePetitionReport(api, expected);
    // The data set exercises every figure (otherwise the comparison would prove little).
    for (const k of ['answeredInTime', 'answeredLate', 'extended', 'forwarded', 'joined', 'stillOpen', 'overdue'] as const) expect(expected[k], k).toBeGreaterThan(0);
    for (const k of ['anonymous', 'repeated', 'withdrawn'] as const) expect(expected.filed[k], k).toBeGreaterThan(0);
    expect(expected.total).toBeLessThan(randomP.length); // some were registered outside the half-year
  });

  test('the outcomes add up: answered in time + late + forwarded + filed + still open = received', async () => {
    const r = await getJson<PetitionReport>('/api/reports/petitions?half=2026-H1');
    expect(r.answeredInTime + r.answeredLate + r.forwarded + r.filed.total + r.stillOpen).toBe(r.received.total);
    expect(r.filed.anonymous + r.filed.repeated + r.filed.withdrawn).toBe(r.filed.total);
    for (const k of ['byChannel', 'byType', 'byCategory', 'byDepartment'] as const) expect(r.received[k].reduce((n, l) => n + l.count, 0), k).toBe(r.received.total);
    expect(r.received.byChannel.map((l) => l.code)).toEqual([...CHANNELS]);
    expect(r.received.byType.map((l) => l.label)).toEqual(['Cerere', 'Reclamație', 'Sesizare', 'Propunere']);
  });

  test('any period: from and to, inclusive, in Bucharest dates', async () => {
    const api = await getJson<PetitionReport>('/api/reports/petitions?from=2026-02-10&to=2026-05-20');
    expect(api.period).toEqual({ from: '2026-02-10', to: '2026-05-20', half: null });
    expect(api.referenceDate).toBe('2026-05-21');
    comparePetitionReport(api, expectedPetitionReport(ALL, '2026-02-10', '2026-05-20', '2026-05-21'));
  });

  test('by default, the current half-year (Bucharest): today is 15 July 2026, so 1 July–31 December', async () => {
    const api = await getJson<PetitionReport>('/api/reports/petitions');
    expect(api.period).toEqual({ from: '2026-07-01', to: '2026-12-31', half: '2026-H2' });
    expect(api.referenceDate).toBe(TODAY); // a running period: overdue as of today
    comparePetitionReport(api, expectedPetitionReport(ALL, '2026-07-01', '2026-12-31', TODAY));
    expect(api.received.total).toBeGreaterThan(0);
  });

  test('answered exactly on the due date (23:30 in Bucharest) is in time', async () => {
    const r = await getJson<PetitionReport>('/api/reports/petitions?from=2024-03-01&to=2024-03-01');
    expect([r.received.total, r.answeredInTime, r.answeredLate]).toEqual([1, 1, 0]);
    expect(r.daysToAnswer).toEqual({ answered: 1, median: 31, p90: 31 });
  });

  test('dispatched at 00:30 Bucharest time the day after the due date (21:30Z on it) is late', async () => {
    const r = await getJson<PetitionReport>('/api/reports/petitions?from=2024-03-04&to=2024-03-04');
    expect([r.received.total, r.answeredInTime, r.answeredLate]).toEqual([1, 0, 1]);
    expect(r.daysToAnswer.median).toBe(31);
  });

  test('an extended petition answered before its extended date, after the original one, is in time', async () => {
    const r = await getJson<PetitionReport>('/api/reports/petitions?from=2024-03-05&to=2024-03-05');
    expect([r.received.total, r.extended, r.answeredInTime, r.answeredLate]).toEqual([1, 1, 1, 0]);
  });

  test('a joined petition is answered when its group\'s answer is dispatched, in time within its own due date', async () => {
    const inTime = await getJson<PetitionReport>('/api/reports/petitions?from=2024-03-07&to=2024-03-07');
    expect([inTime.received.total, inTime.joined, inTime.answeredInTime, inTime.answeredLate, inTime.stillOpen]).toEqual([1, 1, 1, 0, 0]);
    expect(inTime.daysToAnswer).toEqual({ answered: 1, median: 26, p90: 26 });
    const late = await getJson<PetitionReport>('/api/reports/petitions?from=2024-03-08&to=2024-03-08');
    expect([late.joined, late.answeredInTime, late.answeredLate]).toEqual([1, 0, 1]);
    // Its group has no answer yet: still open. Overdue is judged at the end of the period: not on
    // 12 March (due 11 April), but yes for a period that ends after its due date.
    const open = await getJson<PetitionReport>('/api/reports/petitions?from=2024-03-12&to=2024-03-12');
    expect([open.joined, open.answeredInTime, open.answeredLate, open.stillOpen, open.overdue]).toEqual([1, 0, 0, 1, 0]);
    const openLater = await getJson<PetitionReport>('/api/reports/petitions?from=2024-03-12&to=2024-04-30');
    expect([openLater.received.total, openLater.stillOpen, openLater.overdue]).toEqual([1, 1, 1]);
    const group = await getJson<PetitionReport>('/api/reports/petitions?from=2024-03-06&to=2024-03-08');
    expect([group.received.total, group.joined, group.answeredInTime, group.answeredLate]).toEqual([3, 2, 2, 1]);
  });

  test('Bucharest time at the boundaries: 22:30Z on 30 June is July; 20:59Z is still June; 22:30Z on 31 December is January', async () => {
    const june30 = await getJson<PetitionReport>('/api/reports/petitions?from=2024-06-30&to=2024-06-30');
    const july1 = await getJson<PetitionReport>('/api/reports/petitions?from=2024-07-01&to=2024-07-01');
    expect([june30.received.total, july1.received.total]).toEqual([1, 1]);
    const h1 = await getJson<PetitionReport>('/api/reports/petitions?half=2024-H1');
    const h2 = await getJson<PetitionReport>('/api/reports/petitions?half=2024-H2');
    // H1 2024: the ten P edge cases from 1 January to 30 June; H2: the 1 July one only.
    expect(h1.received.total).toBe(10);
    expect(h2.received.total).toBe(1);
    const jan1 = await getJson<PetitionReport>('/api/reports/petitions?from=2024-01-01&to=2024-01-01');
    expect(jan1.received.total).toBe(1);
    comparePetitionReport(h1, expectedPetitionReport(ALL, '2024-01-01', '2024-06-30', '2024-07-01'));
  });

  test('Legea 544 requests are not petitions: the petition report leaves them out', async () => {
    const r = await getJson<PetitionReport>('/api/reports/petitions?from=2024-03-01&to=2024-03-01');
    expect(r.received.total).toBe(1); // the petition of that day, not the information request
  });

  test('format=csv: text/csv, semicolons, Romanian headers, and the same figures as the JSON', async () => {
    const json = await getJson<PetitionReport>('/api/reports/petitions?half=2026-H1');
    const res = await as(t, s.registratura!).get('/api/reports/petitions?half=2026-H1&format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/i);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="raport-petitii-2026-H1.csv"');
    const csv = parseCsv(await res.arrayBuffer());
    expect(csv.header).toEqual(['Secțiune', 'Indicator', 'Cod', 'Valoare']);
    expect(csv.values).toEqual(flattenReport(json));
    expect(csv.rows.find((r) => r[2] === 'received.byChannel.desk')![1]).toBe('Registratură (ghișeu)');
  });

  test('format=html: a printable Romanian document with the city hall\'s header and every figure', async () => {
    const json = await getJson<PetitionReport>('/api/reports/petitions?half=2026-H1');
    const res = await as(t, s.registratura!).get('/api/reports/petitions?half=2026-H1&format=html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>\s*<html lang="ro">/);
    for (const text of ['ROMÂNIA', 'MUNICIPIUL BUCUREȘTI', 'Primăria Sectorului 6', 'Serviciul Relații cu Publicul și Gestionare Petiții',
      'Raport privind activitatea de soluționare a petițiilor', 'semestrul I al anului 2026 (1 ianuarie 2026 – 30 iunie 2026)',
      'Ordonanței Guvernului nr. 27/2002', '@page', '<table>']) expect(html).toContain(text);
    expect(htmlFigures(html)).toEqual(flattenReport(json));
  });

  test('roles: registry, delegate and admin; 403 to the others; 401 without a session', async () => {
    for (const who of ['registratura', 'delegat', 'admin']) expect((await as(t, s[who]!).get('/api/reports/petitions')).status, who).toBe(200);
    for (const who of ['adpdu.sef', 'adpdu.inspector', 'adpdu.director', 'agent', 'supervizor']) expect((await as(t, s[who]!).get('/api/reports/petitions')).status, who).toBe(403);
    expect((await t.app.request('/api/reports/petitions')).status).toBe(401);
    expect((await t.app.request('/api/reports/petitions?format=csv')).status).toBe(401);
  });

  test.each([
    ['from=2026-02-30&to=2026-06-30', 'from'],
    ['from=2026-01-01&to=2026-13-01', 'to'],
    ['from=26-01-01&to=2026-06-30', 'from'],
    ['from=2026-06-30&to=2026-01-01', 'to'],
    ['from=2026-01-01', 'to'],
    ['to=2026-01-01', 'from'],
    ['half=2026-H3', 'half'],
    ['half=2026-H1&from=2026-01-01&to=2026-06-30', 'half'],
    ['format=pdf', 'format'],
  ])('?%s is a 400 naming %s', async (qs, field) => {
    const res = await as(t, s.registratura!).get(`/api/reports/petitions?${qs}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; details: { fields: Array<{ path: string }> } } };
    expect(body.error.code).toBe('request.invalid');
    expect(body.error.details.fields.map((f) => f.path)).toContain(field);
  });
});

describe('GET /api/reports/information-requests', () => {
  test('the Legea 544 figures of a seeded year match the ones computed independently', async () => {
    const api = await getJson<InformationReport>('/api/reports/information-requests?year=2026');
    expect(api.period).toEqual({ from: '2026-01-01', to: '2026-12-31', half: null });
    expect(api.referenceDate).toBe(TODAY);
    const expected = expectedInformationReport(ALL, 2026, TODAY);
    expect({
      total: api.received.total, byChannel: nonZero(api.received.byChannel), answeredWithin10Days: api.answeredWithin10Days,
      answeredWithin30Days: api.answeredWithin30Days, answeredLate: api.answeredLate, refused: api.refused, forwarded: api.forwarded,
      filed: api.filed, stillOpen: api.stillOpen, overdue: api.overdue, daysToAnswer: api.daysToAnswer,
    }).toEqual(expected);
    for (const k of ['answeredWithin10Days', 'answeredWithin30Days', 'answeredLate', 'refused', 'stillOpen', 'overdue'] as const) expect(expected[k], k).toBeGreaterThan(0);
    expect(api.answeredWithin10Days + api.answeredWithin30Days + api.answeredLate + api.refused + api.forwarded + api.filed + api.stillOpen).toBe(api.received.total);
  });

  test('the default year is the current one in Bucharest; a past year is complete', async () => {
    expect((await getJson<InformationReport>('/api/reports/information-requests')).year).toBe(2026);
    const y2025 = await getJson<InformationReport>('/api/reports/information-requests?year=2025');
    expect(y2025.referenceDate).toBe('2026-01-01');
    expect(y2025.received.total).toBe(expectedInformationReport(ALL, 2025, '2026-01-01').total);
    expect(y2025.overdue).toBe(expectedInformationReport(ALL, 2025, '2026-01-01').overdue);
  });

  test('format=csv and format=html carry the same figures as the JSON', async () => {
    const json = await getJson<InformationReport>('/api/reports/information-requests?year=2026');
    const csvRes = await as(t, s.delegat!).get('/api/reports/information-requests?year=2026&format=csv');
    expect(csvRes.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(parseCsv(await csvRes.arrayBuffer()).values).toEqual(flattenReport(json));
    const html = await (await as(t, s.admin!).get('/api/reports/information-requests?year=2026&format=html')).text();
    expect(html).toContain('Raport privind accesul la informațiile de interes public');
    expect(html).toContain('Legii nr. 544/2001');
    expect(htmlFigures(html)).toEqual(flattenReport(json));
  });

  test('roles and bad input', async () => {
    expect((await t.app.request('/api/reports/information-requests')).status).toBe(401);
    expect((await as(t, s['adpdu.sef']!).get('/api/reports/information-requests')).status).toBe(403);
    expect((await as(t, s.agent!).get('/api/reports/information-requests')).status).toBe(403);
    for (const qs of ['year=abc', 'year=1999', 'year=2026.5', 'format=xls']) expect((await as(t, s.registratura!).get(`/api/reports/information-requests?${qs}`)).status, qs).toBe(400);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Reading the CSV and the HTML back

/** RFC 4180 with `;`: quoted fields may hold separators, quotes ("") and line breaks. */
function parseCsv(bytes: ArrayBuffer) {
  expect([...new Uint8Array(bytes.slice(0, 3))]).toEqual([0xef, 0xbb, 0xbf]); // the BOM that makes Excel read UTF-8
  const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
  expect(body.endsWith('\r\n')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') { row.push(field); field = ''; }
    else if (c === '\r' && body[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  const [header, ...data] = rows;
  for (const r of data) expect(r).toHaveLength(4);
  const values: Record<string, number | null> = {};
  for (const r of data) if (!['title', 'generatedAt', 'referenceDate'].includes(r[2]!)) values[r[2]!] = r[3] === '' ? null : Number(r[3]!.replace(',', '.'));
  return { header, rows: data, values };
}

/** Every figure of the HTML, by its data-code (Romanian number format: 12,5). */
function htmlFigures(html: string): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const m of html.matchAll(/<td class="numar" data-code="([^"]+)">([^<]*)<\/td>/g)) out[m[1]!] = m[2] === '—' ? null : Number(m[2]!.replace(/\./g, '').replace(',', '.'));
  return out;
}

/** The JSON report as { path: value }, the paths the CSV's `Cod` column uses. */
function flattenReport(r: PetitionReport | InformationReport): Record<string, number | null> {
  const out: Record<string, number | null> = { 'received.total': r.received.total };
  for (const l of r.received.byChannel) out[`received.byChannel.${l.code}`] = l.count;
  if (r.report === 'petitions') {
    for (const k of ['byType', 'byCategory', 'byDepartment'] as const) for (const l of r.received[k]) out[`received.${k}.${l.code ?? 'none'}`] = l.count;
    for (const k of ['answeredInTime', 'answeredLate', 'extended', 'forwarded', 'joined', 'stillOpen', 'overdue'] as const) out[k] = r[k];
    for (const k of ['total', 'anonymous', 'repeated', 'withdrawn'] as const) out[`filed.${k}`] = r.filed[k];
  } else {
    for (const k of ['answeredWithin10Days', 'answeredWithin30Days', 'answeredLate', 'refused', 'forwarded', 'filed', 'stillOpen', 'overdue'] as const) out[k] = r[k];
  }
  out['daysToAnswer.answered'] = r.daysToAnswer.answered;
  out['daysToAnswer.median'] = r.daysToAnswer.median;
  out['daysToAnswer.p90'] = r.daysToAnswer.p90;
  return out;
}
