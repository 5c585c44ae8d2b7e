// The dashboard in Chromium (issue 6 §2): the server started as a user starts it, in demo mode, so its
// first start seeds a year of petitions; the delegate signs in at /personal, opens the dashboard from the
// navigation, sees its SVG charts drawn with bars (screenshot kept: test-results/e2e/dashboard.png), and a
// click on a bar — or Enter on a focused one — opens the list behind it. axe-core finds no WCAG 2.1 AA
// violation on the page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, describeViolations, waitForText } from '../helpers/e2e-pages';
import { chromiumInstalled, launchBrowser, screenshot, startServer, type E2eServer } from '../helpers/e2e-server';
import { signedIn } from './staff-session';

const CHARTS = ['chart-departments', 'chart-weekly', 'chart-in-time', 'chart-median', 'chart-categories'];

/** The dashboard, opened from the staff navigation, once its charts are drawn. */
async function openDashboard(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Navigare personal' }).getByRole('link', { name: 'Panou' }).click();
  await page.waitForURL(/\/personal\/panou$/);
  await page.getByRole('heading', { level: 1, name: 'Panou de control' }).waitFor();
  await page.locator('[data-testid="chart-weekly"] svg .dash-chart-bar').first().waitFor();
}

/** "…: 7" → 7: the count a bar's accessible name ends with. */
const countOf = (label: string | null) => Number(/(\d+)\D*$/.exec(label ?? '')?.[1] ?? NaN);

describe.skipIf(!chromiumInstalled())('the dashboard in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ env: { DEMO: '1' } }), launchBrowser().then((b) => b!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('renders its charts with the demo history, as SVG bars, lines and cells, with no WCAG 2.1 AA violation', async ({ onTestFailed }) => {
    const { context, page, problems } = await signedIn(browser, server, 'delegat', 'desktop', { bypassCSP: true });
    onTestFailed(async () => void (await screenshot(page, 'FAILED-dashboard').catch(() => {})));
    try {
      await openDashboard(page);
      for (const chart of CHARTS) {
        const figure = page.getByTestId(chart);
        expect(await figure.locator('svg.dash-chart-svg').count(), chart).toBe(1);
        expect(await figure.locator('figcaption h3').textContent(), `${chart} has a title`).toBeTruthy();
        expect((await figure.locator('.dash-chart__summary').textContent())?.length, `${chart} has a summary`).toBeGreaterThan(20);
        expect(await figure.locator('.visually-hidden table tbody tr').count(), `${chart} has its data table`).toBeGreaterThan(0);
      }
      // Bars with a size, each a link with a name; the median is a line with points.
      const bars = page.locator('[data-testid="chart-weekly"] svg a.dash-chart-link rect.dash-chart-bar');
      expect(await bars.count()).toBeGreaterThan(26);
      const box = await bars.first().boundingBox();
      expect(box!.width).toBeGreaterThan(10);
      expect(await page.locator('[data-testid="chart-departments"] svg rect[data-state="breached"]').count()).toBeGreaterThan(0);
      expect(await page.locator('[data-testid="chart-median"] svg path').count()).toBeGreaterThan(0);
      expect(await page.locator('[data-testid="chart-median"] svg circle.dash-chart-point').count()).toBeGreaterThan(6);
      expect(await page.locator('[data-testid="chart-in-time"] svg a.dash-chart-link').count()).toBeGreaterThan(12);
      expect(await page.locator('[data-testid="chart-categories"] svg a.dash-chart-link').count()).toBe(10);
      // The big figures and the overdue list.
      expect(Number(await page.getByTestId('figure-total').locator('.dash-figure__number').textContent())).toBeGreaterThan(0);
      expect(await page.locator('[data-testid="list-overdue"] tbody tr').count()).toBeGreaterThan(0);
      // The call figures, for the delegate too.
      await page.getByTestId('calls').waitFor();

      const path = await screenshot(page, 'dashboard');
      expect(path).toMatch(/test-results\/e2e\/dashboard\.png$/);
      const violations = await axeViolations(page);
      expect(violations, describeViolations('dashboard', violations)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('at phone width the page fits the screen (the charts scroll sideways) and still has no WCAG 2.1 AA violation', async ({ onTestFailed }) => {
    const { context, page } = await signedIn(browser, server, 'delegat', 'phone', { bypassCSP: true });
    onTestFailed(async () => void (await screenshot(page, 'FAILED-dashboard-phone').catch(() => {})));
    try {
      await page.goto(`${server.url}/personal/panou`);
      await page.locator('[data-testid="chart-weekly"] svg .dash-chart-bar').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const violations = await axeViolations(page);
      expect(violations, describeViolations('dashboard (phone)', violations)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('a click on a week’s bar opens the list of that week’s petitions of that channel', async ({ onTestFailed }) => {
    const { context, page, problems } = await signedIn(browser, server, 'delegat');
    onTestFailed(async () => void (await screenshot(page, 'FAILED-dashboard-click').catch(() => {})));
    try {
      await openDashboard(page);
      // The web segment of the busiest recent week (fewer than a page of rows).
      const links = page.locator('[data-testid="chart-weekly"] svg a.dash-chart-link:has(rect[data-channel="web"])');
      const labels = await links.evaluateAll((as) => as.map((a) => a.getAttribute('aria-label') ?? ''));
      const index = labels.map((l, i) => ({ i, n: countOf(l) })).filter((x) => x.n > 0 && x.n <= 25).sort((a, b) => b.n - a.n)[0]!.i;
      const bar = links.nth(index);
      const n = countOf(await bar.getAttribute('aria-label'));
      await bar.click();
      await page.waitForURL(/\/personal\/petitii\?/);
      const url = new URL(page.url());
      expect(url.searchParams.get('queue')).toBe('all');
      expect(url.searchParams.get('channel')).toBe('web');
      expect(url.searchParams.get('registeredFrom')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(await page.getByTestId('list-filters').textContent()).toContain('primite prin Portal web');
      await waitForText(page.getByTestId('results-count'), new RegExp(`Petiții afișate: ${n}\\.`));
      expect(await page.getByTestId('petition-row').count()).toBe(n);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('Enter on a focused department × overdue bar opens that department’s overdue petitions', async ({ onTestFailed }) => {
    const { context, page } = await signedIn(browser, server, 'delegat');
    onTestFailed(async () => void (await screenshot(page, 'FAILED-dashboard-keyboard').catch(() => {})));
    try {
      await openDashboard(page);
      const bar = page.locator('[data-testid="chart-departments"] svg a.dash-chart-link:has(rect[data-state="breached"])').first();
      const label = (await bar.getAttribute('aria-label'))!;
      const department = label.split(',')[0]!;
      await bar.focus();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(label);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/personal\/petitii\?/);
      const url = new URL(page.url());
      expect(url.searchParams.get('clock')).toBe('breached');
      expect(url.searchParams.get('departmentCode')).toBe(department === 'Fără compartiment' ? 'none' : department);
      await page.getByTestId('petition-row').first().waitFor();
      const rows = page.getByTestId('petition-row');
      expect(await rows.count()).toBe(Math.min(countOf(label), 25));
      for (const clock of await rows.locator('[data-clock]').evaluateAll((els) => els.map((e) => e.getAttribute('data-clock')))) expect(clock).toBe('breached');
    } finally {
      await context.close();
    }
  });
});
