// Live updates over socket.io against a real HTTP server: the session cookie at the handshake, the Origin
// check, rooms by department and user, and — on PostgreSQL — an event crossing from one server instance
// to another through @socket.io/postgres-adapter.
import { serve } from '@hono/node-server';
import { eq } from 'drizzle-orm';
import { once } from 'node:events';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, type Database } from '../../db/client';
import { departments, users } from '../../db/schema';
import { demoEmail, DEMO_PASSWORD, seedDemoUsers } from '../../db/seed/demo-users';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { fixedClock } from '../../server/lib/clock';
import { createEventBus, type DomainEvents, type EventBus } from '../../server/lib/events';
import { silentLogger } from '../../server/lib/logger';
import { attachRealtime, type Realtime } from '../../server/realtime/realtime';
import type { ServerEventName, ServerToClientEvents } from '../../shared/api/socket-events';
import { createTestDatabase, onPostgres, requireOrSkip, type TestDatabase } from '../helpers/database';

// Generous: a busy CI machine can take seconds before two adapters hear each other over LISTEN/NOTIFY.
const WAIT_MS = 15_000;
type ClientSocket = Socket<ServerToClientEvents>;
type Instance = { url: string; events: EventBus; realtime: Realtime; server: HttpServer };

let tdb: TestDatabase;
const instances: Instance[] = [];
const sockets: ClientSocket[] = [];
const extraDatabases: Database[] = [];
let a: Instance;
const dept = new Map<string, string>();
const userIds = new Map<string, string>();

/** One server instance as main.ts builds it, on port 0, its PUBLIC_URL its own address. */
async function startInstance(database: Database): Promise<Instance> {
  const clock = fixedClock('2026-11-26T10:00:00Z');
  const events = createEventBus();
  let handler: ((request: Request) => Response | Promise<Response>) | null = null;
  const server = serve({ fetch: (request) => handler!(request), port: 0, hostname: '127.0.0.1' }) as HttpServer;
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = loadConfig({ PUBLIC_URL: url, ...(tdb.url ? { DATABASE_URL: tdb.url } : {}) });
  const deps = { database, db: database.db, clock, config, events, logger: silentLogger };
  handler = createApp(deps).fetch;
  const realtime = attachRealtime({ ...deps, httpServer: server });
  const instance = { url, events, realtime, server };
  instances.push(instance);
  return instance;
}

async function signIn(instance: Instance, local: string): Promise<string> {
  const res = await fetch(`${instance.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoEmail(local), password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('dp_session='));
  expect(cookie).toBeDefined();
  return cookie!.split(';')[0]!;
}

function socketTo(instance: Instance, headers: Record<string, string> = {}): ClientSocket {
  const socket: ClientSocket = connect(instance.url, { path: '/socket.io', transports: ['websocket'], extraHeaders: headers, reconnection: false, forceNew: true, timeout: WAIT_MS });
  sockets.push(socket);
  return socket;
}

function withTimeout<T>(what: string, executor: (resolve: (v: T) => void, reject: (e: Error) => void) => () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let cleanup = () => {};
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${WAIT_MS} ms waiting for ${what}`));
    }, WAIT_MS);
    const done = () => {
      clearTimeout(timer);
      cleanup();
    };
    cleanup = executor(
      (v) => {
        done();
        resolve(v);
      },
      (e) => {
        done();
        reject(e);
      },
    );
  });
}

function connected(socket: ClientSocket): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return withTimeout('connect', (resolve, reject) => {
    const onConnect = () => resolve();
    const onError = (error: Error) => reject(new Error(`connect_error: ${error.message}`));
    socket.once('connect', onConnect);
    socket.once('connect_error', onError);
    return () => {
      socket.off('connect', onConnect);
      socket.off('connect_error', onError);
    };
  });
}

function refused(socket: ClientSocket): Promise<Error> {
  return withTimeout('connect_error', (resolve, reject) => {
    const onConnect = () => reject(new Error('connected, but should have been refused'));
    const onError = (error: Error) => resolve(error);
    socket.once('connect', onConnect);
    socket.once('connect_error', onError);
    return () => {
      socket.off('connect', onConnect);
      socket.off('connect_error', onError);
    };
  });
}

/** Every event the socket receives, in order, and a bounded wait for one that matches. */
function record(socket: ClientSocket) {
  const received: Array<{ name: ServerEventName; payload: Record<string, unknown> }> = [];
  const waiters = new Set<() => void>();
  socket.onAny((name: ServerEventName, payload: Record<string, unknown>) => {
    received.push({ name, payload });
    for (const w of waiters) w();
  });
  const waitFor = (name: ServerEventName, match: (p: Record<string, unknown>) => boolean = () => true) =>
    withTimeout<Record<string, unknown>>(name, (resolve) => {
      const check = () => {
        const hit = received.find((e) => e.name === name && match(e.payload));
        if (hit) resolve(hit.payload);
      };
      waiters.add(check);
      check();
      return () => waiters.delete(check);
    });
  return { received, waitFor };
}

