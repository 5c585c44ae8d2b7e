// A numbered plan of the demo history → the rows the real use cases would have written: the petition, its
// timeline (the same words as the workflow's events), its answers with both signatures, its contribution,
// its clock timers (those past already fired) and, for a phone petition, the call it came from.
import { createHash, randomUUID } from 'node:crypto';
import type { LegalCalendar } from '../../shared/domain/calendar';
import { bucharestDateOf } from '../../shared/domain/dates';
import { formatDateRo } from '../../shared/domain/format';
import { clockFireInstants, type ClockKind } from '../../server/modules/clocks/clock-schedule';
import { timelineText } from '../../server/modules/clocks/escalation-texts';
import type { answers, callPetitions, calls, contributions, petitionClocks, petitionEvents, petitions } from '../schema';
import { isIdentifiedPetitioner, pick, type Random } from './demo-history-people';
import type { HistoryCatalog, HistoryUser, PetitionPlan } from './demo-history-plan';
import { ANSWER_ACTIONS, CONTRIBUTION_QUESTIONS } from './demo-history-texts';

export type Rows = {
  petitions: Array<typeof petitions.$inferInsert>;
  events: Array<typeof petitionEvents.$inferInsert>;
  answers: Array<typeof answers.$inferInsert>;
  contributions: Array<typeof contributions.$inferInsert>;
  clocks: Array<typeof petitionClocks.$inferInsert>;
  calls: Array<typeof calls.$inferInsert>;
  callPetitions: Array<typeof callPetitions.$inferInsert>;
};

export type Names = { departments: Map<string, { code: string; name: string }>; institutions: Map<string, { code: string; name: string }> };
type Ctx = { catalog: HistoryCatalog; names: Names; calendar: LegalCalendar; now: Date; random: Random; numbers: Map<string, string> };

export const emptyRows = (): Rows => ({ petitions: [], events: [], answers: [], contributions: [], clocks: [], calls: [], callPetitions: [] });

const HOUR = 3_600_000;
const LEGAL_BASIS = { answer: 'OG 27/2002 privind reglementarea activității de soluționare a petițiilor, art. 8 și art. 13', l544: 'Legea 544/2001, art. 7 alin. (1)', refusal: 'Legea 544/2001, art. 12 alin. (1) și art. 7 alin. (1)' };

