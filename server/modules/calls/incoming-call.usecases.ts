// receiveIncomingCall: the one path of an incoming call, from Twilio's webhook or the console's
// simulation (issue 5 §1, §2, §6). It records the call, decides what the caller hears — the available
// agents' phones ring, or a callback is promised, or (outside office hours) a message can be left — and
// pops the call on the agents' consoles with what we know of the number.
import type { Db } from '../../../db/client';
import type { CallDto } from '../../../shared/api/calls';
import { describeOfficeHoursRo, officeOpenAt, type OpenState } from '../../../shared/domain/office-hours';
import { normalizePhone } from '../../../shared/domain/phone';
import type { Clock } from '../../lib/clock';
import type { EventBus } from '../../lib/events';
import type { SessionUser } from '../auth/auth.usecases';
import { loadLegalCalendar } from '../calendar/calendar.repository';
import { findCallerFacts } from './caller-lookup.usecases';
import { emitCallUpdated } from './call-lifecycle';
import * as repo from './calls.repository';
import { loadOfficeHours } from './office-hours.repository';
import { findAvailableAgents } from './presence.repository';

/** What the caller hears; the Twilio route renders it as TwiML. */
export type IncomingDecision =
  | { kind: 'dial'; numbers: string[]; agentIds: string[] }
  | { kind: 'no_agent' }
  | { kind: 'closed'; why: 'non_working_day' | 'outside_hours'; hours: string };

export type IncomingCallArgs = {
  db: Db;
  clock: Clock;
  events: EventBus;
  /** The caller's number as the network gives it ("anonymous" when withheld). */
  from: string;
  /** Twilio: its CallSid, and only agents with a phone in their profile can be rung. Simulation: null. */
  twilio: { callSid: string } | null;
  /** Who simulated the call (the console's demo control). */
  actor?: SessionUser | null;
  ignoreOfficeHours?: boolean;
};

export async function receiveIncomingCall(args: IncomingCallArgs): Promise<{ call: CallDto; decision: IncomingDecision; created: boolean }> {
  const { db, clock, events, twilio } = args;
  const now = clock.now();
  const phone = normalizePhone(args.from);
  const decision = await decide(db, now, { viaTwilio: twilio !== null, ignoreOfficeHours: args.ignoreOfficeHours ?? false });

  // No agent free: the greeting promises a callback, so the call is in the queue from the start.
  const promised = decision.kind === 'no_agent';
  const row = {
    direction: 'incoming' as const,
    phone,
    startedAt: now,
    status: 'ringing' as const,
    outcome: promised ? ('callback_promised' as const) : null,
    callbackStatus: promised ? ('open' as const) : ('none' as const),
    createdBy: args.actor?.id ?? null,
    createdAt: now,
    updatedAt: now,
  };
  // Twilio may post the same call twice: the CallSid is unique, the second post finds the first row.
  const inserted = twilio ? await repo.insertTwilioCall(db, { ...row, twilioCallSid: twilio.callSid }) : await repo.insertCall(db, row);
  const call = inserted ?? (await repo.findCallBySid(db, twilio!.callSid))!;
  if (inserted) {
    if (decision.kind === 'dial') await popOnConsoles({ db, events, call, readers: [...decision.agentIds, ...(args.actor ? [args.actor.id] : [])], at: now });
    emitCallUpdated(events, call, 'ringing');
  }
  return { call: (await repo.loadCallDto(db, call.id))!, decision, created: inserted !== null };
}

async function decide(db: Db, now: Date, { viaTwilio, ignoreOfficeHours }: { viaTwilio: boolean; ignoreOfficeHours: boolean }): Promise<IncomingDecision> {
  const schedule = await loadOfficeHours(db);
  const state: OpenState = ignoreOfficeHours ? { open: true } : officeOpenAt(now, schedule, await loadLegalCalendar(db));
  if (!state.open) return { kind: 'closed', why: state.why, hours: describeOfficeHoursRo(schedule) };
  // Twilio rings phones: an agent without a number in their profile cannot be rung.
  const agents = (await findAvailableAgents(db)).filter((a) => !viaTwilio || a.phone);
  if (agents.length === 0) return { kind: 'no_agent' };
  return { kind: 'dial', numbers: [...new Set(agents.flatMap((a) => (a.phone ? [a.phone] : [])))], agentIds: agents.map((a) => a.id) };
}

/**
 * The screen pop (§2): what we know of the number, to the `agents` room. The agents whose phones ring are
 * the ones who read it, so the read is logged once for each of them (DOMAIN.md GDPR), source caller_lookup.
 */
async function popOnConsoles({ db, events, call, readers, at }: { db: Db; events: EventBus; call: repo.CallRow; readers: string[]; at: Date }): Promise<void> {
  const facts = call.phone ? await findCallerFacts(db, call.phone) : { name: null, calls: [], petitions: [] };
  if (call.phone) {
    await repo.logPersonalDataReads(
      db,
      [...new Set(readers)].map((userId) => ({ userId, source: 'caller_lookup', subject: call.phone, at })),
    );
  }
  events.emit('call.incoming', {
    callId: call.id,
    phone: call.phone,
    name: facts.name,
    startedAt: call.startedAt.toISOString(),
    calls: facts.calls.filter((c) => c.id !== call.id).slice(0, 10),
    petitions: facts.petitions,
  });
}
