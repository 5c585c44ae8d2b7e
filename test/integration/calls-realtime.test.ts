// Issue 5 §2: the screen pop reaches the consoles over socket.io, against a real HTTP server — from the
// demo's simulated call and from a signed Twilio webhook — to the `agents` room only, with what we know of
// the number; the call's progress follows as call.updated, presence as agent.presence.
import { serve } from '@hono/node-server';
import { once } from 'node:events';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoEmail, DEMO_PASSWORD, seedDemoUsers } from '../../db/seed/demo-users';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { fixedClock } from '../../server/lib/clock';
import { createEventBus } from '../../server/lib/events';
import { silentLogger } from '../../server/lib/logger';
import { attachRealtime, type Realtime } from '../../server/realtime/realtime';
import type { ServerEventName, ServerToClientEvents } from '../../shared/api/socket-events';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

const WAIT_MS = 5_000;
const AUTH_TOKEN = 'realtime-calls-token-0123456789ab';
type ClientSocket = Socket<ServerToClientEvents>;
type Instance = { url: string; realtime: Realtime; server: HttpServer };

let tdb: TestDatabase;
const instances: Instance[] = [];
const sockets: ClientSocket[] = [];

async function startInstance(env: Record<string, string> = {}): Promise<Instance> {
  let handler: ((request: Request) => Response | Promise<Response>) | null = null;
  const server = serve({ fetch: (request) => handler!(request), port: 0, hostname: '127.0.0.1' }) as HttpServer;
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = loadConfig({ PUBLIC_URL: url, ...(tdb.url ? { DATABASE_URL: tdb.url } : {}), ...env });
  const deps = { database: tdb.database, db: tdb.database.db, clock: fixedClock('2026-11-26T10:00:00Z'), config, events: createEventBus(), logger: silentLogger };
  handler = createApp(deps).fetch;
  const instance = { url, realtime: attachRealtime({ ...deps, httpServer: server }), server };
  instances.push(instance);
  return instance;
}

async function signIn(instance: Instance, local: string): Promise<string> {
  const res = await fetch(`${instance.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: demoEmail(local), password: DEMO_PASSWORD }) });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie().find((c) => c.startsWith('dp_session='))!.split(';')[0]!;
}

function api(instance: Instance, cookie: string, method: string, path: string, body?: unknown) {
  return fetch(`${instance.url}${path}`, { method, headers: { cookie, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

/** A connected socket and everything it receives, with a bounded wait for one event. */
async function listen(instance: Instance, cookie: string) {
  const socket: ClientSocket = connect(instance.url, { path: '/socket.io', transports: ['websocket'], extraHeaders: { cookie }, reconnection: false, forceNew: true, timeout: WAIT_MS });
  sockets.push(socket);
  const received: Array<{ name: ServerEventName; payload: Record<string, unknown> }> = [];
  const waiters = new Set<() => void>();
  socket.onAny((name: ServerEventName, payload: Record<string, unknown>) => {
    received.push({ name, payload });
    for (const w of waiters) w();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (e) => reject(e));
  });
  const waitFor = (name: ServerEventName, match: (p: Record<string, unknown>) => boolean = () => true) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`timed out waiting for ${name}`));
      }, WAIT_MS);
      function check() {
        const hit = received.find((e) => e.name === name && match(e.payload));
        if (!hit) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve(hit.payload);
      }
      waiters.add(check);
      check();
    });
  return { received, waitFor };
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  await seedDemoUsers(tdb.database.db);
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  for (const i of instances) {
    i.server.closeAllConnections();
    await i.realtime.close();
  }
  await tdb?.cleanup();
});

describe('the screen pop over socket.io', () => {
  test('a simulated call pops on the agents’ and the supervisor’s consoles with the caller’s petitions; an officer gets nothing', async () => {
    const a = await startInstance();
    // The caller has a petition already (registered on the web form).
    const petition = await (await fetch(`${a.url}/api/petitions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'sesizare', categoryCode: 'salubrizare', subject: 'Gunoi neridicat', body: 'Gunoiul nu a fost ridicat de o săptămână din fața blocului.', consent: true,
        petitioner: { kind: 'person', firstName: 'Maria', lastName: 'Enache', email: null, phone: '+40 745 111 222', address: null },
      }),
    })).json();
    const [agentCookie, supervisorCookie, officerCookie] = [await signIn(a, 'agent'), await signIn(a, 'supervizor'), await signIn(a, 'dgspl.inspector')];
    const [agent, supervisor, officer] = [await listen(a, agentCookie), await listen(a, supervisorCookie), await listen(a, officerCookie)];
    expect((await api(a, agentCookie, 'PUT', '/api/agents/me/status', { status: 'available' })).status).toBe(200);

    const res = await api(a, agentCookie, 'POST', '/api/calls/simulate', { phone: '0745 111 222' });
    expect(res.status).toBe(201);
    const { call } = await res.json();
    const pop = await agent.waitFor('call.incoming', (p) => p.callId === call.id);
    expect(pop).toEqual({
      callId: call.id,
      phone: '+40745111222',
      name: 'Maria Enache',
      startedAt: '2026-11-26T10:00:00.000Z',
      calls: [],
      petitions: [{ id: expect.any(String), registrationNumber: petition.registrationNumber, status: 'registered', statusLabel: { ro: 'Înregistrată', en: 'Registered' }, dueOn: petition.dueOn }],
    });
    await supervisor.waitFor('call.incoming', (p) => p.callId === call.id);

    // The agent takes it: the call and the presence change reach the call center.
    expect((await api(a, agentCookie, 'POST', `/api/calls/${call.id}/answer`)).status).toBe(200);
    expect(await supervisor.waitFor('call.updated', (p) => p.callId === call.id && p.change === 'answered')).toMatchObject({ status: 'in_progress', callbackStatus: 'none' });
    expect(await supervisor.waitFor('agent.presence', (p) => p.status === 'on_call')).toMatchObject({ status: 'on_call' });

    // The officer's socket got none of it.
    expect(officer.received.filter((e) => e.name.startsWith('call.') || e.name === 'agent.presence')).toEqual([]);
    expect((await api(a, agentCookie, 'PATCH', `/api/calls/${call.id}`, { endedAt: '2026-11-26T10:00:00Z', reason: 'salubrizare', outcome: 'information_given' })).status).toBe(200);
    await agent.waitFor('call.updated', (p) => p.callId === call.id && p.change === 'ended');
    expect(officer.received.filter((e) => e.name.startsWith('call.'))).toEqual([]);
  });

  test('a signed Twilio webhook pops the call on the agent’s console', async () => {
    const b = await startInstance({ TWILIO_ACCOUNT_SID: `AC${'ab'.repeat(16)}`, TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_FROM: '+40312345678' });
    const cookie = await signIn(b, 'agent');
    const agent = await listen(b, cookie);
    expect((await api(b, cookie, 'PUT', '/api/agents/me/status', { status: 'available' })).status).toBe(200);

    const params = { CallSid: `CA${'7'.repeat(32)}`, From: '0040 745 333 444', To: '+40312345678', CallStatus: 'ringing', Direction: 'inbound' };
    const res = await fetch(`${b.url}/twilio/voice`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${b.url}/twilio/voice`, params) },
      body: new URLSearchParams(params).toString(),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`<Number statusCallback="${b.url}/twilio/voice/status?event=agent" statusCallbackEvent="answered" statusCallbackMethod="POST">+40213000101</Number>`);
    expect(await agent.waitFor('call.incoming', (p) => p.phone === '+40745333444')).toMatchObject({ name: null, calls: [], petitions: [] });
  });
});
