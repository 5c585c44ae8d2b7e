// The demo history's petitions as plans (pure: no I/O): when each was registered, by whom and about what,
// and what happened to it since — the registry's decision, the department's work, the two signatures and
// the dispatch — all timed on the legal calendar, so that what is past today is done and the rest is open
// with its clocks on time, at risk or breached. db/seed/demo-history-rows.ts turns a plan into rows.
import { randomUUID } from 'node:crypto';
import type { LegalCalendar } from '../../shared/domain/calendar';
import { addDays, bucharestDateOf, bucharestMidnight, compareIsoDates, daysBetween, type IsoDate } from '../../shared/domain/dates';
import { computeDueDate, internalDueDate, type DeadlineRule } from '../../shared/domain/deadlines';
import type { Channel, PetitionStatus, PetitionType } from '../../shared/domain/petition-codes';
import { petitionClockState } from '../../server/modules/petitions/clock-state';
import { isIdentifiedPetitioner, makePetitioner, makeTexts, pickCategory, type Petitioner, type Random } from './demo-history-people';

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

type Step = 'routed' | 'assigned' | 'submitted' | 'headSigned' | 'approved' | 'dispatched';
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

const MINUTE = 60_000;
const at = (day: IsoDate, minute: number) => new Date(bucharestMidnight(day).getTime() + minute * MINUTE);

/** The history, oldest first: `count` petitions over the `days` days up to now. */
export function planHistory(args: PlanArgs): PetitionPlan[] {
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
  const plans: PetitionPlan[] = [];
  for (let i = 0; i < count; i++) {
    const day = days[i]!;
    const batchStart = i - (i % args.batchSize);
    plans.push(planOne({ ...args, day, today, earlier: plans.slice(batchStart), category: categories[i]!, keepCategory: forced.has(i) }));
  }
  ensureCoverage(plans, { ...args, today });
  // Same-day registrations in time order: the numbers are allocated in this order.
  plans.sort((a, b) => a.registeredAt.getTime() - b.registeredAt.getTime());
  return plans;
}

const OPEN_STAGES: Array<[PetitionStatus, Step | null]> = [
  ['registered', null], ['routed', 'routed'], ['in_progress', 'assigned'], ['answer_submitted', 'submitted'], ['answer_signed', 'headSigned'], ['approved', 'approved'],
];

/**
 * A small history still shows every open status and every clock state: when one is missing, a petition
 * of the right age that nothing refers to is planned again, its work stopped at that stage (it happens:
 * an officer on leave, a signature that waits).
 */
