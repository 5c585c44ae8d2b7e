// The in-process domain event bus (DESIGN.md step 6): use cases emit after their transaction commits;
// the real-time layer forwards them to socket.io rooms, tests record them.
import type { AgentPresenceEvent, CallIncomingEvent, CallUpdatedEvent } from '../../shared/api/socket-events';

export type PetitionRef = { petitionId: string; registrationNumber: string; departmentId: string | null; assigneeId: string | null };

export type DomainEvents = {
  'petition.registered': { petitionId: string; registrationNumber: string };
  /** Any change of status, handler, assignee or due dates of a petition. */
  'petition.changed': PetitionRef & { status: string; change: string };
  /** A clock warning or breach fired by the sweeper. */
  'petition.clock': PetitionRef & { clock: 'legal' | 'internal' | 'forward'; stage: 'at_risk' | 'breached' };
  /** An in-app notice for one staff user. */
  'staff.notice': { userId: string; petitionId: string | null; kind: string };
  'outbox.delivered': { id: string; channel: 'email' | 'sms' };
  /** The call center (issue 5): the screen pop, a call's progress, an agent's presence. */
  'call.incoming': CallIncomingEvent;
  'call.updated': CallUpdatedEvent;
  'agent.presence': AgentPresenceEvent;
};

type Listener<K extends keyof DomainEvents> = (payload: DomainEvents[K]) => void;

export type EventBus = {
  emit<K extends keyof DomainEvents>(name: K, payload: DomainEvents[K]): void;
  on<K extends keyof DomainEvents>(name: K, listener: Listener<K>): () => void;
};

export function createEventBus(): EventBus {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  return {
    emit(name, payload) {
      for (const l of listeners.get(name) ?? []) {
        try {
          l(payload);
        } catch (error) {
          console.error(`event listener for ${name} failed`, error);
        }
      }
    },
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      set.add(listener as (p: unknown) => void);
      listeners.set(name, set);
      return () => set.delete(listener as (p: unknown) => void);
    },
  };
}

/** For tests: every event, in order. */
export function createRecordingBus(): EventBus & { recorded: Array<{ name: string; payload: unknown }> } {
  const bus = createEventBus();
  const recorded: Array<{ name: string; payload: unknown }> = [];
  return {
    recorded,
    on: bus.on,
    emit(name, payload) {
      recorded.push({ name, payload });
      bus.emit(name, payload);
    },
  };
}
