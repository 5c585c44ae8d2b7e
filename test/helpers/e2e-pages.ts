// What the end-to-end tests do in a page: open one at a given size, fill the petition form as a citizen,
// attach a real PDF, run axe-core, and wait for text the way a reader waits for it to appear.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

export const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

/** A browser context in Romanian at the given size; `bypassCSP` only where axe-core has to be injected. */
export async function openPage(browser: Browser, size: ViewportName, { bypassCSP = false } = {}): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ ...VIEWPORTS[size], locale: 'ro-RO', timezoneId: 'Europe/Bucharest', bypassCSP });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  // Uncaught errors and CSP refusals are bugs a citizen would not see but would suffer from.
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  return { context, page, problems };
}

/** The petition of the end-to-end tests: Romanian, with every diacritic (ă â î ș ț) somewhere. */
export const CITIZEN = {
  categoryCode: 'strazi-trotuare',
  type: 'Sesizare',
  firstName: 'Ștefan',
  lastName: 'Țăranu',
  email: 'stefan.taranu@example.ro',
  phone: '0722 123 456',
  address: 'Strada Ion Țuculescu 12, bl. 3, ap. 14, Sector 6, București',
  location: 'Strada Ion Țuculescu, în dreptul blocului 12',
  subject: 'Groapă periculoasă pe strada Ion Țuculescu',
  body:
    'Bună ziua,\n\nÎn dreptul blocului 12 de pe strada Ion Țuculescu s-a format o groapă adâncă în carosabil. ' +
    'Șoferii o ocolesc brusc, iar bicicliștii și pietonii riscă să cadă în ea, mai ales seara, când iluminatul ' +
    'e slab. Vă rog să o reparați cât mai curând.\n\nMulțumesc, Ștefan Țăranu',
  attachmentName: 'fotografie-groapă-Țuculescu.pdf',
} as const;

/** A minimal valid one-page PDF ("Groapa"), written to a temp directory under `name`. */
export function writeSamplePdf(name: string = CITIZEN.attachmentName): { path: string; bytes: Buffer; remove(): void } {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null, // the content stream, below
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = 'BT /F1 18 Tf 40 45 Td (Groapa) Tj ET';
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const bytes = Buffer.from(pdf, 'latin1');
  const dir = mkdtempSync(join(tmpdir(), 'dp-e2e-pdf-'));
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return { path, bytes, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Waits for the category list, which the form loads from the API. */
export async function waitForCategories(page: Page): Promise<void> {
  await page.locator(`#categoryCode option[value="${CITIZEN.categoryCode}"]`).waitFor({ state: 'attached' });
}

/** Fills the whole form as a citizen would, with the mouse and the keyboard (Playwright's fill/check). */
export async function fillPetitionForm(page: Page, { attachment }: { attachment?: string } = {}): Promise<void> {
  await waitForCategories(page);
  await page.getByLabel('Categoria').selectOption(CITIZEN.categoryCode);
  await page.getByRole('radio', { name: CITIZEN.type, exact: true }).check();
  await page.getByRole('radio', { name: 'În nume propriu' }).check();
  await page.getByLabel('Prenume', { exact: true }).fill(CITIZEN.firstName);
  await page.getByLabel('Nume', { exact: true }).fill(CITIZEN.lastName);
  await page.getByLabel('Adresa de e-mail').fill(CITIZEN.email);
  await page.getByLabel('Telefon mobil').fill(CITIZEN.phone);
  await page.getByLabel('Adresa poștală').fill(CITIZEN.address);
  await page.getByLabel('Subiectul').fill(CITIZEN.subject);
  await page.getByLabel('Textul petiției').fill(CITIZEN.body);
  if (attachment) await page.getByLabel('Fișiere atașate').setInputFiles(attachment);
  await page.getByLabel('Am citit nota de informare privind prelucrarea datelor personale.').check();
}

/** The visible text of an element, once it is visible; whitespace collapsed. */
export async function textOf(locator: Locator): Promise<string> {
  await locator.waitFor({ state: 'visible' });
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

/** Waits until the element's text matches, and returns it. */
export async function waitForText(locator: Locator, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    last = (await locator.count()) > 0 ? ((await locator.first().textContent()) ?? '').replace(/\s+/g, ' ').trim() : '';
    if (pattern.test(last)) return last;
    if (Date.now() > deadline) throw new Error(`expected text matching ${pattern}, got ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// ---------------------------------------------------------------------------------------------------------
// axe-core

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** WCAG 2.1 levels A and AA: what EU Directive 2016/2102 (EN 301 549) requires of public-sector sites. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export type Violation = { id: string; impact: string | null; help: string; helpUrl: string; nodes: { target: string; summary: string }[] };

/** Injects axe-core (the context must bypass CSP: the server allows no foreign scripts) and runs it. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SOURCE });
  const { violations, rulesPassed } = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResults> } }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    const violations = results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: n.failureSummary ?? '' })),
    }));
    return { violations, rulesPassed: results.passes.length };
  }, WCAG_TAGS);
  // No rule passing at all would mean axe checked nothing (an empty page, a failed injection).
  if (rulesPassed === 0) throw new Error(`axe-core passed no rule on ${page.url()}: nothing was checked`);
  return violations;
}

/** One readable paragraph per violation, for an assertion message. */
export function describeViolations(where: string, violations: Violation[]): string {
  if (violations.length === 0) return `${where}: no violations`;
  return [
    `${where}: ${violations.length} WCAG 2.1 A/AA violation(s)`,
    ...violations.map((v) => `- ${v.id} (${v.impact}): ${v.help} <${v.helpUrl}>\n${v.nodes.map((n) => `    at ${n.target}\n      ${n.summary.replace(/\n/g, '\n      ')}`).join('\n')}`),
  ].join('\n');
}
