// The department's work on a routed petition: the head returns a misrouted one or assigns an officer
// (OG 27/2002 art. 11); the officer asks other departments for contributions (the internal clock pauses,
// the legal one never does); anyone who sees it adds internal notes.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { contributions, departments, petitions, staffNotices, users } from '../../../db/schema';
import { bucharestDateOf, compareIsoDates } from '../../../shared/domain/dates';
import type { Clock } from '../../lib/clock';
import { appError } from '../../lib/errors';
import type { EventBus } from '../../lib/events';
import { loadAccessContext } from '../access/access';
import { mayAssign } from '../access/policy';
import type { SessionUser } from '../auth/auth.usecases';
import { loadLegalCalendar } from '../calendar/calendar.repository';
import { replaceClock } from '../clocks/clocks.repository';
import { countOpenAssignments } from '../petitions/staff-petitions.repository';
import { loadVisiblePetition } from '../petitions/staff-petitions.usecases';
import { addEvent, emitChanged, fieldError, requireRoles, transition } from './workflow.shared';

type Deps = { db: Db; clock: Clock; events: EventBus };
type Args<I> = Deps & { user: SessionUser; id: string; input: I };


export async function returnPetition({ db, clock, events, user, id, input }: Args<{ reason: string }>) {
  requireRoles(user, ['head'], 'return a petition to the registry');
  const { found } = await loadVisiblePetition(db, user, id);
  if (found.petition.handlerDepartmentId !== user.departmentId) throw appError('auth.forbidden', 'Only the head of the department it was routed to may return it.');
  const now = clock.now();
  const calendar = await loadLegalCalendar(db);
  const updated = await db.transaction(async (tx) => {
    const row = await transition(tx, id, ['routed'], { status: 'registered', routedAt: null, internalDueOn: null, assigneeId: null, updatedAt: now });
    await addEvent(tx, { petitionId: id, at: now, actor: user, type: 'returned', public: false, ro: `Returnată Registraturii: ${input.reason}`, en: `Returned to the registry: ${input.reason}`, data: { reason: input.reason, departmentCode: found.departmentCode } });
    await replaceClock(tx, { petitionId: id, clock: 'internal', dueOn: null, calendar });
    return row;
  });
  emitChanged(events, updated, 'returned');
  events.emit('petition.changed', { petitionId: id, registrationNumber: updated.registrationNumber, departmentId: found.petition.handlerDepartmentId, assigneeId: null, status: 'registered', change: 'returned' });
  return updated;
}

export async function assignPetition({ db, clock, events, user, id, input }: Args<{ userId?: string | undefined }>) {
  requireRoles(user, ['head', 'director', 'delegate'], 'assign petitions');
  const { ctx, found, concerned } = await loadVisiblePetition(db, user, id);
  const p = found.petition;
  const facts = { ...p, departmentKind: found.departmentKind, concernedRole: concerned?.role ?? null };
  if (!mayAssign(ctx, facts)) {
    if (!['routed', 'in_progress'].includes(p.status)) throw appError('petitions.conflict', 'Only a routed or in-progress petition can be assigned.');
    throw appError('auth.forbidden', 'Only the head of the department assigns its petitions.');
  }
  const candidates = await db
    .select({ id: users.id, name: users.name, role: users.role, managerId: users.managerId, departmentId: users.departmentId })
    .from(users)
    .where(and(eq(users.departmentId, p.handlerDepartmentId!), eq(users.active, true), inArray(users.role, input.userId ? ['officer', 'head', 'director'] : ['officer'])));
  // The conduct rule: nobody concerned, and nobody under the person concerned, may handle it.
  const eligible = [];
  for (const c of candidates) {
    const chain = await loadAccessContext(db, { ...c, email: '', departmentCode: null, departmentKind: null });
    if (!p.concernsUserId || !chain.selfAndManagers.includes(p.concernsUserId)) eligible.push(c);
  }
  let assignee = input.userId ? eligible.find((c) => c.id === input.userId) : undefined;
  if (input.userId && !assignee) throw fieldError('userId', 'Pick an active officer of this department who may handle this petition.');
  if (!assignee) {
    const load = await countOpenAssignments(db, eligible.map((c) => c.id));
    assignee = [...eligible].sort((a, b) => (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0) || a.name.localeCompare(b.name))[0];
    if (!assignee) throw appError('petitions.conflict', 'No active officer of this department may take it.');
  }
  const now = clock.now();
  const updated = await db.transaction(async (tx) => {
    const row = await transition(tx, id, ['routed', 'in_progress'], { status: 'in_progress', assigneeId: assignee.id, updatedAt: now });
    await addEvent(tx, { petitionId: id, at: now, actor: user, type: 'assigned', public: false, ro: `Atribuită lui ${assignee.name}.`, en: `Assigned to ${assignee.name}.`, data: { assigneeId: assignee.id, previous: p.assigneeId } });
    if (p.status === 'routed') {
      await addEvent(tx, { petitionId: id, at: now, actor: user, type: 'in_progress', public: true, ro: 'Petiția este în lucru la compartimentul de specialitate.', en: 'The petition is being worked on by the department.' });
    }
    await tx.insert(staffNotices).values({ userId: assignee.id, petitionId: id, kind: 'assigned', textRo: `Vi s-a atribuit petiția nr. ${p.registrationNumber}.`, textEn: `Petition no. ${p.registrationNumber} was assigned to you.`, createdAt: now });
    return row;
  });
  emitChanged(events, updated, 'assigned');
  events.emit('staff.notice', { userId: assignee.id, petitionId: id, kind: 'assigned' });
  return updated;
}

