// npm run bench -- [--petitions 100000] [--duration 10] [--out bench.json] [--keep] [--connections 64]
//                  [--clients 1000] [--rounds 20] [--db-pool 10] [--due-clocks 10000] [--node-options=…]
//
// Issue 7's benchmark. Creates its own bench_<timestamp> database on the PostgreSQL of DATABASE_URL (the
// admin connection; default postgres://postgres@127.0.0.1:5432/postgres), migrates it, seeds the catalog,
// the demo accounts and N realistic petitions, starts the real server as a child process on it, measures
// every hot path, prints a table (each figure beside a reference measured in the same run, each target ✓/✗),
// writes the figures as JSON, and drops the database (unless --keep). Not part of `npm test` (DESIGN.md).
import { randomBytes, randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import twilio from 'twilio';
import { openDatabase, type Database } from '../../db/client';
import { systemClock } from '../../server/lib/clock';
import { createEventBus } from '../../server/lib/events';
import { silentLogger } from '../../server/lib/logger';
import { startClockSweeper } from '../../server/workers/clock-sweeper';
import { sql as dsql } from 'drizzle-orm';
import { createBenchDatabase, DEFAULT_ADMIN_URL, type BenchDatabase } from './database';
import { commitRate, directIntake, petitionBody } from './intake';
import { closedLoop, httpClient, httpLoad, percentiles, type HttpClient, type LoadResult, type Percentiles } from './load';
import { startAppServer, startBareSocketServer, type Child } from './processes';
import { connectClients, measureFanOut } from './realtime';
import { mb, ms, perSecond, progressBar, ratio, renderTable, type Row } from './report';
import { benchTrackingCode, seedPetitions } from './seed';

const { values: opts } = parseArgs({
  options: {
    petitions: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '10' },
    out: { type: 'string' },
    keep: { type: 'boolean', default: false },
    connections: { type: 'string', default: '64' },
    clients: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '20' },
    'db-pool': { type: 'string', default: '10' },
    'due-clocks': { type: 'string', default: '10000' },
    'node-options': { type: 'string', default: '' },
    help: { type: 'boolean', default: false },
  },
  strict: true,
});

if (opts.help) {
  console.log(readHeader());
  process.exit(0);
}

const N = positive('petitions');
const DURATION_MS = positive('duration') * 1000;
const CONNECTIONS = positive('connections');
const CLIENTS = positive('clients');
const ROUNDS = positive('rounds');
const DB_POOL = positive('db-pool');
const DUE_CLOCKS = positive('due-clocks');
const ADMIN_URL = process.env.DATABASE_URL || DEFAULT_ADMIN_URL;
/** NODE_OPTIONS for the servers (e.g. "--max-old-space-size=160"); none by default, as `npm start` runs. */
const SERVER_NODE_OPTIONS = String(opts['node-options'] ?? '');
const serverEnv = (env: Record<string, string>) => (SERVER_NODE_OPTIONS ? { ...env, NODE_OPTIONS: SERVER_NODE_OPTIONS } : env);
const DEMO_PASSWORD = 'parola-demo';
const demoEmail = (local: string) => `${local}@demo.primarie6.ro`;

function positive(name: keyof typeof opts): number {
  const n = Number(opts[name]);
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`--${name} must be a positive number (got ${String(opts[name])})`);
    process.exit(2);
  }
  return n;
}

function readHeader(): string {
  return 'npm run bench -- [--petitions N] [--duration S] [--out FILE] [--keep] [--connections 64] [--clients 1000] [--rounds 20] [--db-pool 10] [--due-clocks 10000] [--node-options=--max-old-space-size=160]';
}

const log = (...args: unknown[]) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...args);

type Phase = { latency?: LoadResult; throughput?: LoadResult; peakRssMb?: number | null };

