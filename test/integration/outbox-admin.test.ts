// The administrator's outbox (issue 4 §5): GET /api/outbox and POST /api/outbox/:id/retry.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { outbox } from '../../db/schema';
import { outboxListSchema } from '../../shared/api/outbox';
import { silentLogger } from '../../server/lib/logger';
import { createDevTransports } from '../../server/modules/notifications/transports';
import { startOutboxWorker } from '../../server/workers/outbox.worker';
import { createTestApp, type TestApp } from '../helpers/app';
import { as, seedStaff, signIn } from '../helpers/staff';

let t: TestApp;
let admin: Awaited<ReturnType<typeof signIn>>;
let registry: Awaited<ReturnType<typeof signIn>>;
const ids = {} as Record<'sentMail' | 'sentSms' | 'failedMail' | 'pendingSms' | 'failedSms', string>;

beforeAll(async () => {
  t = await createTestApp();
  await seedStaff(t);
  admin = await signIn(t, 'admin');
  registry = await signIn(t, 'registratura');
  // Five notices a minute apart (oldest first), in every state.
  const base = Date.parse('2026-11-20T08:00:00Z');
  const rows = [
    { key: 'sentMail', channel: 'email', recipient: 'ioana@example.ro', subject: 'Petiția nr. P-2026-000001', body: 'Bună ziua,\nPetiția a fost înregistrată.', status: 'sent', providerId: 'dev-1', attempts: 1 },
    { key: 'sentSms', channel: 'sms', recipient: '+40722123456', subject: null, body: 'Primăria S6: petiția nr. P-2026-000001 a fost înregistrată.', status: 'sent', providerId: 'SM1', attempts: 1, segments: 1, encoding: 'UCS-2' },
    { key: 'failedMail', channel: 'email', recipient: 'gresit@example.ro', subject: 'Răspuns', body: 'Corp', status: 'failed', attempts: 8, lastError: 'SMTP 550: No such user here' },
    { key: 'pendingSms', channel: 'sms', recipient: '+40744000001', subject: null, body: 'Primaria S6: in asteptare', status: 'pending', attempts: 2, lastError: 'Twilio 500' },
    { key: 'failedSms', channel: 'sms', recipient: '+40744000002', subject: null, body: 'Primăria S6: eșuat', status: 'failed', attempts: 1, lastError: 'Twilio: undelivered (error 30003)', providerId: 'SM2', providerStatus: 'undelivered' },
  ] as const;
  for (const [i, { key, ...r }] of rows.entries()) {
    const at = new Date(base + i * 60_000);
    const [inserted] = await t.db
      .insert(outbox)
      .values({ template: 'petition.registered', ...r, createdAt: at, nextAttemptAt: new Date('2099-01-01T00:00:00Z') })
      .returning({ id: outbox.id });
    ids[key] = inserted!.id;
  }
});
afterAll(() => t?.cleanup());

