// The oversight pages in Chromium (issue 6): the legal reports with the demo history's figures, an Open311
// key shown once, the personal-data read log, a petitioner's export and anonymisation, the retention
// settings, and staff search with and without diacritics; axe-core (WCAG 2.1 A/AA) on every new page at
// desktop and phone width, with screenshots in test-results/e2e/.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, describeViolations, textOf, waitForText, type ViewportName } from '../helpers/e2e-pages';
import { chromiumInstalled, launchBrowser, screenshot, startServer, type E2eServer } from '../helpers/e2e-server';
import { apiAs, registerPetition, signedIn } from './staff-session';

const RUN = Date.now().toString(36);
const EXPORT_EMAIL = `petent.export.${RUN}@example.ro`;
const ERASE_EMAIL = `petent.sters.${RUN}@example.ro`;

/** A figure of the report on the page, by its code (`received.total`, `answeredInTime`, …). */
async function figure(page: Page, section: string, code: string): Promise<number> {
  const cell = page.locator(`[data-testid="${section}"] tr[data-code="${code}"] td`).first();
  return Number((await textOf(cell)).replace(/\D/g, ''));
}

describe.skipIf(!chromiumInstalled())('reports, search, GDPR and Open311 pages in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let searched: { registrationNumber: string };
  let erased: { registrationNumber: string };

  beforeAll(async () => {
    // Demo mode seeds a year of petitions on first start: the reports have something true to show.
    [server, browser] = await Promise.all([startServer({ env: { DEMO: '1' } }), launchBrowser().then((b) => b!)]);
    searched = await registerPetition(server, {
      subject: 'Groapă adâncă pe strada Ion Țuculescu',
      body: 'În dreptul blocului 12 de pe strada Ion Țuculescu s-a format o groapă adâncă în carosabil. Vă rog să o reparați.',
      petitioner: { kind: 'person', firstName: 'Ilinca', lastName: 'Exportescu', email: EXPORT_EMAIL, phone: null, address: null },
    });
    erased = await registerPetition(server, {
      subject: 'Iluminat public defect pe bulevardul Iuliu Maniu',
      body: 'Stâlpii de iluminat din dreptul numărului 40 de pe bulevardul Iuliu Maniu nu funcționează de o săptămână.',
      petitioner: { kind: 'person', firstName: 'Sorin', lastName: 'Ștergescu', email: ERASE_EMAIL, phone: null, address: null },
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the reports page shows the half-yearly and the Legea 544 figures, with the CSV and the printable version', async ({ onTestFailed }) => {
    const { context, page, problems } = await signedIn(browser, server, 'admin');
    onTestFailed(async () => void (await screenshot(page, 'FAILED-reports').catch(() => {})));
    try {
      await page.getByRole('navigation', { name: 'Navigare personal' }).getByRole('link', { name: 'Rapoarte' }).click();
      await page.waitForURL(/\/personal\/rapoarte$/);
      await page.getByRole('heading', { level: 1, name: 'Rapoarte' }).waitFor();
      const report = page.getByTestId('petition-report');
      await report.getByTestId('report-summary').waitFor();

      // The current half-year: the page's figures are the API's, and the breakdowns add up to the total.
      const api = (await apiAs(server, 'admin').then((a) => a.get('/api/reports/petitions'))) as { received: { total: number; byChannel: { count: number }[] }; answeredInTime: number; overdue: number; period: { half: string } };
      const inTime = await figure(page, 'petition-report', 'answeredInTime');
      expect(inTime).toBe(api.answeredInTime);
      const received = Number((await textOf(report.locator('[data-code="received.total"] dd'))).replace(/\D/g, ''));
      expect(received).toBe(api.received.total);
      expect(received).toBeGreaterThan(0);
      const channelCells = await report.locator('table').first().locator('tbody tr td:nth-child(2)').allInnerTexts();
      expect(channelCells.reduce((sum, c) => sum + Number(c.replace(/\D/g, '')), 0)).toBe(received);
      expect(await figure(page, 'petition-report', 'overdue')).toBe(api.overdue);

      const csv = report.getByRole('link', { name: 'Descarcă CSV' });
      expect(await csv.getAttribute('href')).toBe(`/api/reports/petitions?half=${api.period.half}&format=csv`);
      expect(await csv.getAttribute('download')).not.toBeNull();
      const print = report.getByRole('link', { name: /^Versiune de tipărit/ });
      expect(await print.getAttribute('target')).toBe('_blank');
      const csvText = await (await page.request.get(`${server.url}${await csv.getAttribute('href')}`)).text();
      expect(csvText).toContain(`received.total;${received}`);
      const [printed] = await Promise.all([context.waitForEvent('page'), print.click()]);
      await printed.waitForLoadState();
      expect(await printed.locator('h1').innerText()).toMatch(/soluționare a petițiilor/i);
      await printed.close();

      // The previous half-year, chosen in the form.
      const previous = api.period.half.endsWith('H2') ? `${api.period.half.slice(0, 4)}-H1` : `${Number(api.period.half.slice(0, 4)) - 1}-H2`;
      await page.getByLabel('Semestrul', { exact: true }).selectOption(previous);
      await report.getByRole('button', { name: 'Afișează raportul' }).click();
      await page.waitForFunction((h) => document.querySelector('[data-testid="petition-report"] a[download]')?.getAttribute('href')?.includes(h), previous);
      // A custom period with the dates the wrong way round is refused on the page.
      await page.getByRole('radio', { name: 'O perioadă aleasă' }).check();
      await page.getByLabel('De la data').fill('2026-06-30');
      await page.getByLabel('Până la data').fill('2026-01-01');
      await report.getByRole('button', { name: 'Afișează raportul' }).click();
      await waitForText(report.locator('.error-message'), /data de început nu poate fi după data de sfârșit/);
      await page.getByLabel('De la data').fill('2026-01-01');
      await page.getByLabel('Până la data').fill('2026-06-30');
      await report.getByRole('button', { name: 'Afișează raportul' }).click();
      await page.waitForFunction(() => document.querySelector('[data-testid="petition-report"] a[download]')?.getAttribute('href')?.includes('from=2026-01-01'));

      // Legea 544: the year's figures.
      const info = page.getByTestId('information-report');
      await info.locator('tr[data-code="received.total"]').waitFor();
      const infoApi = (await apiAs(server, 'admin').then((a) => a.get('/api/reports/information-requests'))) as { received: { total: number } };
      expect(await figure(page, 'information-report', 'received.total')).toBe(infoApi.received.total);
      expect(await info.getByRole('link', { name: 'Descarcă CSV' }).getAttribute('href')).toMatch(/^\/api\/reports\/information-requests\?year=\d{4}&format=csv$/);
      await screenshot(page, 'oversight-reports');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('an Open311 key is shown once, works, and is revoked after a confirmation', async ({ onTestFailed }) => {
    const { context, page, problems } = await signedIn(browser, server, 'admin');
    onTestFailed(async () => void (await screenshot(page, 'FAILED-open311').catch(() => {})));
    try {
      await page.getByRole('link', { name: 'Chei Open311' }).click();
      await page.getByRole('heading', { level: 1, name: 'Chei API Open311' }).waitFor();
      await page.getByLabel('Numele aplicației').fill('Aplicația Sesizează București');
      await page.getByRole('button', { name: 'Creează cheia' }).click();
      const created = page.getByTestId('open311-created');
      await created.waitFor();
      expect(await textOf(created)).toContain('nu va mai fi afișată niciodată');
      const key = await page.getByTestId('open311-key').inputValue();
      expect(key.length).toBeGreaterThanOrEqual(20);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('open311-created');
      const row = page.locator('[data-testid="open311-key-row"][data-name="Aplicația Sesizează București"]');
      await row.waitFor();
      const prefix = (await textOf(row.locator('code'))).replace('…', '');
      expect(key.startsWith(prefix)).toBe(true);
      await screenshot(page, 'oversight-open311-key-created');

      // The key registers a report through Open311.
      const res = await fetch(`${server.url}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ api_key: key, service_code: 'strazi-trotuare', address_string: 'Strada Fabricii 14, Sector 6', description: 'Trotuar surpat în dreptul blocului 14 de pe strada Fabricii.', email: `open311.${RUN}@example.ro` }),
      });
      expect(res.status, await res.clone().text()).toBeLessThan(300);

      // Shown once: after a reload only its beginning is there.
      await page.reload();
      await row.waitFor();
      expect(await page.getByTestId('open311-created').count()).toBe(0);
      expect(await page.content()).not.toContain(key);
      await waitForText(row.locator('td').nth(3), /\d/);

      await row.getByRole('button', { name: 'Revocă cheia „Aplicația Sesizează București”' }).click();
      expect(await textOf(row)).toContain('Aplicația nu va mai putea trimite sesizări');
      await row.getByRole('button', { name: 'Da, revocă' }).click();
      await waitForText(page.getByTestId('flash'), /Cheia „Aplicația Sesizează București” a fost revocată\./);
      await page.locator('[data-testid="open311-key-row"][data-revoked="true"]').waitFor();
      const refused = await fetch(`${server.url}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ api_key: key, service_code: 'strazi-trotuare', address_string: 'Strada Fabricii 14', description: 'Trotuar surpat în dreptul blocului 14 de pe strada Fabricii.' }),
      });
      expect(refused.status).toBe(403);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('a petitioner’s data is exported as JSON, the export appears in the read log, and another petitioner is anonymised', async ({ onTestFailed }) => {
    const { context, page, problems } = await signedIn(browser, server, 'admin');
    onTestFailed(async () => void (await screenshot(page, 'FAILED-gdpr').catch(() => {})));
    try {
      await page.getByRole('link', { name: 'Date personale' }).click();
      await page.getByRole('heading', { level: 1, name: 'Jurnalul accesărilor datelor personale' }).waitFor();
      await page.getByTestId('results-count').waitFor();
      await page.getByRole('link', { name: 'Export și anonimizare' }).click();

      await page.getByLabel('Adresa de e-mail a petentului').fill(EXPORT_EMAIL);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Descarcă datele (JSON)' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^date-personale-\d{4}-\d{2}-\d{2}\.json$/);
      const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as unknown;
      expect(JSON.stringify(exported)).toContain(searched.registrationNumber);
      expect(JSON.stringify(exported)).toContain('Exportescu');
      await waitForText(page.getByTestId('gdpr-outcome'), /a fost descărcat/);

      // The export is a logged read.
      await page.getByRole('link', { name: 'Jurnalul accesărilor' }).click();
      await page.getByLabel('Sursa').selectOption('gdpr_export');
      await page.getByRole('button', { name: 'Aplică filtrele' }).click();
      const exportRow = page.locator('[data-testid="read-row"][data-source="gdpr_export"]').first();
      await exportRow.waitFor();
      expect(await textOf(exportRow)).toContain('Export GDPR');
      await screenshot(page, 'oversight-read-log');
      await page.getByLabel('Petiția').fill('nu-e-un-numar');
      await page.getByRole('button', { name: 'Aplică filtrele' }).click();
      await waitForText(page.locator('#reads-petition-error'), /P-2026-000123/);

      // Anonymisation: the confirmation says it cannot be undone, then the numbers affected.
      await page.getByRole('link', { name: 'Export și anonimizare' }).click();
      await page.getByLabel('Adresa de e-mail a petentului').fill(ERASE_EMAIL);
      await page.getByRole('button', { name: 'Anonimizează petentul…' }).click();
      const confirm = page.getByTestId('anonymise-confirm');
      expect(await textOf(confirm)).toContain('Operațiunea nu poate fi anulată.');
      expect(await textOf(confirm)).toContain(ERASE_EMAIL);
      await screenshot(page, 'oversight-anonymise-confirm');
      await confirm.getByRole('button', { name: 'Da, anonimizează definitiv' }).click();
      const outcome = page.getByTestId('gdpr-outcome');
      await waitForText(outcome, /Petiții anonimizate: 1/);
      expect(await textOf(outcome)).toContain(erased.registrationNumber);
      await screenshot(page, 'oversight-anonymised');
      // Nothing is left to find for that address.
      await page.getByRole('button', { name: 'Descarcă datele (JSON)' }).click();
      await waitForText(outcome, /Nu există nicio petiție sau apel al acestui petent/);

      // Retention: a value out of range is refused on the page, a valid one saved.
      await page.getByRole('link', { name: 'Perioada de păstrare' }).click();
      const years = page.getByLabel('Registrul petițiilor (P), în ani');
      await years.fill('0');
      await page.getByRole('button', { name: 'Salvează' }).click();
      await waitForText(page.locator('#retention-P-error'), /între 1 și 100/);
      await years.fill('6');
      await page.getByRole('button', { name: 'Salvează' }).click();
      await waitForText(page.getByTestId('flash'), /au fost salvate/);
      const retention = (await apiAs(server, 'admin').then((a) => a.get('/api/admin/retention'))) as { items: { register: string; years: number }[] };
      expect(retention.items.find((i) => i.register === 'P')?.years).toBe(6);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('the registry finds a petition from the header with and without diacritics', async ({ onTestFailed }) => {
    const { context, page, problems } = await signedIn(browser, server, 'registratura');
    onTestFailed(async () => void (await screenshot(page, 'FAILED-search').catch(() => {})));
    try {
      const header = page.getByRole('search', { name: 'Caută petiții' });
      await header.getByRole('searchbox').fill('tuculescu');
      await header.getByRole('button', { name: 'Caută' }).click();
      await page.waitForURL(/\/personal\/cautare\?q=tuculescu$/);
      const hit = page.locator(`[data-testid="search-result"][data-number="${searched.registrationNumber}"]`);
      await hit.waitFor();
      expect(await textOf(hit)).toContain('Groapă adâncă pe strada Ion Țuculescu');
      // The matched word is marked, as an element, never as HTML text.
      expect(await hit.locator('mark').first().innerText()).toMatch(/Țuculescu/i);
      expect(await textOf(hit)).not.toMatch(/[⟦⟧]/);
      await screenshot(page, 'oversight-search-without-diacritics');

      // With the diacritics, from the page's own field.
      const field = page.getByRole('searchbox', { name: 'Caută', exact: true });
      await field.fill('Țuculescu groapă');
      await page.getByRole('main').getByRole('button', { name: 'Caută' }).click();
      await page.waitForURL(/q=%C8%9Auculescu/);
      await hit.waitFor();
      await screenshot(page, 'oversight-search-with-diacritics');
      await hit.getByRole('link', { name: searched.registrationNumber }).click();
      await page.waitForURL(/\/personal\/petitii\/[^/?]+$/);
      await page.getByTestId('petition-status').waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  type Case = { name: string; who: string; open(page: Page): Promise<void> };
  const CASES: Case[] = [
    { name: 'reports', who: 'admin', open: async (page) => void (await page.goto(`${server.url}/personal/rapoarte`), await page.getByTestId('information-report').locator('tr[data-code="received.total"]').waitFor(), await page.getByTestId('report-summary').waitFor()) },
    { name: 'reports for the registry', who: 'registratura', open: async (page) => void (await page.goto(`${server.url}/personal/rapoarte`), await page.getByTestId('report-summary').waitFor()) },
    { name: 'search results', who: 'registratura', open: async (page) => void (await page.goto(`${server.url}/personal/cautare?q=groapa`), await page.getByTestId('search-result').first().waitFor()) },
    { name: 'read log', who: 'admin', open: async (page) => void (await page.goto(`${server.url}/personal/admin/date-personale`), await page.getByTestId('results-count').waitFor()) },
    {
      name: 'export and anonymisation, confirmation open',
      who: 'admin',
      open: async (page) => {
        await page.goto(`${server.url}/personal/admin/date-personale/petent`);
        await page.getByLabel('Adresa de e-mail a petentului').fill(EXPORT_EMAIL);
        await page.getByRole('button', { name: 'Anonimizează petentul…' }).click();
        await page.getByTestId('anonymise-confirm').waitFor();
      },
    },
    { name: 'retention', who: 'admin', open: async (page) => void (await page.goto(`${server.url}/personal/admin/date-personale/pastrare`), await page.getByLabel('Registrul petițiilor (P), în ani').waitFor()) },
    {
      name: 'Open311 keys, a new key shown',
      who: 'admin',
      open: async (page) => {
        await page.goto(`${server.url}/personal/admin/open311`);
        await page.getByLabel('Numele aplicației').fill(`Verificare accesibilitate ${page.viewportSize()?.width ?? 0}`);
        await page.getByRole('button', { name: 'Creează cheia' }).click();
        await page.getByTestId('open311-created').waitFor();
      },
    },
  ];

  for (const size of ['desktop', 'phone'] as const satisfies ViewportName[]) {
    test.for(CASES)(`$name has no WCAG 2.1 A or AA violation (axe-core) at ${size} width`, async ({ name, who, open }, { onTestFailed }) => {
      const { context, page, problems } = await signedIn(browser, server, who, size, { bypassCSP: true });
      onTestFailed(async () => void (await screenshot(page, `FAILED-oversight-a11y-${size}-${name}`).catch(() => {})));
      try {
        await open(page);
        const violations = await axeViolations(page);
        await screenshot(page, `oversight-a11y-${size}-${name}`);
        expect(violations, describeViolations(`${name} (${size})`, violations)).toEqual([]);
        if (size === 'phone') expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
