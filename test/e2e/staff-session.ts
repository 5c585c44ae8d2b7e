// What the staff end-to-end tests do in a page: sign in through the sign-in form, open a petition from a
// queue, register a petition through the public API. Not a test file itself (vitest runs *.test.ts).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { openPage, type ViewportName } from '../helpers/e2e-pages';
import type { E2eServer } from '../helpers/e2e-server';

export const DEMO_PASSWORD = 'parola-demo';
export const staffEmail = (local: string) => `${local}@demo.primarie6.ro`;

export type StaffPage = { context: BrowserContext; page: Page; problems: string[] };

/** A new browser context signed in as a demo user through /personal, as a person signs in. */
export async function signedIn(browser: Browser, server: E2eServer, local: string, size: ViewportName = 'desktop', options: { bypassCSP?: boolean } = {}): Promise<StaffPage> {
  const opened = await openPage(browser, size, options);
  const { page } = opened;
  await page.goto(`${server.url}/personal`);
  await page.getByLabel('Adresa de e-mail').fill(staffEmail(local));
  await page.getByLabel('Parola').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Intră în cont' }).click();
  await page.getByTestId('staff-user').waitFor();
  return opened;
}

/** A web petition registered through POST /api/petitions, as the portal sends it. */
export async function registerPetition(server: E2eServer, overrides: Record<string, unknown> = {}): Promise<{ registrationNumber: string; trackingCode: string }> {
  const res = await fetch(`${server.url}/api/petitions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'sesizare',
      categoryCode: 'strazi-trotuare',
      subject: 'Trotuar surpat pe strada Fabricii',
      body: 'În dreptul blocului 14 de pe strada Fabricii, trotuarul s-a surpat și pietonii merg pe carosabil.',
      petitioner: { kind: 'person', firstName: 'Ioana', lastName: 'Ștefănescu', email: 'ioana.stefanescu@example.ro', phone: '0722 123 456', address: null },
      consent: true,
      ...overrides,
    }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { registrationNumber: string; trackingCode: string };
}

/** Opens a petition from one of the user's queues, searched by its number, by clicking its row. */
export async function openFromQueue(page: Page, server: E2eServer, queue: string, number: string): Promise<void> {
  await page.goto(`${server.url}/personal/petitii?queue=${queue}&q=${encodeURIComponent(number)}`);
  await page.getByRole('link', { name: number, exact: true }).click();
  await page.waitForURL(/\/personal\/petitii\/[^/?]+$/);
  await page.getByTestId('petition-status').waitFor();
}

/** The page's message after an action ("Petiția a fost repartizată."). */
export async function flashText(page: Page): Promise<string> {
  const flash = page.getByTestId('flash');
  await flash.waitFor();
  return ((await flash.locator('p').first().textContent()) ?? '').trim();
}

/** A demo user's session for the API, to bring petitions to a state quickly (the pages are what is tested). */
export async function apiAs(server: E2eServer, local: string) {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: staffEmail(local), password: DEMO_PASSWORD }),
  });
  expect(login.status, `sign-in of ${local}`).toBe(200);
  const cookie = /dp_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0] ?? '';
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(res.ok, `${local}: ${method} ${path} → ${res.status} ${await res.clone().text()}`).toBe(true);
    return res.status === 204 ? null : ((await res.json()) as unknown);
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown = {}) => call('POST', path, body),
    put: (path: string, body: unknown) => call('PUT', path, body),
  };
}

export type AnswerStage = 'registered' | 'in_progress' | 'answer_submitted' | 'answer_signed' | 'approved' | 'answered';

/**
 * Registers a petition for DGSPL (an internal department) and walks it through the API to `stage`:
 * routed and assigned, the answer drafted, submitted, signed by the head, by the delegate, dispatched.
 */
export async function petitionAt(server: E2eServer, stage: AnswerStage, overrides: Record<string, unknown> = {}) {
  const created = await registerPetition(server, { categoryCode: 'salubrizare', subject: 'Containere de gunoi negolite de o săptămână', ...overrides });
  const registry = await apiAs(server, 'registratura');
  const list = (await registry.get(`/api/petitions?q=${created.registrationNumber}`)) as { items: { id: string }[] };
  const id = list.items[0]!.id;
  const steps: [AnswerStage, () => Promise<unknown>][] = [
    ['in_progress', async () => {
      await registry.post(`/api/petitions/${id}/route`, { departmentCode: 'DGSPL' });
      await (await apiAs(server, 'dgspl.sef')).post(`/api/petitions/${id}/assign`, {});
    }],
    ['answer_submitted', async () => {
      const officer = await apiAs(server, 'dgspl.inspector');
      await officer.put(`/api/petitions/${id}/answer`, {
        body: '<p>Vă comunicăm că <strong>containerele</strong> au fost golite, iar operatorul a fost sancționat.</p><ul><li>golire: 3 martie</li><li>control: 5 martie</li></ul>',
        legalBasis: 'OG 27/2002, art. 8; HCL S6 nr. 120/2024',
      });
      await officer.post(`/api/petitions/${id}/answer/submit`);
    }],
    ['answer_signed', async () => (await apiAs(server, 'dgspl.sef')).post(`/api/petitions/${id}/answer/approve`)],
    ['approved', async () => (await apiAs(server, 'delegat')).post(`/api/petitions/${id}/answer/approve`)],
    ['answered', async () => registry.post(`/api/petitions/${id}/dispatch`)],
  ];
  for (const [reached, step] of steps) {
    if (stage === 'registered') break;
    await step();
    if (reached === stage) break;
  }
  return { ...created, id };
}