const changed = (over: Partial<DomainEvents['petition.changed']>): DomainEvents['petition.changed'] => ({
  petitionId: crypto.randomUUID(),
  registrationNumber: 'P-2026-000001',
  departmentId: null,
  assigneeId: null,
  status: 'assigned',
  change: 'assigned',
  ...over,
});

beforeAll(async () => {
  tdb = await createTestDatabase();
  await seedDemoUsers(tdb.database.db);
  for (const d of await tdb.database.db.select({ id: departments.id, code: departments.code }).from(departments)) dept.set(d.code, d.id);
  for (const u of await tdb.database.db.select({ id: users.id, email: users.email }).from(users)) userIds.set(u.email, u.id);
  a = await startInstance(tdb.database);
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  for (const i of instances) {
    i.server.closeAllConnections();
    await i.realtime.close();
  }
  for (const d of extraDatabases) await d.close();
  await tdb?.cleanup();
});

describe('live updates over socket.io', () => {
  test('an officer receives a change to a petition of their department, and not one of another department', async () => {
    const cookie = await signIn(a, 'dgspl.inspector');
    const socket = socketTo(a, { cookie });
    const events = record(socket);
    await connected(socket);

    const other = changed({ departmentId: dept.get('ADPDU')!, registrationNumber: 'P-2026-000010' });
    const ours = changed({ departmentId: dept.get('DGSPL')!, registrationNumber: 'P-2026-000011', assigneeId: userIds.get(demoEmail('dgspl.sef'))! });
    a.events.emit('petition.changed', other);
    a.events.emit('petition.changed', ours);

    const payload = await events.waitFor('petition.changed', (p) => p.petitionId === ours.petitionId);
    // Only what the client needs to refetch: no assignee, nothing personal.
    expect(payload).toEqual({ petitionId: ours.petitionId, registrationNumber: 'P-2026-000011', departmentId: dept.get('DGSPL'), status: 'assigned', change: 'assigned' });
    // Events on one connection arrive in order: the other department's, sent first, would be here by now.
    expect(events.received.map((e) => e.payload.petitionId)).toEqual([ours.petitionId]);
  });

  test('the assignee receives a change in their own room, whatever the department', async () => {
    const cookie = await signIn(a, 'adpdu.inspector');
    const socket = socketTo(a, { cookie });
    const events = record(socket);
    await connected(socket);
    const mine = changed({ departmentId: dept.get('DGSPL')!, assigneeId: userIds.get(demoEmail('adpdu.inspector'))! });
    a.events.emit('petition.changed', mine);
    await events.waitFor('petition.changed', (p) => p.petitionId === mine.petitionId);
  });

  test('a new petition reaches the registry and the delegate, and not an officer', async () => {
    const registry = socketTo(a, { cookie: await signIn(a, 'registratura') });
    const delegate = socketTo(a, { cookie: await signIn(a, 'delegat') });
    const officer = socketTo(a, { cookie: await signIn(a, 'dgspl.inspector') });
    const [r, d, o] = [record(registry), record(delegate), record(officer)];
    await Promise.all([connected(registry), connected(delegate), connected(officer)]);

    a.events.emit('petition.registered', { petitionId: crypto.randomUUID(), registrationNumber: 'P-2026-000020' });
    // Then a change of the officer's department, to know the officer's connection is past the first event.
    const marker = changed({ departmentId: dept.get('DGSPL')! });
    a.events.emit('petition.changed', marker);

    expect(await r.waitFor('petition.registered')).toMatchObject({ registrationNumber: 'P-2026-000020' });
    expect(await d.waitFor('petition.registered')).toMatchObject({ registrationNumber: 'P-2026-000020' });
    await o.waitFor('petition.changed', (p) => p.petitionId === marker.petitionId);
    expect(o.received.map((e) => e.name)).toEqual(['petition.changed']);
  });

  test('a staff notice reaches only its user', async () => {
    const head = socketTo(a, { cookie: await signIn(a, 'dgspl.sef') });
    const officer = socketTo(a, { cookie: await signIn(a, 'dgspl.inspector') });
    const [h, o] = [record(head), record(officer)];
    await Promise.all([connected(head), connected(officer)]);

    a.events.emit('staff.notice', { userId: userIds.get(demoEmail('dgspl.sef'))!, petitionId: null, kind: 'assigned' });
    const marker = changed({ departmentId: dept.get('DGSPL')! });
    a.events.emit('petition.changed', marker);

    expect(await h.waitFor('staff.notice')).toEqual({ petitionId: null, kind: 'assigned' });
    await o.waitFor('petition.changed', (p) => p.petitionId === marker.petitionId);
    expect(o.received.map((e) => e.name)).toEqual(['petition.changed']);
  });

  test('a clock breach reaches the department and oversight, not the registry', async () => {
    const officer = socketTo(a, { cookie: await signIn(a, 'dgspl.inspector') });
    const admin = socketTo(a, { cookie: await signIn(a, 'admin') });
    const registry = socketTo(a, { cookie: await signIn(a, 'registratura') });
    const [o, ad, r] = [record(officer), record(admin), record(registry)];
    await Promise.all([connected(officer), connected(admin), connected(registry)]);

    const clock = { ...changed({ departmentId: dept.get('DGSPL')! }), clock: 'legal', stage: 'breached' } as const;
    const { status: _s, change: _c, ...clockEvent } = clock;
    a.events.emit('petition.clock', clockEvent);
    a.events.emit('petition.registered', { petitionId: crypto.randomUUID(), registrationNumber: 'P-2026-000030' });

    expect(await o.waitFor('petition.clock')).toMatchObject({ petitionId: clock.petitionId, clock: 'legal', stage: 'breached' });
    await ad.waitFor('petition.clock');
    await r.waitFor('petition.registered');
    expect(r.received.map((e) => e.name)).toEqual(['petition.registered']);
  });

  test('without a session cookie the connection is refused', async () => {
    const error = await refused(socketTo(a));
    expect(error.message).toBe('unauthorized');
  });

  test('with an unknown session token the connection is refused', async () => {
    const error = await refused(socketTo(a, { cookie: 'dp_session=not-a-real-token' }));
    expect(error.message).toBe('unauthorized');
  });

  test('a handshake from another origin is refused, even with a valid session', async () => {
    const cookie = await signIn(a, 'dgspl.inspector');
    await refused(socketTo(a, { cookie, origin: 'https://evil.example' }));
    // The same cookie from our own origin connects.
    const ok = socketTo(a, { cookie, origin: a.url });
    await connected(ok);
  });

  test('after sign-out the next session check disconnects the socket', async () => {
    const cookie = await signIn(a, 'dgspl.inspector');
    const socket = socketTo(a, { cookie });
    await connected(socket);
    const res = await fetch(`${a.url}/api/auth/logout`, { method: 'POST', headers: { cookie } });
    expect(res.status).toBe(204);
    const disconnected = withTimeout<string>('disconnect', (resolve) => {
      socket.once('disconnect', resolve);
      return () => socket.off('disconnect', resolve);
    });
    await a.realtime.recheckSessions();
    expect(await disconnected).toBe('io server disconnect');
  });

  test('a user moved to another department moves to its room at the next session check', async () => {
    const email = demoEmail('dgpl.inspector');
    const cookie = await signIn(a, 'dgpl.inspector');
    const socket = socketTo(a, { cookie });
    const events = record(socket);
    await connected(socket);
    try {
      await tdb.database.db.update(users).set({ departmentId: dept.get('DGSPL')! }).where(eq(users.email, email));
      await a.realtime.recheckSessions();
      const old = changed({ departmentId: dept.get('DGPL')! });
      const now = changed({ departmentId: dept.get('DGSPL')! });
      a.events.emit('petition.changed', old);
      a.events.emit('petition.changed', now);
      await events.waitFor('petition.changed', (p) => p.petitionId === now.petitionId);
      expect(events.received.map((e) => e.payload.petitionId)).toEqual([now.petitionId]);
    } finally {
      await tdb.database.db.update(users).set({ departmentId: dept.get('DGPL')! }).where(eq(users.email, email));
    }
  });
});

