// A call's state changes, shared by the console (answer, hang up, PATCH endedAt) and Twilio's callbacks:
// ringing → in_progress → completed; ringing → missed → voicemail. Each is a conditional UPDATE, so two
// agents (or an agent and a late webhook) never both win; the caller emits after the commit.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { calls } from '../../../db/schema';
import type { CallUpdatedEvent } from '../../../shared/api/socket-events';
import type { EventBus } from '../../lib/events';
import type { CallRow } from './calls.repository';
import { updateCallIf } from './calls.repository';
import { movePresence, setPresence } from './presence.repository';

export function emitCallUpdated(events: EventBus, call: CallRow, change: CallUpdatedEvent['change']): void {
  events.emit('call.updated', { callId: call.id, status: call.status, agentId: call.agentId, callbackStatus: call.callbackStatus, change });
}

/** ringing → in_progress for this agent, who is then on_call; null when the call was not ringing. */
export async function markAnswered(db: DbOrTx, { callId, agentId, at }: { callId: string; agentId: string | null; at: Date }): Promise<CallRow | null> {
  const call = await updateCallIf(db, callId, eq(calls.status, 'ringing'), { status: 'in_progress', agentId, answeredAt: at, updatedAt: at });
  if (call && agentId) await setPresence(db, agentId, 'on_call', at);
  return call;
}

const seconds = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

/**
 * The call is over: in_progress → completed; still ringing → missed, with a callback to make. Missed and
 * voicemail calls only get their end time. Null when nothing changed (already ended).
 */
export async function markEnded(db: DbOrTx, call: CallRow, { at, durationS }: { at: Date; durationS?: number | null }): Promise<CallRow | null> {
  const duration = durationS ?? seconds(call.startedAt, at);
  if (call.status === 'in_progress') {
    return updateCallIf(db, call.id, eq(calls.status, 'in_progress'), { status: 'completed', endedAt: at, durationS: duration, updatedAt: at });
  }
  if (call.status === 'ringing') {
    return updateCallIf(db, call.id, eq(calls.status, 'ringing'), { status: 'missed', endedAt: at, durationS: duration, callbackStatus: 'open', updatedAt: at });
  }
  if (call.endedAt === null) {
    return updateCallIf(db, call.id, and(inArray(calls.status, ['missed', 'voicemail']), isNull(calls.endedAt)), { endedAt: at, durationS: duration, updatedAt: at });
  }
  return null;
}

/** Nobody answered but the caller is still on the line (Twilio's Dial gave up): missed, callback open. */
export async function markMissed(db: DbOrTx, call: CallRow, at: Date): Promise<CallRow | null> {
  return updateCallIf(db, call.id, eq(calls.status, 'ringing'), { status: 'missed', callbackStatus: 'open', updatedAt: at });
}

/** The caller left a message (the `<Record>` action): linked to the call, which joins the callback queue. */
export async function markVoicemail(db: DbOrTx, call: CallRow, { at, recordingUrl }: { at: Date; recordingUrl: string }): Promise<CallRow | null> {
  return updateCallIf(db, call.id, inArray(calls.status, ['ringing', 'missed']), { status: 'voicemail', recordingUrl, callbackStatus: 'open', endedAt: call.endedAt ?? at, updatedAt: at });
}

/** After a call the agent is available again, unless they changed their status meanwhile. */
export async function freeAgent(db: DbOrTx, events: EventBus, agentId: string | null, at: Date): Promise<void> {
  if (agentId && (await movePresence(db, agentId, 'on_call', 'available', at))) events.emit('agent.presence', { userId: agentId, status: 'available' });
}
