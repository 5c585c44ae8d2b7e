// The call log (issue 5 §3): log a call, complete it, take a ringing one, work the callback queue.
// Access is checked here: call-center roles only (the routes also guard), and a call is edited by its
// agent or the supervisor.
import { and, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { calls } from '../../../db/schema';
import type { CallDto, CallListResponse, CreateCallInput, ListCallsQuery, UpdateCallInput } from '../../../shared/api/calls';
import { addDays, bucharestMidnight } from '../../../shared/domain/dates';
import { parseRegistrationNumber } from '../../../shared/domain/registration-number';
import type { Clock } from '../../lib/clock';
import { appError } from '../../lib/errors';
import type { EventBus } from '../../lib/events';
import type { SessionUser } from '../auth/auth.usecases';
import { emitCallUpdated, freeAgent, markAnswered, markEnded } from './call-lifecycle';
import { assertKnownReason } from './call-reasons';
import * as repo from './calls.repository';
import { setPresence } from './presence.repository';

export type CallDeps = { db: Db; clock: Clock; events: EventBus };

/** Future times are typing mistakes; a little slack for the agent's clock. */
const FUTURE_SLACK_MS = 5 * 60_000;

function invalid(path: string, code: string, message: string) {
  return appError('request.invalid', message, { fields: [{ path, code, message }] });
}

export function callNotFound() {
  return appError('calls.not_found', 'No such call.');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loadCall(db: Db, id: string): Promise<repo.CallRow> {
  const call = UUID.test(id) ? await repo.findCall(db, id) : null;
  if (!call) throw callNotFound();
  return call;
}

/** Petition links by id or registration number; 400 naming the field when one does not exist. */
async function resolvePetitions(db: Db, input: { petitionIds?: string[] | undefined; registrationNumbers?: string[] | undefined }): Promise<string[]> {
  const ids = [...new Set(input.petitionIds ?? [])];
  const numbers: string[] = [];
  for (const [i, n] of (input.registrationNumbers ?? []).entries()) {
    const parsed = parseRegistrationNumber(n);
    if (!parsed) throw invalid(`registrationNumbers.${i}`, 'invalid', 'Not a registration number');
    numbers.push(parsed.normalized);
  }
  const found = await repo.findPetitionRefs(db, { ids, numbers });
  const missingId = ids.find((id) => !found.some((p) => p.id === id));
  if (missingId) throw invalid(`petitionIds.${ids.indexOf(missingId)}`, 'unknown_petition', 'No such petition');
  const missingNumber = numbers.find((n) => !found.some((p) => p.registrationNumber === n));
  if (missingNumber) throw invalid(`registrationNumbers.${numbers.indexOf(missingNumber)}`, 'unknown_petition', 'No such petition');
  return [...new Set(found.map((p) => p.id))];
}

function assertNotFuture(clock: Clock, at: Date, path: string): void {
  if (at.getTime() > clock.now().getTime() + FUTURE_SLACK_MS) throw invalid(path, 'in_future', 'In the future');
}

/** POST /api/calls: a call the agent logs (an outgoing callback, a call taken outside the system). */
export async function logCall({ db, clock, events, user, input }: CallDeps & { user: SessionUser; input: CreateCallInput }): Promise<CallDto> {
  assertNotFuture(clock, input.startedAt, 'startedAt');
  if (input.endedAt) assertNotFuture(clock, input.endedAt, 'endedAt');
  await assertKnownReason(db, input.reason);
  const petitionIds = await resolvePetitions(db, input);
  // DOMAIN.md: a call is a petition only once registered as one; the log says which.
  if (input.outcome === 'petition_registered' && petitionIds.length === 0) {
    throw invalid('registrationNumbers', 'required', 'The petition registered in this call');
  }
  const ongoing = !input.endedAt;
  if (ongoing && (await repo.findInProgressCallOf(db, user.id))) throw appError('calls.conflict', 'You are on another call; end it first.');
  const now = clock.now();
  const call = await db.transaction(async (tx) => {
    const created = await repo.insertCall(tx, {
      direction: input.direction,
      phone: input.phone,
      startedAt: input.startedAt,
      answeredAt: input.startedAt,
      endedAt: input.endedAt ?? null,
      durationS: input.endedAt ? Math.round((input.endedAt.getTime() - input.startedAt.getTime()) / 1000) : null,
      agentId: user.id,
      status: ongoing ? 'in_progress' : 'completed',
      reason: input.reason,
      notes: input.notes || null,
      outcome: input.outcome,
      callbackStatus: input.outcome === 'callback_promised' ? 'open' : 'none',
      createdBy: user.id,
      createdAt: now,
      updatedAt: now,
    });
    await repo.linkPetitions(tx, created.id, petitionIds);
    if (ongoing) await setPresence(tx, user.id, 'on_call', now);
    return created;
  });
  emitCallUpdated(events, call, 'logged');
  if (ongoing) events.emit('agent.presence', { userId: user.id, status: 'on_call' });
  return (await repo.loadCallDto(db, call.id))!;
}

/** PATCH /api/calls/{id}: the call's agent or the supervisor fills in the form; endedAt ends the call. */
export async function updateCall({ db, clock, events, user, id, input }: CallDeps & { user: SessionUser; id: string; input: UpdateCallInput }): Promise<CallDto> {
  const call = await loadCall(db, id);
  if (user.role !== 'supervisor' && call.agentId !== user.id) throw appError('auth.forbidden', 'Only the agent who took the call, or the supervisor, may change it.');
  if (call.status === 'ringing') throw appError('calls.conflict', 'The call is still ringing: answer it first.');
  if (input.endedAt) {
    if (call.endedAt) throw appError('calls.conflict', 'The call has ended already.');
    assertNotFuture(clock, input.endedAt, 'endedAt');
    if (input.endedAt.getTime() < (call.answeredAt ?? call.startedAt).getTime()) throw invalid('endedAt', 'before_start', 'endedAt is before the call started');
  }
  if (input.reason !== undefined) await assertKnownReason(db, input.reason);
  const petitionIds = await resolvePetitions(db, input);
  const outcome = input.outcome ?? call.outcome;
  if (outcome === 'petition_registered' && petitionIds.length === 0 && (await repo.countLinks(db, call.id)) === 0) {
    throw invalid('registrationNumbers', 'required', 'The petition registered in this call');
  }
  const now = clock.now();
  const updated = await db.transaction(async (tx) => {
    const set: Partial<repo.NewCall> = { updatedAt: now };
    if (input.reason !== undefined) set.reason = input.reason;
    if (input.notes !== undefined) set.notes = input.notes || null;
    if (input.outcome !== undefined) set.outcome = input.outcome;
    if (input.outcome === 'callback_promised' && call.callbackStatus === 'none') set.callbackStatus = 'open';
    // Someone else changed it since it was read (a webhook ended it, the supervisor edited it): 409.
    let row = await repo.updateCallIf(tx, call.id, eq(calls.updatedAt, call.updatedAt), set);
    if (!row) throw appError('calls.conflict', 'The call changed meanwhile; reload it.');
    if (input.endedAt) {
      row = await markEnded(tx, row, { at: input.endedAt });
      if (!row) throw appError('calls.conflict', 'The call has ended already.');
    }
    await repo.linkPetitions(tx, call.id, petitionIds);
    return row;
  });
  emitCallUpdated(events, updated, input.endedAt ? 'ended' : 'updated');
  if (input.endedAt) await freeAgent(db, events, updated.agentId, now);
  return (await repo.loadCallDto(db, call.id))!;
}

/** POST /api/calls/{id}/answer: the first agent takes it; anyone later gets 409. */
export async function answerCall({ db, clock, events, user, id }: CallDeps & { user: SessionUser; id: string }): Promise<CallDto> {
  const call = await loadCall(db, id);
  if (call.status === 'in_progress' && call.agentId === user.id) return (await repo.loadCallDto(db, id))!;
  if (call.status !== 'ringing') throw appError('calls.conflict', call.agentId ? 'Another agent took this call.' : 'The call is no longer ringing.');
  if (await repo.findInProgressCallOf(db, user.id)) throw appError('calls.conflict', 'You are on another call; end it first.');
  const now = clock.now();
  const answered = await db.transaction((tx) => markAnswered(tx, { callId: call.id, agentId: user.id, at: now }));
  if (!answered) throw appError('calls.conflict', 'Another agent took this call.');
  emitCallUpdated(events, answered, 'answered');
  events.emit('agent.presence', { userId: user.id, status: 'on_call' });
  return (await repo.loadCallDto(db, id))!;
}

/** POST /api/calls/{id}/hangup: the caller hangs up — simulated calls only (Twilio reports its own). */
export async function hangUpSimulatedCall({ db, clock, events, id }: CallDeps & { id: string }): Promise<CallDto> {
  const call = await loadCall(db, id);
  if (call.twilioCallSid) throw appError('calls.conflict', 'Twilio reports the end of this call itself.');
  if (call.endedAt || !['ringing', 'in_progress'].includes(call.status)) throw appError('calls.conflict', 'The call has ended already.');
  const now = clock.now();
  const ended = await markEnded(db, call, { at: now });
  if (!ended) throw appError('calls.conflict', 'The call has ended already.');
  emitCallUpdated(events, ended, ended.status === 'missed' ? 'missed' : 'ended');
  await freeAgent(db, events, ended.agentId, now);
  return (await repo.loadCallDto(db, id))!;
}

export async function getCall({ db, id }: { db: Db; id: string }): Promise<CallDto> {
  const call = await loadCall(db, id);
  return (await repo.loadCallDto(db, call.id))!;
}

type Cursor = { startedAt: Date; id: string };
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify({ t: c.startedAt.toISOString(), id: c.id })).toString('base64url');
function decodeCursor(s: string): Cursor | null {
  try {
    const { t, id } = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as { t?: unknown; id?: unknown };
    if (typeof t !== 'string' || typeof id !== 'string' || !UUID.test(id) || Number.isNaN(Date.parse(t))) return null;
    return { startedAt: new Date(t), id };
  } catch {
    return null;
  }
}

/** GET /api/calls: newest first, filtered by number, agent, status and Bucharest dates. */
export async function listCallLog({ db, user, query }: { db: Db; user: SessionUser; query: ListCallsQuery }): Promise<CallListResponse> {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  if (query.cursor && !cursor) throw invalid('cursor', 'invalid', 'Bad cursor');
  const conditions: Array<SQL | undefined> = [
    query.phone ? eq(calls.phone, query.phone) : undefined,
    query.agent ? eq(calls.agentId, query.agent === 'me' ? user.id : query.agent) : undefined,
    query.status ? eq(calls.status, query.status) : undefined,
    query.from ? gte(calls.startedAt, bucharestMidnight(query.from)) : undefined,
    query.to ? lt(calls.startedAt, bucharestMidnight(addDays(query.to, 1))) : undefined,
  ];
  const rows = await repo.listCalls(db, { where: and(...conditions), cursor, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: page, nextCursor: rows.length > query.limit && last ? encodeCursor({ startedAt: new Date(last.startedAt), id: last.id }) : null };
}

/** GET /api/calls/callbacks: missed calls, messages and promised callbacks still to make, oldest first. */
export async function listCallbacks({ db }: { db: Db }): Promise<{ items: CallDto[] }> {
  return { items: await repo.listCalls(db, { where: eq(calls.callbackStatus, 'open'), limit: 500, order: 'oldest' }) };
}

/** POST /api/calls/{id}/callback-done: the caller was called back; 409 when it was not in the queue. */
export async function markCallbackDone({ db, clock, events, user, id }: CallDeps & { user: SessionUser; id: string }): Promise<CallDto> {
  const call = await loadCall(db, id);
  const now = clock.now();
  const done = await repo.updateCallIf(db, call.id, eq(calls.callbackStatus, 'open'), { callbackStatus: 'done', callbackDoneAt: now, callbackDoneBy: user.id, updatedAt: now });
  if (!done) throw appError('calls.conflict', call.callbackStatus === 'done' ? 'The callback was done already.' : 'This call is not in the callback queue.');
  emitCallUpdated(events, done, 'callback_done');
  return (await repo.loadCallDto(db, id))!;
}
