// Issue 7: "no query in these paths may scan the whole petitions table". On a register seeded like Sector 6's
// (20,000 petitions, 90 % closed, in one SQL statement) and ANALYZEd, every statement the staff queue, the
// badges, the tracking page and the search really send is EXPLAINed: none may have a Seq Scan on petitions.
// The statements are the ones the requests sent (recorded by Drizzle's logger), not copies of them.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemoUsers } from '../../db/seed/demo-users';
import { createTestApp, type TestApp } from '../helpers/app';
import { createTestDatabase, onPostgres, requireOrSkip, type TestDatabase } from '../helpers/database';
import { as, signIn } from '../helpers/staff';
import { describePlan, explain, readsPetitions, recordingDb, seqScansOf, type RecordedQuery } from '../bench/plans';
import { benchTrackingCode, loadSeedCatalog, seedBatchStatement } from '../bench/seed';

const postgresOnly = requireOrSkip(onPostgres(), 'query plans are checked on PostgreSQL (set TEST_DATABASE_URL)');
const PETITIONS = 20_000;

describe.runIf(postgresOnly)('no hot path scans the whole petitions table (PostgreSQL, 20,000 petitions)', () => {
  let tdb: TestDatabase;
  let t: TestApp;
  let queries: RecordedQuery[];
  let sample: { number: string; openNumber: string };

  beforeAll(async () => {
    tdb = await createTestDatabase();
    const client = tdb.database.sqlClient!;
    await seedDemoUsers(tdb.database.db);
    const catalog = await loadSeedCatalog(client);
    const { text, params } = seedBatchStatement(catalog, { lo: 1, hi: PETITIONS, total: PETITIONS, now: new Date() });
    const [seeded] = await client.unsafe(text, params as never[]);
    expect(seeded).toMatchObject({ petitions: PETITIONS });
    await client`vacuum analyze`;
    const recording = recordingDb(client);
    queries = recording.queries;
    t = await createTestApp({ now: new Date().toISOString(), testDatabase: { ...tdb, database: { ...tdb.database, db: recording.db } } });
    const [closed] = await client`select registration_number from petitions where status = 'answered' order by seq desc limit 1`;
    const [open] = await client`select registration_number from petitions where status = 'in_progress' order by seq desc limit 1`;
    sample = { number: closed!.registration_number as string, openNumber: open!.registration_number as string };
  }, 180_000);
  afterAll(async () => {
    await tdb?.cleanup();
  });

  /** Runs the requests, then EXPLAINs every statement they sent that reads petitions. */
  async function plansOf(requests: () => Promise<Response[]>) {
    queries.length = 0;
    for (const res of await requests()) expect(res.status, await res.clone().text()).toBe(200);
    const reading = queries.filter(readsPetitions);
    expect(reading.length, 'the requests read the petitions table').toBeGreaterThan(0);
    return Promise.all(reading.map(async (q) => ({ q, plan: (await explain(tdb.database.sqlClient!, q)).plan })));
  }

  function expectNoSeqScan(plans: Awaited<ReturnType<typeof plansOf>>) {
    for (const { q, plan } of plans) {
      expect(seqScansOf(plan, 'petitions'), `${q.sql}\n\n${describePlan(plan)}`).toEqual([]);
    }
  }

  test('the staff queues (department, mine, approvals, registry, with and without a clock filter, page 2)', async () => {
    const head = await signIn(t, 'adpdu.sef');
    const registry = await signIn(t, 'registratura');
    const officer = await signIn(t, 'adpdu.inspector');
    const plans = await plansOf(async () => {
      const first = await as(t, head).get('/api/petitions?queue=department');
      const { nextCursor } = await first.clone().json();
      return [
        first,
        await as(t, head).get(`/api/petitions?queue=department&cursor=${nextCursor}`),
        await as(t, head).get('/api/petitions?queue=department&clock=breached'),
        await as(t, head).get('/api/petitions?queue=department&clock=at_risk'),
        await as(t, head).get('/api/petitions?queue=approvals'),
        await as(t, officer).get('/api/petitions?queue=mine'),
        await as(t, registry).get('/api/petitions?queue=registry'),
        await as(t, registry).get('/api/petitions?queue=department'),
        await as(t, registry).get('/api/petitions?queue=dispatch'),
      ];
    });
    expectNoSeqScan(plans);
  });

  test('the badges (GET /api/petitions/counts) of a head, an officer and the registry', async () => {
    const plans = await plansOf(async () => [
      await as(t, await signIn(t, 'adpdu.sef')).get('/api/petitions/counts'),
      await as(t, await signIn(t, 'adpdu.inspector')).get('/api/petitions/counts'),
      await as(t, await signIn(t, 'registratura')).get('/api/petitions/counts'),
    ]);
    expectNoSeqScan(plans);
  });

  test('the tracking page of a closed and of an open petition', async () => {
    const plans = await plansOf(async () => [
      await t.app.request(`/api/track/${sample.number}?code=${benchTrackingCode(sample.number)}`),
      await t.app.request(`/api/track/${sample.openNumber}?code=${benchTrackingCode(sample.openNumber)}`),
    ]);
    expectNoSeqScan(plans);
  });

  test('the staff search: common words, a street, a misspelling, a registration number', async () => {
    const head = await signIn(t, 'adpdu.sef');
    expect((await as(t, head).get('/api/search?q=groapa')).status).toBe(200);
    const plans = await plansOf(async () => [
      await as(t, head).get('/api/search?q=groapa'),
      await as(t, head).get(`/api/search?q=${encodeURIComponent('apă caldă')}`),
      await as(t, head).get(`/api/search?q=${encodeURIComponent('Valea Cascadelor')}`),
      await as(t, head).get(`/api/search?q=${encodeURIComponent('Cascdelor')}`),
      await as(t, head).get(`/api/search?q=${sample.openNumber}`),
    ]);
    expectNoSeqScan(plans);
  });
});