export function addPlanRows(rows: Rows, p: PetitionPlan, ctx: Ctx): void {
  const number = ctx.numbers.get(p.id)!;
  const [seq] = number.split('-').slice(2).map(Number);
  const staff = p.departmentId ? ctx.catalog.staff.get(p.departmentId) : undefined;
  const dept = p.departmentId ? ctx.names.departments.get(p.departmentId) : undefined;
  rows.petitions.push({
    id: p.id,
    register: p.register,
    year: p.year,
    seq: seq!,
    registrationNumber: number,
    regime: p.category.regime,
    type: p.type,
    channel: p.channel,
    status: p.status,
    petitionerKind: p.petitioner.kind,
    petitionerFirstName: p.petitioner.firstName,
    petitionerLastName: p.petitioner.lastName,
    petitionerOrganization: p.petitioner.organization,
    petitionerEmail: p.petitioner.email,
    petitionerPhone: p.petitioner.phone,
    petitionerAddress: p.petitioner.address,
    identified: p.filed?.reason !== 'anonymous' && isNamedAndReachable(p),
    locationAddress: p.location?.address ?? null,
    locationLat: p.location?.lat ?? null,
    locationLng: p.location?.lng ?? null,
    subject: p.subject,
    body: p.body,
    categoryId: p.category.id,
    handlerDepartmentId: p.departmentId,
    handlerInstitutionId: p.status === 'forwarded' || p.status === 'registered' ? p.institutionId : null,
    assigneeId: p.assignee?.id ?? null,
    concernsUserId: p.concernsUserId,
    joinedIntoId: p.joined?.into.id ?? null,
    createdByUserId: p.createdBy?.id ?? null,
    registeredAt: p.registeredAt,
    registeredOn: p.registeredOn,
    legalDueOn: p.legalDueOn,
    internalDueOn: p.internalDueOn,
    forwardDueOn: p.forwardDueOn,
    extendedAt: p.extendedAt,
    internalPausedAt: p.internalPausedAt,
    filedReason: p.filed?.reason ?? null,
    relatedPetitionId: p.filed?.related?.id ?? null,
    forwardLetterRef: p.forwardedAt ? `Adresa nr. ${seq}/${p.year}` : null,
    routedAt: p.steps.routed ?? null,
    // Demo petitions cannot be tracked by a citizen: their codes were never shown to anybody.
    trackingCodeHash: new Uint8Array(createHash('sha256').update(`demo-history:${p.id}`).digest()),
    updatedAt: lastChange(p),
  });

  const event = (at: Date, actor: HistoryUser | null, type: string, pub: boolean, ro: string, en: string, data: Record<string, unknown> = {}, petitionId = p.id) =>
    rows.events.push({ petitionId, at, actorKind: actor ? 'staff' : at.getTime() === p.registeredAt.getTime() ? 'citizen' : 'system', actorUserId: actor?.id ?? null, type, public: pub, textRo: ro, textEn: en, data });

  event(p.registeredAt, p.createdBy, 'registered', true,
    `Petiția a fost înregistrată cu nr. ${number}. Termenul legal de răspuns: ${formatDateRo(p.originalDueOn)}.`,
    `The petition was registered as no. ${number}. Legal answer due: ${p.originalDueOn}.`,
    { channel: p.channel, categoryCode: p.category.code, legalDueOn: p.originalDueOn, forwardDueOn: p.forwardDueOn, identified: isNamedAndReachable(p), attachments: 0 });
  if (p.channel === 'phone') addCall(rows, p, ctx);

  const registry = ctx.catalog.registry;
  if (p.forwardedAt) {
    const inst = ctx.names.institutions.get(p.institutionId!)!;
    event(p.forwardedAt, registry, 'forwarded', true,
      `Petiția a fost redirecționată către ${inst.name}, instituția competentă (OG 27/2002, art. 6^1).`,
      `The petition was forwarded to ${inst.name}, the competent institution (OG 27/2002 art. 6^1).`,
      { institutionCode: inst.code, letter: `Adresa nr. ${seq}/${p.year}`, withinForwardTerm: p.forwardDueOn ? bucharestDateOf(p.forwardedAt) <= p.forwardDueOn : null });
  }
  if (p.filed) {
    const earlier = p.filed.related ? ctx.numbers.get(p.filed.related.id) : null;
    const why = { anonymous: ['fără datele de identificare ale petentului (OG 27/2002, art. 7)', 'without the petitioner’s identification (OG 27/2002 art. 7)'], repeated: [`ca repetată; răspunsul a fost dat la nr. ${earlier} (OG 27/2002, art. 10)`, `as a repeat; the answer was given under no. ${earlier} (OG 27/2002 art. 10)`], withdrawn: ['la cererea petentului (retrasă)', 'at the petitioner’s request (withdrawn)'] }[p.filed.reason];
    event(p.filed.at, registry, 'filed', true, `Petiția a fost clasată ${why[0]}.`, `The petition was filed ${why[1]}.`, { reason: p.filed.reason, note: '', earlier: earlier ?? null });
    if (p.filed.related && earlier) {
      event(p.filed.at, registry, 'repeat_filed', true, `O petiție cu același conținut, nr. ${number}, a fost clasată cu mențiune la acest număr.`, `A petition with the same content, no. ${number}, was filed with a mention on this number.`, { repeat: number }, p.filed.related.id);
    }
  }
  if (p.joined) {
    const into = ctx.numbers.get(p.joined.into.id)!;
    event(p.joined.at, registry, 'joined', true, `Petiția a fost conexată la petiția nr. ${into}; veți primi un singur răspuns pentru ambele (OG 27/2002, art. 10).`, `The petition was joined to no. ${into}; one answer will cover both (OG 27/2002 art. 10).`, { into });
    event(p.joined.at, registry, 'joined_in', true, `Petiția nr. ${number} a fost conexată la aceasta (OG 27/2002, art. 10).`, `Petition no. ${number} was joined to this one (OG 27/2002 art. 10).`, { joined: number }, p.joined.into.id);
    const groupAnswer = p.joined.into.steps.dispatched;
    if (groupAnswer) event(groupAnswer, registry, 'answered_in_group', true, `Răspunsul a fost trimis împreună cu petiția nr. ${into}.`, `The answer was sent together with petition no. ${into}.`);
  }
  if (!staff || !dept) {
    addClocks(rows, p, ctx, registry, number, event);
    return;
  }

  const s = p.steps;
  if (s.routed) {
    event(s.routed, registry, 'routed', true, `Petiția a fost repartizată către ${dept.name}.`, `The petition was sent to ${dept.name}.`, { departmentCode: dept.code, internalDueOn: p.internalDueOn, concernsUserId: p.concernsUserId });
  }
  if (s.assigned && p.assignee) {
    event(s.assigned, staff.head, 'assigned', false, `Atribuită lui ${p.assignee.name}.`, `Assigned to ${p.assignee.name}.`, { assigneeId: p.assignee.id, previous: null });
    event(new Date(s.assigned.getTime() + 1000), staff.head, 'in_progress', true, 'Petiția este în lucru la compartimentul de specialitate.', 'The petition is being worked on by the department.');
  }
  if (p.contribution) addContribution(rows, p, ctx, event);
  if (p.extendedAt) {
    event(p.extendedAt, staff.authority, 'deadline.extended', true, `Termenul de răspuns a fost prelungit până la ${formatDateRo(p.legalDueOn)} (OG 27/2002, art. 9).`, `The answer deadline was extended to ${p.legalDueOn} (OG 27/2002 art. 9).`, { before: p.originalDueOn, after: p.legalDueOn, reason: 'Sunt necesare verificări în teren și documente de la alte instituții.' });
  }
  if (p.complexityAt) addComplexityNotice(rows, p, ctx, staff, event);
  if (s.assigned && p.assignee) addAnswer(rows, p, ctx, staff, number, event);
  if (p.archivedAt) event(p.archivedAt, registry, 'archived', false, 'Petiția a fost arhivată.', 'The petition was archived.');
  addClocks(rows, p, ctx, staff.head, number, event);
}