function ensureCoverage(plans: PetitionPlan[], args: PlanArgs & { today: IsoDate }): void {
  const { today, calendar } = args;
  const free = (p: PetitionPlan) => !p.joinedIn.length && !p.repeats.length && !p.joined && !p.filed?.related && p.category.routing === 'department' && isIdentifiedPetitioner(p.petitioner) && args.catalog.staff.has(p.category.departmentId ?? '');
  const age = (p: PetitionPlan) => daysBetween(p.registeredOn, today);
  const replan = (p: PetitionPlan, stopAfter: Step | null) => {
    const again = planOne({ ...args, day: p.registeredOn, earlier: [], force: { stopAfter, category: p.category } });
    plans[plans.indexOf(p)] = again;
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
      plans[plans.indexOf(again)] = p;
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

type OneArgs = PlanArgs & {
  day: IsoDate;
  today: IsoDate;
  earlier: PetitionPlan[];
  /** The category drawn for it (a repeat takes its earlier petition's instead, unless `keepCategory`). */
  category?: HistoryCategory;
  keepCategory?: boolean;
  force?: { stopAfter: Step | null; category: HistoryCategory };
};

function planOne(args: OneArgs): PetitionPlan {
  const { day, now, calendar, random, catalog } = args;
  const working = calendar.isWorkingDay(day);
  // Art. 10: a few petitions repeat an earlier one of the same petitioner — joined while it is open,
  // filed with a mention once it is answered.
  const force = args.force;
  const roll = force || args.keepCategory ? 1 : random();
  const joinInto = roll < 0.03 ? joinTarget(args) : null;
  const repeatOf = roll >= 0.03 && roll < 0.05 ? repeatTarget(args) : null;
  const base = joinInto ?? repeatOf;
  const category = force?.category ?? base?.category ?? args.category ?? pickCategory(catalog.categories, Number(day.slice(5, 7)), random);
  let channel = base ? 'web' : pickChannel(category, working, random);
  let registeredAt = registrationInstant(day, channel, random);
  if (registeredAt.getTime() >= now.getTime()) {
    // Today, later than now: the morning's web petitions instead.
    channel = 'web';
    registeredAt = new Date(bucharestMidnight(day).getTime() + random() * (now.getTime() - bucharestMidnight(day).getTime()));
  }
  let petitioner = base ? base.petitioner : makePetitioner(channel, random);
  while (force && !isIdentifiedPetitioner(petitioner)) petitioner = makePetitioner(channel, random);
  const texts = base ? { ...makeTexts(category, petitioner, random), subject: `Revin: ${base.subject}`.slice(0, 200) } : makeTexts(category, petitioner, random);
  const registeredOn = bucharestDateOf(registeredAt);
  const kind = category.regime === 'l544' ? 'l544.answer' : 'og27.answer';
  const originalDueOn = computeDueDate({ kind, registeredOn, calendar, rule: category.rule });
  const forwardDueOn = category.routing === 'forward' ? computeDueDate({ kind: 'og27.forward', registeredOn, calendar }) : null;
  const conduct = category.routing === 'by_person' ? catalog.conductTargets[Math.floor(random() * catalog.conductTargets.length)]! : null;
  const plan: PetitionPlan = {
    id: randomUUID(),
    registeredAt,
    registeredOn,
    register: category.regime === 'l544' ? 'I' : 'P',
    year: Number(registeredOn.slice(0, 4)),
    category,
    type: petitionType(category, random),
    channel,
    petitioner,
    location: texts.location,
    subject: texts.subject,
    body: texts.body,
    createdBy: channel === 'phone' ? catalog.agent : ['desk', 'post', 'email'].includes(channel) ? catalog.registry : null,
    status: 'registered',
    departmentId: conduct ? conduct.departmentId : category.departmentId,
    institutionId: category.institutionId,
    concernsUserId: null,
    assignee: null,
    legalDueOn: originalDueOn,
    originalDueOn,
    internalDueOn: null,
    forwardDueOn,
    extendedAt: null,
    complexityAt: null,
    steps: {},
    answerKind: 'answer',
    forwardedAt: null,
    filed: null,
    joined: null,
    archivedAt: null,
    contribution: null,
    internalPausedAt: null,
    joinedIn: [],
    repeats: [],
  };
  const past = (instant: Date) => instant.getTime() < now.getTime();
  // The registry works on working days, in office hours: what arrives later is seen the next working day.
  const minuteOfDay = (registeredAt.getTime() - bucharestMidnight(registeredOn).getTime()) / MINUTE;
  const firstDay = calendar.isWorkingDay(registeredOn) && minuteOfDay < 960 ? registeredOn : calendar.addWorkingDays(registeredOn, 1);
  const registryDay = (n: number) => (n === 0 ? firstDay : calendar.addWorkingDays(firstDay, n));

  if (repeatOf) {
    const filedAt = at(registryDay(1), 600 + Math.floor(random() * 240));
    return past(filedAt) ? file(plan, 'repeated', filedAt, repeatOf) : plan;
  }
  if (joinInto) {
    const joinAt = at(registryDay(1), 560 + Math.floor(random() * 240));
    if (!past(joinAt)) return plan;
    if (!joinInto.steps.submitted || joinInto.steps.submitted > joinAt) {
      plan.status = 'joined';
      plan.joined = { into: joinInto, at: joinAt };
      joinInto.joinedIn.push(plan);
      return plan;
    }
  }
  if (force) {
    planDepartmentWork(plan, args, registryDay, force.stopAfter);
    return plan;
  }
  if (!isIdentifiedPetitioner(petitioner)) {
    // OG 27/2002 art. 7: never filed automatically — the registry decides, a couple of days later.
    const filedAt = at(registryDay(2), 600 + Math.floor(random() * 300));
    return past(filedAt) ? file(plan, 'anonymous', filedAt, null) : plan;
  }
  if (random() < 0.012) {
    const filedAt = at(registryDay(1), 540 + Math.floor(random() * 300));
    return past(filedAt) ? file(plan, 'withdrawn', filedAt, null) : plan;
  }
  if (category.routing === 'forward') {
    // Art. 6^1: forwarded within 5 days; now and then the registry acts on the last day.
    const forwardedAt = at(registryDay(Math.floor(random() * 4)), 560 + Math.floor(random() * 360));
    if (past(forwardedAt)) {
      plan.status = 'forwarded';
      plan.forwardedAt = forwardedAt;
      plan.departmentId = null;
    }
    return plan;
  }
  if (conduct) {
    // DOMAIN.md: a complaint about an officer is handled by the head, never by the officer concerned.
    plan.concernsUserId = conduct.officer.id;
  }
  // Now and then the work stalls at some stage for weeks (a long leave, a lost file): overdue, still open.
  const stall = random() < 0.012 ? OPEN_STAGES[Math.floor(random() * OPEN_STAGES.length)]![1] : undefined;
  planDepartmentWork(plan, args, registryDay, stall);
  return plan;
}

function file(plan: PetitionPlan, reason: 'anonymous' | 'repeated' | 'withdrawn', filedAt: Date, related: PetitionPlan | null): PetitionPlan {
  plan.status = 'filed';
  plan.filed = { reason, at: filedAt, related };
  if (related) related.repeats.push(plan);
  return plan;
}

/** Routing, assignment, the draft, the head's and the authority's signatures, the dispatch. */
function planDepartmentWork(plan: PetitionPlan, args: OneArgs, registryDay: (n: number) => IsoDate, stopAfter?: Step | null): void {
  const { calendar, random, now, catalog } = args;
  const staff = plan.departmentId ? catalog.staff.get(plan.departmentId) : undefined;
  if (!staff) return; // a department without staff: stays with the registry
  const past = (instant: Date) => instant.getTime() < now.getTime();
  const l544 = plan.category.regime === 'l544';
  const span = daysBetween(plan.registeredOn, plan.originalDueOn);

  // How long the answer takes (calendar days from registration): most well within the term, some late,
  // a few extended (art. 9) or, for Legea 544, after a complexity notice.
  const r = random();
  let days: number;
  let dueForAnswer = plan.originalDueOn;
  let extendOn: IsoDate | null = null;
  if (!l544 && !plan.category.rule && r < 0.05) {
    dueForAnswer = computeDueDate({ kind: 'og27.extended', registeredOn: plan.registeredOn, calendar });
    days = span + 1 + Math.floor(random() * (daysBetween(plan.registeredOn, dueForAnswer) - span));
    extendOn = calendar.addWorkingDays(plan.originalDueOn, -(2 + Math.floor(random() * 6)));
  } else if (l544 && r < 0.15) {
    dueForAnswer = computeDueDate({ kind: 'l544.complex', registeredOn: plan.registeredOn, calendar });
    days = span + 1 + Math.floor(random() * (daysBetween(plan.registeredOn, dueForAnswer) - span));
    extendOn = calendar.addWorkingDays(plan.registeredOn, 3 + Math.floor(random() * 3));
  } else if (r < 0.16) {
    days = span + 1 + Math.min(60, Math.floor(-Math.log(1 - random()) * 9)); // late
  } else {
    days = 3 + Math.round((span - 3) * random() ** 0.8 * 0.97);
  }
  if (l544 && random() < 0.12) plan.answerKind = 'l544_refusal';

  const routeDay = registryDay(random() < 0.3 ? 0 : random() < 0.75 ? 1 : 2);
  let dispatchDay = calendar.nextWorkingDay(addDays(plan.registeredOn, days));
  if (compareIsoDates(dispatchDay, calendar.addWorkingDays(routeDay, 2)) < 0) dispatchDay = calendar.addWorkingDays(routeDay, 2);
  const total = daysBetween(routeDay, dispatchDay);
  const dayAt = (fraction: number) => calendar.nextWorkingDay(addDays(routeDay, Math.round(total * fraction)));
  const plannedDays: Array<[Step, IsoDate, number]> = [
    ['routed', routeDay, 540],
    ['assigned', dayAt(0.04 + random() * 0.2), 660],
    ['submitted', dayAt(0.7), 600],
    ['headSigned', dayAt(0.8), 720],
    ['approved', dayAt(0.9), 780],
    ['dispatched', dispatchDay, 840],
  ];
  let previous = plan.registeredAt.getTime();
  for (const [step, day, minute] of plannedDays) {
    if (stopAfter === null) break;
    const planned = Math.max(at(day, minute + Math.floor(random() * 90)).getTime(), previous + 20 * MINUTE);
    const instant = new Date(planned);
    if (!past(instant)) break;
    plan.steps[step] = instant;
    previous = planned;
    if (step === stopAfter) break;
  }

  const s = plan.steps;
  if (!s.routed) return;
  plan.status = 'routed';
  const internal = internalDueDate({ legalDueOn: plan.originalDueOn, calendar, workingDaysBefore: plan.category.internalDays });
  plan.internalDueOn = compareIsoDates(internal, routeDay) < 0 ? routeDay : internal;
  plan.forwardDueOn = null;
  if (extendOn) {
    const extendAt = at(extendOn, 690 + Math.floor(random() * 120));
    if (past(extendAt) && extendAt > s.routed) {
      if (l544) plan.complexityAt = extendAt;
      else plan.extendedAt = extendAt;
      plan.legalDueOn = dueForAnswer;
    }
  }
  if (!s.assigned) return;
  plan.status = 'in_progress';
  plan.assignee = plan.concernsUserId ? staff.head : staff.officer;
  const contributionDepartment = catalog.departmentIds.filter((id) => id !== plan.departmentId)[Math.floor(random() * (catalog.departmentIds.length - 1))];
  if (contributionDepartment && random() < (s.submitted ? 0.06 : 0.18)) {
    // The department asks another for a contribution; its internal clock pauses until the answer comes.
    const requestedAt = new Date(s.assigned.getTime() + (1 + Math.floor(random() * 2)) * 86_400_000);
    if (past(requestedAt) && (!s.submitted || requestedAt < s.submitted)) {
      const answeredAt = s.submitted ? new Date(s.submitted.getTime() - 3_600_000 * (2 + Math.floor(random() * 20))) : null;
      plan.contribution = {
        toDepartmentId: contributionDepartment,
        requestedAt,
        answeredAt: answeredAt && answeredAt > requestedAt ? answeredAt : s.submitted ? new Date(requestedAt.getTime() + 3_600_000) : null,
        dueOn: calendar.addWorkingDays(bucharestDateOf(requestedAt), 5),
      };
      if (!s.submitted) plan.internalPausedAt = requestedAt;
    }
  }
  if (s.submitted) plan.status = 'answer_submitted';
  if (s.headSigned) plan.status = 'answer_signed';
  if (s.approved) plan.status = 'approved';
  if (s.dispatched) {
    plan.status = 'answered';
    plan.internalPausedAt = null;
    const archiveAt = new Date(s.dispatched.getTime() + (30 + Math.floor(random() * 30)) * 86_400_000);
    if (past(archiveAt) && random() < 0.25) {
      plan.status = 'archived';
      plan.archivedAt = archiveAt;
    }
  }
}

/** An earlier petition of this batch, routed and still without a submitted answer: a new one joins it. */
function joinTarget({ earlier, day }: OneArgs): PetitionPlan | null {
  for (let i = earlier.length - 1; i >= 0; i--) {
    const p = earlier[i]!;
    const gap = daysBetween(p.registeredOn, day);
    if (gap > 25) break;
    const unanswered = !p.steps.submitted || compareIsoDates(bucharestDateOf(p.steps.submitted), addDays(day, 4)) > 0;
    if (gap >= 1 && p.category.routing === 'department' && p.steps.routed && unanswered && p.petitioner.kind === 'person' && !p.joinedIn.length) return p;
  }
  return null;
}

/** An earlier petition of this batch answered before `day`, which a new one repeats (filed, art. 10). */
function repeatTarget({ earlier, day }: OneArgs): PetitionPlan | null {
  for (let i = earlier.length - 1; i >= 0; i--) {
    const p = earlier[i]!;
    if (p.steps.dispatched && compareIsoDates(bucharestDateOf(p.steps.dispatched), day) < 0 && p.status === 'answered' && !p.repeats.length) return p;
  }
  return null;
}

function pickChannel(category: HistoryCategory, working: boolean, random: Random): Channel {
  const r = random();
  if (!working) return r < 0.75 ? 'web' : r < 0.95 || !category.public ? 'email' : 'open311';
  if (category.regime === 'l544') return r < 0.55 ? 'web' : r < 0.85 ? 'email' : r < 0.93 ? 'post' : 'desk';
  if (r < 0.4) return 'web';
  if (r < 0.54) return 'email';
  if (r < 0.74) return 'phone';
  if (r < 0.86) return 'desk';
  if (r < 0.94) return 'post';
  return category.public ? 'open311' : 'web';
}

/** Desk, phone and post in office hours; the web and e-mail at any hour, mostly in the day. */
function registrationInstant(day: IsoDate, channel: Channel, random: Random): Date {
  if (channel === 'desk' || channel === 'phone' || channel === 'post') return at(day, 510 + Math.floor(random() * 470));
  const hour = random() < 0.85 ? 7 + Math.floor(random() * 16) : Math.floor(random() * 24);
  return at(day, hour * 60 + Math.floor(random() * 60));
}

function petitionType(category: HistoryCategory, random: Random): PetitionType {
  if (category.regime === 'l544') return 'cerere';
  if (category.routing === 'by_person') return 'reclamatie';
  if (category.code === 'cultura') return random() < 0.7 ? 'propunere' : 'cerere';
  if (['locuinte', 'urbanism', 'evidenta-persoanelor', 'taxe-locale', 'asistenta-sociala'].includes(category.code)) return random() < 0.75 ? 'cerere' : 'reclamatie';
  const r = random();
  return r < 0.62 ? 'sesizare' : r < 0.85 ? 'reclamatie' : r < 0.95 ? 'cerere' : 'propunere';
}
