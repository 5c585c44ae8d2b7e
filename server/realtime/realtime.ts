// Live updates (DESIGN.md step 6, issue 3 §7): domain events from the bus → socket.io rooms → the staff
// client invalidates its queries. Only signed-in staff connect (the session cookie, checked at the
// handshake); rooms follow from the session, never from what the client asks for. With PostgreSQL,
// @socket.io/postgres-adapter (LISTEN/NOTIFY + the socket_io_attachments table of migration 0004) carries
// every broadcast to the other server instances; with PGlite there is one instance, the in-memory adapter.
import type { ServerType } from '@hono/node-server';
import { createAdapter } from '@socket.io/postgres-adapter';
import { parse as parseCookies } from 'hono/utils/cookie';
import type { IncomingMessage } from 'node:http';
import pg from 'pg';
import { Server, type Socket } from 'socket.io';
import type { Database, Db } from '../../db/client';
import {
  rooms,
  SOCKET_PATH,
  SOCKET_UNAUTHORIZED,
  type ClientToServerEvents,
  type ServerEventName,
  type ServerToClientEvents,
} from '../../shared/api/socket-events';
import type { Config } from '../config';
import type { Clock } from '../lib/clock';
import type { DomainEvents, EventBus } from '../lib/events';
import type { Logger } from '../lib/logger';
import { SESSION_COOKIE } from '../modules/auth/auth.middleware';
import { findSessionUser } from '../modules/auth/auth.repository';
import { hashSessionToken, resolveSession, type SessionUser } from '../modules/auth/auth.usecases';

type SocketUser = Pick<SessionUser, 'id' | 'role' | 'departmentId'>;
type SocketData = { user: SocketUser; tokenHash: string };
type InterServerEvents = Record<string, never>;

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export type RealtimeDeps = {
  httpServer: ServerType;
  db: Db;
  clock: Clock;
  events: EventBus;
  config: Config;
  logger: Logger;
  database: Pick<Database, 'driver'>;
  /** How often open sockets are checked against their session (logout, expiry, role change). */
  sessionRecheckMs?: number;
};

export type Realtime = {
  io: RealtimeServer;
  /**
   * Checks every open socket against its session now: a socket whose session ended (logout, expiry, a
   * deactivated user, a changed password) is disconnected; one whose user changed role or department
   * moves to its new rooms. Runs every `sessionRecheckMs` on its own.
   */
  recheckSessions(): Promise<void>;
  /** Disconnects every socket, stops forwarding, closes the adapter's pool and the HTTP server. */
  close(): Promise<void>;
};

/** The rooms a user's sockets are in, besides socket.io's own per-socket room. */
export function roomsFor(user: SocketUser): string[] {
  const list: string[] = [rooms.user(user.id)];
  if (user.departmentId) list.push(rooms.department(user.departmentId));
  if (user.role === 'registry') list.push(rooms.registry);
  if (user.role === 'agent' || user.role === 'supervisor') list.push(rooms.agents);
  if (user.role === 'delegate' || user.role === 'admin') list.push(rooms.oversight);
  return list;
}

