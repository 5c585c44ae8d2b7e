// The call center in Chromium (issue 5): an agent's open console gets the screen pop of a simulated call
// without a reload, takes it, registers a petition for the caller (Romanian diacritics), reads back the
// number and the code, ends the call; the SMS notice with the number and the tracking link is in the outbox;
// the supervisor sees the agent's status and the figures live. axe-core on every state of both pages.
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { callPetitions, calls, petitions, users } from '../../db/schema';
import { axeViolations, describeViolations, openPage, textOf, waitForText } from '../helpers/e2e-pages';
import { chromiumInstalled, launchBrowser, screenshot, SCREENSHOT_DIR, startServer, type E2eServer } from '../helpers/e2e-server';

const PASSWORD = 'parola-demo';
const AGENT = 'agent@demo.primarie6.ro';
const SUPERVISOR = 'supervizor@demo.primarie6.ro';
const ADMIN = 'admin@demo.primarie6.ro';
const NUMBER = /^P-\d{4}-\d{6}$/;
const CODE = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;
/** Live updates go through the socket and a refetch: give them time. */
const POLL = { timeout: 15_000, interval: 100 };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The value of one figure on the supervisor's page ("1.234" in Romanian) as a number. */
async function figure(page: Page, label: string): Promise<number> {
  const dd = page.getByTestId('figures').locator('.figure').filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('.figure__value');
  return Number((await dd.innerText()).replace(/\D/g, ''));
}

/** The caller of the journey: a mobile, so the SMS goes out; every diacritic somewhere. */
const CALLER = {
  phone: '0745 612 389',
  e164: '+40745612389',
  firstName: 'Ioana-Mădălina',
  lastName: 'Țîrcă-Ștefănescu',
  address: 'Bulevardul Iuliu Maniu 7, bl. C, ap. 12, Sector 6, București',
  location: 'Strada Valea Cascadelor, în dreptul numărului 3',
  subject: 'Iluminat public defect pe strada Valea Cascadelor',
  body:
    'Apelanta semnalează că pe strada Valea Cascadelor, în dreptul numărului 3, trei stâlpi de iluminat nu funcționează ' +
    'de două săptămâni. Seara trotuarul e complet întunecat, iar vârstnicii și copiii se împiedică de bordura înaltă. ' +
    'Solicită înlocuirea becurilor și verificarea instalației.',
} as const;

