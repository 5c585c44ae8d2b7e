// Real time: N socket.io clients (WebSocket, as the staff client connects) and the time from the request that
// causes an event to its arrival in each of them. The same measure serves the helpdesk (a status change →
// `petition.changed`; a Twilio voice webhook → the `call.incoming` screen pop) and the bare broadcast.
import { io, type Socket } from 'socket.io-client';
import { SOCKET_PATH } from '../../shared/api/socket-events';
import { percentiles, type Percentiles } from './load';

export type Clients = { sockets: Socket[]; close(): void };

/** Opens `count` sockets (in waves, as many browsers would not all connect in the same millisecond). */
export async function connectClients(url: string, count: number, { cookie, wave = 50 }: { cookie?: string; wave?: number } = {}): Promise<Clients> {
  const sockets: Socket[] = [];
  const close = () => {
    for (const s of sockets) s.close();
  };
  try {
    for (let i = 0; i < count; i += wave) {
      const batch = Array.from({ length: Math.min(wave, count - i) }, () =>
        io(url, { path: SOCKET_PATH, transports: ['websocket'], forceNew: true, reconnection: false, timeout: 30_000, ...(cookie ? { extraHeaders: { cookie } } : {}) }),
      );
      sockets.push(...batch);
      await Promise.all(
        batch.map(
          (s) =>
            new Promise<void>((ok, fail) => {
              s.once('connect', () => ok());
              s.once('connect_error', (e) => fail(new Error(`socket.io connection refused: ${e.message}`)));
            }),
        ),
      );
    }
  } catch (error) {
    close();
    throw error;
  }
  return { sockets, close };
}

/**
 * `rounds` times: start a clock, `trigger(round)` (which sends the request), and wait until every socket
 * got `event` with a payload `matches(round)` accepts; each socket's delay is a sample. Rounds are sequential.
 */
export async function measureFanOut({
  clients, event, rounds, trigger, matches, timeoutMs = 30_000,
}: {
  clients: Clients;
  event: string;
  rounds: number;
  trigger: (round: number) => Promise<void>;
  matches: (payload: unknown, round: number) => boolean;
  timeoutMs?: number;
}): Promise<{ latencyMs: Percentiles; samples: number; missed: number; lastArrivalMs: Percentiles }> {
  const samples: number[] = [];
  const lastArrivals: number[] = [];
  let missed = 0;
  for (let round = 0; round < rounds; round++) {
    const arrivals: number[] = [];
    let t0 = 0;
    let resolveAll: () => void = () => {};
    const all = new Promise<void>((ok) => (resolveAll = ok));
    const listeners = clients.sockets.map((s) => {
      let got = false;
      const listener = (payload: unknown) => {
        if (got || !matches(payload, round)) return;
        got = true;
        arrivals.push(performance.now() - t0);
        if (arrivals.length === clients.sockets.length) resolveAll();
      };
      s.on(event, listener);
      return () => s.off(event, listener);
    });
    t0 = performance.now();
    await trigger(round);
    await Promise.race([all, new Promise((r) => setTimeout(r, timeoutMs))]);
    for (const off of listeners) off();
    missed += clients.sockets.length - arrivals.length;
    samples.push(...arrivals);
    if (arrivals.length > 0) lastArrivals.push(Math.max(...arrivals));
    await new Promise((r) => setTimeout(r, 50));
  }
  return { latencyMs: percentiles(samples), samples: samples.length, missed, lastArrivalMs: percentiles(lastArrivals) };
}