export function attachRealtime({ httpServer, db, clock, events, config, logger, database, sessionRecheckMs = 60_000 }: RealtimeDeps): Realtime {
  const ourOrigin = new URL(config.publicUrl).origin;
  let pool: pg.Pool | null = null;

  const io: RealtimeServer = new Server(httpServer, {
    path: SOCKET_PATH,
    serveClient: false,
    // WebSocket only: HTTP long-polling would need sticky sessions in front of several instances.
    transports: ['websocket'],
    // No CORS headers: the client is served from our own origin. A WebSocket is not bound by CORS, so a
    // browser on another site could open one with the user's cookie: its Origin is checked here.
    allowRequest: (req: IncomingMessage, callback) => {
      const origin = req.headers.origin;
      if (origin === undefined || origin === ourOrigin) return callback(null, true);
      logger.warn('realtime: connection from another origin refused', { origin: origin.slice(0, 200) });
      callback('origin not allowed', false);
    },
  });

  if (database.driver === 'postgres') {
    if (!('url' in config.database)) throw new Error('attachRealtime: the postgres driver needs config.database.url (DATABASE_URL)');
    pool = new pg.Pool({
      connectionString: config.database.url,
      // One connection stays checked out for LISTEN; the others publish (NOTIFY) and clean up.
      max: 4,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      application_name: 'domnuleprimar-realtime',
    });
    // An idle client's error reaches the pool; the adapter's LISTEN client is checked out, where pg would
    // otherwise throw its error (a database restart) as an uncaught exception. The adapter reconnects.
    pool.on('error', (error) => logger.warn('realtime: database connection lost', { error: error.message }));
    pool.on('connect', (client) => client.on('error', (error) => logger.warn('realtime: database connection lost', { error: error.message })));
    io.adapter(createAdapter(pool, { errorHandler: (error) => logger.warn('realtime: adapter error', { error: error.message }) }));
  }

  // The handshake: a valid staff session in the cookie, or no connection.
  io.use((socket, next) => {
    const token = readSessionToken(socket.request.headers.cookie);
    if (!token) return next(new Error(SOCKET_UNAUTHORIZED));
    resolveSession({ db, clock, token }).then(
      (user) => {
        if (!user) return next(new Error(SOCKET_UNAUTHORIZED));
        socket.data.user = { id: user.id, role: user.role, departmentId: user.departmentId };
        socket.data.tokenHash = hashSessionToken(token);
        next();
      },
      (error: unknown) => {
        logger.error('realtime: session check failed', { error: error instanceof Error ? error.message : String(error) });
        next(new Error('unavailable'));
      },
    );
  });

  io.on('connection', (socket) => {
    void socket.join(roomsFor(socket.data.user));
  });

  // Domain events → rooms. Each instance forwards its own bus; the adapter carries it to the others.
  const send = <E extends ServerEventName>(to: Array<string | null>, event: E, payload: Parameters<ServerToClientEvents[E]>[0]) => {
    const list = to.filter((room): room is string => !!room);
    // io.to([]) would mean every socket: never broadcast without a room.
    if (list.length === 0) return;
    io.to(list).emit(event, ...([payload] as Parameters<ServerToClientEvents[E]>));
  };
  const departmentRoom = (id: string | null) => (id ? rooms.department(id) : null);
  const userRoom = (id: string | null) => (id ? rooms.user(id) : null);
  const forward = <K extends keyof DomainEvents>(name: K, handler: (payload: DomainEvents[K]) => void) =>
    events.on(name, (payload) => {
      try {
        handler(payload);
      } catch (error) {
        logger.error('realtime: could not forward an event', { event: name, error: error instanceof Error ? error.message : String(error) });
      }
    });
  // Payloads are copied field by field: nothing the bus carries reaches a browser unless listed here.
  const unsubscribe = [
    forward('petition.registered', (e) => {
      send([rooms.registry, rooms.oversight], 'petition.registered', { petitionId: e.petitionId, registrationNumber: e.registrationNumber });
    }),
    forward('petition.changed', (e) => {
      send([departmentRoom(e.departmentId), userRoom(e.assigneeId), rooms.registry, rooms.oversight], 'petition.changed', {
        petitionId: e.petitionId,
        registrationNumber: e.registrationNumber,
        departmentId: e.departmentId,
        status: e.status,
        change: e.change,
      });
    }),
    forward('petition.clock', (e) => {
      send([departmentRoom(e.departmentId), userRoom(e.assigneeId), rooms.oversight], 'petition.clock', {
        petitionId: e.petitionId,
        registrationNumber: e.registrationNumber,
        departmentId: e.departmentId,
        clock: e.clock,
        stage: e.stage,
      });
    }),
    forward('staff.notice', (e) => {
      send([rooms.user(e.userId)], 'staff.notice', { petitionId: e.petitionId, kind: e.kind });
    }),
    // The call center (issue 5): the screen pop and the calls' progress reach the agents and the supervisor.
    forward('call.incoming', (e) => {
      send([rooms.agents], 'call.incoming', {
        callId: e.callId,
        phone: e.phone,
        name: e.name,
        startedAt: e.startedAt,
        calls: e.calls.map((c) => ({ id: c.id, direction: c.direction, status: c.status, startedAt: c.startedAt, outcome: c.outcome, reason: c.reason, agentName: c.agentName })),
        petitions: e.petitions.map((p) => ({ id: p.id, registrationNumber: p.registrationNumber, status: p.status, statusLabel: p.statusLabel, dueOn: p.dueOn })),
      });
    }),
    forward('call.updated', (e) => {
      send([rooms.agents], 'call.updated', { callId: e.callId, status: e.status, agentId: e.agentId, callbackStatus: e.callbackStatus, change: e.change });
    }),
    forward('agent.presence', (e) => {
      send([rooms.agents], 'agent.presence', { userId: e.userId, status: e.status });
    }),
  ];

  let rechecking: Promise<void> | null = null;
  const recheckSessions = () => {
    // One pass at a time; a caller during a pass waits for that pass.
    rechecking ??= recheck(io, db, clock).finally(() => {
      rechecking = null;
    });
    return rechecking;
  };
  const timer = setInterval(() => {
    recheckSessions().catch((error: unknown) => logger.warn('realtime: session recheck failed', { error: error instanceof Error ? error.message : String(error) }));
  }, sessionRecheckMs);
  timer.unref();

  let closed: Promise<void> | null = null;
  return {
    io,
    recheckSessions,
    close() {
      closed ??= (async () => {
        clearInterval(timer);
        for (const off of unsubscribe) off();
        // Disconnects the sockets, closes the adapter (its LISTEN client) and the HTTP server.
        await io.close();
        if (pool) await withTimeout(pool.end(), 5_000).catch((error: unknown) => logger.warn('realtime: pool did not close', { error: String(error) }));
      })();
      return closed;
    },
  };
}

function readSessionToken(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  const token = parseCookies(cookieHeader, SESSION_COOKIE)[SESSION_COOKIE];
  // Same bound as the HTTP session middleware: a session token is 43 characters.
  return token && token.length < 100 ? token : null;
}

/** Without touching the sessions: an open tab must not keep a session alive. */
async function recheck(io: RealtimeServer, db: Db, clock: Clock): Promise<void> {
  const byToken = new Map<string, RealtimeSocket[]>();
  for (const socket of io.of('/').sockets.values()) {
    const list = byToken.get(socket.data.tokenHash) ?? [];
    list.push(socket);
    byToken.set(socket.data.tokenHash, list);
  }
  for (const [tokenHash, sockets] of byToken) {
    const found = await findSessionUser(db, tokenHash, clock.now());
    for (const socket of sockets) {
      if (!socket.connected) continue;
      if (!found) {
        socket.disconnect(true);
        continue;
      }
      socket.data.user = { id: found.id, role: found.role, departmentId: found.departmentId };
      const wanted = new Set(roomsFor(socket.data.user));
      for (const room of socket.rooms) if (room !== socket.id && !wanted.has(room)) void socket.leave(room);
      void socket.join([...wanted].filter((room) => !socket.rooms.has(room)));
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not finish within ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