async function main() {
  const started = new Date();
  const result: Record<string, unknown> = {
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    startedAt: started.toISOString(),
    options: { petitions: N, durationSeconds: DURATION_MS / 1000, connections: CONNECTIONS, clients: CLIENTS, rounds: ROUNDS, dbPool: DB_POOL, dueClocks: DUE_CLOCKS, serverNodeOptions: SERVER_NODE_OPTIONS },
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
  };
  let bench: BenchDatabase | null = null;
  let server: Child | null = null;
  const cleanups: Array<() => Promise<void> | void> = [];
  try {
    // ---------------------------------------------------------------------------------------------------
    log(`creating the bench database on ${redact(ADMIN_URL)}`);
    bench = await createBenchDatabase(ADMIN_URL);
    log(`database ${bench.name}: migrated; catalog, templates and demo accounts seeded`);
    const sql = postgres(bench.url, { max: DB_POOL, onnotice: () => {}, connection: { application_name: 'bench' } });
    cleanups.push(() => sql.end({ timeout: 5 }));
    const [{ version }] = (await sql`select current_setting('server_version') as version`) as unknown as [{ version: string }];
    (result.machine as Record<string, unknown>).postgres = version;

    const seedStarted = performance.now();
    const seeded = await seedPetitions(sql, { total: N, batchSize: 25_000, onProgress: progressBar('seeding petitions') });
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    log(`seeded ${seeded.petitions.toLocaleString('en-US')} petitions, ${seeded.events.toLocaleString('en-US')} timeline events, ${seeded.clocks.toLocaleString('en-US')} clock timers in ${seedSeconds.toFixed(0)} s; VACUUM ANALYZE`);
    const vacuumStarted = performance.now();
    await sql`vacuum analyze`;
    const sizes = await sql`select pg_size_pretty(pg_total_relation_size('petitions')) as petitions, pg_size_pretty(pg_database_size(current_database())) as database`;
    result.seed = { ...seeded, seconds: seedSeconds, rowsPerSecond: seeded.petitions / seedSeconds, vacuumSeconds: (performance.now() - vacuumStarted) / 1000, sizes: sizes[0] };

    // ---------------------------------------------------------------------------------------------------
    log('disk: commit rate (single-row INSERT + COMMIT, synchronous_commit on, one connection)');
    const commits = await commitRate(sql, Math.min(10, Math.max(3, DURATION_MS / 2000)));
    const fsync = pgTestFsync(await dataDirectory(sql));
    result.disk = { ...commits, pgTestFsync: fsync };

    // ---------------------------------------------------------------------------------------------------
    log('starting the server (tsx server/main.ts, DEMO=0, rate limits raised)');
    server = await startAppServer({ databaseUrl: bench.url, env: serverEnv({ DB_POOL_SIZE: String(DB_POOL), OUTBOX_POLL_MS: '1000' }) });
    const srv = server;
    cleanups.push(() => srv.stop());
    const http = httpClient(server.url, CONNECTIONS);
    cleanups.push(() => http.close());
    const phases: Record<string, Phase> = {};
    const phase = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
      srv.resetPeak();
      log(`phase: ${name}`);
      const value = await run();
      phases[name] = { ...(phases[name] ?? {}), peakRssMb: srv.peakRssMb() };
      return value;
    };
    /** Unloaded latency (one request at a time), then throughput (CONNECTIONS at once). */
    const latencyAndThroughput = async (name: string, request: (w: number, n: number) => { path: string; headers?: Record<string, string> }, expect = 200) =>
      phase(name, async () => {
        const latency = await httpLoad(http, { connections: 1, durationMs: DURATION_MS, expect, request });
        const throughput = await httpLoad(http, { connections: CONNECTIONS, durationMs: DURATION_MS, expect, request });
        phases[name] = { latency, throughput };
        return { latency, throughput };
      });

    // Reference for the HTTP figures: GET /health (one `select 1`), measured the same way.
    const health = await latencyAndThroughput('reference: GET /health', () => ({ path: '/health' }));

    // ---------------------------------------------------------------------------------------------------
    const intakeHttp = await phase('intake over HTTP', () =>
      httpLoad(http, {
        connections: CONNECTIONS,
        durationMs: DURATION_MS,
        expect: 201,
        request: (_w, n) => ({
          method: 'POST',
          path: '/api/petitions',
          headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          body: JSON.stringify(petitionBody(n)),
        }),
      }),
    );
    const intakeDirect = await phase('intake direct (postgres.js, the ceiling)', () =>
      closedLoop({ connections: CONNECTIONS, durationMs: DURATION_MS, op: (_w, n) => directIntake(sql, n, server!.url) }),
    );
    result.intake = { http: intakeHttp, direct: intakeDirect, ratio: intakeHttp.okRps / intakeDirect.okRps };
    // The intake queued an e-mail and an SMS per petition; the server's outbox worker would deliver them (to
    // its development transport) during the next phases. They are marked sent so that the read paths are
    // measured alone (delivery is not a target here).
    const [{ queued }] = (await sql`
      with s as (update outbox set status = 'sent', sent_at = now() where status in ('pending', 'sending') returning 1)
      select count(*)::int as queued from s`) as unknown as [{ queued: number }];
    log(`outbox: ${queued} notices from the intake phases marked sent (not delivered during the read phases)`);

    // ---------------------------------------------------------------------------------------------------
    const head = await signIn(http, 'adpdu.sef');
    const registry = await signIn(http, 'registratura');
    const queue = await latencyAndThroughput('staff queue (head of ADPDU)', () => ({ path: '/api/petitions?queue=department', headers: { cookie: head } }));
    const badges = await latencyAndThroughput('badges (head of ADPDU)', () => ({ path: '/api/petitions/counts', headers: { cookie: head } }));
    const registryQueue = await latencyAndThroughput('staff queue (registry, every department)', () => ({ path: '/api/petitions?queue=department', headers: { cookie: registry } }));
    const registryBadges = await latencyAndThroughput('badges (registry)', () => ({ path: '/api/petitions/counts', headers: { cookie: registry } }));

    // Seeded petitions only (their codes are known: the seed stores the hash of benchTrackingCode).
    const sampleNumbers = (
      await sql<Array<{ n: string }>>`
        select registration_number as n from petitions tablesample system (2)
        where tracking_code_hash = sha256(convert_to(upper(left(md5('bench:' || registration_number), 16)), 'UTF8')) limit 2000`
    ).map((r) => r.n);
    const tracking = await latencyAndThroughput('tracking', (_w, n) => {
      const number = sampleNumbers[n % sampleNumbers.length]!;
      return { path: `/api/track/${number}?code=${benchTrackingCode(number)}` };
    });

    // ---------------------------------------------------------------------------------------------------
    let search: Record<string, LoadResult> | null = null;
    const probe = await http.send({ path: '/api/search?q=groapa', headers: { cookie: head } });
    if (probe.status === 200) {
      search = {};
      const kinds: Array<[string, string[]]> = [
        ['common words', ['groapă', 'gunoi', 'apă caldă', 'zgomot', 'parcare']],
        ['a street name', ['Valea Oltului', 'Bulevardul Timișoara', 'Strada Brașov', 'Drumul Taberei']],
        ['a misspelling', ['Cascdelor', 'Timisoarei', 'gropa', 'Uverturi']],
      ];
      await phase('search', async () => {
        for (const [kind, words] of kinds) {
          // One at a time, for half a phase but at least 10 searches (a slow search still gets measured).
          search![kind] = await sequential(http, {
            minCount: 10,
            durationMs: Math.max(3000, DURATION_MS / 2),
            capMs: 120_000,
            request: (n) => ({ path: `/api/search?q=${encodeURIComponent(words[n % words.length]!)}`, headers: { cookie: head } }),
          });
        }
      });
    } else {
      log(`search: GET /api/search answered ${probe.status}; not measured`);
    }

    // ---------------------------------------------------------------------------------------------------
    const realtime = await phase('real time (status change → 1,000 sockets)', async () => {
      const toRoute = await sql<Array<{ id: string; code: string }>>`
        select p.id, d.code from petitions p
        join categories c on c.id = p.category_id join departments d on d.id = p.handler_department_id
        where p.status = 'registered' and p.identified and c.routing = 'department' and p.concerns_user_id is null
        order by p.registered_at desc limit ${ROUNDS}`;
      if (toRoute.length < ROUNDS) throw new Error(`only ${toRoute.length} registered petitions to route; seed more`);
      const clients = await connectClients(server!.url, CLIENTS, { cookie: registry });
      try {
        return await measureFanOut({
          clients,
          event: 'petition.changed',
          rounds: ROUNDS,
          trigger: async (round) => {
            const res = await http.send({
              method: 'POST',
              path: `/api/petitions/${toRoute[round]!.id}/route`,
              headers: { cookie: registry, 'content-type': 'application/json' },
              body: JSON.stringify({ departmentCode: toRoute[round]!.code }),
            });
            if (res.status !== 204) throw new Error(`route answered ${res.status}: ${res.body.toString()}`);
          },
          matches: (payload, round) => (payload as { petitionId?: string }).petitionId === toRoute[round]!.id,
        });
      } finally {
        clients.close();
      }
    });
    log('real time: the bare socket.io broadcast, same clients, same rounds');
    const bare = await startBareSocketServer();
    cleanups.push(() => bare.stop());
    const bareHttp = httpClient(bare.url, 1);
    const bareClients = await connectClients(bare.url, CLIENTS);
    const bareIds = Array.from({ length: ROUNDS }, () => randomUUID());
    const bareFanOut = await measureFanOut({
      clients: bareClients,
      event: 'petition.changed',
      rounds: ROUNDS,
      trigger: async (round) => {
        const res = await bareHttp.send({ method: 'POST', path: `/emit?id=${bareIds[round]}` });
        if (res.status !== 204) throw new Error(`bare emit answered ${res.status}`);
      },
      matches: (payload, round) => (payload as { petitionId?: string }).petitionId === bareIds[round],
    });
    bareClients.close();
    bareHttp.close();
    await bare.stop();
    result.realtime = { clients: CLIENTS, rounds: ROUNDS, helpdesk: realtime, bare: bareFanOut, ratioP99: realtime.latencyMs.p99 / bareFanOut.latencyMs.p99 };

    // ---------------------------------------------------------------------------------------------------
    const database = await openDatabase({ url: bench.url, poolSize: 4, applicationName: 'bench-sweeper' });
    cleanups.push(() => database.close());
    const clocks = await measureClocks(database, sql, server.url);
    result.clocks = clocks;

    // ---------------------------------------------------------------------------------------------------
    let screenPop: Awaited<ReturnType<typeof measureScreenPop>> | null = null;
    const voiceProbe = await http.send({ method: 'POST', path: '/twilio/voice', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'CallSid=CAx' });
    if (voiceProbe.status !== 404) {
      // The webhook needs Twilio settings; the call-center instance gets test credentials (nothing reaches
      // Twilio: the outbox is emptied first so its worker has nothing to send), and the first server stops.
      await server.stop();
      screenPop = await measureScreenPop(bench.url, sql);
      phases['call center: Twilio voice webhook → screen pop'] = { peakRssMb: screenPop.peakRssMb };
    } else {
      log('call center: POST /twilio/voice answered 404; screen pop not measured');
    }

    result.phases = phases;
    result.search = search;
    result.screenPop = screenPop;
    result.reference = { health };
    result.queue = { head: queue, registry: registryQueue };
    result.badges = { head: badges, registry: registryBadges };
    result.tracking = tracking;

    // ---------------------------------------------------------------------------------------------------
    const peakRss = Math.max(...Object.values(phases).map((p) => p.peakRssMb ?? 0));
    const searchP95 = search ? Math.max(...Object.values(search).map((s) => s.latencyMs.p95)) : null;
    const rows: Row[] = [
      { measure: 'Seeding', result: `${N.toLocaleString('en-US')} petitions in ${seedSeconds.toFixed(0)} s (${perSecond(N / seedSeconds)})` },
      { measure: 'Disk: commits/s (1 connection, INSERT+COMMIT)', result: perSecond(commits.commitsPerSecond), reference: fsync ? `pg_test_fsync fdatasync ${perSecond(fsync.fdatasyncPerSecond)}` : 'pg_test_fsync not found' },
      {
        measure: `Intake POST /api/petitions (${CONNECTIONS} conn.)`,
        result: `${perSecond(intakeHttp.okRps)}, p50 ${ms(intakeHttp.latencyMs.p50)}, p99 ${ms(intakeHttp.latencyMs.p99)}`,
        reference: `direct ${perSecond(intakeDirect.okRps)}, p50 ${ms(intakeDirect.latencyMs.p50)}, p99 ${ms(intakeDirect.latencyMs.p99)}`,
        ratio: ratio(intakeHttp.okRps, intakeDirect.okRps),
        target: '≥ 0.7× direct and ≥ 1,000/s',
        ok: intakeHttp.okRps >= 0.7 * intakeDirect.okRps && intakeHttp.okRps >= 1000,
      },
      { measure: '  intake vs disk commit rate', result: perSecond(intakeHttp.okRps), reference: `commits ${perSecond(commits.commitsPerSecond)}`, ratio: ratio(intakeHttp.okRps, commits.commitsPerSecond) },
      latencyRow('Staff queue, head (1 conn.)', queue.latency, health.latency, 10),
      throughputRow('Staff queue, head', queue.throughput, health.throughput),
      latencyRow('Badges /counts, head (1 conn.)', badges.latency, health.latency, 10),
      throughputRow('Badges /counts, head', badges.throughput, health.throughput),
      latencyRow('Staff queue, registry (1 conn.)', registryQueue.latency, health.latency, null),
      latencyRow('Badges /counts, registry (1 conn.)', registryBadges.latency, health.latency, null),
      latencyRow('Tracking GET /api/track (1 conn.)', tracking.latency, health.latency, 5),
      throughputRow('Tracking', tracking.throughput, health.throughput),
      ...(search
        ? Object.entries(search).map(([kind, r]): Row => ({
            measure: `Search: ${kind} (1 conn.)`,
            result: `p50 ${ms(r.latencyMs.p50)}, p95 ${ms(r.latencyMs.p95)} (${r.count} searches)${errorsNote(r)}`,
            reference: `/health p50 ${ms(health.latency.latencyMs.p50)}`,
            ratio: ratio(r.latencyMs.p95, health.latency.latencyMs.p95),
            target: 'p95 ≤ 50 ms',
            ok: r.ok === r.count && r.latencyMs.p95 <= 50,
          }))
        : [{ measure: 'Search', result: 'not in this build', ok: null }]),
      {
        measure: `Real time: status change → ${CLIENTS} sockets`,
        result: `p50 ${ms(realtime.latencyMs.p50)}, p99 ${ms(realtime.latencyMs.p99)}${realtime.missed ? `, ${realtime.missed} missed` : ''}`,
        reference: `bare broadcast p50 ${ms(bareFanOut.latencyMs.p50)}, p99 ${ms(bareFanOut.latencyMs.p99)}`,
        ratio: ratio(realtime.latencyMs.p99, bareFanOut.latencyMs.p99),
        target: 'p99 ≤ 1.5× bare',
        ok: realtime.missed === 0 && realtime.latencyMs.p99 <= 1.5 * bareFanOut.latencyMs.p99,
      },
      screenPop
        ? { measure: 'Twilio voice webhook → screen pop', result: `p50 ${ms(screenPop.latencyMs.p50)}, p99 ${ms(screenPop.latencyMs.p99)}${screenPop.missed ? `, ${screenPop.missed} missed` : ''}`, reference: `bare p50 ${ms(bareFanOut.latencyMs.p50)}` }
        : { measure: 'Twilio voice webhook → screen pop', result: 'not in this build' },
      {
        measure: 'Sweeper idle tick',
        result: `p50 ${ms(clocks.idleTick.p50, 2)}, p99 ${ms(clocks.idleTick.p99, 2)}`,
        reference: `select 1: p50 ${ms(clocks.selectOne.p50, 2)}`,
        ratio: ratio(clocks.idleTick.p50, clocks.selectOne.p50),
        target: 'p50 ≤ 1 ms',
        ok: clocks.idleTick.p50 <= 1,
      },
      {
        measure: `Sweeper: ${DUE_CLOCKS.toLocaleString('en-US')} timers due at once`,
        result: `${perSecond(clocks.due.perSecond)} (${clocks.due.seconds.toFixed(2)} s, ${clocks.due.escalations} escalations)`,
        reference: `commits ${perSecond(commits.commitsPerSecond)}`,
        target: '≥ 5,000/s',
        ok: clocks.due.perSecond >= 5000,
      },
      ...Object.entries(phases).map(([name, p]): Row => ({ measure: `Peak RSS: ${name}`, result: mb(p.peakRssMb) })),
      { measure: 'Peak RSS, any phase', result: mb(peakRss), target: '≤ 300 MB', ok: peakRss > 0 ? peakRss <= 300 : null },
    ];
    if (searchP95 !== null) result.searchP95 = searchP95;
    result.targets = rows.filter((r) => r.ok !== undefined && r.ok !== null).map((r) => ({ measure: r.measure, result: r.result, target: r.target, ok: r.ok }));
    result.finishedAt = new Date().toISOString();

    console.log(`\n${result.command}\n${N.toLocaleString('en-US')} petitions · ${cpus().length} CPUs · PostgreSQL ${version} · Node ${process.version} · ${DURATION_MS / 1000} s per phase${SERVER_NODE_OPTIONS ? ` · server NODE_OPTIONS=${SERVER_NODE_OPTIONS}` : ''}\n`);
    console.log(renderTable(rows));
    const met = rows.filter((r) => r.ok === true).length;
    const missed = rows.filter((r) => r.ok === false);
    console.log(`\n${met} target(s) met, ${missed.length} missed${missed.length ? `: ${missed.map((r) => r.measure.trim()).join('; ')}` : ''}.`);
    if (opts.out) {
      writeFileSync(opts.out, `${JSON.stringify(result, null, 2)}\n`);
      log(`figures written to ${opts.out}`);
    }
  } finally {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => {});
    if (server) await server.stop().catch(() => {});
    if (bench) {
      if (opts.keep) log(`kept the database: ${redact(bench.url)}`);
      else {
        await bench.drop().catch((e: unknown) => log(`could not drop ${bench!.name}: ${String(e)}`));
        log(`dropped ${bench.name}`);
      }
    }
  }
}

