// Staff sessions in tests: the demo accounts seeded into the test file's own database.
import { seedDemoUsers, DEMO_PASSWORD, demoEmail, DEMO_USERS } from '../../db/seed/demo-users';
import type { TestApp } from './app';
import { petitionInput } from './app';

export type DemoLogin = (typeof DEMO_USERS)[number]['local'];

export async function seedStaff(t: TestApp): Promise<void> {
  await seedDemoUsers(t.db);
}

/** Signs in a demo user; returns the headers that carry the session (and JSON). */
export async function signIn(t: TestApp, local: DemoLogin | string): Promise<{ cookie: string; headers: Record<string, string>; user: { id: string; departmentCode: string | null } }> {
  const res = await t.json('/api/auth/login', { email: demoEmail(local), password: DEMO_PASSWORD });
  if (res.status !== 200) throw new Error(`sign-in of ${local} failed: ${res.status} ${await res.text()}`);
  const cookie = /dp_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
  const { user } = await res.json();
  return { cookie, user, headers: { cookie, 'content-type': 'application/json' } };
}

export function as(t: TestApp, session: { headers: Record<string, string> }) {
  return {
    get: (path: string) => t.app.request(path, { headers: session.headers }),
    post: (path: string, body?: unknown) =>
      t.app.request(path, { method: 'POST', headers: session.headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }),
  };
}

/** A web petition, registered through the public API; returns its id as staff see it. */
export async function newPetition(t: TestApp, registry: { headers: Record<string, string> }, overrides: Record<string, unknown> = {}) {
  const created = await (await t.json('/api/petitions', petitionInput(overrides))).json();
  const list = await (await as(t, registry).get(`/api/petitions?q=${created.registrationNumber}`)).json();
  return { ...created, id: list.items[0].id as string };
}
