// The demo history's petitions as plans (pure: no I/O): when each was registered, by whom and about what,
// and what happened to it since — the registry's decision, the department's work, the two signatures and
// the dispatch — all timed on the legal calendar, so that what is past today is done and the rest is open
// with its clocks on time, at risk or breached (one petition's life: demo-history-life.ts). Batches end at
// day boundaries, so a petition and the earlier one it repeats or joins are written together.
// db/seed/demo-history-rows.ts turns a plan into rows.
import type { LegalCalendar } from '../../shared/domain/calendar';
import { addDays, bucharestDateOf, bucharestMidnight, daysBetween, type IsoDate } from '../../shared/domain/dates';
import type { DeadlineRule } from '../../shared/domain/deadlines';
import type { Channel, PetitionStatus, PetitionType } from '../../shared/domain/petition-codes';
import { petitionClockState } from '../../server/modules/petitions/clock-state';
import { OPEN_STAGES, planPetition } from './demo-history-life';
import { isIdentifiedPetitioner, pickCategory, type Petitioner, type Random } from './demo-history-people';

export type HistoryUser = { id: string; name: string };
export type HistoryCategory = {
  id: string; code: string; nameRo: string; regime: 'og27' | 'l544'; routing: 'department' | 'forward' | 'by_person'; public: boolean;
  departmentId: string | null; institutionId: string | null; rule: DeadlineRule | undefined; internalDays: number;
};
export type DepartmentStaff = { head: HistoryUser; officer: HistoryUser; authority: HistoryUser };
export type HistoryCatalog = {
  categories: HistoryCategory[];
  /** Per department id: who assigns and signs first, who drafts, who signs second (delegate or director). */
  staff: Map<string, DepartmentStaff>;
  registry: HistoryUser;
  agent: HistoryUser;
  /** Officers a conduct complaint may concern, with their department. */
  conductTargets: Array<{ departmentId: string; officer: HistoryUser }>;
  departmentIds: string[];
};

export type Step = 'routed' | 'assigned' | 'submitted' | 'headSigned' | 'approved' | 'dispatched';
export type PetitionPlan = {
  id: string;
  registeredAt: Date;
  registeredOn: IsoDate;
  register: 'P' | 'I';
  year: number;
  category: HistoryCategory;
  type: PetitionType;
  channel: Channel;
  petitioner: Petitioner;
  location: { address: string; lat: number; lng: number } | null;
  subject: string;
  body: string;
  createdBy: HistoryUser | null;
  status: PetitionStatus;
  departmentId: string | null;
  institutionId: string | null;
  concernsUserId: string | null;
  assignee: HistoryUser | null;
  /** The legal due date in force today (after an extension or a Legea 544 complexity notice that happened). */
  legalDueOn: IsoDate;
  originalDueOn: IsoDate;
  internalDueOn: IsoDate | null;
  forwardDueOn: IsoDate | null;
  extendedAt: Date | null;
  complexityAt: Date | null;
  /** The department's steps that happened (instants in the past). */
  steps: Partial<Record<Step, Date>>;
  answerKind: 'answer' | 'l544_refusal';
  forwardedAt: Date | null;
  filed: { reason: 'anonymous' | 'repeated' | 'withdrawn'; at: Date; related: PetitionPlan | null } | null;
  joined: { into: PetitionPlan; at: Date } | null;
  archivedAt: Date | null;
  contribution: { toDepartmentId: string; requestedAt: Date; answeredAt: Date | null; dueOn: IsoDate } | null;
  internalPausedAt: Date | null;
  /** Petitions joined to this one, and repeats filed with a mention of it (written with its timeline). */
  joinedIn: PetitionPlan[];
  repeats: PetitionPlan[];
};

export type PlanArgs = { count: number; now: Date; days: number; batchSize: number; catalog: HistoryCatalog; calendar: LegalCalendar; random: Random };

/** The history in batches, oldest first: `count` petitions over the `days` days up to now. */
export function planHistory(args: PlanArgs): PetitionPlan[][] {
  const { count, now } = args;
  const today = bucharestDateOf(now);
  const days = registrationDays(args);
  const categories = days.map((day) => pickCategory(args.catalog.categories, Number(day.slice(5, 7)), args.random));
  // Every category at least once, when the history is big enough for it to look natural.
  const forced = new Set<number>();
  if (count >= 2 * args.catalog.categories.length) {
    for (const c of args.catalog.categories.filter((c) => !categories.includes(c))) {
      let i = Math.floor(args.random() * count);
      while (forced.has(i)) i = (i + 1) % count;
      forced.add(i);
      categories[i] = c;
    }
  }
  // Batches of about batchSize, cut where the day changes: a repeat or a join looks for its earlier
  // petition in its own batch only, so both are in the same transaction and timelines stay in order.
  const starts = [0];
  for (let i = 1; i < count; i++) if (i - starts.at(-1)! >= args.batchSize && days[i] !== days[i - 1]) starts.push(i);
  const batches = starts.map((start, b) => {
    const end = starts[b + 1] ?? count;
    const plans: PetitionPlan[] = [];
    for (let i = start; i < end; i++) plans.push(planPetition({ ...args, day: days[i]!, today, earlier: plans, category: categories[i]!, keepCategory: forced.has(i) }));
    return plans;
  });
  ensureCoverage(batches, { ...args, today });
  // Same-day registrations in time order: the numbers are allocated in this order.
  for (const batch of batches) batch.sort((a, b) => a.registeredAt.getTime() - b.registeredAt.getTime());
  return batches;
}