type EventFn = (at: Date, actor: HistoryUser | null, type: string, pub: boolean, ro: string, en: string, data?: Record<string, unknown>, petitionId?: string) => void;

function addAnswer(rows: Rows, p: PetitionPlan, ctx: Ctx, staff: { head: HistoryUser; authority: HistoryUser }, number: string, event: EventFn): void {
  const s = p.steps;
  // In progress: an officer has a draft about half of the time; from submission on there always is one.
  if (!s.submitted && ctx.random() < 0.5) return;
  const until = (s.submitted ?? ctx.now).getTime();
  const drafted = new Date(s.assigned!.getTime() + Math.min(24 * HOUR, (until - s.assigned!.getTime()) / 2));
  const officer = p.assignee!;
  const refusal = p.answerKind === 'l544_refusal';
  const greeting = p.petitioner.kind === 'organization' ? `Stimată ${p.petitioner.organization},` : `Stimată doamnă / Stimate domn ${[p.petitioner.firstName, p.petitioner.lastName].filter(Boolean).join(' ')},`;
  const body = refusal
    ? `<p>Ca răspuns la solicitarea nr. ${number} din ${formatDateRo(p.registeredOn)}, vă comunicăm că informațiile solicitate nu pot fi furnizate, deoarece fac parte din categoria informațiilor exceptate de la accesul liber al cetățenilor.</p>`
    : `<p>${greeting}</p><p>Ca urmare a petiției dumneavoastră nr. ${number} din ${formatDateRo(p.registeredOn)}, vă comunicăm că ${ANSWER_ACTIONS[p.category.code] ?? 'aspectele sesizate au fost verificate și au fost dispuse măsurile necesare'}.</p><p>Vă mulțumim pentru sesizare.</p>`;
  const id = randomUUID();
  const postal = !p.petitioner.email && !(p.petitioner.phone?.startsWith('+407')) && p.petitioner.address;
  rows.answers.push({
    id,
    petitionId: p.id,
    kind: p.answerKind,
    body,
    legalBasis: refusal ? LEGAL_BASIS.refusal : p.category.regime === 'l544' ? LEGAL_BASIS.l544 : LEGAL_BASIS.answer,
    draftedByUserId: officer.id,
    createdAt: drafted,
    updatedAt: s.submitted ?? drafted,
    submittedAt: s.submitted ?? null,
    headSignedByUserId: s.headSigned ? staff.head.id : null,
    headSignedAt: s.headSigned ?? null,
    authoritySignedByUserId: s.approved ? staff.authority.id : null,
    authoritySignedAt: s.approved ?? null,
    dispatchedAt: s.dispatched ?? null,
    dispatchedByUserId: s.dispatched ? ctx.catalog.registry.id : null,
    postalReference: s.dispatched && postal ? `RR${String(Math.floor(ctx.random() * 1e9)).padStart(9, '0')}RO` : null,
    current: !s.dispatched,
  });
  const data = { answerId: id, kind: p.answerKind };
  if (s.submitted) event(s.submitted, officer, 'answer.submitted', false, 'Răspunsul a fost trimis spre aprobare șefului compartimentului.', 'The answer was submitted to the head of the department.', data);
  if (s.headSigned) event(s.headSigned, staff.head, 'answer.signed', false, `Răspuns semnat de ${staff.head.name}.`, `Answer signed by ${staff.head.name}.`, { answerId: id, signer: staff.head.id, signature: 'head' });
  if (s.approved) event(s.approved, staff.authority, 'answer.approved', true, 'Răspunsul a fost aprobat și urmează să fie expediat.', 'The answer was approved and will be sent shortly.', { answerId: id, signer: staff.authority.id, signature: 'authority' });
  if (s.dispatched) {
    const ref = rows.answers.at(-1)!.postalReference;
    event(s.dispatched, ctx.catalog.registry, 'answered', true, `Răspunsul a fost trimis${ref ? ` prin poștă (ref. ${ref})` : ''}.`, `The answer was sent${ref ? ` by post (ref. ${ref})` : ''}.`, { answerId: id, postalReference: ref ?? null, kind: p.answerKind });
  }
}

