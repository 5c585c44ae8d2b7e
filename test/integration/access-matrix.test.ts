// Issue 3: every staff endpoint × every role, plus a user of another department (404, not 403).
// Each cell gets a fresh petition in the state the action needs, so the only variable is who asks.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { as, newPetition, seedStaff, signIn } from '../helpers/staff';

let t: TestApp;
type Session = Awaited<ReturnType<typeof signIn>>;
const sessions: Record<string, Session> = {};
const LOGINS = {
  agent: 'agent', supervisor: 'supervizor', registry: 'registratura', officer: 'adpdu.inspector', head: 'adpdu.sef',
  director: 'adpdu.director', delegate: 'delegat', admin: 'admin', otherDepartmentHead: 'dgpl.sef',
} as const;
type Who = keyof typeof LOGINS;

beforeAll(async () => {
  t = await createTestApp();
  await seedStaff(t);
  for (const [who, login] of Object.entries(LOGINS)) sessions[who] = await signIn(t, login);
});
afterAll(() => t.cleanup());

type State = 'registered' | 'routed' | 'in_progress';
async function petitionIn(state: State) {
  const p = await newPetition(t, sessions.registry!);
  if (state !== 'registered') await as(t, sessions.registry!).post(`/api/petitions/${p.id}/route`, { departmentCode: 'ADPDU' });
  if (state === 'in_progress') await as(t, sessions.head!).post(`/api/petitions/${p.id}/assign`, { userId: sessions.officer!.user.id });
  return p;
}

type Row = { endpoint: string; state: State; method: 'GET' | 'POST'; path: (id: string) => string; body?: unknown; expect: Record<Who, number> };
const R = (o: Partial<Record<Who, number>>, rest: number): Record<Who, number> =>
  Object.fromEntries((Object.keys(LOGINS) as Who[]).map((w) => [w, o[w] ?? rest])) as Record<Who, number>;

const MATRIX: Row[] = [
  { endpoint: 'GET /api/petitions/{id}', state: 'routed', method: 'GET', path: (id) => `/api/petitions/${id}`, expect: R({ agent: 403, supervisor: 403, otherDepartmentHead: 404 }, 200) },
  { endpoint: 'GET /api/petitions/{id}/petitioner', state: 'routed', method: 'GET', path: (id) => `/api/petitions/${id}/petitioner`, expect: R({ agent: 403, supervisor: 403, otherDepartmentHead: 404 }, 200) },
  { endpoint: 'POST …/route', state: 'registered', method: 'POST', path: (id) => `/api/petitions/${id}/route`, body: { departmentCode: 'ADPDU' }, expect: R({ registry: 204 }, 403) },
  { endpoint: 'POST …/forward', state: 'registered', method: 'POST', path: (id) => `/api/petitions/${id}/forward`, body: { institutionCode: 'ASB', note: 'Adresa 1/2026' }, expect: R({ registry: 204 }, 403) },
  { endpoint: 'POST …/file', state: 'registered', method: 'POST', path: (id) => `/api/petitions/${id}/file`, body: { reason: 'withdrawn', note: 'retrasă' }, expect: R({ registry: 204 }, 403) },
  { endpoint: 'POST …/return', state: 'routed', method: 'POST', path: (id) => `/api/petitions/${id}/return`, body: { reason: 'Nu este de competența noastră.' }, expect: R({ head: 204, otherDepartmentHead: 404 }, 403) },
  { endpoint: 'POST …/assign', state: 'routed', method: 'POST', path: (id) => `/api/petitions/${id}/assign`, body: {}, expect: R({ head: 204, otherDepartmentHead: 404 }, 403) },
  { endpoint: 'POST …/contributions', state: 'in_progress', method: 'POST', path: (id) => `/api/petitions/${id}/contributions`, body: { departmentCode: 'DGPL', question: 'Aveți date?', dueOn: '2026-12-10' }, expect: R({ officer: 204, head: 204, otherDepartmentHead: 404 }, 403) },
  { endpoint: 'POST …/notes', state: 'routed', method: 'POST', path: (id) => `/api/petitions/${id}/notes`, body: { text: 'Notă internă.' }, expect: R({ agent: 403, supervisor: 403, otherDepartmentHead: 404 }, 204) },
];

describe('the access matrix', () => {
  for (const row of MATRIX) {
    test.each(Object.keys(LOGINS) as Who[])(`${row.endpoint} as %s`, async (who) => {
      const p = await petitionIn(row.state);
      const client = as(t, sessions[who]!);
      const res = row.method === 'GET' ? await client.get(row.path(p.id)) : await client.post(row.path(p.id), row.body);
      expect(res.status, await res.clone().text()).toBe(row.expect[who]);
    });
    test(`${row.endpoint} without a session is a 401`, async () => {
      const p = await petitionIn(row.state);
      const res = await t.app.request(row.path(p.id), { method: row.method, headers: { 'content-type': 'application/json' }, ...(row.body ? { body: JSON.stringify(row.body) } : {}) });
      expect(res.status).toBe(401);
    });
  }

  test.each([
    ['agent', 403], ['supervisor', 403], ['registry', 200], ['officer', 200], ['head', 200], ['director', 200], ['delegate', 200], ['admin', 200],
  ] as const)('GET /api/petitions (the queues) as %s answers %i', async (who, status) => {
    expect((await as(t, sessions[who]!).get('/api/petitions?queue=all')).status).toBe(status);
  });

  test.each([
    ['registry', 'registry', 200], ['registry', 'head', 403], ['decisions', 'officer', 403], ['department', 'head', 200], ['department', 'agent', 403],
    ['mine', 'officer', 200], ['approvals', 'head', 200], ['approvals', 'officer', 403], ['dispatch', 'registry', 200], ['dispatch', 'head', 403],
  ] as const)('the %s queue as %s answers %i', async (queue, who, status) => {
    expect((await as(t, sessions[who]!).get(`/api/petitions?queue=${queue}`)).status).toBe(status);
  });

  test('a bad queue, clock or cursor is a 400', async () => {
    const registry = as(t, sessions.registry!);
    expect((await registry.get('/api/petitions?queue=everything')).status).toBe(400);
    expect((await registry.get('/api/petitions?clock=late')).status).toBe(400);
    expect((await registry.get('/api/petitions?cursor=%%%')).status).toBe(400);
  });

  test('the queue is keyset-paginated, soonest due first, without overlaps', async () => {
    for (let i = 0; i < 5; i++) {
      await newPetition(t, sessions.registry!);
      t.clock.advance(3_600_000);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let previousDue = '';
    do {
      const page: { items: Array<{ id: string; legalDueOn: string }>; nextCursor: string | null } = await (await as(t, sessions.registry!).get(`/api/petitions?queue=registry&limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      for (const item of page.items) {
        expect(item.legalDueOn >= previousDue).toBe(true);
        previousDue = item.legalDueOn;
        seen.push(item.id);
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(5);
  });
});
