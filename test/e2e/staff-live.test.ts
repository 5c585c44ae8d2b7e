// Issue 3 in Chromium: the registry routes a new petition from its page, the head assigns it from hers,
// and the officer's "Ale mele" page, open all along in another browser, shows it without a reload
// (socket.io events invalidate the page's queries, which refetch).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { textOf, waitForText } from '../helpers/e2e-pages';
import { chromiumInstalled, launchBrowser, screenshot, startServer, type E2eServer } from '../helpers/e2e-server';
import { flashText, openFromQueue, registerPetition, signedIn, type StaffPage } from './staff-session';

describe.skipIf(!chromiumInstalled())('staff at work in Chromium, live', () => {
  let server: E2eServer;
  let browser: Browser;
  const opened: StaffPage[] = [];

  beforeAll(async () => {
    // DEMO=1: the demo accounts exist on PostgreSQL too (demo mode is on by default only when embedded).
    [server, browser] = await Promise.all([startServer({ env: { DEMO: '1' } }), launchBrowser().then((b) => b!)]);
  });
  afterAll(async () => {
    for (const o of opened) await o.context.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  test('the registry routes a new petition to ADPDU, the head assigns it, and the officer’s open page shows it without a reload', async ({ onTestFailed }) => {
    const { registrationNumber: number } = await registerPetition(server, { subject: `Trotuar surpat pe strada Fabricii (${Date.now().toString(36)})` });
    const [officer, registry, head] = await Promise.all([
      signedIn(browser, server, 'adpdu.inspector'),
      signedIn(browser, server, 'registratura'),
      signedIn(browser, server, 'adpdu.sef'),
    ]);
    opened.push(officer, registry, head);
    onTestFailed(async () => {
      for (const [name, o] of [['officer', officer], ['registry', registry], ['head', head]] as const) await screenshot(o.page, `FAILED-live-${name}`).catch(() => {});
    });

    // The officer's "Ale mele" queue is open before anything happens, its socket connected; a flag on its
    // window survives only if the document is never reloaded.
    await officer.page.waitForURL('**/personal/petitii?queue=mine');
    expect(await textOf(officer.page.getByRole('heading', { level: 1 }))).toBe('Petiții: Ale mele');
    await waitForText(officer.page.getByTestId('live-status'), /^Actualizări automate: active$/);
    await officer.page.getByTestId('results-count').waitFor();
    const officerUrl = officer.page.url();
    await officer.page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    const row = officer.page.locator(`[data-testid="petition-row"][data-number="${number}"]`);
    expect(await row.count()).toBe(0);
    await screenshot(officer.page, 'live-1-officer-before');

    // The registry routes it from its petition page; ADPDU is proposed by the category.
    await openFromQueue(registry.page, server, 'registry', number);
    const department = registry.page.getByRole('combobox', { name: 'Compartimentul', exact: true });
    await department.locator('option[value="ADPDU"]').waitFor({ state: 'attached' }); // the list loads from the API
    expect(await department.inputValue()).toBe('ADPDU');
    await registry.page.getByRole('button', { name: 'Repartizează' }).click();
    expect(await flashText(registry.page)).toBe('Petiția a fost repartizată.');
    expect(await textOf(registry.page.getByTestId('petition-status'))).toBe('Repartizată compartimentului');
    await screenshot(registry.page, 'live-2-registry-routed');

    // The head assigns it to the officer from hers.
    await openFromQueue(head.page, server, 'department', number);
    await head.page.getByRole('combobox', { name: 'Funcționarul', exact: true }).selectOption({ label: 'Mihai Popa — Inspector ADPDU' });
    await head.page.getByRole('button', { name: 'Atribuie', exact: true }).click();
    expect(await flashText(head.page)).toBe('Petiția a fost atribuită.');
    expect(await textOf(head.page.getByTestId('petition-assignee'))).toBe('Mihai Popa');
    await screenshot(head.page, 'live-3-head-assigned');

    // The officer's page shows the row by itself: same document, same address.
    await row.waitFor({ timeout: 10_000 });
    expect(await textOf(row)).toContain('În lucru');
    expect(await officer.page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(officer.page.url()).toBe(officerUrl);
    await screenshot(officer.page, 'live-4-officer-after');
    for (const o of [officer, registry, head]) expect(o.problems).toEqual([]);
  });
});
