// The legal reports (issue 6 §3): the half-yearly petition report that OG 27/2002 asks of the registry
// and the annual report of the Legea 544/2001 register. The periods are Bucharest calendar dates
// (DOMAIN.md "Deadlines": time zone Europe/Bucharest); the definitions of every figure are in
// reports.repository.ts.
import type { Db } from '../../../db/client';
import type { CountLine, InformationReport, InformationReportQuery, PetitionReport, PetitionReportQuery } from '../../../shared/api/reports';
import { addDays, bucharestDateOf, bucharestMidnight, bucharestYearOf, compareIsoDates, type IsoDate } from '../../../shared/domain/dates';
import { CHANNELS, PETITION_TYPES, PETITION_TYPE_LABELS } from '../../../shared/domain/petition-codes';
import type { Clock } from '../../lib/clock';
import * as repo from './reports.repository';

/** Who may produce the reports: the registry writes them (art. 6), the delegate and the administrator oversee. */
export const REPORT_ROLES = ['registry', 'delegate', 'admin'] as const;

export const CHANNEL_LABELS_RO: Record<string, string> = {
  web: 'Portal web',
  phone: 'Telefon (call center)',
  email: 'E-mail',
  post: 'Poștă',
  desk: 'Registratură (ghișeu)',
  open311: 'Open311 (aplicații civice)',
};

export const NO_DEPARTMENT_LABEL = 'Fără compartiment (redirecționate sau nerepartizate)';

type ResolvedPeriod = { from: IsoDate; to: IsoDate; half: string | null };

/** The half-year that contains a date: 1 Jan–30 Jun (H1) or 1 Jul–31 Dec (H2). */
export function halfYearOf(date: IsoDate): string {
  return `${date.slice(0, 4)}-H${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`;
}

export function halfYearPeriod(half: string): ResolvedPeriod {
  const year = half.slice(0, 4);
  return half.endsWith('H1') ? { from: `${year}-01-01`, to: `${year}-06-30`, half } : { from: `${year}-07-01`, to: `${year}-12-31`, half };
}

export function resolvePetitionPeriod(query: Pick<PetitionReportQuery, 'from' | 'to' | 'half'>, today: IsoDate): ResolvedPeriod {
  if (query.half) return halfYearPeriod(query.half);
  if (query.from && query.to) {
    const asHalf = halfYearPeriod(halfYearOf(query.from));
    return { from: query.from, to: query.to, half: asHalf.from === query.from && asHalf.to === query.to ? asHalf.half : null };
  }
  return halfYearPeriod(halfYearOf(today));
}

/** Bucharest midnights around the period, and the reference date for "overdue": today, or the day after a past period. */
function periodBounds(p: ResolvedPeriod, today: IsoDate): repo.Period {
  const dayAfter = addDays(p.to, 1);
  return {
    fromInstant: bucharestMidnight(p.from),
    toInstant: bucharestMidnight(dayAfter),
    referenceDate: compareIsoDates(today, dayAfter) < 0 ? today : dayAfter,
  };
}

/** Percentiles of whole days, to one decimal (linear interpolation gives at most one). */
const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

async function gather(db: Db, register: 'P' | 'I', bounds: repo.Period) {
  // One snapshot for every figure: the report adds up even while the registry works.
  return db.transaction(
    async (tx) => {
      const facts = await repo.reportFacts(tx, register, bounds);
      const breakdowns = await repo.reportBreakdowns(tx, register, bounds);
      const names = await repo.loadCatalogNames(tx);
      return { facts, breakdowns, names };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

function countsOf(breakdowns: repo.Breakdown[], dimension: repo.Breakdown['dimension']): Map<string | null, number> {
  return new Map(breakdowns.filter((b) => b.dimension === dimension).map((b) => [b.code, b.count]));
}

/** Every code of a fixed list, zeros included, in the list's order. */
function fixedLines(codes: readonly string[], label: (code: string) => string, counts: Map<string | null, number>): CountLine[] {
  return codes.map((code) => ({ code, label: label(code), count: counts.get(code) ?? 0 }));
}

/** The active entries, and any inactive one that still has petitions in the period. */
function catalogLines(entries: Array<{ code: string; name: string; active: boolean }>, counts: Map<string | null, number>): CountLine[] {
  return entries.filter((e) => e.active || counts.has(e.code)).map((e) => ({ code: e.code, label: e.name, count: counts.get(e.code) ?? 0 }));
}

export async function petitionReport({ db, clock, query }: { db: Db; clock: Clock; query: PetitionReportQuery }): Promise<PetitionReport> {
  const now = clock.now();
  const today = bucharestDateOf(now);
  const period = resolvePetitionPeriod(query, today);
  const bounds = periodBounds(period, today);
  const { facts, breakdowns, names } = await gather(db, 'P', bounds);
  const byDepartment = countsOf(breakdowns, 'department');
  const noDepartment = byDepartment.get(null) ?? 0;
  return {
    report: 'petitions',
    period,
    generatedAt: now.toISOString(),
    referenceDate: bounds.referenceDate,
    received: {
      total: facts.total,
      byChannel: fixedLines(CHANNELS, (c) => CHANNEL_LABELS_RO[c] ?? c, countsOf(breakdowns, 'channel')),
      byType: fixedLines(PETITION_TYPES, (t) => PETITION_TYPE_LABELS[t as keyof typeof PETITION_TYPE_LABELS].ro, countsOf(breakdowns, 'type')),
      byCategory: catalogLines(names.categories.filter((c) => c.regime === 'og27' || countsOf(breakdowns, 'category').has(c.code)), countsOf(breakdowns, 'category')),
      byDepartment: [
        ...catalogLines(names.departments, byDepartment),
        ...(noDepartment > 0 ? [{ code: null, label: NO_DEPARTMENT_LABEL, count: noDepartment }] : []),
      ],
    },
    answeredInTime: facts.answeredInTime,
    answeredLate: facts.answeredLate,
    extended: facts.extended,
    forwarded: facts.forwarded,
    joined: facts.joined,
    filed: { total: facts.filed, anonymous: facts.filedAnonymous, repeated: facts.filedRepeated, withdrawn: facts.filedWithdrawn },
    stillOpen: facts.stillOpen,
    overdue: facts.overdue,
    daysToAnswer: { answered: facts.answered, median: round1(facts.median), p90: round1(facts.p90) },
  };
}

export async function informationReport({ db, clock, query }: { db: Db; clock: Clock; query: InformationReportQuery }): Promise<InformationReport> {
  const now = clock.now();
  const today = bucharestDateOf(now);
  const year = query.year ?? bucharestYearOf(now);
  const period = { from: `${year}-01-01`, to: `${year}-12-31`, half: null };
  const bounds = periodBounds(period, today);
  const { facts, breakdowns } = await gather(db, 'I', bounds);
  return {
    report: 'information-requests',
    year,
    period,
    generatedAt: now.toISOString(),
    referenceDate: bounds.referenceDate,
    received: { total: facts.total, byChannel: fixedLines(CHANNELS, (c) => CHANNEL_LABELS_RO[c] ?? c, countsOf(breakdowns, 'channel')) },
    answeredWithin10Days: facts.answeredInTimeNoNotice,
    answeredWithin30Days: facts.answeredInTimeAfterNotice,
    answeredLate: facts.answeredLate,
    refused: facts.refused,
    forwarded: facts.forwarded,
    filed: facts.filed,
    stillOpen: facts.stillOpen,
    overdue: facts.overdue,
    daysToAnswer: { answered: facts.answered, median: round1(facts.median), p90: round1(facts.p90) },
  };
}
