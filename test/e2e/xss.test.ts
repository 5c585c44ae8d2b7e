// Issue 7 §4: a stored petition whose every field carries <script> and onerror= payloads is rendered inert on
// every citizen and staff page that shows it (Chromium, built client, real server). The pages run with the
// Content-Security-Policy bypassed, so that the test checks the escaping itself, not only the CSP behind it:
// no dialog opens, no payload sets window.__xss, no payload becomes an element, and the text is shown as text.
import type { Browser, Page } from 'playwright-core';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openPage, waitForCategories, writeSamplePdf } from '../helpers/e2e-pages';
import { chromiumInstalled, launchBrowser, screenshot, startServer, type E2eServer } from '../helpers/e2e-server';
import { signedIn } from './staff-session';

/** Each payload, if it ever ran, would set window.__xss (and most would open a dialog). */
const P = {
  script: '<script>window.__xss=1;alert("xss")</script>',
  img: '<img src=x onerror="window.__xss=2;alert(2)">',
  svg: '<svg onload="window.__xss=3">',
  attr: '" autofocus onfocus="window.__xss=4" x="',
  iframe: '<iframe srcdoc="<script>parent.__xss=5</script>"></iframe>',
  link: 'javascript:window.__xss=6',
};
const SUBJECT = `Groapă ${P.img} ${P.script}`.slice(0, 200);
const BODY = `Corp ${P.script} ${P.iframe} ${P.svg} ${P.attr} ${P.link} — groapa din fața blocului.`;
const FIRST = `Ana${P.img}`.slice(0, 100);
const LAST = `Pop${P.svg}`.slice(0, 100);
const ADDRESS = `Strada ${P.attr} ${P.img}`.slice(0, 300);
const LOCATION = `Țintei ${P.script}`.slice(0, 300);
/** A file name a browser can send (no slash): an onerror payload and quotes. */
const FILE_NAME = `<img src=x onerror=window.__xss=7>"'.pdf`;

/** Everything that would show a payload ran, or was turned into markup, on the current page. */
async function expectInert(page: Page, dialogs: string[], where: string): Promise<void> {
  await page.waitForTimeout(300); // an onerror fires as soon as the broken image is in the DOM
  expect(dialogs, `${where}: dialogs`).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), `${where}: window.__xss`).toBeUndefined();
  const injected = await page.evaluate(() =>
    [...document.querySelectorAll('img[onerror], svg[onload], [onfocus], iframe[srcdoc], a[href^="javascript:"]')].map((e) => e.outerHTML.slice(0, 120)).concat(
      [...document.querySelectorAll('script')].filter((s) => !s.src && /__xss/.test(s.textContent ?? '')).map((s) => s.outerHTML.slice(0, 120)),
    ),
  );
  expect(injected, `${where}: payloads turned into elements`).toEqual([]);
}

