// The registry's decisions on a new petition (OG 27/2002 art. 6): route it to a department, forward it to
// the competent institution (art. 6^1), file it (art. 7 anonymous, art. 10 repeated, withdrawn), or join it
// to an earlier open petition of the same petitioner (art. 10).
import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client';
import { formatDateRo } from '../../../shared/domain/format';
import { fillPlaceholders, listTemplates, type Placeholders } from '../templates/templates.usecases';
import { departments, institutions, petitions } from '../../../db/schema';
import { bucharestDateOf, compareIsoDates } from '../../../shared/domain/dates';
import { internalDueDate } from '../../../shared/domain/deadlines';
import { parseRegistrationNumber } from '../../../shared/domain/registration-number';
import type { Clock } from '../../lib/clock';
import { appError } from '../../lib/errors';
import type { EventBus } from '../../lib/events';
import { excludedByConductRule, visibilityCondition } from '../access/access';
import type { SessionUser } from '../auth/auth.usecases';
import { loadLegalCalendar } from '../calendar/calendar.repository';
import { replaceClock, stopAllClocks } from '../clocks/clocks.repository';
import { insertNotices } from '../notifications/outbox.repository';
import { citizenNotices, filedText, forwardedText, publicTrackingUrl } from '../notifications/workflow-notices';
import { findUserBrief, findVisiblePetition } from '../petitions/staff-petitions.repository';
import { loadVisiblePetition } from '../petitions/staff-petitions.usecases';
import { addEvent, emitChanged, fieldError, requireRoles, transition } from './workflow.shared';

type Deps = { db: Db; clock: Clock; events: EventBus; publicUrl: string };
type Args<I> = Deps & { user: SessionUser; id: string; input: I };

/** The administrator's notice template for this kind (the category's own first), filled; undefined if none. */
async function noticeTemplate(tx: DbOrTx, kind: 'forward_notice' | 'filing_notice', categoryCode: string, values: Placeholders): Promise<string | undefined> {
  const [template] = await listTemplates(tx, { kind, categoryCode });
  return template ? fillPlaceholders(template.body, values) : undefined;
}


export async function routePetition({ db, clock, events, user, id, input }: Args<{ departmentCode: string; internalDueOn?: string | undefined; concernsUserId?: string | undefined }>) {
  requireRoles(user, ['registry'], 'route petitions');
  const { found } = await loadVisiblePetition(db, user, id);
  const [dept] = await db.select().from(departments).where(and(eq(departments.code, input.departmentCode), eq(departments.active, true)));
  if (!dept) throw fieldError('departmentCode', 'Unknown department.');
  // DOMAIN.md: a conduct complaint is routed by the person concerned, who must be named.
  let concernsUserId: string | null = found.petition.concernsUserId;
  if (found.categoryRouting === 'by_person' || input.concernsUserId) {
    const concerned = await findUserBrief(db, input.concernsUserId ?? null);
    if (!concerned) throw fieldError('concernsUserId', 'Name the staff member the complaint is about.');
    if (concerned.departmentId && concerned.departmentId !== dept.id) throw fieldError('departmentCode', 'A conduct complaint goes to the department of the person concerned.');
    concernsUserId = concerned.id;
  }
  const calendar = await loadLegalCalendar(db);
  const now = clock.now();
  const today = bucharestDateOf(now);
  const legalDueOn = found.petition.legalDueOn;
  // Art. 6(2): the registry gives the department the date by which the answer must be ready.
  let internalDueOn = input.internalDueOn ?? internalDueDate({ legalDueOn, calendar, workingDaysBefore: found.categoryInternalDays });
  if (!input.internalDueOn && compareIsoDates(internalDueOn, today) < 0) internalDueOn = today; // late routing: due today
  const legalStillAhead = compareIsoDates(legalDueOn, today) >= 0;
  if (compareIsoDates(internalDueOn, today) < 0 || (legalStillAhead && compareIsoDates(internalDueOn, legalDueOn) > 0)) {
    throw fieldError('internalDueOn', `The internal due date must be between today (${today}) and the legal due date (${legalDueOn}).`);
  }
  const updated = await db.transaction(async (tx) => {
    const row = await transition(tx, id, ['registered'], {
      status: 'routed', handlerDepartmentId: dept.id, handlerInstitutionId: null, internalDueOn, routedAt: now, concernsUserId, assigneeId: null, updatedAt: now,
    });
    await addEvent(tx, {
      petitionId: id, at: now, actor: user, type: 'routed', public: true,
      ro: `Petiția a fost repartizată către ${dept.name}.`, en: `The petition was sent to ${dept.name}.`,
      data: { departmentCode: dept.code, internalDueOn, concernsUserId },
    });
    await replaceClock(tx, { petitionId: id, clock: 'internal', dueOn: internalDueOn, calendar });
    await replaceClock(tx, { petitionId: id, clock: 'forward', dueOn: null, calendar });
    return row;
  });
  emitChanged(events, updated, 'routed');
  return updated;
}

