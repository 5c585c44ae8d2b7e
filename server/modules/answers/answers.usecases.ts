// The answer's way out (OG 27/2002 art. 13 and 6(4)): the assigned officer drafts and submits; the head
// signs first; the signing authority (the delegate for an internal department, the director for a
// subordinate service) signs second; only the registry dispatches. A refusal sends it back to the officer.
import type { Db } from '../../../db/client';
import { bucharestDateOf } from '../../../shared/domain/dates';
import { computeDueDate } from '../../../shared/domain/deadlines';
import type { Clock } from '../../lib/clock';
import { appError } from '../../lib/errors';
import type { EventBus } from '../../lib/events';
import { mayCountersign, mayFirstSign } from '../access/policy';
import type { SessionUser } from '../auth/auth.usecases';
import { loadLegalCalendar } from '../calendar/calendar.repository';
import { replaceClock } from '../clocks/clocks.repository';
import { loadVisiblePetition } from '../petitions/staff-petitions.usecases';
import { addEvent, emitChanged, fieldError, requireRoles, transition } from '../workflow/workflow.shared';
import * as repo from './answers.repository';
import { sanitizeAnswerHtml } from './sanitize';

type Deps = { db: Db; clock: Clock; events: EventBus };
type Loaded = Awaited<ReturnType<typeof loadVisiblePetition>>;


export async function saveDraft({ db, clock, events, user, id, input }: Deps & { user: SessionUser; id: string; input: { body: string; legalBasis: string; kind?: 'answer' | 'l544_refusal' | 'l544_complexity' | undefined } }) {
  const { found } = await loadVisiblePetition(db, user, id);
  const p = found.petition;
  if (p.assigneeId !== user.id) throw appError('auth.forbidden', 'Only the assigned officer drafts the answer.');
  if (p.status !== 'in_progress') throw appError('petitions.conflict', 'The answer can be edited only while the petition is in progress.');
  const kind = input.kind ?? 'answer';
  if (kind !== 'answer' && p.regime !== 'l544') throw fieldError('kind', 'Refusals and complexity notices are for Legea 544 requests.');
  const body = sanitizeAnswerHtml(input.body);
  if (body.replace(/<[^>]*>/g, '').trim().length === 0) throw fieldError('body', 'The answer is empty.');
  const now = clock.now();
  const current = await repo.findCurrentAnswer(db, id);
  const saved = current
    ? await repo.updateAnswer(db, current.id, { body, legalBasis: input.legalBasis, kind, updatedAt: now })
    : await repo.insertAnswer(db, { petitionId: id, kind, body, legalBasis: input.legalBasis, draftedByUserId: user.id, createdAt: now, updatedAt: now });
  emitChanged(events, p, 'answer_drafted');
  return saved;
}

export async function submitAnswer({ db, clock, events, user, id }: Deps & { user: SessionUser; id: string }) {
  const { found } = await loadVisiblePetition(db, user, id);
  const p = found.petition;
  if (p.assigneeId !== user.id) throw appError('auth.forbidden', 'Only the assigned officer submits the answer.');
  const draft = await repo.findCurrentAnswer(db, id);
  if (!draft || p.status !== 'in_progress') throw appError('petitions.conflict', 'There is no draft to submit, or it was already submitted.');
  const now = clock.now();
  const row = await db.transaction(async (tx) => {
    const updated = await transition(tx, id, ['in_progress'], { status: 'answer_submitted', updatedAt: now });
    await repo.updateAnswer(tx, draft.id, { submittedAt: now });
    await addEvent(tx, { petitionId: id, at: now, actor: user, type: 'answer.submitted', public: false, ro: 'Răspunsul a fost trimis spre aprobare șefului compartimentului.', en: 'The answer was submitted to the head of the department.', data: { answerId: draft.id, kind: draft.kind } });
    return updated;
  });
  emitChanged(events, row, 'answer_submitted');
}

function facts(loaded: Loaded) {
  return { ...loaded.found.petition, departmentKind: loaded.found.departmentKind, concernedRole: loaded.concerned?.role ?? null };
}

