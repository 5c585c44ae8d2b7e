// Issue 4's whole journey through the API, ending where the citizen is: a petition to a subordinate
// service (the head, then its director sign), dispatched by the registry; the answer's e-mail arrives at a
// real SMTP server and its SMS at a fake of Twilio's REST API, both on loopback.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { silentLogger } from '../../server/lib/logger';
import { fixedClock } from '../../server/lib/clock';
import { createTransports } from '../../server/modules/notifications/transports';
import { startOutboxWorker } from '../../server/workers/outbox.worker';
import { createTestApp, type TestApp } from '../helpers/app';
import { startFakeTwilio, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN, TEST_FROM, type FakeTwilio } from '../helpers/fake-twilio';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { as, newPetition, seedStaff, signIn } from '../helpers/staff';

let t: TestApp;
let smtp: SmtpSink;
let twilio: FakeTwilio;
// The worker's clock is past every notice's next attempt (written at the database's own time).
const workerClock = fixedClock('2030-01-01T00:00:00Z');

beforeAll(async () => {
  smtp = await startSmtpSink();
  twilio = await startFakeTwilio({ now: () => workerClock.now() });
  t = await createTestApp({ env: { SMTP_URL: smtp.url, TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID, TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN, TWILIO_FROM: TEST_FROM } });
  await seedStaff(t);
});
afterAll(async () => {
  await t?.cleanup();
  await smtp?.close();
  await twilio?.close();
});

test('submit, route, assign, draft, submit, sign twice, dispatch: the answer reaches the citizen by e-mail and SMS, once', async () => {
  const [registry, head, officer, director] = [await signIn(t, 'registratura'), await signIn(t, 'adpdu.sef'), await signIn(t, 'adpdu.inspector'), await signIn(t, 'adpdu.director')];
  const p = await newPetition(t, registry);
  expect((await as(t, registry).post(`/api/petitions/${p.id}/route`, { departmentCode: 'ADPDU' })).status).toBe(204);
  expect((await as(t, head).post(`/api/petitions/${p.id}/assign`, { userId: officer.user.id })).status).toBe(204);
  const draft = await t.app.request(`/api/petitions/${p.id}/answer`, {
    method: 'PUT', headers: officer.headers,
    body: JSON.stringify({ body: '<p>Groapa de pe strada Țintei a fost astupată pe 30 noiembrie.</p>', legalBasis: 'OG 27/2002, art. 8' }),
  });
  expect(draft.status).toBe(200);
  expect((await as(t, officer).post(`/api/petitions/${p.id}/answer/submit`)).status).toBe(204);
  expect((await as(t, registry).post(`/api/petitions/${p.id}/dispatch`)).status).toBe(409);
  expect((await as(t, head).post(`/api/petitions/${p.id}/answer/approve`)).status).toBe(204);
  expect((await as(t, await signIn(t, 'delegat')).post(`/api/petitions/${p.id}/answer/approve`)).status).toBe(403);
  expect((await as(t, director).post(`/api/petitions/${p.id}/answer/approve`)).status).toBe(204);
  expect((await as(t, registry).post(`/api/petitions/${p.id}/dispatch`)).status).toBe(204);

  const tracked = await (await t.app.request(`/api/track/${p.registrationNumber}?code=${p.trackingCode}`)).json();
  expect(tracked).toMatchObject({ status: 'answered', answer: { legalBasis: 'OG 27/2002, art. 8' } });

  const transports = createTransports(t.config, silentLogger, { twilioHttpClient: twilio.httpClient });
  const worker = startOutboxWorker({ db: t.db, clock: workerClock, transports, logger: silentLogger, pollMs: 10, autoStart: false });
  while ((await worker.runOnce()) > 0);
  await worker.runOnce();

  const answerMails = smtp.received.filter((m) => m.subject.startsWith('Răspuns la petiția nr.'));
  expect(answerMails).toHaveLength(1);
  expect(answerMails[0]!.envelopeTo).toEqual(['ioana@example.ro']);
  expect(answerMails[0]!.text).toContain('Groapa de pe strada Țintei a fost astupată pe 30 noiembrie.');
  expect(answerMails[0]!.text).toContain('Temei legal: OG 27/2002, art. 8');

  const answerSms = twilio.createRequests().filter((r) => r.form.Body?.includes('răspunsul'));
  expect(answerSms).toHaveLength(1);
  expect(answerSms[0]!.basicAuth).toBe(`${TEST_ACCOUNT_SID}:${TEST_AUTH_TOKEN}`);
  expect(answerSms[0]!.form).toMatchObject({ To: '+40722123456', From: TEST_FROM });
  expect(answerSms[0]!.form.Body).toContain(p.registrationNumber);
  expect(answerSms[0]!.form.Body).not.toContain('astupată');
});