export async function forwardPetition({ db, clock, events, publicUrl, user, id, input }: Args<{ institutionCode: string; note: string }>) {
  requireRoles(user, ['registry'], 'forward petitions');
  const { found } = await loadVisiblePetition(db, user, id);
  const [inst] = await db.select().from(institutions).where(and(eq(institutions.code, input.institutionCode), eq(institutions.active, true)));
  if (!inst) throw fieldError('institutionCode', 'Unknown institution.');
  const now = clock.now();
  const p = found.petition;
  const updated = await db.transaction(async (tx) => {
    const row = await transition(tx, id, ['registered'], { status: 'forwarded', handlerInstitutionId: inst.id, handlerDepartmentId: null, forwardLetterRef: input.note, updatedAt: now });
    await addEvent(tx, {
      petitionId: id, at: now, actor: user, type: 'forwarded', public: true,
      ro: `Petiția a fost redirecționată către ${inst.name}, instituția competentă (OG 27/2002, art. 6^1).`,
      en: `The petition was forwarded to ${inst.name}, the competent institution (OG 27/2002 art. 6^1).`,
      data: { institutionCode: inst.code, letter: input.note, withinForwardTerm: p.forwardDueOn ? bucharestDateOf(now) <= p.forwardDueOn : null },
    });
    await stopAllClocks(tx, id);
    const url = publicTrackingUrl(publicUrl, p.registrationNumber);
    const templateText = await noticeTemplate(tx, 'forward_notice', found.categoryCode, { numar: p.registrationNumber, data_inregistrare: formatDateRo(p.registeredOn), institutie: inst.name });
    await insertNotices(tx, citizenNotices('petition.forwarded', { petitionId: id, email: p.petitionerEmail, phone: p.petitionerPhone }, forwardedText({ number: p.registrationNumber, institution: inst.name, registeredOn: p.registeredOn, trackingUrl: url, templateText })));
    return row;
  });
  emitChanged(events, updated, 'forwarded');
  return updated;
}

export async function filePetition({ db, clock, events, publicUrl, user, id, input }: Args<{ reason: 'anonymous' | 'repeated' | 'withdrawn'; note: string; relatedRegistrationNumber?: string | undefined }>) {
  requireRoles(user, ['registry'], 'file petitions');
  const { ctx, found } = await loadVisiblePetition(db, user, id);
  const p = found.petition;
  let earlier: { id: string; registrationNumber: string } | null = null;
  if (input.reason === 'repeated') {
    const number = input.relatedRegistrationNumber ? parseRegistrationNumber(input.relatedRegistrationNumber) : null;
    const [row] = number ? await db.select({ id: petitions.id, registrationNumber: petitions.registrationNumber }).from(petitions).where(eq(petitions.registrationNumber, number.normalized)) : [];
    if (!row || row.id === id) throw fieldError('relatedRegistrationNumber', 'A repeated petition is filed with a mention on the earlier number: give it.');
    earlier = row;
  }
  const now = clock.now();
  const updated = await db.transaction(async (tx) => {
    const row = await transition(tx, id, ['registered'], { status: 'filed', filedReason: input.reason, relatedPetitionId: earlier?.id ?? null, updatedAt: now });
    const why = { anonymous: ['fără datele de identificare ale petentului (OG 27/2002, art. 7)', 'without the petitioner’s identification (OG 27/2002 art. 7)'], repeated: [`ca repetată; răspunsul a fost dat la nr. ${earlier?.registrationNumber} (OG 27/2002, art. 10)`, `as a repeat; the answer was given under no. ${earlier?.registrationNumber} (OG 27/2002 art. 10)`], withdrawn: ['la cererea petentului (retrasă)', 'at the petitioner’s request (withdrawn)'] }[input.reason];
    await addEvent(tx, { petitionId: id, at: now, actor: user, type: 'filed', public: true, ro: `Petiția a fost clasată ${why[0]}.`, en: `The petition was filed ${why[1]}.`, data: { reason: input.reason, note: input.note, earlier: earlier?.registrationNumber ?? null } });
    if (earlier) {
      await addEvent(tx, { petitionId: earlier.id, at: now, actor: user, type: 'repeat_filed', public: true, ro: `O petiție cu același conținut, nr. ${p.registrationNumber}, a fost clasată cu mențiune la acest număr.`, en: `A petition with the same content, no. ${p.registrationNumber}, was filed with a mention on this number.`, data: { repeat: p.registrationNumber } });
    }
    await stopAllClocks(tx, id);
    // Art. 7: an anonymous petitioner cannot be told; the others are.
    if (input.reason !== 'anonymous' && !excludedByConductRule(ctx, p)) {
      const templateText = await noticeTemplate(tx, 'filing_notice', found.categoryCode, { numar: p.registrationNumber, data_inregistrare: formatDateRo(p.registeredOn) });
      await insertNotices(tx, citizenNotices('petition.filed', { petitionId: id, email: p.petitionerEmail, phone: p.petitionerPhone }, filedText({ number: p.registrationNumber, reason: input.reason, earlier: earlier?.registrationNumber ?? null, trackingUrl: publicTrackingUrl(publicUrl, p.registrationNumber), templateText })));
    }
    return row;
  });
  emitChanged(events, updated, 'filed');
  return updated;
}