/** Legea 544 art. 7(1): the requester is told the request is complex; the term becomes 30 days. */
function addComplexityNotice(rows: Rows, p: PetitionPlan, ctx: Ctx, staff: { head: HistoryUser; officer: HistoryUser; authority: HistoryUser }, event: EventFn): void {
  const at = p.complexityAt!;
  const id = randomUUID();
  rows.answers.push({
    id, petitionId: p.id, kind: 'l544_complexity',
    body: `<p>Vă informăm că solicitarea necesită o documentare complexă; răspunsul vă va fi comunicat până la ${formatDateRo(p.legalDueOn)}.</p>`,
    legalBasis: LEGAL_BASIS.l544, draftedByUserId: staff.officer.id, createdAt: new Date(at.getTime() - 3 * HOUR), updatedAt: at,
    submittedAt: new Date(at.getTime() - 2 * HOUR), headSignedByUserId: staff.head.id, headSignedAt: new Date(at.getTime() - HOUR),
    authoritySignedByUserId: staff.authority.id, authoritySignedAt: new Date(at.getTime() - HOUR / 2), dispatchedAt: at, dispatchedByUserId: ctx.catalog.registry.id, current: false,
  });
  event(at, ctx.catalog.registry, 'l544.complexity_notice', true, `Solicitarea este complexă; termenul de răspuns devine ${formatDateRo(p.legalDueOn)} (Legea 544/2001, art. 7(1)).`, `The request is complex; the answer is now due on ${p.legalDueOn} (Law 544/2001 art. 7(1)).`, { answerId: id, postalReference: null, kind: 'l544_complexity' });
}