describe('GET /api/outbox', () => {
  test('the administrator sees every notice, newest first, in full', async () => {
    const res = await as(t, admin).get('/api/outbox');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = outboxListSchema.parse(await res.json());
    expect(body.items.map((i) => i.id)).toEqual([ids.failedSms, ids.pendingSms, ids.failedMail, ids.sentSms, ids.sentMail]);
    expect(body.nextCursor).toBeNull();
    expect(body.items.find((i) => i.id === ids.sentSms)).toEqual({
      id: ids.sentSms,
      channel: 'sms',
      recipient: '+40722123456',
      template: 'petition.registered',
      status: 'sent',
      attempts: 1,
      providerId: 'SM1',
      providerStatus: null,
      createdAt: '2026-11-20T08:01:00.000Z',
      subject: null,
      body: 'Primăria S6: petiția nr. P-2026-000001 a fost înregistrată.',
      lastError: null,
      sentAt: null,
      nextAttemptAt: '2099-01-01T00:00:00.000Z',
      segments: 1,
      encoding: 'UCS-2',
      petitionId: null,
    });
    expect(body.items.find((i) => i.id === ids.sentMail)).toMatchObject({ subject: 'Petiția nr. P-2026-000001', body: 'Bună ziua,\nPetiția a fost înregistrată.' });
  });

  test('filters by status and by channel; an empty filter means any', async () => {
    const failed = await (await as(t, admin).get('/api/outbox?status=failed')).json();
    expect(failed.items.map((i: { id: string }) => i.id)).toEqual([ids.failedSms, ids.failedMail]);
    const failedSms = await (await as(t, admin).get('/api/outbox?status=failed&channel=sms')).json();
    expect(failedSms.items.map((i: { id: string }) => i.id)).toEqual([ids.failedSms]);
    const mail = await (await as(t, admin).get('/api/outbox?status=&channel=email')).json();
    expect(mail.items.map((i: { id: string }) => i.id)).toEqual([ids.failedMail, ids.sentMail]);
  });

  test('pages with limit and the cursor of the previous page', async () => {
    const first = await (await as(t, admin).get('/api/outbox?limit=2')).json();
    expect(first.items.map((i: { id: string }) => i.id)).toEqual([ids.failedSms, ids.pendingSms]);
    const second = await (await as(t, admin).get(`/api/outbox?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((i: { id: string }) => i.id)).toEqual([ids.failedMail, ids.sentSms]);
    const third = await (await as(t, admin).get(`/api/outbox?limit=2&cursor=${second.nextCursor}`)).json();
    expect(third).toEqual({ items: [expect.objectContaining({ id: ids.sentMail })], nextCursor: null });
  });

  test.each([
    ['status=lost', 'status'],
    ['channel=fax', 'channel'],
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['cursor=bm90LWEtY3Vyc29y', 'cursor'],
  ])('?%s is a 400 naming %s', async (query, field) => {
    const res = await as(t, admin).get(`/api/outbox?${query}`);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('request.invalid');
    expect(error.details.fields.map((f: { path: string }) => f.path)).toContain(field);
  });

  test('without a session: 401', async () => {
    const res = await t.app.request('/api/outbox');
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('auth.required');
  });

  test('for any role but admin: 403', async () => {
    const res = await as(t, registry).get('/api/outbox');
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('auth.forbidden');
  });
});

describe('POST /api/outbox/:id/retry', () => {
  test('a failed notice goes back to the queue, due now, with its attempts reset; the worker then sends it', async () => {
    const res = await as(t, admin).post(`/api/outbox/${ids.failedMail}/retry`);
    expect(res.status).toBe(200);
    const { item } = await res.json();
    expect(item).toMatchObject({ id: ids.failedMail, status: 'pending', attempts: 0, nextAttemptAt: t.clock.now().toISOString(), providerId: null });

    const worker = startOutboxWorker({ db: t.db, clock: t.clock, transports: createDevTransports(silentLogger), logger: silentLogger, pollMs: 10, autoStart: false });
    await worker.runOnce();
    const [row] = await t.db.select().from(outbox).where(eq(outbox.id, ids.failedMail));
    expect(row).toMatchObject({ status: 'sent', attempts: 1, providerId: `dev-${ids.failedMail}`, lastError: null });
  });

  test('a notice that is not failed cannot be retried: 409 outbox.conflict', async () => {
    for (const key of ['sentMail', 'pendingSms'] as const) {
      const res = await as(t, admin).post(`/api/outbox/${ids[key]}/retry`);
      expect(res.status).toBe(409);
      const { error } = await res.json();
      expect(error.code).toBe('outbox.conflict');
      expect(error.details.status).toBe(key === 'sentMail' ? 'sent' : 'pending');
    }
    const [row] = await t.db.select().from(outbox).where(eq(outbox.id, ids.pendingSms));
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
  });

  test('an unknown id: 404; an id that is not one: 400', async () => {
    const unknown = await as(t, admin).post('/api/outbox/00000000-0000-4000-8000-000000000000/retry');
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('outbox.not_found');
    const invalid = await as(t, admin).post('/api/outbox/not-an-id/retry');
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.code).toBe('request.invalid');
  });

  test('without a session: 401; for another role: 403; the notice stays failed', async () => {
    expect((await t.app.request(`/api/outbox/${ids.failedSms}/retry`, { method: 'POST' })).status).toBe(401);
    expect((await as(t, registry).post(`/api/outbox/${ids.failedSms}/retry`)).status).toBe(403);
    const [row] = await t.db.select().from(outbox).where(eq(outbox.id, ids.failedSms));
    expect(row!.status).toBe('failed');
  });
});
