// Retention (issue 6 §5): a period in years per register, set by the administrator (GET/PUT
// /api/admin/retention), and the daily job (server/workers/retention.worker.ts) that anonymises the
// petitions whose final status is older than their register's period — and nothing else.
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { outbox, petitionAnonymisations, petitionEvents, petitions } from '../../db/schema';
import { silentLogger } from '../../server/lib/logger';
import { yearsBefore } from '../../server/modules/gdpr/retention.usecases';
import { startRetentionWorker } from '../../server/workers/retention.worker';
import { createTestApp, petitionInput, type TestApp } from '../helpers/app';
import { seedStaff, signIn } from '../helpers/staff';

let t: TestApp;
type Session = { headers: Record<string, string>; user: { id: string } };
let admin: Session;

const call = (method: string, path: string, session: Session | null, body?: unknown) =>
  t.app.request(path, { method, headers: session ? session.headers : { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

const NOW = '2026-11-26T10:00:00Z';

/** A petition registered at `at` by a petitioner whose last name is `token`; closed (or not) at `closedAt`. */
async function petitionAt(token: string, at: string, { closedAt, status = 'answered', categoryCode = 'strazi-trotuare', type = 'sesizare', email = `${token.toLowerCase()}@example.test` }: {
  closedAt?: string; status?: 'answered' | 'archived' | 'filed' | 'forwarded' | 'joined' | 'in_progress'; categoryCode?: string; type?: string; email?: string;
} = {}) {
  t.clock.set(at);
  const res = await t.json('/api/petitions', petitionInput({
    categoryCode, type,
    subject: `Sesizarea lui ${token}`,
    body: `Semnat ${token}, strada ${token}.`,
    petitioner: { kind: 'person', firstName: 'Ion', lastName: token, email, phone: null, address: `Strada ${token} 1` },
  }));
  expect(res.status).toBe(201);
  const number = (await res.json()).registrationNumber as string;
  const [row] = await t.db.select({ id: petitions.id }).from(petitions).where(eq(petitions.registrationNumber, number));
  if (closedAt) {
    await t.db.update(petitions).set({ status }).where(eq(petitions.id, row!.id));
    await t.db.insert(petitionEvents).values({ petitionId: row!.id, at: new Date(closedAt), actorKind: 'staff', type: status, textRo: `Închisă (${status}).`, textEn: `Closed (${status}).` });
  } else if (status !== 'answered') {
    await t.db.update(petitions).set({ status }).where(eq(petitions.id, row!.id));
  }
  t.clock.set(NOW);
  return { number, id: row!.id, token };
}

async function anonymised(id: string): Promise<boolean> {
  const [p] = await t.db.select({ lastName: petitions.petitionerLastName, body: petitions.body }).from(petitions).where(eq(petitions.id, id));
  return p!.lastName === null && p!.body === '[conținut anonimizat]';
}

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  await seedStaff(t);
  admin = (await signIn(t, 'admin')) as Session;
});
afterAll(() => t?.cleanup());

describe('GET/PUT /api/admin/retention', () => {
  test('the defaults: petitions (P) 5 years, information requests (I) 3 years', async () => {
    const res = await call('GET', '/api/admin/retention', admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { items } = await res.json();
    expect(items).toEqual([
      { register: 'P', years: 5, updatedAt: expect.any(String), updatedBy: null },
      { register: 'I', years: 3, updatedAt: expect.any(String), updatedBy: null },
    ]);
  });

  test('the administrator changes one register or both; who and when are kept', async () => {
    const res = await call('PUT', '/api/admin/retention', admin, { I: 4 });
    expect(res.status).toBe(200);
    expect((await res.json()).items).toEqual([
      { register: 'P', years: 5, updatedAt: expect.any(String), updatedBy: null },
      { register: 'I', years: 4, updatedAt: '2026-11-26T10:00:00.000Z', updatedBy: { id: admin.user.id, name: 'Andrei Constantinescu' } },
    ]);
    const both = await call('PUT', '/api/admin/retention', admin, { P: 5, I: 3 });
    expect((await both.json()).items.map((r: { years: number }) => r.years)).toEqual([5, 3]);
  });

  test('400 for nothing to change, an unknown register, a non-integer or out-of-range number of years', async () => {
    for (const body of [{}, { X: 2 }, { P: 0 }, { P: 101 }, { P: 2.5 }, { P: '5' }, { I: null }]) {
      expect((await call('PUT', '/api/admin/retention', admin, body)).status, JSON.stringify(body)).toBe(400);
    }
    const bad = await t.app.request('/api/admin/retention', { method: 'PUT', headers: admin.headers, body: '{' });
    expect(bad.status).toBe(400);
  });
});

describe('the retention job', () => {
  test('anonymises only the petitions whose final status is older than their register’s period, once', async () => {
    // Petitions (P, 5 years → cut-off 2021-11-26).
    const oldAnswered = await petitionAt('Retvechip', '2019-03-05T09:00:00Z', { closedAt: '2019-03-20T10:00:00Z' });
    const oldFiled = await petitionAt('Retclasatp', '2020-02-03T09:00:00Z', { closedAt: '2020-02-10T10:00:00Z', status: 'filed' });
    const recentAnswered = await petitionAt('Retrecentp', '2022-06-01T09:00:00Z', { closedAt: '2022-06-10T10:00:00Z' });
    const stillOpen = await petitionAt('Retdeschisp', '2019-04-01T09:00:00Z', { status: 'in_progress' });
    const noteLater = await petitionAt('Retnotap', '2019-05-06T09:00:00Z', { closedAt: '2019-05-20T10:00:00Z' });
    await t.db.insert(petitionEvents).values({ petitionId: noteLater.id, at: new Date('2024-02-01T10:00:00Z'), actorKind: 'staff', type: 'note', textRo: 'Dosar consultat.', textEn: 'File consulted.' });
    // Information requests (I, 3 years → cut-off 2023-11-26).
    const oldInfo = await petitionAt('Retvechii', '2023-01-10T09:00:00Z', { closedAt: '2023-01-16T10:00:00Z', categoryCode: 'informatii-publice', type: 'cerere' });
    const recentInfo = await petitionAt('Retrecenti', '2024-05-02T09:00:00Z', { closedAt: '2024-05-10T10:00:00Z', categoryCode: 'informatii-publice', type: 'cerere' });
    expect(oldInfo.number).toMatch(/^I-2023-/);
    // The same person as the oldest petition wrote again this year: that petition and its notices stay.
    const sameEmail = await petitionAt('Retnoup', NOW, { email: 'retvechip@example.test' });

    const worker = startRetentionWorker({ db: t.db, clock: t.clock, logger: silentLogger, autoStart: false });
    const first = await worker.runOnce();
    expect(first.petitions.sort()).toEqual([oldAnswered.number, oldFiled.number, oldInfo.number].sort());
    for (const p of [oldAnswered, oldFiled, oldInfo]) expect(await anonymised(p.id), p.number).toBe(true);
    for (const p of [recentAnswered, stillOpen, noteLater, recentInfo, sameEmail]) expect(await anonymised(p.id), p.number).toBe(false);
    const [kept] = await t.db.select().from(petitions).where(eq(petitions.id, sameEmail.id));
    expect(kept!.petitionerEmail).toBe('retvechip@example.test');
    const pending = await t.db.select().from(outbox).where(eq(outbox.petitionId, sameEmail.id));
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((n) => n.recipient === 'retvechip@example.test' && n.status === 'pending')).toBe(true);

    const records = await t.db.select().from(petitionAnonymisations).where(inArray(petitionAnonymisations.petitionId, [oldAnswered.id, oldFiled.id, oldInfo.id]));
    expect(records.map((r) => [r.reason, r.actorUserId])).toEqual([['retention', null], ['retention', null], ['retention', null]]);
    const [event] = await t.db.select().from(petitionEvents).where(eq(petitionEvents.petitionId, oldAnswered.id)).orderBy(petitionEvents.id).then((rows) => rows.slice(-1));
    expect(event).toMatchObject({ type: 'personal_data_anonymised', actorKind: 'system', public: false, at: new Date(NOW) });

    // Nothing is taken twice.
    expect((await worker.runOnce()).petitions).toEqual([]);

    // A shorter period brings the next ones in; a later note keeps a petition until the note is old enough.
    expect((await call('PUT', '/api/admin/retention', admin, { P: 4 })).status).toBe(200);
    expect((await worker.runOnce()).petitions).toEqual([recentAnswered.number]);
    expect(await anonymised(noteLater.id)).toBe(false);
    expect((await call('PUT', '/api/admin/retention', admin, { P: 2 })).status).toBe(200);
    expect((await worker.runOnce()).petitions).toEqual([noteLater.number]);
    expect(await anonymised(stillOpen.id)).toBe(false);
    await worker.stop();
    expect((await call('PUT', '/api/admin/retention', admin, { P: 5 })).status).toBe(200);
  });

  test('runs by itself after start, and stops', async () => {
    const old = await petitionAt('Retautop', '2018-01-08T09:00:00Z', { closedAt: '2018-01-20T10:00:00Z' });
    const worker = startRetentionWorker({ db: t.db, clock: t.clock, logger: silentLogger, firstRunMs: 0, intervalMs: 60_000 });
    const deadline = Date.now() + 15_000;
    while (!(await anonymised(old.id)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await worker.stop();
    expect(await anonymised(old.id)).toBe(true);
  });

  test('counts years on the calendar (29 February → 28 February)', () => {
    expect(yearsBefore(new Date('2026-11-26T10:00:00Z'), 5).toISOString()).toBe('2021-11-26T10:00:00.000Z');
    expect(yearsBefore(new Date('2028-02-29T12:00:00Z'), 1).toISOString()).toBe('2027-02-28T12:00:00.000Z');
  });
});
