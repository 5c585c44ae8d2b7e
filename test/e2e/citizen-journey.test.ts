// A citizen's whole journey in the real portal (built client, real server, headless Chromium): the form in
// Romanian with a PDF, the confirmation, the tracking page, the lost-code page and the e-mailed new link.
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { attachments, petitions } from '../../db/schema';
import { CITIZEN, fillPetitionForm, openPage, textOf, waitForText, writeSamplePdf, type ViewportName } from '../helpers/e2e-pages';
import { chromiumInstalled, launchBrowser, screenshot, startServer, type E2eServer } from '../helpers/e2e-server';

const NUMBER = /^P-\d{4}-\d{6}$/;

describe.skipIf(!chromiumInstalled())('a citizen in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let pdf: ReturnType<typeof writeSamplePdf>;
  /** The petitions sent through the form, checked against the database at the end. */
  const sent: { size: ViewportName; number: string; code: string }[] = [];

  beforeAll(async () => {
    pdf = writeSamplePdf();
    [server, browser] = await Promise.all([startServer(), launchBrowser().then((b) => b!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    pdf?.remove();
  });

  /** A screenshot of whatever the page shows when a test fails (DESIGN.md "Tests"). */
  const keepOnFailure = (onTestFailed: (fn: () => Promise<void>) => void, page: Page, name: string) =>
    onTestFailed(async () => {
      await screenshot(page, `FAILED-${name}`).catch(() => {});
    });

  test.for(['desktop', 'phone'] as const)(
    'sends a petition with diacritics and a PDF, gets a number and a code, and follows it on the tracking page (%s)',
    async (size, { onTestFailed }) => {
      const { context, page, problems } = await openPage(browser, size);
      keepOnFailure(onTestFailed, page, `citizen-${size}`);
      try {
        await page.goto(`${server.url}/`);
        // On a phone the menu is the same two links; the home page's own button leads to the form too.
        await page.getByRole('main').getByRole('link', { name: 'Trimite o petiție' }).click();
        await page.waitForURL('**/petitie-noua');
        expect(await waitForText(page.getByTestId('due-date'), /\d{4}/)).toMatch(/^Termenul legal de răspuns/);

        await fillPetitionForm(page, { attachment: pdf.path });
        // The chosen file is listed with its name, diacritics and all, and no problem is reported.
        expect(await textOf(page.getByRole('list', { name: /Fișiere/ }))).toContain(CITIZEN.attachmentName);
        expect(await page.locator('.file__problem').count()).toBe(0);
        await screenshot(page, `citizen-${size}-1-form-filled`);

        await page.getByRole('button', { name: 'Trimite petiția' }).click();
        await page.waitForURL('**/confirmare');
        const number = await textOf(page.getByTestId('registration-number'));
        const code = await textOf(page.getByTestId('tracking-code'));
        expect(number).toMatch(NUMBER);
        expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
        expect(await textOf(page.getByTestId('due-on'))).toMatch(/\d{4}/);
        // Name and e-mail given: identified (OG 27/2002 art. 7), so no warning.
        expect(await page.getByTestId('not-identified').count()).toBe(0);
        // After an in-app navigation the focus is on the new page's heading (screen readers announce it).
        expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
        await screenshot(page, `citizen-${size}-2-confirmation`);
        sent.push({ size, number, code });

        await page.getByRole('link', { name: 'Deschide pagina de urmărire' }).click();
        await page.waitForURL((u) => u.pathname === `/urmarire/${number}` && u.searchParams.get('cod') === code);
        expect(await textOf(page.getByTestId('status'))).toBe('Înregistrată');
        const timeline = page.getByTestId('timeline').locator('li');
        expect(await timeline.count()).toBeGreaterThanOrEqual(1);
        expect(await textOf(page.getByTestId('timeline'))).toMatch(/înregistrată/i);
        // The registry holds it until it is routed; its name comes back with its diacritics.
        expect(await textOf(page.locator('.facts'))).toContain('DRPMD — Direcția Relații cu Publicul și Managementul Documentelor');
        expect(await textOf(page.getByTestId('due-on'))).toMatch(/\d{4}/);
        expect(await page.getByTestId('answer').count()).toBe(0);
        await screenshot(page, `citizen-${size}-3-tracking`);

        // The same through the API the page uses: UTF-8 all the way.
        const res = await fetch(`${server.url}/api/track/${number}?code=${encodeURIComponent(code)}`);
        expect(res.status).toBe(200);
        const tracked = (await res.json()) as { status: string; statusLabel: { ro: string }; handler: { code: string } | null; events: unknown[] };
        expect(tracked).toMatchObject({ status: 'registered', statusLabel: { ro: 'Înregistrată' }, handler: { code: 'DRPMD' } });
        expect(tracked.events.length).toBe(await timeline.count());

        if (size === 'phone') {
          // Nothing wider than the phone's screen: no sideways scrolling.
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        }
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  test('"I lost my code": asks for a new code by number, the old link stops working and the e-mailed one works', async ({ onTestFailed }) => {
    const petition = sent.find((p) => p.size === 'desktop');
    expect(petition, 'the desktop journey registered a petition').toBeDefined();
    const { number, code } = petition!;
    const { context, page, problems } = await openPage(browser, 'desktop');
    keepOnFailure(onTestFailed, page, 'lost-code');
    try {
      await page.goto(`${server.url}/`);
      await page.getByRole('navigation').getByRole('link', { name: 'Urmărește o petiție' }).click();
      await page.getByRole('link', { name: 'Am pierdut codul' }).click();
      await page.waitForURL('**/cod-pierdut');
      await page.getByLabel('Numărul de înregistrare').fill(number);
      await page.getByRole('button', { name: 'Trimite un cod nou' }).click();
      expect(await waitForText(page.getByTestId('resend-result'), /cod nou/)).toMatch(/^Dacă numărul există, am trimis un cod nou/);
      await screenshot(page, 'citizen-desktop-4-lost-code');

      // The dev transport "sends" the e-mail by printing it: the citizen's new link is in it.
      const mail = await waitForMail(server, `Cod nou de urmărire pentru petiția nr. ${number}`);
      expect(mail.to).toBe(CITIZEN.email);
      const link = /Urmăriți petiția aici: (\S+)/.exec(mail.body)?.[1];
      expect(link, mail.body).toMatch(new RegExp(`^${server.url}/urmarire/${number}\\?cod=`));

      await page.goto(`${server.url}/urmarire/${number}?cod=${encodeURIComponent(code)}`);
      await page.getByTestId('not-found').waitFor();

      await page.goto(link!);
      expect(await textOf(page.getByTestId('status'))).toBe('Înregistrată');
      expect(await textOf(page.getByTestId('timeline'))).toContain('A fost trimis un cod nou de urmărire; codul anterior nu mai este valabil.');
      await screenshot(page, 'citizen-desktop-5-tracking-new-code');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  // Last: on PGlite the server has to stop before its directory can be opened.
  test('the server stored the names, subject, text and PDF exactly as typed, diacritics intact', async () => {
    expect(sent.map((p) => p.size)).toEqual(['desktop', 'phone']);
    const stored = await server.inspectDatabase(async (db) =>
      Promise.all(
        sent.map(async ({ number }) => {
          const [row] = await db.select().from(petitions).where(eq(petitions.registrationNumber, number));
          const files = row ? await db.select().from(attachments).where(eq(attachments.petitionId, row.id)) : [];
          return { row, files };
        }),
      ),
    );
    for (const { row, files } of stored) {
      expect(row).toMatchObject({
        type: 'sesizare',
        channel: 'web',
        status: 'registered',
        petitionerKind: 'person',
        petitionerFirstName: CITIZEN.firstName,
        petitionerLastName: CITIZEN.lastName,
        petitionerEmail: CITIZEN.email,
        petitionerPhone: '+40722123456',
        petitionerAddress: CITIZEN.address,
        subject: CITIZEN.subject,
        body: CITIZEN.body,
        identified: true,
      });
      expect(files).toHaveLength(1);
      const [file] = files;
      expect(file).toMatchObject({ fileName: CITIZEN.attachmentName, contentType: 'application/pdf', size: pdf.bytes.length });
      expect(Buffer.from(file!.content).equals(pdf.bytes)).toBe(true);
    }
  });
});

type Mail = { to: string; subject: string; body: string };

/** The dev transport logs each message as a JSON line with its recipient, subject and body. */
async function waitForMail(server: E2eServer, subject: string, timeoutMs = 15_000): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const line of server.output().split('\n')) {
      if (!line.startsWith('{')) continue;
      try {
        const entry = JSON.parse(line) as Partial<Mail> & { msg?: string };
        if (entry.msg?.startsWith('[dev email]') && entry.subject === subject) return entry as Mail;
      } catch {
        // not a log line
      }
    }
    if (Date.now() > deadline) throw new Error(`no e-mail "${subject}" within ${timeoutMs} ms; the server printed:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