/** Requests one after another until both `minCount` are done and `durationMs` has passed (at most `capMs`). */
async function sequential(
  http: HttpClient,
  { minCount, durationMs, capMs, request }: { minCount: number; durationMs: number; capMs: number; request: (n: number) => { path: string; headers?: Record<string, string> } },
): Promise<LoadResult> {
  await http.send(request(0)); // warm-up
  const started = performance.now();
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let ok = 0;
  for (let n = 0; ; n++) {
    const elapsed = performance.now() - started;
    if ((n >= minCount && elapsed >= durationMs) || elapsed >= capMs) break;
    const t0 = performance.now();
    const res = await http.send(request(n));
    latencies.push(performance.now() - t0);
    if (res.status === 200) ok++;
    else errors[`HTTP ${res.status}`] = (errors[`HTTP ${res.status}`] ?? 0) + 1;
  }
  const seconds = (performance.now() - started) / 1000;
  return { rps: latencies.length / seconds, okRps: ok / seconds, count: latencies.length, ok, errors, latencyMs: percentiles(latencies), seconds, connections: 1 };
}

function latencyRow(measure: string, r: LoadResult, ref: LoadResult, targetP95: number | null): Row {
  return {
    measure,
    result: `p50 ${ms(r.latencyMs.p50)}, p95 ${ms(r.latencyMs.p95)}, p99 ${ms(r.latencyMs.p99)}${errorsNote(r)}`,
    reference: `/health p50 ${ms(ref.latencyMs.p50)}, p95 ${ms(ref.latencyMs.p95)}`,
    ratio: ratio(r.latencyMs.p95, ref.latencyMs.p95),
    ...(targetP95 === null ? {} : { target: `p95 ≤ ${targetP95} ms`, ok: r.ok === r.count && r.latencyMs.p95 <= targetP95 }),
  };
}

