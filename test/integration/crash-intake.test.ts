// Issue 7 §3: nothing acknowledged is lost (DESIGN.md invariants). The real server process is killed with
// SIGKILL while 1,000 petitions are being submitted at once — when the first few hundred have been answered
// 201, counted, not timed — and started again on the same database. Every 201 is there with its number and
// its tracking code, the numbers have no gap, and each client's retry with the same Idempotency-Key gets its
// original answer byte for byte (or, for a request that never got an answer, one registration, not two).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, onPostgres, requireOrSkip, type TestDatabase } from '../helpers/database';
import { petitionInput } from '../helpers/app';
import { httpClient, type HttpResponse } from '../bench/load';
import { startAppServer, type Child } from '../bench/processes';

const postgresOnly = requireOrSkip(onPostgres(), 'killing a server process mid-intake needs PostgreSQL (set TEST_DATABASE_URL)');
const SUBMISSIONS = 1_000;
const KILL_AFTER_201 = 250;

type Submission = { key: string; body: string; response: HttpResponse | null; error: string | null };

describe.runIf(postgresOnly)('SIGKILL during 1,000 concurrent submissions (PostgreSQL, real server process)', () => {
  let tdb: TestDatabase;
  let server: Child | null = null;
  beforeAll(async () => {
    tdb = await createTestDatabase();
  });
  afterAll(async () => {
    await server?.kill();
    await tdb?.cleanup();
  });

  test('every petition that got a 201 survives the crash with its number, the numbers are gapless, and retries get the original answers', { timeout: 240_000 }, async () => {
    const url = tdb.url!;
    const env = { DB_POOL_SIZE: '10', OUTBOX_POLL_MS: '60000' };
    server = await startAppServer({ databaseUrl: url, env });
    const first = server;

    const submissions: Submission[] = Array.from({ length: SUBMISSIONS }, (_, i) => ({
      key: `crash-test-${i}-${Math.random().toString(36).slice(2)}`,
      body: JSON.stringify(petitionInput({ subject: `Sesizarea nr. ${i} înaintea căderii`, petitioner: { kind: 'person', firstName: 'Ana', lastName: 'Pop', email: `ana.pop${i}@example.ro`, phone: null, address: null } })),
      response: null,
      error: null,
    }));
    const post = (client: ReturnType<typeof httpClient>, s: Submission) =>
      client.send({ method: 'POST', path: '/api/petitions', headers: { 'content-type': 'application/json', 'idempotency-key': s.key }, body: s.body });

    // All at once; the kill is triggered by the count of 201s, not by a timer.
    const client = httpClient(first.url, SUBMISSIONS);
    let created = 0;
    let killed: Promise<void> | null = null;
    await Promise.all(
      submissions.map(async (s) => {
        try {
          s.response = await post(client, s);
          if (s.response.status === 201 && ++created === KILL_AFTER_201) killed = first.kill();
        } catch (error) {
          s.error = (error as { code?: string }).code ?? String(error);
        }
      }),
    );
    await killed;
    client.close();
    expect(killed, 'the server was killed').not.toBeNull();
    const acknowledged = submissions.filter((s) => s.response?.status === 201);
    const unanswered = submissions.filter((s) => s.response === null);
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_201);
    expect(unanswered.length, 'requests cut by the kill').toBeGreaterThan(0);
    // Nothing but 201s and cut connections: no 5xx before the kill.
    expect(submissions.filter((s) => s.response && s.response.status !== 201).map((s) => s.response!.status)).toEqual([]);

    console.info(`crash test: ${acknowledged.length} answered 201 before the kill, ${unanswered.length} cut`);

    // Restart on the same database.
    server = await startAppServer({ databaseUrl: url, env });
    const second = server;
    const sql = tdb.database.sqlClient!;
    const stored = new Map((await sql<Array<{ n: string; seq: number }>>`select registration_number as n, seq from petitions`).map((r) => [r.n, r.seq]));

    // Every acknowledged petition is there with its number, and its tracking code works.
    const answers = acknowledged.map((s) => JSON.parse(s.response!.body.toString()) as { registrationNumber: string; trackingCode: string });
    expect(answers.filter((a) => !stored.has(a.registrationNumber)).map((a) => a.registrationNumber)).toEqual([]);
    const retry = httpClient(second.url, 32);
    const tracked = await Promise.all(answers.map((a) => retry.send({ path: `/api/track/${a.registrationNumber}?code=${encodeURIComponent(a.trackingCode)}` })));
    expect(tracked.filter((r) => r.status !== 200).length, 'tracking codes that do not open their petition').toBe(0);

    // Gapless after the crash: 1..n, and the counter agrees.
    const gapless = async (expectedCount?: number) => {
      const seqs = (await sql<Array<{ seq: number }>>`select seq from petitions where register = 'P' order by seq`).map((r) => r.seq);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
      const [counter] = await sql<Array<{ last: number }>>`select last from register_counters where register = 'P'`;
      expect(counter?.last).toBe(seqs.length);
      if (expectedCount !== undefined) expect(seqs.length).toBe(expectedCount);
    };
    await gapless();
    expect(stored.size).toBeGreaterThanOrEqual(acknowledged.length);

    // Every client retries with the same key and body (concurrently, 32 at a time).
    const retried: HttpResponse[] = [];
    for (let i = 0; i < submissions.length; i += 32) {
      retried.push(...(await Promise.all(submissions.slice(i, i + 32).map((s) => post(retry, s)))));
    }
    retry.close();
    submissions.forEach((s, i) => {
      const again = retried[i]!;
      expect(again.status, `retry of ${s.key}`).toBe(201);
      if (s.response?.status === 201) {
        // The original answer, byte for byte.
        expect(again.headers['idempotent-replayed']).toBe('true');
        expect(again.body.toString()).toBe(s.response.body.toString());
      }
    });
    // One petition per key, numbered without a gap: 1..1000.
    await gapless(SUBMISSIONS);
    const numbers = retried.map((r) => (JSON.parse(r.body.toString()) as { registrationNumber: string }).registrationNumber);
    expect(new Set(numbers).size).toBe(SUBMISSIONS);
  });
});