describe('several server instances (PostgreSQL only)', () => {
  test('a client connected to instance B receives an event emitted on instance A', async () => {
    if (!requireOrSkip(onPostgres(), 'two instances share events through PostgreSQL LISTEN/NOTIFY; set TEST_DATABASE_URL')) return;
    const databaseB = await openDatabase({ url: tdb.url!, poolSize: 2 });
    extraDatabases.push(databaseB);
    const b = await startInstance(databaseB);

    // Each adapter counts the other by its heartbeat once both LISTEN: then a broadcast crosses.
    await withTimeout('the two adapters to see each other', (resolve) => {
      let stop = false;
      void (async () => {
        while (!stop) {
          const [na, nb] = await Promise.all([a.realtime.io.of('/').adapter.serverCount(), b.realtime.io.of('/').adapter.serverCount()]);
          if (na >= 2 && nb >= 2) return resolve(undefined);
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
      return () => {
        stop = true;
      };
    });

    const socket = socketTo(b, { cookie: await signIn(b, 'dgspl.inspector') });
    const events = record(socket);
    await connected(socket);

    const other = changed({ departmentId: dept.get('ADPDU')! });
    const ours = changed({ departmentId: dept.get('DGSPL')! });
    a.events.emit('petition.changed', other);
    a.events.emit('petition.changed', ours);
    expect(await events.waitFor('petition.changed', (p) => p.petitionId === ours.petitionId)).toMatchObject({ departmentId: dept.get('DGSPL') });
    expect(events.received.map((e) => e.payload.petitionId)).toEqual([ours.petitionId]);

    // And the other way round, to a client on A.
    const onA = socketTo(a, { cookie: await signIn(a, 'registratura') });
    const atA = record(onA);
    await connected(onA);
    b.events.emit('petition.registered', { petitionId: crypto.randomUUID(), registrationNumber: 'P-2026-000099' });
    expect(await atA.waitFor('petition.registered')).toMatchObject({ registrationNumber: 'P-2026-000099' });
  });
});