/**
 * A small history still shows every open status and every clock state: when one is missing, a petition
 * of the right age that nothing refers to is planned again, its work stopped at that stage (it happens:
 * an officer on leave, a signature that waits).
 */
function ensureCoverage(batches: PetitionPlan[][], args: PlanArgs & { today: IsoDate }): void {
  const { today, calendar } = args;
  const plans = batches.flat();
  // A replanned petition takes the old one's place in its batch too.
  const place = (old: PetitionPlan, next: PetitionPlan) => {
    plans[plans.indexOf(old)] = next;
    for (const batch of batches) if (batch.includes(old)) batch[batch.indexOf(old)] = next;
  };
  const free = (p: PetitionPlan) => !p.joinedIn.length && !p.repeats.length && !p.joined && !p.filed?.related && p.category.routing === 'department' && isIdentifiedPetitioner(p.petitioner) && args.catalog.staff.has(p.category.departmentId ?? '');
  const age = (p: PetitionPlan) => daysBetween(p.registeredOn, today);
  const replan = (p: PetitionPlan, stopAfter: Step | null) => {
    const again = planPetition({ ...args, day: p.registeredOn, earlier: [], force: { stopAfter, category: p.category } });
    place(p, again);
    return again;
  };
  const taken = new Set<PetitionPlan>();
  /** Plans petitions of that age again, youngest first, until one comes out as wanted; false if none does. */
  const tryReplan = (minAge: number, maxAge: number, stopAfter: Step | null, wanted: (p: PetitionPlan) => boolean) => {
    const candidates = plans.filter((x) => !taken.has(x) && free(x) && age(x) >= minAge && age(x) <= maxAge).sort((a, b) => age(a) - age(b));
    for (const p of candidates.slice(0, 40)) {
      const again = replan(p, stopAfter);
      if (wanted(again)) {
        taken.add(again);
        return true;
      }
      place(again, p);
    }
    return false;
  };
  // As young as possible, so that they are on time (a registered one stays with the registry a day at most).
  for (const [status, stopAfter] of OPEN_STAGES) {
    if (plans.some((p) => p.status === status)) continue;
    const wanted = (p: PetitionPlan) => p.status === status;
    if (!tryReplan(status === 'registered' ? 0 : 2, status === 'registered' ? 1 : 20, stopAfter, wanted)) tryReplan(0, 90, stopAfter, wanted);
  }
  const stateOf = (p: PetitionPlan) => petitionClockState(p, today, calendar);
  const windows = { on_time: [2, 8], at_risk: [12, 30], breached: [35, 90] } as const;
  for (const [state, [minAge, maxAge]] of Object.entries(windows) as Array<[keyof typeof windows, readonly [number, number]]>) {
    if (!plans.some((p) => stateOf(p) === state)) tryReplan(minAge, maxAge, 'assigned', (p) => stateOf(p) === state);
  }
}

/** One registration day per petition, sorted: fewer on non-working days, a slow rise over the year. */
function registrationDays({ count, now, days, calendar, random }: PlanArgs): IsoDate[] {
  const today = bucharestDateOf(now);
  const all: Array<{ day: IsoDate; weight: number }> = [];
  for (let i = days; i >= 0; i--) {
    const day = addDays(today, -i);
    // Today counts for the part of it that has passed.
    const elapsed = i === 0 ? (now.getTime() - bucharestMidnight(today).getTime()) / 86_400_000 : 1;
    all.push({ day, weight: (calendar.isWorkingDay(day) ? 1 : 0.3) * (1 + (0.35 * (days - i)) / days) * elapsed });
  }
  const total = all.reduce((s, d) => s + d.weight, 0);
  const picks = Array.from({ length: count }, () => random() * total).sort((a, b) => a - b);
  const out: IsoDate[] = [];
  let acc = 0;
  let k = 0;
  for (const pick of picks) {
    while (k < all.length - 1 && acc + all[k]!.weight < pick) acc += all[k++]!.weight;
    out.push(all[k]!.day);
  }
  return out;
}