export async function approveAnswer({ db, clock, events, user, id }: Deps & { user: SessionUser; id: string }) {
  requireRoles(user, ['head', 'director', 'delegate'], 'sign answers');
  const loaded = await loadVisiblePetition(db, user, id);
  const p = loaded.found.petition;
  const draft = await repo.findCurrentAnswer(db, id);
  if (!draft || !['answer_submitted', 'answer_signed'].includes(p.status)) throw appError('petitions.conflict', 'There is no answer waiting for a signature.');
  const first = p.status === 'answer_submitted';
  if (first ? !mayFirstSign(loaded.ctx, facts(loaded)) : !mayCountersign(loaded.ctx, facts(loaded))) {
    throw appError('auth.forbidden', first ? 'The head of the department signs first.' : 'The second signature is the delegate’s (internal department) or the director’s (subordinate service).');
  }
  const now = clock.now();
  const row = await db.transaction(async (tx) => {
    const updated = await transition(tx, id, [p.status], { status: first ? 'answer_signed' : 'approved', updatedAt: now });
    await repo.updateAnswer(tx, draft.id, first ? { headSignedByUserId: user.id, headSignedAt: now } : { authoritySignedByUserId: user.id, authoritySignedAt: now });
    await addEvent(tx, {
      petitionId: id, at: now, actor: user, type: first ? 'answer.signed' : 'answer.approved', public: !first,
      ro: first ? `Răspuns semnat de ${user.name}.` : 'Răspunsul a fost aprobat și urmează să fie expediat.',
      en: first ? `Answer signed by ${user.name}.` : 'The answer was approved and will be sent shortly.',
      data: { answerId: draft.id, signer: user.id, signature: first ? 'head' : 'authority' },
    });
    return updated;
  });
  emitChanged(events, row, first ? 'answer_signed' : 'approved');
}

export async function rejectAnswer({ db, clock, events, user, id, input }: Deps & { user: SessionUser; id: string; input: { reason: string } }) {
  requireRoles(user, ['head', 'director', 'delegate'], 'send answers back');
  const loaded = await loadVisiblePetition(db, user, id);
  const p = loaded.found.petition;
  const draft = await repo.findCurrentAnswer(db, id);
  if (!draft || !['answer_submitted', 'answer_signed'].includes(p.status)) throw appError('petitions.conflict', 'There is no answer waiting for a signature.');
  const allowed = p.status === 'answer_submitted' ? mayFirstSign(loaded.ctx, facts(loaded)) : mayCountersign(loaded.ctx, facts(loaded));
  if (!allowed) throw appError('auth.forbidden', 'Only the one whose signature is awaited may send the answer back.');
  const now = clock.now();
  const row = await db.transaction(async (tx) => {
    const updated = await transition(tx, id, [p.status], { status: 'in_progress', updatedAt: now });
    await repo.updateAnswer(tx, draft.id, { submittedAt: null, headSignedAt: null, headSignedByUserId: null, authoritySignedAt: null, authoritySignedByUserId: null });
    await addEvent(tx, { petitionId: id, at: now, actor: user, type: 'answer.rejected', public: false, ro: `Răspuns returnat pentru refacere: ${input.reason}`, en: `Answer sent back: ${input.reason}`, data: { answerId: draft.id, reason: input.reason } });
    return updated;
  });
  emitChanged(events, row, 'answer_rejected');
}

/** Legea 544 art. 7(1): a complexity notice moves the due date to 30 days; the request stays open. */
export async function applyComplexityNotice(tx: Parameters<Parameters<Db['transaction']>[0]>[0], p: { id: string; registeredOn: string }, now: Date) {
  const calendar = await loadLegalCalendar(tx);
  const legalDueOn = computeDueDate({ kind: 'l544.complex', registeredOn: p.registeredOn, calendar });
  await replaceClock(tx, { petitionId: p.id, clock: 'legal', dueOn: legalDueOn, calendar });
  return { legalDueOn, today: bucharestDateOf(now) };
}
