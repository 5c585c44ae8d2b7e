// Issue 4 in Chromium: a petition for an internal department (DGSPL) from the citizen's form to the answer
// letter, across the citizen's, the registry's, the head's, the officer's and the delegate's pages, with a
// screenshot of every step kept in test-results/e2e/.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fillPetitionForm, openPage, textOf, waitForText } from '../helpers/e2e-pages';
import { chromiumInstalled, launchBrowser, screenshot, startServer, type E2eServer } from '../helpers/e2e-server';
import { flashText, openFromQueue, signedIn, type StaffPage } from './staff-session';

const ADDED = 'Echipa de salubrizare a ridicat deșeurile în 48 de ore.';

describe.skipIf(!chromiumInstalled())('an answer in Chromium, from the citizen’s form to the signed letter', () => {
  let server: E2eServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ env: { DEMO: '1' } }), launchBrowser().then((b) => b!)]);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  /** The page the letter link opens in a new tab, once loaded. */
  async function openedLetter(page: Page, link: ReturnType<Page['getByRole']>): Promise<Page> {
    const [letter] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await letter.waitForLoadState();
    return letter;
  }

  test('submit, route, assign, draft from a template, sign twice, dispatch; the citizen reads the answer and opens the letter', async ({ onTestFailed }) => {
    const pages: Record<string, Page> = {};
    onTestFailed(async () => {
      for (const [name, page] of Object.entries(pages)) await screenshot(page, `FAILED-journey-${name}`).catch(() => {});
    });
    const staff = async (local: string): Promise<StaffPage> => {
      const opened = await signedIn(browser, server, local);
      contexts.push(opened.context);
      pages[local] = opened.page;
      return opened;
    };

    // 1. The citizen sends a petition about waste collection: DGSPL, an internal department.
    const citizen = await openPage(browser, 'desktop');
    contexts.push(citizen.context);
    pages.citizen = citizen.page;
    await citizen.page.goto(`${server.url}/petitie-noua`);
    await fillPetitionForm(citizen.page);
    await citizen.page.getByLabel('Categoria').selectOption('salubrizare');
    await citizen.page.getByLabel('Subiectul').fill('Deșeuri neridicate pe strada Valea Oltului');
    await citizen.page.getByRole('button', { name: 'Trimite petiția' }).click();
    await citizen.page.waitForURL('**/confirmare');
    const number = await textOf(citizen.page.getByTestId('registration-number'));
    const code = await textOf(citizen.page.getByTestId('tracking-code'));
    await screenshot(citizen.page, 'journey-1-citizen-confirmation');

    // Everyone signs in while the citizen waits; each works in a browser of their own.
    const [registry, head, officer, delegate] = await Promise.all([staff('registratura'), staff('dgspl.sef'), staff('dgspl.inspector'), staff('delegat')]);

    // 2. The registry routes it to DGSPL, which the category proposes.
    await openFromQueue(registry.page, server, 'registry', number);
    const department = registry.page.getByRole('combobox', { name: 'Compartimentul', exact: true });
    await department.locator('option[value="DGSPL"]').waitFor({ state: 'attached' });
    expect(await department.inputValue()).toBe('DGSPL');
    await registry.page.getByRole('button', { name: 'Repartizează' }).click();
    expect(await flashText(registry.page)).toBe('Petiția a fost repartizată.');
    await screenshot(registry.page, 'journey-2-registry-routed');

    // 3. The head assigns it to the officer.
    await openFromQueue(head.page, server, 'department', number);
    await head.page.getByRole('combobox', { name: 'Funcționarul', exact: true }).selectOption({ label: 'Ioana Vasilescu — Inspector DGSPL' });
    await head.page.getByRole('button', { name: 'Atribuie', exact: true }).click();
    expect(await flashText(head.page)).toBe('Petiția a fost atribuită.');
    await screenshot(head.page, 'journey-3-head-assigned');

    // 4. The officer starts from a template, adds a bold sentence, saves the draft and submits it.
    await openFromQueue(officer.page, server, 'mine', number);
    const draft = officer.page.getByTestId('answer-draft');
    expect(await textOf(officer.page.getByTestId('answer-state'))).toContain('Ciornă');
    await draft.getByRole('button', { name: 'Pornește de la un model' }).click();
    const template = draft.getByRole('combobox', { name: 'Modelul' });
    await template.locator('option', { hasText: 'Răspuns — problemă rezolvată' }).waitFor({ state: 'attached' });
    await template.selectOption({ label: 'Răspuns — problemă rezolvată' });
    await draft.getByRole('button', { name: 'Folosește modelul' }).click();
    const editor = draft.getByRole('textbox', { name: 'Textul răspunsului' });
    // The placeholders are filled for this petition: its number and the department's name.
    expect(await textOf(editor)).toContain(`nr. ${number}`);
    expect(await draft.getByRole('textbox', { name: 'Temei legal' }).inputValue()).toMatch(/^OG 27\/2002/);
    await editor.click();
    await officer.page.keyboard.press('Control+End');
    await officer.page.keyboard.press('Enter');
    await draft.getByRole('button', { name: 'Aldin' }).click();
    expect(await draft.getByRole('button', { name: 'Aldin' }).getAttribute('aria-pressed')).toBe('true');
    await officer.page.keyboard.type(ADDED);
    expect(await editor.locator('strong, b').last().textContent()).toBe(ADDED);
    await draft.getByRole('button', { name: 'Salvează ciorna' }).click();
    expect(await flashText(officer.page)).toBe('Ciorna a fost salvată.');
    await screenshot(officer.page, 'journey-4-officer-draft');
    await draft.getByRole('button', { name: 'Trimite spre aprobare' }).click();
    await waitForText(officer.page.getByTestId('flash'), /^Răspunsul a fost trimis spre aprobare/);
    expect(await textOf(officer.page.getByTestId('petition-status'))).toBe('Răspuns în curs de aprobare');
    expect(await officer.page.getByTestId('answer-state').getAttribute('data-state')).toBe('submitted');
    await screenshot(officer.page, 'journey-5-officer-submitted');

    // 5. The head signs first, from the approvals queue.
    await openFromQueue(head.page, server, 'approvals', number);
    expect(await textOf(head.page.getByTestId('answer-body'))).toContain(ADDED);
    expect(await textOf(head.page.getByTestId('answer-head-signature'))).toBe('Încă nesemnat');
    await head.page.getByRole('button', { name: 'Semnează' }).click();
    expect(await flashText(head.page)).toBe('Răspunsul a fost semnat.');
    expect(await textOf(head.page.getByTestId('petition-status'))).toBe('Răspuns în curs de semnare');
    await screenshot(head.page, 'journey-6-head-signed');

    // 6. The mayor's delegate signs second (an internal department: OG 27/2002 art. 13).
    await openFromQueue(delegate.page, server, 'approvals', number);
    expect(await textOf(delegate.page.getByTestId('answer-head-signature'))).toMatch(/^Bogdan Stoica, /);
    await delegate.page.getByRole('button', { name: 'Semnează' }).click();
    expect(await flashText(delegate.page)).toBe('Răspunsul a fost semnat.');
    expect(await textOf(delegate.page.getByTestId('petition-status'))).toBe('Răspuns aprobat, în curs de expediere');
    await screenshot(delegate.page, 'journey-7-delegate-signed');

    // 7. The registry prints the letter and dispatches the answer.
    await openFromQueue(registry.page, server, 'dispatch', number);
    expect(await textOf(registry.page.getByTestId('answer-authority-signature'))).toMatch(/^Mihaela Dumitrescu, /);
    const staffLetter = await openedLetter(registry.page, registry.page.getByRole('link', { name: /^Tipărește scrisoarea/ }));
    expect(await textOf(staffLetter.locator('body'))).toContain(number);
    await screenshot(staffLetter, 'journey-8-registry-letter');
    await staffLetter.close();
    await registry.page.getByRole('button', { name: 'Expediază' }).click();
    expect(await flashText(registry.page)).toBe('Răspunsul a fost expediat.');
    expect(await textOf(registry.page.getByTestId('petition-status'))).toBe('Răspuns trimis');
    expect(await registry.page.getByTestId('answer-state').getAttribute('data-state')).toBe('dispatched');
    await screenshot(registry.page, 'journey-9-registry-dispatched');

    // 8. The citizen's tracking page shows the answer and the letter, which opens.
    await citizen.page.getByRole('link', { name: 'Deschide pagina de urmărire' }).click();
    await citizen.page.waitForURL((u) => u.pathname === `/urmarire/${number}` && u.searchParams.get('cod') === code);
    expect(await textOf(citizen.page.getByTestId('status'))).toBe('Răspuns trimis');
    const answer = citizen.page.getByTestId('answer');
    expect(await textOf(answer)).toContain(ADDED);
    expect(await textOf(answer)).toContain('OG 27/2002');
    await screenshot(citizen.page, 'journey-10-citizen-answer');
    const letter = await openedLetter(citizen.page, answer.getByRole('link', { name: /^Descarcă scrisoarea de răspuns/ }));
    const letterText = await textOf(letter.locator('body'));
    expect(letterText).toContain(number);
    expect(letterText).toContain(ADDED);
    expect(letterText).toContain('Bogdan Stoica'); // the head
    expect(letterText).toContain('Mihaela Dumitrescu'); // the delegate
    await screenshot(letter, 'journey-11-citizen-letter');

    for (const p of [registry, head, officer, delegate, citizen]) expect(p.problems).toEqual([]);
  });
});
