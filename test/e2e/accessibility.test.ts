// Accessibility of the citizen portal: WCAG 2.1 levels A and AA, which EU Directive 2016/2102 requires of
// public-sector websites, checked with axe-core on every citizen page at desktop and at phone width; and
// the petition form completed with the keyboard alone.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, CITIZEN, describeViolations, fillPetitionForm, openPage, textOf, waitForCategories, waitForText, type ViewportName } from '../helpers/e2e-pages';
import { chromiumInstalled, launchBrowser, screenshot, startServer, type E2eServer } from '../helpers/e2e-server';

/** Shorter than the journey's text: each character is a key press. */
const KEYBOARD_BODY = 'Groapă adâncă în carosabil, în fața blocului 12.\nȘoferii și pietonii riscă să cadă în ea.';

type CitizenPage = { name: string; open(page: Page, server: E2eServer): Promise<void> };

describe.skipIf(!chromiumInstalled())('the citizen portal in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  /** A petition registered through the API, for the tracking page. */
  let petition: { registrationNumber: string; trackingCode: string };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser().then((b) => b!)]);
    const res = await fetch(`${server.url}/api/petitions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'sesizare',
        categoryCode: CITIZEN.categoryCode,
        subject: CITIZEN.subject,
        body: CITIZEN.body,
        petitioner: { kind: 'person', firstName: CITIZEN.firstName, lastName: CITIZEN.lastName, email: CITIZEN.email, phone: null, address: null },
        consent: true,
      }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    petition = (await res.json()) as typeof petition;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  // Each page in the state a citizen sees once it has loaded what it loads.
  const PAGES: CitizenPage[] = [
    { name: 'home', open: async (page, s) => void (await page.goto(`${s.url}/`), await page.getByRole('heading', { level: 1 }).waitFor()) },
    {
      name: 'petition form',
      open: async (page, s) => {
        await page.goto(`${s.url}/petitie-noua`);
        await waitForCategories(page);
        await waitForText(page.getByTestId('due-date'), /\d{4}/);
      },
    },
    {
      name: 'petition form after a failed submit',
      open: async (page, s) => {
        await page.goto(`${s.url}/petitie-noua`);
        await waitForCategories(page);
        await page.getByRole('button', { name: 'Trimite petiția' }).click();
        await page.locator('.error-summary').waitFor();
        expect(await page.locator('[aria-invalid="true"]').count()).toBeGreaterThan(0);
      },
    },
    {
      name: 'confirmation',
      open: async (page, s) => {
        await page.goto(`${s.url}/petitie-noua`);
        await fillPetitionForm(page);
        await page.getByRole('button', { name: 'Trimite petiția' }).click();
        await page.getByTestId('registration-number').waitFor();
      },
    },
    {
      name: 'tracking form',
      open: async (page, s) => void (await page.goto(`${s.url}/urmarire`), await page.getByLabel('Codul de urmărire').waitFor()),
    },
    {
      name: 'tracking a real petition',
      open: async (page, s) => {
        await page.goto(`${s.url}/urmarire/${petition.registrationNumber}?cod=${encodeURIComponent(petition.trackingCode)}`);
        expect(await textOf(page.getByTestId('status'))).toBe('Înregistrată');
        await page.getByTestId('timeline').waitFor();
      },
    },
    {
      name: 'tracking, not found',
      open: async (page, s) => {
        await page.goto(`${s.url}/urmarire/P-2026-999999?cod=AAAA-BBBB-CCCC-DDDD`);
        await page.getByTestId('not-found').waitFor();
      },
    },
    {
      name: 'lost code, after asking',
      open: async (page, s) => {
        await page.goto(`${s.url}/cod-pierdut`);
        await page.getByLabel('Numărul de înregistrare').fill('P-2026-999999');
        await page.getByRole('button', { name: 'Trimite un cod nou' }).click();
        await waitForText(page.getByTestId('resend-result'), /cod nou/);
      },
    },
    { name: 'privacy notice', open: async (page, s) => void (await page.goto(`${s.url}/confidentialitate`), await page.getByRole('heading', { level: 1 }).waitFor()) },
    { name: '404', open: async (page, s) => void (await page.goto(`${s.url}/nu-exista`), await page.getByRole('heading', { name: 'Pagina nu există' }).waitFor()) },
  ];

  for (const size of ['desktop', 'phone'] as const satisfies ViewportName[]) {
    test.for(PAGES)(`the $name page has no WCAG 2.1 A or AA violation (axe-core) at ${size} width`, async ({ name, open }) => {
      const { context, page } = await openPage(browser, size, { bypassCSP: true });
      try {
        await open(page, server);
        const violations = await axeViolations(page);
        await screenshot(page, `a11y-${size}-${name}`);
        expect(violations, describeViolations(`${name} (${size})`, violations)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  test('the form can be completed and sent with the keyboard alone', async ({ onTestFailed }) => {
    const { context, page, problems } = await openPage(browser, 'desktop');
    onTestFailed(async () => void (await screenshot(page, 'FAILED-keyboard').catch(() => {})));
    try {
      await page.goto(`${server.url}/`);
      // The page is a React app: wait until it has rendered before the first key press.
      await page.getByRole('heading', { level: 1 }).waitFor();
      const keys = keyboard(page);

      // The first stop on a page is the skip link; then the header, then the page's own button.
      expect(await keys.tab()).toBe('a "Sari la conținutul principal"');
      await keys.tabTo('a "Trimite o petiție"');
      await page.keyboard.press('Enter');
      await page.waitForURL('**/petitie-noua');
      expect(await keys.focused()).toBe('h1'); // an in-app navigation puts the focus on the new heading
      await waitForCategories(page);

      const order = [await keys.tabTo('select#categoryCode')];
      await page.keyboard.type('str'); // type-ahead in the closed select: "Străzi secundare, trotuare, gropi"
      expect(await page.locator('#categoryCode').inputValue()).toBe(CITIZEN.categoryCode);

      order.push(await keys.tab()); // into the radio group: its first radio, since none is chosen yet
      for (let i = 0; i < 4 && (await keys.focused()) !== 'input#type-sesizare'; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Space');
      expect(await page.getByRole('radio', { name: 'Sesizare', exact: true }).isChecked()).toBe(true);

      order.push(await keys.tab()); // "În nume propriu", already chosen
      expect(await page.getByRole('radio', { name: 'În nume propriu' }).isChecked()).toBe(true);
      const typed: [string, string][] = [
        ['input#firstName', CITIZEN.firstName],
        ['input#lastName', CITIZEN.lastName],
        ['input#email', CITIZEN.email],
        ['input#phone', CITIZEN.phone],
        ['input#address', CITIZEN.address],
        ['input#locationAddress', CITIZEN.location],
        ['input#subject', CITIZEN.subject],
        ['textarea#body', KEYBOARD_BODY],
      ];
      for (const [control, text] of typed) {
        order.push(await keys.tab());
        expect(await keys.focused()).toBe(control);
        await page.keyboard.type(text);
      }
      order.push(await keys.tab()); // the file picker: optional, passed over
      order.push(await keys.tab()); // the full privacy notice (opens in a new tab)
      order.push(await keys.tab());
      expect(await keys.focused()).toBe('input#consent');
      await page.keyboard.press('Space');
      expect(await page.locator('#consent').isChecked()).toBe(true);
      // Back and forth: Shift+Tab returns to the previous stop, Tab comes back; no trap either way.
      expect(await keys.tab({ back: true })).toBe(order.at(-2));
      expect(await keys.tab()).toBe('input#consent');
      order.push(await keys.tab());

      // Every control in the order it is read, nothing skipped and nothing in between.
      expect(order).toEqual([
        'select#categoryCode',
        'input#type-cerere',
        'input#petitionerKind-person',
        ...typed.map(([control]) => control),
        'input#attachments',
        'a "Citiți nota de informare completă (se deschide într-o filă nouă)"',
        'input#consent',
        'button "Trimite petiția"',
      ]);
      // What was typed is what the fields hold, diacritics and line breaks included.
      expect(await page.getByLabel('Prenume', { exact: true }).inputValue()).toBe(CITIZEN.firstName);
      expect(await page.getByLabel('Textul petiției').inputValue()).toBe(KEYBOARD_BODY);
      await screenshot(page, 'keyboard-1-form-filled');

      await page.keyboard.press('Enter');
      await page.waitForURL('**/confirmare');
      expect(await textOf(page.getByTestId('registration-number'))).toMatch(/^P-\d{4}-\d{6}$/);
      expect(await keys.focused()).toBe('h1');
      await screenshot(page, 'keyboard-2-confirmation');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('with the keyboard, a failed submit puts the focus on the error summary, whose links lead to the fields', async () => {
    const { context, page } = await openPage(browser, 'desktop');
    try {
      await page.goto(`${server.url}/petitie-noua`);
      await waitForCategories(page);
      const keys = keyboard(page);
      await keys.tabTo('button "Trimite petiția"', 40);
      await page.keyboard.press('Enter');
      await page.locator('.error-summary').waitFor();
      expect(await keys.focused()).toMatch(/^div "Petiția nu a fost trimisă/);
      expect(await keys.tab()).toMatch(/^a "/); // the first problem: the category
      await page.keyboard.press('Enter');
      expect(await keys.focused()).toBe('select#categoryCode');
    } finally {
      await context.close();
    }
  });
});

/** Keyboard moves, and where the focus is, named as `tag#id` or `tag "its text"`. */
function keyboard(page: Page) {
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return 'body';
      const tag = el.tagName.toLowerCase();
      if (el.id && !['main', 'h1'].includes(tag)) return `${tag}#${el.id}`;
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      return tag === 'h1' || !text ? tag : `${tag} "${text.slice(0, 80)}"`;
    });
  const tab = async ({ back = false } = {}) => {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    return focused();
  };
  /** Tabs until `target` has the focus; fails on a trap (the focus stops moving) or after `max` presses. */
  const tabTo = async (target: string, max = 20) => {
    const path: string[] = [];
    for (let i = 0; i < max; i++) {
      const now = await tab();
      path.push(now);
      if (now === target) return now;
      if (path.length >= 3 && path.slice(-3).every((p) => p === now)) throw new Error(`keyboard trap at ${now}: ${path.join(' → ')}`);
    }
    throw new Error(`${target} not reached in ${max} Tab presses: ${path.join(' → ')}`);
  };
  return { focused, tab, tabTo };
}
