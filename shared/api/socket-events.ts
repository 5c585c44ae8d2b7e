// Live updates (issue 3 §7): what the server pushes to signed-in staff over socket.io, and the rooms it
// pushes to. A push only says *that* something changed, never personal data (no petitioner, no text):
// the client refetches through the API, which checks access as always. One exception: `call.incoming`,
// the call center's screen pop (see its type).
import type { CallerCall, CallerPetition } from './calls';
import type { CallbackStatus, CallStatus, PresenceStatus } from '../domain/calls';

/** The socket.io path, on the same origin as the API. */
export const SOCKET_PATH = '/socket.io';

/** Room names. Every socket joins `user:<its id>` and, by its user's role and department, the others. */
export const rooms = {
  user: (userId: string) => `user:${userId}` as const,
  department: (departmentId: string) => `department:${departmentId}` as const,
  /** role registry */
  registry: 'registry',
  /** roles agent and supervisor (the call center) */
  agents: 'agents',
  /** roles delegate and admin */
  oversight: 'oversight',
} as const;

/** A new petition was registered (any channel). To: registry, oversight. */
export type PetitionRegisteredEvent = { petitionId: string; registrationNumber: string };

/** A petition's status, handler, assignee or due dates changed. To: its department, its assignee, registry, oversight. */
export type PetitionChangedEvent = {
  petitionId: string;
  registrationNumber: string;
  departmentId: string | null;
  status: string;
  /** What kind of change (e.g. `assigned`, `status`), as the use case names it. */
  change: string;
};

/** A clock of a petition is at risk or breached. To: its department, its assignee, oversight. */
export type PetitionClockEvent = {
  petitionId: string;
  registrationNumber: string;
  departmentId: string | null;
  clock: 'legal' | 'internal' | 'forward';
  stage: 'at_risk' | 'breached';
};

/** A new in-app notice for the receiving user (only ever sent to `user:<id>`). */
export type StaffNoticeEvent = { petitionId: string | null; kind: string };

/**
 * The screen pop (issue 5 §2): a call is ringing the agents' phones. To: agents. The one event that carries
 * personal data — what we know of the number, for the call-center agents who may answer it (DOMAIN.md GDPR:
 * "the call-center agents for the caller on the line"); the lookup behind it is logged in personal_data_reads.
 */
export type CallIncomingEvent = {
  callId: string;
  /** E.164, or null for a withheld number. */
  phone: string | null;
  name: string | null;
  startedAt: string;
  calls: CallerCall[];
  petitions: CallerPetition[];
};

/** A call changed: answered (by whom), ended, missed, a message left, logged or edited, callback done. To: agents. */
export type CallUpdatedEvent = {
  callId: string;
  status: CallStatus;
  agentId: string | null;
  callbackStatus: CallbackStatus;
  change: 'ringing' | 'answered' | 'ended' | 'missed' | 'voicemail' | 'logged' | 'updated' | 'callback_done';
};

/** An agent's presence changed (available, busy, away, on_call). To: agents. */
export type AgentPresenceEvent = { userId: string; status: PresenceStatus };

/** Server → client events, typed for socket.io's `Server<…, ServerToClientEvents>` and `Socket<ServerToClientEvents>`. */
export interface ServerToClientEvents {
  'petition.registered': (payload: PetitionRegisteredEvent) => void;
  'petition.changed': (payload: PetitionChangedEvent) => void;
  'petition.clock': (payload: PetitionClockEvent) => void;
  'staff.notice': (payload: StaffNoticeEvent) => void;
  'call.incoming': (payload: CallIncomingEvent) => void;
  'call.updated': (payload: CallUpdatedEvent) => void;
  'agent.presence': (payload: AgentPresenceEvent) => void;
}

/** The client sends nothing: rooms follow from the session, not from what the client asks for. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ClientToServerEvents {}

export type ServerEventName = keyof ServerToClientEvents;

// A record, so that adding an event to ServerToClientEvents without listing it here does not compile.
const serverEvents: Record<ServerEventName, true> = {
  'petition.registered': true,
  'petition.changed': true,
  'petition.clock': true,
  'staff.notice': true,
  'call.incoming': true,
  'call.updated': true,
  'agent.presence': true,
};
export const SERVER_EVENT_NAMES = Object.keys(serverEvents) as ServerEventName[];

/** Why the server refuses a connection (`connect_error`'s message). */
export const SOCKET_UNAUTHORIZED = 'unauthorized';
