// The rooms a user joins, and the client's event → query-key mapping against a bare socket.io server.
import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { connectLiveUpdates, LIVE_UPDATE_KEYS, type LiveUpdatesStatus } from '../../client/src/lib/realtime';
import { roomsFor } from '../../server/realtime/realtime';
import { SERVER_EVENT_NAMES } from '../../shared/api/socket-events';

describe('roomsFor', () => {
  test.each([
    ['an officer', { id: 'u1', role: 'officer', departmentId: 'd1' }, ['user:u1', 'department:d1']],
    ['a head', { id: 'u1', role: 'head', departmentId: 'd1' }, ['user:u1', 'department:d1']],
    ['the registry', { id: 'u1', role: 'registry', departmentId: 'd9' }, ['user:u1', 'department:d9', 'registry']],
    ['an agent', { id: 'u1', role: 'agent', departmentId: 'd9' }, ['user:u1', 'department:d9', 'agents']],
    ['a supervisor', { id: 'u1', role: 'supervisor', departmentId: null }, ['user:u1', 'agents']],
    ['the delegate', { id: 'u1', role: 'delegate', departmentId: null }, ['user:u1', 'oversight']],
    ['an admin', { id: 'u1', role: 'admin', departmentId: null }, ['user:u1', 'oversight']],
  ] as const)('%s joins its rooms', (_label, user, expected) => {
    expect(roomsFor(user)).toEqual(expected);
  });
});

describe('connectLiveUpdates', () => {
  let io: Server;
  let url: string;
  beforeAll(async () => {
    const http = createServer();
    io = new Server(http, { path: '/socket.io', transports: ['websocket'] });
    http.listen(0, '127.0.0.1');
    await once(http, 'listening');
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(() => io.close());

  test('every server event has query keys to invalidate', () => {
    for (const name of SERVER_EVENT_NAMES) expect(LIVE_UPDATE_KEYS[name].length).toBeGreaterThan(0);
  });

  test('a burst of events invalidates each affected key once', async () => {
    const queryClient = new QueryClient();
    const invalidated: QueryKey[] = [];
    vi.spyOn(queryClient, 'invalidateQueries').mockImplementation(async (filters) => {
      invalidated.push(filters!.queryKey!);
    });
    const statuses: LiveUpdatesStatus[] = [];
    const live = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('not connected within 5 s')), 5_000);
      io.once('connection', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    const disconnect = connectLiveUpdates(queryClient, { url, batchMs: 50, onStatus: (s) => statuses.push(s) });
    try {
      await live;
      const ref = { petitionId: 'p', registrationNumber: 'P-2026-000001', departmentId: null };
      io.emit('petition.changed', { ...ref, status: 'assigned', change: 'assigned' });
      io.emit('petition.clock', { ...ref, clock: 'legal', stage: 'at_risk' });
      io.emit('petition.registered', { petitionId: 'p', registrationNumber: 'P-2026-000001' });
      io.emit('staff.notice', { petitionId: 'p', kind: 'assigned' });
      await vi.waitFor(() => expect(invalidated).toHaveLength(2), { timeout: 5_000 });
      // Past another batch window, still only those two.
      await new Promise((r) => setTimeout(r, 150));
      expect(invalidated).toEqual([['petitions'], ['notices']]);
      expect(statuses).toEqual(['connecting', 'live']);
    } finally {
      disconnect();
    }
  });
});
