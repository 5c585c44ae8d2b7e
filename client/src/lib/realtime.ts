// Live updates for the staff UI (issue 3 §7): a socket.io connection to our own origin, authenticated by
// the session cookie; each server event invalidates the TanStack Query keys it affects, so what is on
// screen refetches through the API (which checks access). Call `useLiveUpdates(queryClient)` once, in the
// staff layout (only signed-in staff may connect; the server refuses anyone else).
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import {
  SERVER_EVENT_NAMES,
  SOCKET_PATH,
  SOCKET_UNAUTHORIZED,
  type ClientToServerEvents,
  type ServerEventName,
  type ServerToClientEvents,
} from '../../../shared/api/socket-events';

/**
 * Which queries each server event makes stale. Prefixes: `['petitions']` covers every list and detail
 * whose key starts with 'petitions', `['notices']` the in-app notices.
 */
export const LIVE_UPDATE_KEYS: Record<ServerEventName, readonly QueryKey[]> = {
  'petition.registered': [['petitions']],
  'petition.changed': [['petitions']],
  'petition.clock': [['petitions']],
  'staff.notice': [['notices']],
  // The call center (issue 5): the console also reacts to call.incoming itself (the screen pop).
  'call.incoming': [['calls']],
  // The dashboard (issue 6 §2) shows the call figures too.
  'call.updated': [['calls'], ['agents'], ['petitions', 'dashboard']],
  'agent.presence': [['agents']],
};

/** Every key any event may invalidate: refetched after a reconnection, when events may have been missed. */
const ALL_KEYS: readonly QueryKey[] = uniqueKeys(Object.values(LIVE_UPDATE_KEYS).flat());

/**
 * - `connecting`: not connected yet, or reconnecting after a network failure (socket.io retries);
 * - `live`: connected, events arrive;
 * - `refused`: the server refused the connection or ended it (no session, signed out): no retry.
 */
export type LiveUpdatesStatus = 'connecting' | 'live' | 'refused';

export type LiveUpdatesOptions = {
  /** Events within this many ms cause one invalidation per key (a burst from the SLA sweeper, say). */
  batchMs?: number;
  /** Another origin than the page's: tests only. */
  url?: string;
  onStatus?: (status: LiveUpdatesStatus) => void;
};

/** Connects and invalidates on every event; returns the function that disconnects. Not a hook: see useLiveUpdates. */
export function connectLiveUpdates(queryClient: QueryClient, { batchMs = 200, url, onStatus }: LiveUpdatesOptions = {}): () => void {
  const options = {
    path: SOCKET_PATH,
    withCredentials: true,
    // WebSocket only: long-polling would need sticky sessions in front of several server instances.
    transports: ['websocket'],
  };
  onStatus?.('connecting');
  dispatchStatus('connecting');
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = url ? io(url, options) : io(options);

  const pending = new Map<string, QueryKey>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    const keys = [...pending.values()];
    pending.clear();
    for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
  };
  const invalidate = (keys: readonly QueryKey[]) => {
    for (const key of keys) pending.set(JSON.stringify(key), key);
    timer ??= setTimeout(flush, batchMs);
  };

  for (const name of SERVER_EVENT_NAMES) {
    // Every event has one payload argument; the keys do not depend on it. Subscribers (useSocketEvent) get it.
    socket.on(name, (payload: unknown) => {
      invalidate(LIVE_UPDATE_KEYS[name]);
      dispatch(name, payload);
    });
  }

  let connectedBefore = false;
  socket.on('connect', () => {
    if (connectedBefore) invalidate(ALL_KEYS);
    connectedBefore = true;
    onStatus?.('live');
    dispatchStatus('live');
  });
  socket.on('disconnect', (reason) => {
    // 'io server disconnect': the server ended it (the session is over); socket.io does not reconnect.
    const status = reason === 'io server disconnect' ? 'refused' : 'connecting';
    onStatus?.(status);
    dispatchStatus(status);
  });
  socket.on('connect_error', (error) => {
    // Refused by the server (no or an expired session): socket.io does not retry, and neither do we.
    const status = !socket.active || error.message === SOCKET_UNAUTHORIZED ? 'refused' : 'connecting';
    onStatus?.(status);
    dispatchStatus(status);
  });

  return () => {
    if (timer) clearTimeout(timer);
    pending.clear();
    socket.removeAllListeners();
    socket.disconnect();
  };
}

/**
 * Live updates while the calling component is mounted; call it once, in the staff layout:
 * `const status = useLiveUpdates(useQueryClient());`. Pass `{ enabled: false }` while signed out.
 */
export function useLiveUpdates(queryClient: QueryClient, { enabled = true, batchMs }: { enabled?: boolean; batchMs?: number } = {}): LiveUpdatesStatus {
  const [status, setStatus] = useState<LiveUpdatesStatus>('connecting');
  useEffect(() => {
    if (!enabled) return;
    return connectLiveUpdates(queryClient, { batchMs, onStatus: setStatus });
  }, [queryClient, enabled, batchMs]);
  return enabled ? status : 'refused';
}

function uniqueKeys(keys: readonly QueryKey[]): QueryKey[] {
  return [...new Map(keys.map((k) => [JSON.stringify(k), k])).values()];
}

// ---------------------------------------------------------------------------------------------------------
// Subscriptions: a page that reacts to an event itself (the call center's screen pop) listens on the one
// socket of useLiveUpdates instead of opening its own. Events arrive only while that socket is connected.

/** The payload of a server event. */
export type ServerEventPayload<E extends ServerEventName> = Parameters<ServerToClientEvents[E]>[0];

const subscribers = new Map<ServerEventName, Set<(payload: unknown) => void>>();
const statusSubscribers = new Set<(status: LiveUpdatesStatus) => void>();
let lastStatus: LiveUpdatesStatus = 'connecting';

function dispatch(name: ServerEventName, payload: unknown): void {
  for (const handler of subscribers.get(name) ?? []) handler(payload);
}

function dispatchStatus(status: LiveUpdatesStatus): void {
  lastStatus = status;
  for (const handler of statusSubscribers) handler(status);
}

/** Calls `handler` with each `name` event's payload; returns the function that unsubscribes. */
export function subscribeSocketEvent<E extends ServerEventName>(name: E, handler: (payload: ServerEventPayload<E>) => void): () => void {
  const set = subscribers.get(name) ?? new Set();
  subscribers.set(name, set);
  const listener = (payload: unknown) => handler(payload as ServerEventPayload<E>);
  set.add(listener);
  return () => {
    set.delete(listener);
  };
}

/**
 * `handler` runs for each `name` event while the calling component is mounted (the latest handler: no need
 * to memoise it). The staff layout's useLiveUpdates must be mounted: it owns the socket.
 */
export function useSocketEvent<E extends ServerEventName>(name: E, handler: (payload: ServerEventPayload<E>) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => subscribeSocketEvent(name, (payload) => latest.current(payload)), [name]);
}

/** The shared socket's status, for a page that must say when its live data may be stale. */
export function useSocketStatus(): LiveUpdatesStatus {
  const [status, setStatus] = useState<LiveUpdatesStatus>(lastStatus);
  useEffect(() => {
    setStatus(lastStatus);
    statusSubscribers.add(setStatus);
    return () => {
      statusSubscribers.delete(setStatus);
    };
  }, []);
  return status;
}
