// What Twilio tells us about a call after the first webhook (POST /twilio/voice/status): which agent's phone
// answered, how the <Dial> ended, the message left with <Record>, the call's end. Each report is applied at
// most once (conditional updates) and in any order; a report for an unknown CallSid changes nothing.
import { isNull } from 'drizzle-orm';
import { calls } from '../../../db/schema';
import { normalizePhone } from '../../../shared/domain/phone';
import type { CallDeps } from './calls.usecases';
import { emitCallUpdated, freeAgent, markAnswered, markEnded, markMissed, markVoicemail } from './call-lifecycle';
import * as repo from './calls.repository';
import { findAgentByPhone } from './presence.repository';

/** The agent leg (`<Number statusCallback>`) answered: the agent whose phone it is takes the call. */
export async function recordAgentAnswered({ db, clock, events, parentCallSid, agentPhone }: CallDeps & { parentCallSid: string; agentPhone: string }): Promise<void> {
  const call = await repo.findCallBySid(db, parentCallSid);
  if (!call) return;
  const phone = normalizePhone(agentPhone);
  const agent = phone ? await findAgentByPhone(db, phone) : null;
  const at = clock.now();
  const answered = await db.transaction((tx) => markAnswered(tx, { callId: call.id, agentId: agent?.id ?? null, at }));
  if (!answered) {
    // Reports arrive in any order: the <Dial> may have ended the call before this one named its agent.
    if (agent && call.agentId === null && call.answeredAt !== null) {
      const named = await repo.updateCallIf(db, call.id, isNull(calls.agentId), { agentId: agent.id, updatedAt: at });
      if (named) emitCallUpdated(events, named, 'updated');
    }
    return;
  }
  emitCallUpdated(events, answered, 'answered');
  if (agent) events.emit('agent.presence', { userId: agent.id, status: 'on_call' });
}

/** The `<Dial>` is over. Answered → the call is done; nobody answered → missed, the caller may leave a message. */
export async function recordDialResult({ db, clock, events, callSid, dialStatus, dialDurationS }: CallDeps & { callSid: string; dialStatus: string; dialDurationS: number | null }): Promise<{ known: boolean; answered: boolean }> {
  const call = await repo.findCallBySid(db, callSid);
  if (!call) return { known: false, answered: false };
  const at = clock.now();
  const answered = dialStatus === 'completed' || dialStatus === 'answered';
  if (answered) {
    // The agent leg's "answered" report may be lost or late: the call was answered all the same.
    const current = call.status === 'ringing' ? ((await markAnswered(db, { callId: call.id, agentId: null, at: new Date(at.getTime() - (dialDurationS ?? 0) * 1000) })) ?? call) : call;
    const ended = await markEnded(db, current, { at });
    if (ended) {
      emitCallUpdated(events, ended, 'ended');
      await freeAgent(db, events, ended.agentId, at);
    }
    return { known: true, answered: true };
  }
  const missed = await markMissed(db, call, at);
  if (missed) emitCallUpdated(events, missed, 'missed');
  return { known: true, answered: false };
}

/** The `<Record>` action: the message is linked to the call, which waits in the callback queue. */
export async function recordVoicemail({ db, clock, events, callSid, recordingUrl }: CallDeps & { callSid: string; recordingUrl: string }): Promise<boolean> {
  const call = await repo.findCallBySid(db, callSid);
  if (!call) return false;
  const left = await markVoicemail(db, call, { at: clock.now(), recordingUrl });
  if (left) emitCallUpdated(events, left, 'voicemail');
  return true;
}

/** Twilio's call status callback: the call is over (completed, busy, no-answer, failed, canceled). */
export async function recordCallEnded({ db, clock, events, callSid, callStatus, durationS }: CallDeps & { callSid: string; callStatus: string; durationS: number | null }): Promise<void> {
  if (!['completed', 'busy', 'no-answer', 'failed', 'canceled'].includes(callStatus)) return;
  const call = await repo.findCallBySid(db, callSid);
  if (!call) return;
  const at = clock.now();
  const ended = await markEnded(db, call, { at, durationS });
  if (!ended) return;
  emitCallUpdated(events, ended, ended.status === 'missed' && call.status === 'ringing' ? 'missed' : 'ended');
  await freeAgent(db, events, ended.agentId, at);
}