export async function requestContribution({ db, clock, events, user, id, input }: Args<{ departmentCode: string; question: string; dueOn: string }>) {
  const { found } = await loadVisiblePetition(db, user, id);
  const p = found.petition;
  if (p.assigneeId !== user.id && !(user.role === 'head' && user.departmentId === p.handlerDepartmentId)) {
    throw appError('auth.forbidden', 'Only the assigned officer or the head asks for contributions.');
  }
  const [to] = await db.select().from(departments).where(and(eq(departments.code, input.departmentCode), eq(departments.active, true)));
  if (!to || to.id === p.handlerDepartmentId) throw fieldError('departmentCode', 'Ask another, active department.');
  const now = clock.now();
  const today = bucharestDateOf(now);
  if (compareIsoDates(input.dueOn, today) < 0 || compareIsoDates(input.dueOn, p.legalDueOn) > 0) throw fieldError('dueOn', `The contribution is due between today and the legal due date (${p.legalDueOn}).`);
  const calendar = await loadLegalCalendar(db);
  const updated = await db.transaction(async (tx) => {
    // The internal clock stops while the department waits; the legal clock runs on (DOMAIN.md).
    const row = await transition(tx, id, ['in_progress'], { internalPausedAt: p.internalPausedAt ?? now, updatedAt: now });
    await tx.insert(contributions).values({ petitionId: id, fromDepartmentId: p.handlerDepartmentId!, toDepartmentId: to.id, requestedByUserId: user.id, question: input.question, dueOn: input.dueOn, createdAt: now });
    await addEvent(tx, { petitionId: id, at: now, actor: user, type: 'contribution.requested', public: false, ro: `Contribuție cerută de la ${to.name}, până la ${input.dueOn}: ${input.question}`, en: `Contribution asked of ${to.name}, due ${input.dueOn}: ${input.question}`, data: { departmentCode: to.code, dueOn: input.dueOn } });
    await replaceClock(tx, { petitionId: id, clock: 'internal', dueOn: null, calendar });
    return row;
  });
  emitChanged(events, updated, 'contribution_requested');
  events.emit('petition.changed', { petitionId: id, registrationNumber: p.registrationNumber, departmentId: to.id, assigneeId: null, status: updated.status, change: 'contribution_requested' });
  return updated;
}

export async function answerContribution({ db, clock, events, user, id, contributionId, input }: Args<{ answer: string }> & { contributionId: string }) {
  requireRoles(user, ['head', 'officer', 'director'], 'answer contributions');
  const { found } = await loadVisiblePetition(db, user, id);
  const p = found.petition;
  const now = clock.now();
  const calendar = await loadLegalCalendar(db);
  const today = bucharestDateOf(now);
  const result = await db.transaction(async (tx) => {
    const [c] = await tx.update(contributions).set({ status: 'answered', answer: input.answer, answeredByUserId: user.id, answeredAt: now })
      .where(and(eq(contributions.id, contributionId), eq(contributions.petitionId, id), eq(contributions.toDepartmentId, user.departmentId ?? ''), eq(contributions.status, 'pending')))
      .returning();
    if (!c) throw appError('petitions.conflict', 'No pending contribution of your department with this id.');
    await addEvent(tx, { petitionId: id, at: now, actor: user, type: 'contribution.answered', public: false, ro: `Contribuție primită: ${input.answer}`, en: `Contribution received: ${input.answer}`, data: { contributionId } });
    const pending = await tx.select({ id: contributions.id }).from(contributions).where(and(eq(contributions.petitionId, id), eq(contributions.status, 'pending')));
    if (pending.length === 0 && p.internalPausedAt && p.internalDueOn) {
      // Resume: the internal due date moves by the working days spent waiting, never past the legal one.
      const waited = Math.max(0, calendar.workingDaysBetween(bucharestDateOf(p.internalPausedAt), today));
      let resumed = calendar.addWorkingDays(p.internalDueOn, waited);
      if (compareIsoDates(resumed, p.legalDueOn) > 0) resumed = p.legalDueOn;
      await tx.update(petitions).set({ internalPausedAt: null, internalDueOn: resumed, updatedAt: now }).where(eq(petitions.id, id));
      await replaceClock(tx, { petitionId: id, clock: 'internal', dueOn: resumed, calendar });
      await addEvent(tx, { petitionId: id, at: now, actor: null, type: 'internal_clock.resumed', public: false, ro: `Termenul intern reluat: ${resumed}.`, en: `Internal clock resumed: due ${resumed}.`, data: { internalDueOn: resumed, waitedWorkingDays: waited } });
    }
    return c;
  });
  emitChanged(events, { ...p }, 'contribution_answered');
  return result;
}

export async function addNote({ db, clock, events, user, id, input }: Args<{ text: string }>) {
  const { found } = await loadVisiblePetition(db, user, id);
  const now = clock.now();
  await db.transaction((tx) => addEvent(tx, { petitionId: id, at: now, actor: user, type: 'note', public: false, ro: input.text, en: input.text }));
  emitChanged(events, found.petition, 'note');
}