describe.skipIf(!chromiumInstalled())('stored XSS payloads are inert on every page (Chromium)', () => {
  let server: E2eServer;
  let browser: Browser;
  let number = '';
  let code = '';
  let dir = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ env: { DEMO: '1' } }), launchBrowser().then((b) => b!)]);
    dir = mkdtempSync(join(tmpdir(), 'dp-xss-'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function page(size: 'desktop' = 'desktop') {
    const opened = await openPage(browser, size, { bypassCSP: true });
    const dialogs: string[] = [];
    opened.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    return { ...opened, dialogs };
  }

  test('the citizen sends the payloads through the form: the form, its file list and the confirmation stay inert', async ({ onTestFailed }) => {
    const { context, page: p, dialogs } = await page();
    onTestFailed(async () => void (await screenshot(p, 'FAILED-xss-form').catch(() => {})));
    const pdf = writeSamplePdf('x.pdf');
    const hostileFile = join(dir, FILE_NAME);
    writeFileSync(hostileFile, pdf.bytes);
    pdf.remove();
    try {
      await p.goto(`${server.url}/petitie-noua`);
      await waitForCategories(p);
      await p.getByLabel('Categoria').selectOption('strazi-trotuare');
      await p.getByRole('radio', { name: 'Sesizare', exact: true }).check();
      await p.getByRole('radio', { name: 'În nume propriu' }).check();
      await p.getByLabel('Prenume', { exact: true }).fill(FIRST);
      await p.getByLabel('Nume', { exact: true }).fill(LAST);
      await p.getByLabel('Adresa de e-mail').fill('ana.pop@example.ro');
      await p.getByLabel('Adresa poștală').fill(ADDRESS);
      await p.getByLabel('Locul la care se referă petiția').fill(LOCATION);
      await p.getByLabel('Subiectul').fill(SUBJECT);
      await p.getByLabel('Textul petiției').fill(BODY);
      await p.getByLabel('Fișiere atașate').setInputFiles(hostileFile);
      await p.getByLabel('Am citit nota de informare privind prelucrarea datelor personale.').check();
      // The chosen file is listed under its name, as text.
      expect(await p.getByText(FILE_NAME, { exact: false }).count()).toBeGreaterThan(0);
      await expectInert(p, dialogs, 'the filled form');
      await p.getByRole('button', { name: 'Trimite petiția' }).click();
      await p.waitForURL('**/confirmare');
      number = ((await p.getByTestId('registration-number').textContent()) ?? '').trim();
      code = ((await p.getByTestId('tracking-code').textContent()) ?? '').trim();
      expect(number).toMatch(/^P-\d{4}-\d{6}$/);
      await expectInert(p, dialogs, 'the confirmation page');
    } finally {
      await context.close();
    }
  });

  test('the tracking page stays inert', async ({ onTestFailed }) => {
    expect(number, 'registered by the previous test').not.toBe('');
    const { context, page: p, dialogs } = await page();
    onTestFailed(async () => void (await screenshot(p, 'FAILED-xss-tracking').catch(() => {})));
    try {
      await p.goto(`${server.url}/urmarire/${number}?cod=${encodeURIComponent(code)}`);
      await p.getByTestId('status').waitFor();
      await expectInert(p, dialogs, 'the tracking page');
    } finally {
      await context.close();
    }
  });

  test('the registry’s queue, the petition page with its files and the petitioner’s data stay inert, and show the payloads as text', async ({ onTestFailed }) => {
    expect(number, 'registered by the first test').not.toBe('');
    const staff = await signedIn(browser, server, 'registratura', 'desktop', { bypassCSP: true });
    const p = staff.page;
    const dialogs: string[] = [];
    p.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    onTestFailed(async () => void (await screenshot(p, 'FAILED-xss-staff').catch(() => {})));
    try {
      await p.goto(`${server.url}/personal/petitii?queue=registry`);
      await p.getByRole('link', { name: number, exact: true }).waitFor();
      await expectInert(p, dialogs, 'the registry queue');
      expect(await p.getByText('onerror=', { exact: false }).count(), 'the subject is shown as text in the queue').toBeGreaterThan(0);

      await p.getByRole('link', { name: number, exact: true }).click();
      await p.waitForURL(/\/personal\/petitii\/[^/?]+$/);
      await p.getByTestId('petition-status').waitFor();
      await expectInert(p, dialogs, 'the petition page');
      expect(await p.getByTestId('petition-body').textContent()).toContain('<script>');
      expect(await p.getByText(FILE_NAME, { exact: false }).count(), 'the file name is shown as text').toBeGreaterThan(0);

      const show = p.getByRole('button', { name: 'Arată datele petentului' });
      if ((await show.count()) > 0) {
        await show.click();
        await p.getByTestId('petitioner').getByText('Ana', { exact: false }).first().waitFor();
        await expectInert(p, dialogs, 'the petitioner panel');
      }
      await screenshot(p, 'xss-staff-petition');
    } finally {
      await staff.context.close();
    }
  });

  test('the department head’s queue and petition page stay inert once the petition is routed', async ({ onTestFailed }) => {
    expect(number, 'registered by the first test').not.toBe('');
    const registry = await signedIn(browser, server, 'registratura', 'desktop', { bypassCSP: true });
    // Route it as the registry does, through its page's action.
    const res = await registry.page.evaluate(async (n) => {
      const list = await (await fetch(`/api/petitions?queue=registry&q=${encodeURIComponent(n)}`)).json();
      const id = list.items[0].id as string;
      const routed = await fetch(`/api/petitions/${id}/route`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ departmentCode: 'ADPDU' }) });
      return routed.status;
    }, number);
    expect(res).toBe(204);
    await registry.context.close();

    const head = await signedIn(browser, server, 'adpdu.sef', 'desktop', { bypassCSP: true });
    const p = head.page;
    const dialogs: string[] = [];
    p.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    onTestFailed(async () => void (await screenshot(p, 'FAILED-xss-head').catch(() => {})));
    try {
      await p.goto(`${server.url}/personal/petitii?queue=department`);
      await p.getByRole('link', { name: number, exact: true }).waitFor();
      await expectInert(p, dialogs, 'the department queue');
      await p.getByRole('link', { name: number, exact: true }).click();
      await p.getByTestId('petition-status').waitFor();
      await expectInert(p, dialogs, 'the department’s petition page');
    } finally {
      await head.context.close();
    }
  });
});