function throughputRow(measure: string, r: LoadResult, ref: LoadResult): Row {
  return {
    measure: `${measure} (${r.connections} conn.)`,
    result: `${perSecond(r.okRps)}, p50 ${ms(r.latencyMs.p50)}, p99 ${ms(r.latencyMs.p99)}${errorsNote(r)}`,
    reference: `/health ${perSecond(ref.okRps)}`,
    ratio: ratio(r.okRps, ref.okRps),
  };
}

function errorsNote(r: LoadResult): string {
  const errors = Object.entries(r.errors);
  return errors.length ? ` (errors: ${errors.map(([k, v]) => `${k} ×${v}`).join(', ')})` : '';
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

async function signIn(http: HttpClient, local: string): Promise<string> {
  const res = await http.send({
    method: 'POST',
    path: '/api/auth/login',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoEmail(local), password: DEMO_PASSWORD }),
  });
  const cookie = /dp_session=[^;]+/.exec(String(res.headers['set-cookie'] ?? ''))?.[0];
  if (res.status !== 200 || !cookie) throw new Error(`sign-in of ${local} failed: ${res.status} ${res.body.toString()}`);
  return cookie;
}

/** Where PostgreSQL keeps its data, when this machine can see it (pg_test_fsync then writes beside it). */
async function dataDirectory(sql: postgres.Sql): Promise<string | null> {
  try {
    const [row] = await sql<Array<{ setting: string }>>`select setting from pg_settings where name = 'data_directory'`;
    const host = new URL(ADMIN_URL).hostname;
    return row && ['127.0.0.1', 'localhost', '::1', ''].includes(host) && existsSync(row.setting) ? row.setting : null;
  } catch {
    return null;
  }
}