const OPEN_FOR_JOIN = ['registered', 'routed', 'in_progress', 'answer_submitted'] as const;

export async function joinPetition({ db, clock, events, user, id, input }: Args<{ intoRegistrationNumber: string }>) {
  requireRoles(user, ['registry'], 'join petitions');
  const { ctx, found } = await loadVisiblePetition(db, user, id);
  const p = found.petition;
  const number = parseRegistrationNumber(input.intoRegistrationNumber);
  const [target] = number ? await db.select({ id: petitions.id }).from(petitions).where(eq(petitions.registrationNumber, number.normalized)) : [];
  const into = target ? await findVisiblePetition(db, target.id, visibilityCondition(ctx)) : null;
  if (!into || into.petition.id === id) throw fieldError('intoRegistrationNumber', 'No other petition has this number.');
  const t = into.petition;
  if (!(OPEN_FOR_JOIN as readonly string[]).includes(t.status)) throw appError('petitions.conflict', 'A petition can be joined only into an open petition that has no answer yet.');
  const samePetitioner =
    (p.petitionerEmail && p.petitionerEmail === t.petitionerEmail) ||
    (p.petitionerPhone && p.petitionerPhone === t.petitionerPhone) ||
    (p.petitionerLastName && p.petitionerLastName === t.petitionerLastName && p.petitionerFirstName === t.petitionerFirstName) ||
    (p.petitionerOrganization && p.petitionerOrganization === t.petitionerOrganization);
  if (!samePetitioner) throw appError('petitions.conflict', 'OG 27/2002 art. 10 joins petitions of the same petitioner only.');
  const now = clock.now();
  const calendar = await loadLegalCalendar(db);
  // The group is answered once, by the earliest due date of its petitions.
  const groupDue = compareIsoDates(p.legalDueOn, t.legalDueOn) < 0 ? p.legalDueOn : t.legalDueOn;
  const updated = await db.transaction(async (tx) => {
    const row = await transition(tx, id, ['registered'], { status: 'joined', joinedIntoId: t.id, updatedAt: now });
    await addEvent(tx, { petitionId: id, at: now, actor: user, type: 'joined', public: true, ro: `Petiția a fost conexată la petiția nr. ${t.registrationNumber}; veți primi un singur răspuns pentru ambele (OG 27/2002, art. 10).`, en: `The petition was joined to no. ${t.registrationNumber}; one answer will cover both (OG 27/2002 art. 10).`, data: { into: t.registrationNumber } });
    await addEvent(tx, { petitionId: t.id, at: now, actor: user, type: 'joined_in', public: true, ro: `Petiția nr. ${p.registrationNumber} a fost conexată la aceasta (OG 27/2002, art. 10).`, en: `Petition no. ${p.registrationNumber} was joined to this one (OG 27/2002 art. 10).`, data: { joined: p.registrationNumber } });
    if (groupDue !== t.legalDueOn) {
      await tx.update(petitions).set({ legalDueOn: groupDue, updatedAt: now }).where(eq(petitions.id, t.id));
      await replaceClock(tx, { petitionId: t.id, clock: 'legal', dueOn: groupDue, calendar });
      await addEvent(tx, { petitionId: t.id, at: now, actor: user, type: 'due_dates.recomputed', public: true, ro: `Termenul de răspuns devine ${groupDue}, al celei mai vechi petiții conexate.`, en: `The answer is now due on ${groupDue}, the earliest of the joined petitions.`, data: { legalDueOn: groupDue } });
    }
    await stopAllClocks(tx, id);
    return row;
  });
  emitChanged(events, updated, 'joined');
  events.emit('petition.changed', { petitionId: t.id, registrationNumber: t.registrationNumber, departmentId: t.handlerDepartmentId, assigneeId: t.assigneeId, status: t.status, change: 'joined_in' });
  return updated;
}