describe.skipIf(!chromiumInstalled())('the call center in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  /** What the journey registered, checked through the server afterwards. */
  let registered: { number: string; code: string; callId: string } | null = null;

  beforeAll(async () => {
    // The demo accounts exist in demo mode (the default on PGlite; DEMO=1 on PostgreSQL).
    [server, browser] = await Promise.all([startServer({ env: { DEMO: '1' } }), launchBrowser().then((b) => b!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const keepOnFailure = (onTestFailed: (fn: () => Promise<void>) => void, pages: Record<string, Page>) =>
    onTestFailed(async () => {
      for (const [name, page] of Object.entries(pages)) await screenshot(page, `FAILED-callcenter-${name}`).catch(() => {});
    });

  async function expectNoViolations(page: Page, where: string): Promise<void> {
    const violations = await axeViolations(page);
    expect(violations, describeViolations(where, violations)).toEqual([]);
  }

  /** Signs in through the sign-in page, as staff do. */
  async function signIn(page: Page, email: string): Promise<void> {
    await page.goto(`${server.url}/personal`);
    await page.getByLabel('Adresa de e-mail').fill(email);
    await page.getByLabel('Parola').fill(PASSWORD);
    await page.getByRole('button', { name: 'Intră în cont' }).click();
  }

  /** A context signed in through the API only (its cookie serves both its pages and its requests). */
  async function apiSession(email: string): Promise<BrowserContext> {
    const context = await browser.newContext({ locale: 'ro-RO', timezoneId: 'Europe/Bucharest' });
    const res = await context.request.post(`${server.url}/api/auth/login`, { data: { email, password: PASSWORD } });
    expect(res.status(), await res.text()).toBe(200);
    return context;
  }

  /** The console after sign-in, the socket connected and the first status stated (away). */
  async function openConsole(page: Page): Promise<void> {
    await page.waitForURL('**/personal/apeluri');
    await page.getByRole('heading', { level: 1, name: 'Consola de apeluri' }).waitFor();
    await waitForText(page.getByTestId('live-status'), /active/);
    await expect.poll(() => page.getByRole('radio', { name: /^Absent/ }).isChecked(), POLL).toBe(true);
  }

  async function setPresence(page: Page, name: 'Disponibil' | 'Ocupat' | 'Absent'): Promise<void> {
    await page.getByRole('radio', { name: new RegExp(`^${name}`) }).check();
    await expect.poll(() => page.getByTestId('presence').getAttribute('aria-busy'), POLL).toBeNull();
    expect(await page.getByRole('radio', { name: new RegExp(`^${name}`) }).isChecked()).toBe(true);
  }

  test('a simulated call pops on the open console; the agent takes it, registers a petition, reads back the number and code, and ends the call', async ({
    onTestFailed,
  }) => {
    const agent = await openPage(browser, 'desktop', { bypassCSP: true });
    const supervisor = await openPage(browser, 'desktop', { bypassCSP: true });
    keepOnFailure(onTestFailed, { agent: agent.page, supervisor: supervisor.page });
    const timings: Record<string, number> = {};
    try {
      const page = agent.page;
      await signIn(page, AGENT);
      await openConsole(page);
      // No call yet: the console at rest is accessible too.
      await expectNoViolations(page, 'console, at rest');

      // The supervisor watches the agents on their own page.
      await signIn(supervisor.page, SUPERVISOR);
      await supervisor.page.waitForURL('**/personal/apeluri');
      await supervisor.page.getByRole('navigation', { name: 'Navigare personal' }).getByRole('link', { name: 'Coordonare apeluri' }).click();
      await supervisor.page.waitForURL('**/personal/apeluri/supervizor');
      const agentRow = supervisor.page.getByTestId('agent-row').filter({ hasText: 'Radu Georgescu' });
      await expect.poll(() => agentRow.getAttribute('data-status'), POLL).toBe('away');
      // Demo mode seeds a history of calls: the figures are compared with what they were before.
      await supervisor.page.getByTestId('figures').waitFor();
      const before = { incoming: await figure(supervisor.page, 'Apeluri primite'), answered: await figure(supervisor.page, 'Preluate') };

      await setPresence(page, 'Disponibil');
      // Live on the supervisor's page, without a reload.
      await expect.poll(() => agentRow.getAttribute('data-status'), POLL).toBe('available');

      // The call arrives from elsewhere: the supervisor's session simulates it through the API (any hour).
      const started = Date.now();
      const simulated = await supervisor.context.request.post(`${server.url}/api/calls/simulate`, { data: { phone: CALLER.phone, ignoreOfficeHours: true } });
      expect(simulated.status(), await simulated.text()).toBe(201);
      const { call, mode, ringing } = (await simulated.json()) as { call: { id: string; phone: string }; mode: string; ringing: string[] };
      expect(mode).toBe('dial');
      expect(ringing).toHaveLength(1);
      expect(call.phone).toBe(CALLER.e164);

      const pop = page.getByRole('alert').filter({ hasText: 'Apel nou' });
      await pop.waitFor();
      timings.popMs = Date.now() - started;
      expect(await pop.getAttribute('data-call-id')).toBe(call.id);
      expect(await textOf(pop)).toContain(CALLER.phone);
      expect(await textOf(pop)).toContain('Număr necunoscut');
      // Focused, so the keyboard is already on it: Tab reaches "Preia apelul".
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('incoming-call');
      expect(await page.title()).toMatch(/^☎ Apel de la 0745 612 389/);
      await screenshot(page, 'callcenter-1-pop');
      await expectNoViolations(page, 'console, screen pop');

      await pop.getByRole('button', { name: 'Preia apelul' }).click();
      const active = page.getByTestId('active-call');
      await active.getByRole('heading', { name: `Apel în curs: ${CALLER.phone}` }).waitFor();
      expect(await pop.count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('active-call-title');
      // The supervisor sees the agent on the call, with the number.
      await expect.poll(() => agentRow.getAttribute('data-status'), POLL).toBe('on_call');
      expect(await textOf(agentRow)).toContain(CALLER.phone);

      // A petition for the caller. First without a name: the identification rule says why it is refused.
      await active.getByRole('button', { name: 'Înregistrează o petiție pentru apelant' }).click();
      const form = active.locator('.phone-petition');
      await form.locator('#categoryCode option[value="iluminat-public"], #categoryCode option[value="strazi-trotuare"]').first().waitFor({ state: 'attached' });
      expect(await form.getByLabel('Telefonul mobil al apelantului').inputValue()).toBe(CALLER.phone);
      expect(await textOf(form.getByTestId('identification'))).toMatch(/^Identificare incompletă/);
      await form.getByRole('button', { name: 'Înregistrează petiția' }).click();
      const summary = form.locator('.error-summary');
      await summary.waitFor();
      expect(await textOf(summary)).toContain('Apelantul nu este identificat');
      expect(await textOf(summary)).toContain('Confirmați că apelantul a fost de acord');
      expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
      await screenshot(page, 'callcenter-2a-form-refused');
      await expectNoViolations(page, 'console, petition form refused');

      const category = (await form.locator('#categoryCode option[value="iluminat-public"]').count()) > 0 ? 'iluminat-public' : 'strazi-trotuare';
      await form.getByLabel('Categoria').selectOption(category);
      await form.getByRole('radio', { name: 'Sesizare', exact: true }).check();
      await form.getByLabel('Prenumele apelantului').fill(CALLER.firstName);
      await form.getByLabel('Numele de familie al apelantului').fill(CALLER.lastName);
      await form.getByLabel('Adresa poștală a apelantului').fill(CALLER.address);
      await form.getByLabel('Locul la care se referă petiția').fill(CALLER.location);
      await form.getByLabel('Subiectul').fill(CALLER.subject);
      await form.getByLabel('Textul petiției').fill(CALLER.body);
      expect(await textOf(form.getByTestId('identification'))).toMatch(/^Identificare completă/);
      await form.getByLabel('Apelantul a fost de acord cu nota de informare și cu primirea SMS-ului').check();
      await screenshot(page, 'callcenter-2-form');

      await form.getByRole('button', { name: 'Înregistrează petiția' }).click();
      const number = await textOf(active.getByTestId('phone-registration-number'));
      const code = await textOf(active.getByTestId('phone-tracking-code'));
      expect(number).toMatch(NUMBER);
      expect(code).toMatch(CODE);
      expect(await textOf(active.getByTestId('phone-registration'))).toContain(`Un SMS cu numărul, codul și linkul de urmărire pleacă automat la ${CALLER.phone}`);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('readback-title');
      // Large enough to read back from a metre away.
      const fontPx = await active.getByTestId('phone-tracking-code').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(fontPx).toBeGreaterThanOrEqual(28);

      // Linked to the call at once; the form now says what happened.
      await waitForText(active.getByTestId('call-petitions'), new RegExp(`${number} legată`));
      expect(await active.getByRole('radio', { name: 'Petiție înregistrată' }).isChecked()).toBe(true);
      expect(await active.getByLabel('Motivul apelului').inputValue()).toBe(category);
      await screenshot(page, 'callcenter-3-number');
      await expectNoViolations(page, 'console, number read back');
      // On a phone-sized screen the number and the code wrap between groups, and nothing scrolls sideways.
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await active.getByTestId('phone-registration').screenshot({ path: `${SCREENSHOT_DIR}/callcenter-3b-number-phone.png` });
      expect(await textOf(active.getByTestId('phone-tracking-code'))).toBe(code);
      await page.setViewportSize({ width: 1280, height: 900 });

      await active.getByLabel('Notițe').fill('Apelanta a cerut și programul de audiențe; i l-am spus.');
      await active.getByRole('button', { name: 'Încheie apelul' }).click();
      await waitForText(page.getByTestId('flash'), /s-a încheiat/);
      expect(await textOf(page.getByTestId('flash'))).toBe(
        `Apelul cu ${CALLER.phone} s-a încheiat și a fost notat: Petiție înregistrată. Închide mesajul`,
      );
      expect(await active.count()).toBe(0);
      // Back to available (the server frees the agent), in the agent's own list, and on the supervisor's page.
      await expect.poll(() => page.getByRole('radio', { name: /^Disponibil/ }).isChecked(), POLL).toBe(true);
      await waitForText(page.getByTestId('recent-calls'), new RegExp(number));
      await expect.poll(() => agentRow.getAttribute('data-status'), POLL).toBe('available');
      await screenshot(page, 'callcenter-4-ended');

      // The caller calls again about it: the status, once the identity matches (diacritics do not matter).
      await page.getByLabel('Numărul petiției').fill(number.toLowerCase());
      await page.getByLabel('Identitatea apelantului').fill('Popescu');
      await page.getByRole('button', { name: 'Află stadiul' }).click();
      await waitForText(page.getByTestId('status-result'), /Nu am găsit o petiție cu acest număr pentru această persoană/);
      await page.getByLabel('Identitatea apelantului').fill('tirca stefanescu');
      await page.getByRole('button', { name: 'Află stadiul' }).click();
      expect(await waitForText(page.getByTestId('status-result'), /Înregistrată/)).toContain(number);
      await screenshot(page, 'callcenter-5-status');
      await expectNoViolations(page, 'console, status found');

      // The supervisor's figures followed, live: one more call received and answered than before it.
      await expect.poll(() => figure(supervisor.page, 'Apeluri primite'), POLL).toBe(before.incoming + 1);
      await expect.poll(() => figure(supervisor.page, 'Preluate'), POLL).toBe(before.answered + 1);
      await supervisor.page.getByText('Datele graficului, ca tabel').click();
      await screenshot(supervisor.page, 'callcenter-6-supervisor');
      await expectNoViolations(supervisor.page, 'supervisor page');

      registered = { number, code, callId: call.id };
      expect(agent.problems).toEqual([]);
      expect(supervisor.problems).toEqual([]);
      console.info(`[callcenter e2e] webhook → screen pop on the open console: ${timings.popMs} ms`);
    } finally {
      await agent.context.close();
      await supervisor.context.close();
    }
  });

  test('the server logged the call with the petition, and the SMS with the number and the tracking link is in the outbox', async () => {
    expect(registered, 'the journey registered a petition').not.toBeNull();
    const { number, code, callId } = registered!;

    const supervisor = await apiSession(SUPERVISOR);
    const admin = await apiSession(ADMIN);
    try {
      const callRes = await supervisor.request.get(`${server.url}/api/calls/${callId}`);
      expect(callRes.status()).toBe(200);
      const logged = (await callRes.json()) as Record<string, unknown>;
      expect(logged).toMatchObject({
        status: 'completed',
        phone: CALLER.e164,
        outcome: 'petition_registered',
        notes: 'Apelanta a cerut și programul de audiențe; i l-am spus.',
        agent: { name: 'Radu Georgescu' },
        petitions: [{ registrationNumber: number }],
      });

      // The outbox worker may have sent it already (the development transport): any status will do. The link
      // is the petition's tracking page (the code may be in it, or only beside it in the text).
      const link = `${server.url}/urmarire/${number}`;
      let sms: { recipient: string; body: string; template: string } | undefined;
      await expect
        .poll(async () => {
          const res = await admin.request.get(`${server.url}/api/outbox?channel=sms&limit=200`);
          expect(res.status()).toBe(200);
          const { items } = (await res.json()) as { items: { recipient: string; body: string; template: string }[] };
          sms = items.find((i) => i.body.includes(number));
          return sms !== undefined;
        }, POLL)
        .toBe(true);
      expect(sms).toMatchObject({ recipient: CALLER.e164, template: 'petition.registered' });
      expect(sms!.body).toContain(number);
      expect(sms!.body).toContain(code);
      expect(sms!.body).toMatch(new RegExp(`${escapeRegExp(link)}(\\?cod=${escapeRegExp(encodeURIComponent(code))})?(\\s|$)`));
    } finally {
      await supervisor.close();
      await admin.close();
    }
  });

  test('the agent simulates calls from the console: ignored while available, and into the callback queue while busy', async ({ onTestFailed }) => {
    const { context, page, problems } = await openPage(browser, 'desktop', { bypassCSP: true });
    keepOnFailure(onTestFailed, { agent: page });
    try {
      await signIn(page, AGENT);
      await page.waitForURL('**/personal/apeluri');
      await page.getByRole('heading', { level: 1, name: 'Consola de apeluri' }).waitFor();
      await waitForText(page.getByTestId('live-status'), /active/);
      // This tab chose nothing yet: it states "away" (the earlier tab's "available" is not inherited).
      await expect.poll(() => page.getByRole('radio', { name: /^Absent/ }).isChecked(), POLL).toBe(true);
      await setPresence(page, 'Disponibil');

      const simulate = page.getByRole('region', { name: 'Simulează un apel' });
      await simulate.getByLabel('Numărul apelantului').fill('+40 731 000 222');
      await simulate.getByLabel('Sună și în afara programului (demonstrație)').check();
      await simulate.getByRole('button', { name: 'Simulează un apel' }).click();
      expect(await waitForText(simulate.getByRole('status'), /sună/)).toBe('Apelul de la 0731 000 222 sună la 1 operator(i) disponibil(i).');
      const pop = page.getByRole('alert').filter({ hasText: '0731 000 222' });
      await pop.waitFor();
      await pop.getByRole('button', { name: 'Ignoră' }).click();
      expect(await pop.count()).toBe(0);

      // Busy: nobody to ring, so the caller is promised a callback and the queue shows it at once.
      await setPresence(page, 'Ocupat');
      await simulate.getByLabel('Numărul apelantului').fill('0731 000 333');
      await simulate.getByRole('button', { name: 'Simulează un apel' }).click();
      await waitForText(simulate.getByRole('status'), /Niciun operator disponibil/);
      const queued = page.getByTestId('callback').filter({ hasText: '0731 000 333' });
      await queued.waitFor();
      expect(await textOf(queued)).toContain('Revenire promisă');
      expect(await page.getByRole('alert').filter({ hasText: 'Apel nou' }).count()).toBe(0);
      await screenshot(page, 'callcenter-7-callbacks');
      await expectNoViolations(page, 'console, callback queue');

      await queued.getByRole('button', { name: 'Am sunat înapoi la 0731 000 333' }).click();
      await waitForText(page.locator('#reveniri [role="status"]'), /scos din lista de revenire/);
      expect(await queued.count()).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('the administrator sets the phone hours', async ({ onTestFailed }) => {
    const { context, page, problems } = await openPage(browser, 'desktop', { bypassCSP: true });
    keepOnFailure(onTestFailed, { admin: page });
    try {
      await signIn(page, ADMIN);
      await page.getByRole('navigation', { name: 'Navigare personal' }).getByRole('link', { name: 'Program telefonic' }).click();
      await page.waitForURL('**/personal/admin/program');
      const summary = page.getByTestId('hours-summary');
      expect(await waitForText(summary, /luni/)).toContain('de luni până joi, între orele 8:30 și 16:30, și vineri, între orele 8:30 și 14:00');
      await page.getByLabel('Vineri: ora de închidere').fill('16:30');
      await page.getByLabel('Deschis Sâmbătă').check();
      await page.getByLabel('Sâmbătă: ora de deschidere').fill('12:00');
      await page.getByLabel('Sâmbătă: ora de închidere').fill('10:00');
      await page.getByRole('button', { name: 'Salvează programul' }).click();
      expect(await textOf(page.getByTestId('hours-row').filter({ hasText: 'Sâmbătă' }))).toContain('Ora de închidere trebuie să fie după cea de deschidere.');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('hours-6-from');
      await page.getByLabel('Sâmbătă: ora de deschidere').fill('09:00');
      await page.getByLabel('Sâmbătă: ora de închidere').fill('12:00');
      await page.getByRole('button', { name: 'Salvează programul' }).click();
      await waitForText(page.getByTestId('flash'), /Programul a fost salvat/);
      expect(await textOf(summary)).toContain('de luni până vineri, între orele 8:30 și 16:30, și sâmbătă, între orele 9:00 și 12:00');
      await screenshot(page, 'callcenter-8-office-hours');
      await expectNoViolations(page, 'office hours');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  // Last: on PGlite the server has to stop before its directory can be opened.
  test('the petition is stored as typed, channel phone, by the agent, linked to the call', async () => {
    expect(registered).not.toBeNull();
    const { number, callId } = registered!;
    const stored = await server.inspectDatabase(async (db) => {
      const [row] = await db.select().from(petitions).where(eq(petitions.registrationNumber, number));
      const [agent] = await db.select({ id: users.id }).from(users).where(eq(users.email, AGENT));
      const links = await db.select().from(callPetitions).where(eq(callPetitions.callId, callId));
      const [call] = await db.select().from(calls).where(eq(calls.id, callId));
      return { row, agent, links, call };
    });
    expect(stored.row).toMatchObject({
      channel: 'phone',
      type: 'sesizare',
      identified: true,
      petitionerFirstName: CALLER.firstName,
      petitionerLastName: CALLER.lastName,
      petitionerPhone: CALLER.e164,
      petitionerAddress: CALLER.address,
      petitionerEmail: null,
      locationAddress: CALLER.location,
      subject: CALLER.subject,
      body: CALLER.body,
      createdByUserId: stored.agent!.id,
    });
    expect(stored.links.map((l) => l.petitionId)).toEqual([stored.row!.id]);
    expect(stored.call).toMatchObject({ agentId: stored.agent!.id, status: 'completed', outcome: 'petition_registered' });
  });
});
