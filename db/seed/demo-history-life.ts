// One petition's life in the demo history (pure): registered on a day, through a channel, by someone about
// something; then the registry's decision (forward, file, join, route) and the department's work — the
// assignment, a contribution now and then, the draft, the head's and the authority's signatures, the
// dispatch — each step timed on the legal calendar, and only the steps already past today taken.
import { randomUUID } from 'node:crypto';
import { addDays, bucharestDateOf, bucharestMidnight, compareIsoDates, daysBetween, type IsoDate } from '../../shared/domain/dates';
import { computeDueDate, internalDueDate } from '../../shared/domain/deadlines';
import type { Channel, PetitionStatus, PetitionType } from '../../shared/domain/petition-codes';
import { isIdentifiedPetitioner, makePetitioner, makeTexts, pickCategory, type Random } from './demo-history-people';
import type { HistoryCategory, PetitionPlan, PlanArgs, Step } from './demo-history-plan';

const MINUTE = 60_000;
const at = (day: IsoDate, minute: number) => new Date(bucharestMidnight(day).getTime() + minute * MINUTE);

/** The open statuses, and the last step each has taken (null: none, still with the registry). */
export const OPEN_STAGES: Array<[PetitionStatus, Step | null]> = [
  ['registered', null], ['routed', 'routed'], ['in_progress', 'assigned'], ['answer_submitted', 'submitted'], ['answer_signed', 'headSigned'], ['approved', 'approved'],
];

export type OneArgs = PlanArgs & {
  day: IsoDate;
  today: IsoDate;
  earlier: PetitionPlan[];
  /** The category drawn for it (a repeat takes its earlier petition's instead, unless `keepCategory`). */
  category?: HistoryCategory;
  keepCategory?: boolean;
  force?: { stopAfter: Step | null; category: HistoryCategory };
};

export function planPetition(args: OneArgs): PetitionPlan {
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
  const stall = daysBetween(registeredOn, args.today) <= 120 && random() < 0.02 ? OPEN_STAGES[Math.floor(random() * OPEN_STAGES.length)]![1] : undefined;
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
