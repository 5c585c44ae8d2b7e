// Accessibility of the staff side: WCAG 2.1 levels A and AA (axe-core) on the main staff pages and on the
// answer's and the administrator's new pages, each in the state a person works with (errors shown, a
// message open), at desktop and at phone width. Also what these pages do that no other test drives: a
// failed notice retried from the outbox, and the postal reference the dispatch asks for.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, describeViolations, openPage, textOf, waitForText, type ViewportName } from '../helpers/e2e-pages';
import { chromiumInstalled, launchBrowser, screenshot, startServer, type E2eServer } from '../helpers/e2e-server';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { flashText, openFromQueue, petitionAt, signedIn } from './staff-session';

type Petition = Awaited<ReturnType<typeof petitionAt>>;
type StaffCase = { name: string; who: string | null; open(page: Page): Promise<void> };

describe.skipIf(!chromiumInstalled())('the staff pages in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let smtp: SmtpSink;
  const at: Record<'registered' | 'inProgress' | 'l544' | 'submitted' | 'approved' | 'answered', Petition> = {} as never;

  beforeAll(async () => {
    // A real SMTP server that refuses the first message for good (550): its notice ends `failed`.
    smtp = await startSmtpSink();
    smtp.refuseNext(1, 550, 'Mailbox unavailable');
    [server, browser] = await Promise.all([startServer({ env: { DEMO: '1', SMTP_URL: smtp.url } }), launchBrowser().then((b) => b!)]);
    at.registered = await petitionAt(server, 'registered');
    [at.inProgress, at.l544, at.submitted, at.approved, at.answered] = await Promise.all([
      petitionAt(server, 'in_progress'),
      // A Legea 544 request (register I), routed to DGSPL for the answer: its kind is chosen in the editor.
      petitionAt(server, 'in_progress', { type: 'cerere', categoryCode: 'informatii-publice', subject: 'Cerere de informații: contractul de salubrizare' }),
      petitionAt(server, 'answer_submitted'),
      petitionAt(server, 'approved'),
      petitionAt(server, 'answered'),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });

  const petitionPage = (queue: string, key: keyof typeof at) => async (page: Page) => openFromQueue(page, server, queue, at[key].registrationNumber);

  const CASES: StaffCase[] = [
    { name: 'sign-in', who: null, open: async (page) => void (await page.goto(`${server.url}/personal`), await page.getByLabel('Parola').waitFor()) },
    {
      name: 'sign-in after a wrong password',
      who: null,
      open: async (page) => {
        await page.goto(`${server.url}/personal`);
        await page.getByLabel('Adresa de e-mail').fill('registratura@demo.primarie6.ro');
        await page.getByLabel('Parola').fill('nu-e-parola');
        await page.getByRole('button', { name: 'Intră în cont' }).click();
        await page.locator('.error-summary').waitFor();
      },
    },
    { name: 'registry queue', who: 'registratura', open: async (page) => void (await page.getByTestId('results-count').waitFor()) },
    { name: 'petition page with the registry’s actions', who: 'registratura', open: petitionPage('registry', 'registered') },
    {
      name: 'answer editor with the templates open',
      who: 'dgspl.inspector',
      open: async (page) => {
        await petitionPage('mine', 'inProgress')(page);
        await page.getByRole('button', { name: 'Pornește de la un model' }).click();
        await page.getByRole('combobox', { name: 'Modelul' }).waitFor();
      },
    },
    {
      name: 'answer editor after a refused submit',
      who: 'dgspl.inspector',
      open: async (page) => {
        await petitionPage('mine', 'inProgress')(page);
        await page.getByRole('button', { name: 'Trimite spre aprobare' }).click();
        await waitForText(page.getByTestId('answer-draft').locator('.error-message').first(), /Scrieți textul răspunsului/);
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('answer-body');
      },
    },
    {
      name: 'answer editor for a Legea 544 request, a refusal chosen',
      who: 'dgspl.inspector',
      open: async (page) => {
        await petitionPage('mine', 'l544')(page);
        await page.getByRole('radio', { name: 'Refuz motivat' }).check();
        await page.getByRole('button', { name: 'Pornește de la un model' }).click();
        // The templates offered are the refusal's, filled in for this request.
        await page.getByRole('combobox', { name: 'Modelul' }).locator('option', { hasText: 'Refuz motivat' }).waitFor({ state: 'attached' });
      },
    },
    { name: 'answer awaiting the head’s signature', who: 'dgspl.sef', open: petitionPage('approvals', 'submitted') },
    { name: 'answer awaiting dispatch', who: 'registratura', open: petitionPage('dispatch', 'approved') },
    { name: 'answered petition with the answer’s progress', who: 'registratura', open: petitionPage('all', 'answered') },
    { name: 'admin: users', who: 'admin', open: async (page) => void (await page.goto(`${server.url}/personal/admin/utilizatori`), await page.getByTestId('user-row').first().waitFor()) },
    {
      name: 'admin: sent notices, a failed one open',
      who: 'admin',
      open: async (page) => {
        await page.goto(`${server.url}/personal/admin/notificari`);
        const failed = page.locator('[data-testid="outbox-row"][data-status="failed"]').first();
        await failed.waitFor();
        await failed.getByRole('button', { name: /^Arată mesajul/ }).click();
        await page.getByTestId('outbox-message').first().waitFor();
      },
    },
    { name: 'admin: templates', who: 'admin', open: async (page) => void (await page.goto(`${server.url}/personal/admin/modele`), await page.getByTestId('template-row').first().waitFor()) },
    {
      name: 'admin: a template in the editor',
      who: 'admin',
      open: async (page) => {
        await page.goto(`${server.url}/personal/admin/modele`);
        await page.locator('[data-kind="answer"] [data-testid="template-row"] a').first().click();
        await page.getByRole('textbox', { name: 'Textul' }).waitFor();
      },
    },
    {
      name: 'admin: new template after a refused submit',
      who: 'admin',
      open: async (page) => {
        await page.goto(`${server.url}/personal/admin/modele/nou`);
        await page.getByRole('button', { name: 'Creează modelul' }).click();
        await page.locator('.error-message').first().waitFor();
      },
    },
    {
      name: 'citizen tracking page with the answer letter',
      who: null,
      open: async (page) => {
        await page.goto(`${server.url}/urmarire/${at.answered.registrationNumber}?cod=${encodeURIComponent(at.answered.trackingCode)}`);
        await page.getByRole('link', { name: /^Descarcă scrisoarea de răspuns/ }).waitFor();
      },
    },
  ];

  for (const size of ['desktop', 'phone'] as const satisfies ViewportName[]) {
    test.for(CASES)(`$name has no WCAG 2.1 A or AA violation (axe-core) at ${size} width`, async ({ name, who, open }, { onTestFailed }) => {
      onTestFailed(() => console.log(server.output().slice(-4000)));
      const { context, page, problems } = who ? await signedIn(browser, server, who, size, { bypassCSP: true }) : await openPage(browser, size, { bypassCSP: true });
      onTestFailed(async () => void (await screenshot(page, `FAILED-staff-a11y-${size}-${name}`).catch(() => {})));
      try {
        await open(page);
        const violations = await axeViolations(page);
        await screenshot(page, `staff-a11y-${size}-${name}`);
        expect(violations, describeViolations(`${name} (${size})`, violations)).toEqual([]);
        if (size === 'phone') expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  test('a notice the mail server refused is retried from the outbox page and then delivered', async ({ onTestFailed }) => {
    onTestFailed(async () => (await import('node:fs')).writeFileSync('/tmp/srv-retry.log', server.output()));
    const { context, page } = await signedIn(browser, server, 'admin');
    try {
      await page.goto(`${server.url}/personal/admin/notificari`);
      await page.getByLabel('Starea').selectOption('failed');
      await page.getByRole('button', { name: 'Aplică filtrele' }).click();
      const row = page.locator('[data-testid="outbox-row"][data-status="failed"]').first();
      await row.waitFor();
      const id = await row.getAttribute('data-id');
      await row.getByRole('button', { name: /^Arată mesajul/ }).click();
      const message = page.getByTestId('outbox-message');
      // The full message, as the mail server was given it, and the server's refusal.
      expect(await textOf(message.getByTestId('outbox-body'))).toMatch(/P-\d{4}-\d{6}/);
      expect(await textOf(message)).toContain('550');
      const received = smtp.received.length;
      await row.getByRole('button', { name: /^Reîncearcă/ }).click();
      expect(await flashText(page)).toMatch(/^Notificarea către .+ a fost pusă din nou la trimis\.$/);
      await screenshot(page, 'staff-outbox-retried');
      // The worker sends it again: this time the mail server accepts it, once.
      await page.getByLabel('Starea').selectOption('sent');
      await page.getByRole('button', { name: 'Aplică filtrele' }).click();
      for (let i = 0; i < 300 && (await page.locator(`[data-testid="outbox-row"][data-id="${id}"]`).count()) === 0; i++) {
        await page.waitForTimeout(200);
        await page.getByRole('button', { name: 'Aplică filtrele' }).click();
      }
      await page.locator(`[data-testid="outbox-row"][data-id="${id}"]`).waitFor();
      expect(smtp.received.length).toBeGreaterThan(received);
    } finally {
      await context.close();
    }
  });

  test('dispatching to a petitioner with only a postal address asks for the postal reference, then sends', async () => {
    const postal = await petitionAt(server, 'approved', {
      petitioner: { kind: 'person', firstName: 'Vasile', lastName: 'Poștașu', email: null, phone: null, address: 'Strada Drumul Taberei 10, bl. A, ap. 5, Sector 6, București' },
    });
    const { context, page } = await signedIn(browser, server, 'registratura', 'desktop', { bypassCSP: true });
    try {
      await openFromQueue(page, server, 'dispatch', postal.registrationNumber);
      await page.getByRole('button', { name: 'Expediază' }).click();
      const field = page.getByRole('textbox', { name: 'Referința poștală' });
      await waitForText(page.locator('#dispatch-postalReference-error'), /numai adresă poștală/);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('dispatch-postalReference');
      const violations = await axeViolations(page);
      await screenshot(page, 'staff-dispatch-postal-reference');
      expect(violations, describeViolations('dispatch with the postal reference missing', violations)).toEqual([]);
      await field.fill('RR 123 456 789 RO');
      await page.getByRole('button', { name: 'Expediază' }).click();
      expect(await flashText(page)).toBe('Răspunsul a fost expediat.');
      await waitForText(page.getByTestId('timeline'), /prin poștă \(ref\. RR 123 456 789 RO\)/);
    } finally {
      await context.close();
    }
  });
});
