// A closed-loop load generator: N workers, each sending its next request as soon as the previous one is
// answered, for a fixed time after a short warm-up. HTTP goes through node:http with a keep-alive agent
// of N sockets (the connection pool); any other async operation (a direct database transaction) can be
// driven the same way, so an HTTP figure and its reference are measured alike.
import http from 'node:http';

export type Percentiles = { p50: number; p95: number; p99: number; max: number; mean: number };

export type LoadResult = {
  /** Completed operations per second (all outcomes). */
  rps: number;
  /** Operations per second that succeeded (ok() said so). */
  okRps: number;
  count: number;
  ok: number;
  errors: Record<string, number>;
  latencyMs: Percentiles;
  seconds: number;
  connections: number;
};

export function percentiles(samples: number[]): Percentiles {
  if (samples.length === 0) return { p50: NaN, p95: NaN, p99: NaN, max: NaN, mean: NaN };
  const sorted = Float64Array.from(samples).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1]!, mean };
}

/** An operation's outcome: `true` counts as success, a string names the kind of failure. */
export type Outcome = true | string;

export async function closedLoop({
  connections, durationMs, warmupMs = Math.min(1000, durationMs / 5), op,
}: {
  connections: number;
  durationMs: number;
  warmupMs?: number;
  /** One operation by worker `worker`; resolves to its outcome (a rejection counts as an error). */
  op: (worker: number, n: number) => Promise<Outcome>;
}): Promise<LoadResult> {
  const started = performance.now();
  const measureFrom = started + warmupMs;
  const deadline = measureFrom + durationMs;
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let ok = 0;
  let count = 0;
  let n = 0;
  const worker = async (w: number) => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      let outcome: Outcome;
      try {
        outcome = await op(w, n++);
      } catch (error) {
        outcome = (error as { code?: string }).code ?? (error instanceof Error ? error.message.slice(0, 60) : String(error));
      }
      const t1 = performance.now();
      if (t0 < measureFrom || t1 > deadline) continue; // warm-up, or finished after the end
      count++;
      latencies.push(t1 - t0);
      if (outcome === true) ok++;
      else errors[outcome] = (errors[outcome] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, w) => worker(w)));
  const seconds = durationMs / 1000;
  return { rps: count / seconds, okRps: ok / seconds, count, ok, errors, latencyMs: percentiles(latencies), seconds, connections };
}

export type HttpRequest = { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer };
export type HttpResponse = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** An HTTP client on a keep-alive pool of `connections` sockets. */
export function httpClient(baseUrl: string, connections: number) {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  function send({ method = 'GET', path, headers = {}, body }: HttpRequest): Promise<HttpResponse> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        { agent, host: url.hostname, port: url.port, method, path, headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }
  return { send, close: () => agent.destroy() };
}

export type HttpClient = ReturnType<typeof httpClient>;

/** Drives `request()` over HTTP in a closed loop; an answer with `expect` status is a success. */
export async function httpLoad(
  client: HttpClient,
  { connections, durationMs, warmupMs, expect = 200, request }: { connections: number; durationMs: number; warmupMs?: number; expect?: number; request: (worker: number, n: number) => HttpRequest },
): Promise<LoadResult> {
  return closedLoop({
    connections,
    durationMs,
    ...(warmupMs === undefined ? {} : { warmupMs }),
    op: async (w, n) => {
      const res = await client.send(request(w, n));
      return res.status === expect ? true : `HTTP ${res.status}`;
    },
  });
}
