// Issue 7 §3 (DESIGN.md: stateless servers; timers live in the database). Two server processes run the clock
// sweeper and the outbox worker on one database at the same time, with a backlog for both: every due timer
// fires once (one timeline event, one set of notices), and every notice is handed to a transport once.
// Then every database connection of both processes is cut mid-traffic: they answer 503 + Retry-After or
// succeed, never hang or crash, and serve again within 5 s (DESIGN.md "Errors").
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemoUsers } from '../../db/seed/demo-users';
import { petitionInput } from '../helpers/app';
import { createTestDatabase, onPostgres, requireOrSkip, type TestDatabase } from '../helpers/database';
import { startAppServer, type Child } from '../bench/processes';
import { loadSeedCatalog, seedBatchStatement } from '../bench/seed';

const postgresOnly = requireOrSkip(onPostgres(), 'two server instances on one database need PostgreSQL (set TEST_DATABASE_URL)');
const PETITIONS = 10_000;
const NOTICES = 300;

/** Outbox ids each server handed to its (development) transport, from its JSON log lines. */
function delivered(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{') && line.includes('[dev '))
    .map((line) => (JSON.parse(line) as { id: string }).id);
}

describe.runIf(postgresOnly)('two server instances share the sweeper’s and the outbox’s work (PostgreSQL)', () => {
  let tdb: TestDatabase;
  let servers: Child[] = [];
  beforeAll(async () => {
    tdb = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.kill()));
    await tdb?.cleanup();
  });

  test('no clock timer fires twice and no notice is sent twice', { timeout: 180_000 }, async () => {
    const sql = tdb.database.sqlClient!;
    await seedDemoUsers(tdb.database.db);
    const { text, params } = seedBatchStatement(await loadSeedCatalog(sql), { lo: 1, hi: PETITIONS, total: PETITIONS, now: new Date() });
    await sql.unsafe(text, params as never[]);
    // The backlog: every timer still to fire is due now (as after a long outage), and notices wait to be sent.
    const [{ timers }] = (await sql`
      with due as (update petition_clocks set fires_at = now() - interval '1 minute' where fired_at is null returning 1)
      select count(*)::int as timers from due`) as unknown as [{ timers: number }];
    await sql`
      insert into outbox (channel, recipient, template, subject, body)
      select case when g % 2 = 0 then 'email' else 'sms' end, case when g % 2 = 0 then 'cetatean' || g || '@example.ro' else '+4072200' || lpad(g::text, 4, '0') end,
        'bench.backlog', 'Aviz ' || g, 'Mesajul nr. ' || g
      from generate_series(1, ${NOTICES}) as g`;
    expect(timers).toBeGreaterThan(500); // more than one batch of the sweeper (500)

    // Two instances, started together: both sweep and deliver at once from their first tick.
    servers = await Promise.all([0, 1].map(() => startAppServer({ databaseUrl: tdb.url!, env: { OUTBOX_POLL_MS: '50', DB_POOL_SIZE: '5' } })));
    const deadline = Date.now() + 120_000;
    for (;;) {
      const [state] = (await sql`
        select (select count(*)::int from petition_clocks where fired_at is null and fires_at <= now()) as due,
               (select count(*)::int from outbox where status in ('pending', 'sending')) as unsent`) as unknown as [{ due: number; unsent: number }];
      if (state.due === 0 && state.unsent === 0) break;
      if (Date.now() > deadline) throw new Error(`work left after 120 s: ${JSON.stringify(state)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    // Let both run a little longer with nothing to do (their last log lines are read meanwhile).
    await new Promise((r) => setTimeout(r, 1500));

    // Each timer fired once: one timeline event per petition, clock and stage.
    const twiceFired = await sql`
      select petition_id, type, data->>'clock' as clock, count(*)::int as n from petition_events
      where type like 'clock.%' group by 1, 2, 3 having count(*) > 1`;
    expect(twiceFired).toEqual([]);
    const [{ escalations }] = (await sql`select count(*)::int as escalations from petition_events where type like 'clock.%'`) as unknown as [{ escalations: number }];
    expect(escalations).toBeGreaterThan(0);
    expect(escalations).toBeLessThanOrEqual(timers);
    // One in-app notice per recipient and escalation.
    const twiceNoticed = await sql`
      select user_id, petition_id, kind, text_ro, count(*)::int as n from staff_notices group by 1, 2, 3, 4 having count(*) > 1`;
    expect(twiceNoticed).toEqual([]);

    // Each notice (the backlog and the escalations' e-mails) went to a transport once, by one instance.
    const [a, b] = servers.map((s) => delivered(s.output())) as [string[], string[]];
    const all = [...a, ...b];
    const rows = await sql<Array<{ id: string; attempts: number; status: string }>>`select id, attempts, status from outbox`;
    expect(rows.filter((r) => r.status !== 'sent' || r.attempts !== 1)).toEqual([]);
    expect(all.length).toBe(rows.length);
    expect(new Set(all).size).toBe(all.length);
    // And the work really was shared.
    expect(a.length, 'notices delivered by the first instance').toBeGreaterThan(0);
    expect(b.length, 'notices delivered by the second instance').toBeGreaterThan(0);
    const escalatedBy = servers.map((s) => s.output().split('\n').filter((l) => l.includes('"clock escalations"')).length);
    console.info(`two instances: ${timers} timers (${escalations} escalations), ${rows.length} notices; sent ${a.length} + ${b.length}; escalation batches ${escalatedBy.join(' + ')}`);
  });

  test('every database connection of both processes is cut during traffic: 503 with Retry-After or success, never a hang, no crash, both serve again within 5 s', { timeout: 120_000 }, async () => {
    expect(servers).toHaveLength(2);
    const sql = tdb.database.sqlClient!;
    const intake = (url: string) =>
      fetch(`${url}/api/petitions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...petitionInput(), subject: 'Sesizare în timpul căderii' }),
        signal: AbortSignal.timeout(25_000), // a hang fails the test instead of stalling it
      });
    const traffic = servers.flatMap((s) => Array.from({ length: 20 }, (_, i) => (i % 2 ? fetch(`${s.url}/api/categories`, { signal: AbortSignal.timeout(25_000) }) : intake(s.url))));
    await new Promise((r) => setTimeout(r, 20));
    // Every backend of this database: the API pools, the workers', and socket.io's LISTEN connection.
    const cut = await sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`;
    expect(cut.length).toBeGreaterThan(2);
    const answers = await Promise.all(traffic.map((p) => p.catch((error: unknown) => error as Error)));
    const failed = answers.filter((a): a is Error => a instanceof Error);
    const tails = servers.map((s, i) => `--- server ${i} ---\n${s.output().slice(-6000)}`).join('\n');
    expect(failed.map((e) => `${e.message}: ${String((e.cause as Error | undefined)?.message ?? '')}`), `requests that got no answer\n${tails}`).toEqual([]);
    for (const res of answers as Response[]) {
      expect([200, 201, 503]).toContain(res.status);
      if (res.status === 503) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      await res.arrayBuffer();
    }
    // Both processes are alive and register petitions again within 5 s, without a restart.
    for (const s of servers) {
      const deadline = Date.now() + 5_000;
      let status = 0;
      while (Date.now() < deadline) {
        status = (await intake(s.url).catch(() => null))?.status ?? 0;
        if (status === 201) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(status, `${s.url} serves again within 5 s`).toBe(201);
      expect((await fetch(`${s.url}/health`)).status).toBe(200);
    }
    await Promise.all(servers.map((s) => s.stop()));
    for (const s of servers) expect(s.output(), 'no uncaught exception in the server').not.toMatch(/uncaught|The server could not start/i);
  });
});