/** pg_test_fsync's fdatasync rate for one 8 kB write, when the tool is installed. */
function pgTestFsync(dataDir: string | null): { fdatasyncPerSecond: number; file: string } | null {
  const candidates = ['/usr/lib/postgresql'].flatMap((base) => (existsSync(base) ? readdirSync(base).map((v) => join(base, v, 'bin', 'pg_test_fsync')) : []));
  const binary = [...candidates, ...(process.env.PATH ?? '').split(':').map((p) => join(p, 'pg_test_fsync'))].find((p) => existsSync(p));
  if (!binary) return null;
  // Beside the data directory (same disk), else in the temporary directory.
  const dir = dataDir ? dirname(dataDir) : tmpdir();
  let scratch: string | null = null;
  try {
    scratch = mkdtempSync(join(dir, 'bench-fsync-'));
  } catch {
    scratch = mkdtempSync(join(tmpdir(), 'bench-fsync-'));
  }
  const file = join(scratch, 'pg_test_fsync.out');
  try {
    log(`disk: ${binary} -s 1 -f ${file}`);
    const out = execFileSync(binary, ['-s', '1', '-f', file], { encoding: 'utf8', timeout: 120_000 });
    const section = out.split(/Compare file sync methods using two/)[0] ?? out;
    const match = /fdatasync\s+([\d.]+) ops\/sec/.exec(section);
    return match ? { fdatasyncPerSecond: Number(match[1]), file } : null;
  } catch (error) {
    log(`pg_test_fsync failed: ${String(error).slice(0, 200)}`);
    return null;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The sweeper (server/workers/clock-sweeper.ts, the same code the server runs, driven here so that its
 * ticks can be timed): the tick when nothing is due against a `select 1` on the same pool, then DUE_CLOCKS
 * timers falling due at once and the time until every one has fired.
 */
async function measureClocks(database: Database, sql: postgres.Sql, publicUrl: string) {
  log('phase: clocks (sweeper idle tick, then timers due at once)');
  // Nothing due: what is due now is marked fired (the server's own sweeper fires it at its next tick anyway).
  await sql`update petition_clocks set fired_at = now() where fired_at is null and fires_at <= now()`;
  const sweeper = startClockSweeper({ db: database.db, clock: systemClock, events: createEventBus(), logger: silentLogger, publicUrl, autoStart: false });
  const time = async (n: number, fn: () => Promise<unknown>) => {
    const samples: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await fn();
      samples.push(performance.now() - t0);
    }
    return percentiles(samples.slice(Math.floor(n / 10)));
  };
  await time(50, () => sweeper.runOnce());
  const selectOne = await time(500, () => database.db.execute(dsql`select 1`));
  const idleTick = await time(500, () => sweeper.runOnce());

  // DUE_CLOCKS timers of open petitions fall due at once, each one that escalates (its due date is the
  // petition's): the legal clock, and the internal one where it runs; at risk when the due date is ahead,
  // breached when it is past.
  const [{ inserted }] = (await sql`
    with candidates as (
      select p.id, c.clock, c.due_on from petitions p
      cross join lateral (values ('legal', p.legal_due_on), ('internal', p.internal_due_on)) as c(clock, due_on)
      where p.status in ('routed', 'in_progress', 'answer_submitted', 'answer_signed', 'approved') and c.due_on is not null
        and (c.clock = 'legal' or p.internal_paused_at is null)
      order by p.registered_at desc, c.clock limit ${DUE_CLOCKS}
    ), ins as (
      insert into petition_clocks (petition_id, clock, stage, due_on, fires_at)
      select id, clock, case when due_on >= current_date then 'at_risk' else 'breached' end, due_on, now() - interval '1 second'
      from candidates returning 1
    ) select count(*)::int as inserted from ins`) as unknown as [{ inserted: number }];
  const [{ before }] = (await sql`select count(*)::int as before from petition_events where type like 'clock.%'`) as unknown as [{ before: number }];
  const t0 = performance.now();
  let claimed = 0;
  for (;;) {
    const n = await sweeper.runOnce();
    claimed += n;
    if (n === 0) {
      const [{ due }] = (await sql`select count(*)::int as due from petition_clocks where fired_at is null and fires_at <= now()`) as unknown as [{ due: number }];
      if (due === 0) break;
      await new Promise((r) => setTimeout(r, 20)); // another sweeper (the server's) holds some
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const [{ after }] = (await sql`select count(*)::int as after from petition_events where type like 'clock.%'`) as unknown as [{ after: number }];
  await sweeper.stop();
  return { idleTick, selectOne, due: { timers: inserted, claimedHere: claimed, escalations: after - before, seconds, perSecond: inserted / seconds } };
}

/** A second server with Twilio test credentials; one agent's socket; signed voice webhooks → `call.incoming`. */
async function measureScreenPop(databaseUrl: string, sql: postgres.Sql): Promise<{ latencyMs: Percentiles; missed: number; peakRssMb: number | null }> {
  log('phase: call center (Twilio voice webhook → screen pop on an agent socket)');
  await sql`update outbox set status = 'sent', sent_at = now() where status in ('pending', 'sending')`;
  const authToken = randomBytes(16).toString('hex');
  const callCenter = await startAppServer({
    databaseUrl,
    env: serverEnv({ DB_POOL_SIZE: String(DB_POOL), TWILIO_ACCOUNT_SID: `AC${randomBytes(16).toString('hex')}`, TWILIO_AUTH_TOKEN: authToken, TWILIO_FROM: '+40312345678' }),
  });
  const http = httpClient(callCenter.url, 4);
  try {
    const agent = await signIn(http, 'agent');
    // A pop goes to the consoles when an agent's phone rings: the agent is available, and the line open
    // around the clock for the bench (a weekend or a public holiday stays closed: then nothing pops).
    await sql`update office_hours set opens_at = '00:00', closes_at = '23:59'`;
    const presence = await http.send({ method: 'PUT', path: '/api/agents/me/status', headers: { cookie: agent, 'content-type': 'application/json' }, body: JSON.stringify({ status: 'available' }) });
    if (presence.status >= 300) throw new Error(`PUT /api/agents/me/status answered ${presence.status}: ${presence.body.toString()}`);
    const clients = await connectClients(callCenter.url, 1, { cookie: agent });
    callCenter.resetPeak();
    const rounds = Math.max(ROUNDS, 30);
    const base = Math.floor(Math.random() * 9_000_000);
    const phones = Array.from({ length: rounds }, (_, i) => `+4073${String(base + i).padStart(7, '0')}`);
    try {
      const fanOut = await measureFanOut({
        clients,
        event: 'call.incoming',
        rounds,
        trigger: async (round) => {
          const params = { AccountSid: 'AC00000000000000000000000000000000', CallSid: `CA${randomBytes(16).toString('hex')}`, From: phones[round]!, To: '+40312345678', CallStatus: 'ringing', Direction: 'inbound' };
          const signature = twilio.getExpectedTwilioSignature(authToken, `${callCenter.url}/twilio/voice`, params);
          const res = await http.send({
            method: 'POST',
            path: '/twilio/voice',
            headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
            body: new URLSearchParams(params).toString(),
          });
          if (res.status !== 200) throw new Error(`POST /twilio/voice answered ${res.status}: ${res.body.toString().slice(0, 300)}`);
        },
        matches: (payload, round) => (payload as { phone?: string }).phone === phones[round],
        timeoutMs: 10_000,
      });
      return { latencyMs: fanOut.latencyMs, missed: fanOut.missed, peakRssMb: callCenter.peakRssMb() };
    } finally {
      clients.close();
    }
  } finally {
    http.close();
    await callCenter.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('bench failed:', error);
    process.exit(1);
  },
);