function addContribution(rows: Rows, p: PetitionPlan, ctx: Ctx, event: EventFn): void {
  const c = p.contribution!;
  const to = ctx.names.departments.get(c.toDepartmentId)!;
  const toStaff = ctx.catalog.staff.get(c.toDepartmentId);
  const question = pick(CONTRIBUTION_QUESTIONS, ctx.random);
  const answer = 'Am verificat situația; detaliile sunt în nota atașată la dosar.';
  rows.contributions.push({
    petitionId: p.id, fromDepartmentId: p.departmentId!, toDepartmentId: c.toDepartmentId, requestedByUserId: p.assignee!.id, question, dueOn: c.dueOn,
    status: c.answeredAt ? 'answered' : 'pending', answer: c.answeredAt ? answer : null, answeredByUserId: c.answeredAt ? toStaff?.officer.id ?? null : null, answeredAt: c.answeredAt, createdAt: c.requestedAt,
  });
  event(c.requestedAt, p.assignee, 'contribution.requested', false, `Contribuție cerută de la ${to.name}, până la ${c.dueOn}: ${question}`, `Contribution asked of ${to.name}, due ${c.dueOn}: ${question}`, { departmentCode: to.code, dueOn: c.dueOn });
  if (c.answeredAt) event(c.answeredAt, toStaff?.officer ?? null, 'contribution.answered', false, `Contribuție primită: ${answer}`, `Contribution received: ${answer}`, {});
}

/** The timers of an open petition: those whose instant passed fired then (with their timeline line). */
function addClocks(rows: Rows, p: PetitionPlan, ctx: Ctx, head: HistoryUser, number: string, event: EventFn): void {
  if (!['registered', 'routed', 'in_progress', 'answer_submitted', 'answer_signed', 'approved'].includes(p.status)) return;
  const running: Array<[ClockKind, string | null]> = [
    ['legal', p.legalDueOn],
    ['internal', p.internalPausedAt ? null : p.internalDueOn],
    ['forward', p.status === 'registered' ? p.forwardDueOn : null],
  ];
  for (const [clock, dueOn] of running) {
    if (!dueOn) continue;
    const { atRiskAt, breachedAt } = clockFireInstants({ clock, dueOn, calendar: ctx.calendar });
    for (const [stage, firesAt] of [['at_risk', atRiskAt], ['breached', breachedAt]] as const) {
      // A timer already due when the petition came in fired at the sweeper's next tick.
      const firedAt = firesAt.getTime() <= ctx.now.getTime() ? new Date(Math.max(firesAt.getTime(), p.registeredAt.getTime() + 15_000)) : null;
      rows.clocks.push({ petitionId: p.id, clock, stage, dueOn, firesAt, firedAt });
      if (firedAt && clock !== 'forward') {
        const line = timelineText({ clock, stage, dueOn, registrationNumber: number }, [head.name]);
        event(firedAt, null, `clock.${stage}`, false, line.ro, line.en, { clock, dueOn, recipients: [head.id] });
      }
    }
  }
}

function addCall(rows: Rows, p: PetitionPlan, ctx: Ctx): void {
  const id = randomUUID();
  const started = new Date(p.registeredAt.getTime() - (4 + Math.floor(ctx.random() * 8)) * 60_000);
  const answered = new Date(started.getTime() + (5 + Math.floor(ctx.random() * 50)) * 1000);
  const ended = new Date(p.registeredAt.getTime() + 60_000);
  rows.calls.push({
    id, direction: 'incoming', phone: p.petitioner.phone, startedAt: started, answeredAt: answered, endedAt: ended,
    durationS: Math.round((ended.getTime() - answered.getTime()) / 1000), agentId: ctx.catalog.agent.id, status: 'completed',
    reason: p.category.code, notes: `Petiție înregistrată telefonic: ${p.subject}`, outcome: 'petition_registered', createdBy: ctx.catalog.agent.id, createdAt: started, updatedAt: ended,
  });
  rows.callPetitions.push({ callId: id, petitionId: p.id });
}

function isNamedAndReachable(p: PetitionPlan): boolean {
  return isIdentifiedPetitioner(p.petitioner);
}

function lastChange(p: PetitionPlan): Date {
  const times = [p.registeredAt, p.forwardedAt, p.filed?.at, p.joined?.at, p.archivedAt, p.extendedAt, p.complexityAt, p.contribution?.requestedAt, ...Object.values(p.steps)];
  return new Date(Math.max(...times.filter((t): t is Date => t instanceof Date).map((t) => t.getTime())));
}
