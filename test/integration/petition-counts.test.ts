// GET /api/petitions/counts (issue 7): the badges of the staff queues — for each queue the user has, its
// petitions by clock state. A badge must agree with the list it labels (`?queue=…&clock=…`).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { as, newPetition, seedStaff, signIn } from '../helpers/staff';

type Session = Awaited<ReturnType<typeof signIn>>;
type Counts = { queues: Record<string, { total: number; on_time: number; at_risk: number; breached: number }> };

let t: TestApp;
let registry: Session;
let head: Session;
let officer: Session;

const NOW = '2026-11-26T10:00:00Z';

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  await seedStaff(t);
  registry = await signIn(t, 'registratura');
  // Petitions registered on different days, so their clocks are in every state today: registered 40 days
  // ago (legal term past: breached), 27 days ago (due within 5 working days: at risk), today (on time).
  const routed: string[] = [];
  for (const [daysAgo, n] of [[40, 2], [27, 3], [0, 4]] as const) {
    t.clock.set(new Date(Date.parse(NOW) - daysAgo * 86_400_000));
    for (let i = 0; i < n; i++) routed.push((await newPetition(t, await signIn(t, 'registratura'), { subject: `Sesizarea ${daysAgo}-${i}` })).id);
  }
  t.clock.set(NOW);
  registry = await signIn(t, 'registratura');
  for (const id of routed) expect((await as(t, registry).post(`/api/petitions/${id}/route`, { departmentCode: 'ADPDU' })).status).toBe(204);
  // Two more wait in the registry (one routed elsewhere, so department queues differ).
  const other = await newPetition(t, registry, { subject: 'Gunoi neridicat', categoryCode: 'salubrizare' });
  expect((await as(t, registry).post(`/api/petitions/${other.id}/route`, { departmentCode: 'DGSPL' })).status).toBe(204);
  await newPetition(t, registry, { subject: 'Încă nerepartizată' });
  head = await signIn(t, 'adpdu.sef');
  officer = await signIn(t, 'adpdu.inspector');
  // The head assigns one to the officer: it shows in the officer's "mine".
  expect((await as(t, head).post(`/api/petitions/${routed[0]}/assign`, {})).status).toBe(204);
});
afterAll(() => t?.cleanup());

async function counts(who: Session): Promise<Counts> {
  const res = await as(t, who).get('/api/petitions/counts');
  expect(res.status).toBe(200);
  return res.json();
}

async function listed(who: Session, query: string): Promise<number> {
  const res = await as(t, who).get(`/api/petitions?${query}&limit=100`);
  expect(res.status).toBe(200);
  return (await res.json()).items.length;
}

describe('GET /api/petitions/counts', () => {
  test('a department head gets the badges of their queues: the department queue by clock state, and no registry queue', async () => {
    const { queues } = await counts(head);
    expect(queues.department).toEqual({ total: 9, on_time: 4, at_risk: 3, breached: 2 });
    expect(queues.registry).toBeUndefined();
    expect(queues.dispatch).toBeUndefined();
    expect(queues.all).toBeUndefined();
    expect(Object.keys(queues)).toEqual(expect.arrayContaining(['department', 'mine', 'approvals']));
  });

  test('each badge equals the length of the list it labels, for every queue and clock state', async () => {
    for (const who of [head, registry, officer]) {
      const { queues } = await counts(who);
      for (const [queue, c] of Object.entries(queues)) {
        expect(c.on_time + c.at_risk + c.breached, `${queue}: states add up`).toBeLessThanOrEqual(c.total);
        expect(await listed(who, `queue=${queue}`), `${queue} total`).toBe(c.total);
        for (const state of ['on_time', 'at_risk', 'breached'] as const) {
          expect(await listed(who, `queue=${queue}&clock=${state}`), `${queue} ${state}`).toBe(c[state]);
        }
      }
    }
  });

  test('the registry counts what waits for it and every department’s open petitions; the officer only what is theirs', async () => {
    const reg = await counts(registry);
    expect(reg.queues.registry?.total).toBe(1);
    expect(reg.queues.department?.total).toBe(10);
    const mine = await counts(officer);
    expect(mine.queues.mine).toMatchObject({ total: 1, breached: 1 });
  });

  test('without a session it is a 401; a role without queues (the call center) gets a 403', async () => {
    expect((await t.app.request('/api/petitions/counts')).status).toBe(401);
    const agent = await signIn(t, 'agent');
    const res = await as(t, agent).get('/api/petitions/counts');
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('auth.forbidden');
  });

  test('"counts" is not taken for a petition id', async () => {
    const res = await as(t, head).get('/api/petitions/counts');
    expect(res.status).toBe(200);
    expect(await res.json()).toHaveProperty('queues');
  });
});
