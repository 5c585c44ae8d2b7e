import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, demoEmail, seedDemoUsers } from '../../db/seed/demo-users';
import { createTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoUsers(t.db);
});
afterAll(() => t.cleanup());

const ADMIN = demoEmail('admin');
const HEAD = demoEmail('dgspl.sef');

function login(app: TestApp, email: string, password: string = DEMO_PASSWORD, headers: Record<string, string> = {}) {
  return app.json('/api/auth/login', { email, password }, headers);
}

/** The `dp_session=…` pair of a successful sign-in, to send back as `cookie`. */
async function signIn(app: TestApp, email: string, password: string = DEMO_PASSWORD): Promise<string> {
  const res = await login(app, email, password);
  expect(res.status).toBe(200);
  return sessionCookie(res);
}

function sessionCookie(res: Response): string {
  const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
  expect(cookie).toMatch(/^dp_session=.+/);
  return cookie;
}

const me = (app: TestApp, cookie: string) => app.app.request('/api/auth/me', { headers: { cookie } });
const post = (app: TestApp, path: string, cookie: string, body?: unknown) =>
  body === undefined ? app.app.request(path, { method: 'POST', headers: { cookie } }) : app.json(path, body, { cookie });

/** A fresh app on the same database: its own, empty sign-in throttle. */
const freshApp = () => createTestApp({ testDatabase: t.tdb });

/** A user of one's own, so password changes don't disturb the demo accounts. */
async function createUser(local: string, password = 'o-parola-buna-1'): Promise<string> {
  const admin = await signIn(t, ADMIN);
  const email = `${local}@test.primarie6.ro`;
  const res = await t.json('/api/admin/users', { email, name: 'Test User', role: 'registry', password }, { cookie: admin });
  expect(res.status).toBe(201);
  return email;
}

describe('POST /api/auth/login', () => {
  test('signs in with the exact user shape and an HttpOnly, SameSite=Lax, Secure session cookie', async () => {
    const res = await login(t, ADMIN);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      user: { id: expect.any(String), email: ADMIN, name: 'Andrei Constantinescu', role: 'admin', departmentCode: null },
    });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^dp_session=[\w-]{40,};/);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
  });

  test('a head signs in with their department code', async () => {
    const res = await login(t, HEAD);
    expect((await res.json()).user).toMatchObject({ email: HEAD, role: 'head', departmentCode: 'DGSPL' });
  });

  test('the e-mail is matched case-insensitively and without surrounding spaces', async () => {
    const res = await login(t, `  ${ADMIN.toUpperCase()} `);
    expect(res.status).toBe(200);
  });

  test('a wrong password and an unknown e-mail get the same 401 body, apart from the request id', async () => {
    const app = await freshApp();
    const wrong = await login(app, ADMIN, 'nu-e-parola');
    const unknown = await login(app, 'nimeni@demo.primarie6.ro', 'nu-e-parola');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    const strip = (b: { error: { requestId?: string } }) => ({ ...b, error: { ...b.error, requestId: undefined } });
    const [a, b] = [await wrong.json(), await unknown.json()];
    expect(a.error.code).toBe('auth.invalid_credentials');
    expect(strip(a)).toEqual(strip(b));
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  test('after 5 failed sign-ins for one account the 6th attempt is 429, even with the right password', async () => {
    const app = await freshApp();
    for (let i = 0; i < 5; i++) expect((await login(app, HEAD, `gresit-${i}-parola`)).status).toBe(401);
    const res = await login(app, HEAD.toUpperCase());
    expect(res.status).toBe(429);
    expect((await res.json()).error.code).toBe('auth.throttled');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    // Other accounts are not locked out by it, and the account signs in again once the window has passed.
    expect((await login(app, ADMIN)).status).toBe(200);
    app.clock.advance(15 * 60_000 + 1);
    expect((await login(app, HEAD)).status).toBe(200);
  });

  test('a deactivated user cannot sign in: the same 401 as a wrong password', async () => {
    const email = await createUser('plecat');
    const admin = await signIn(t, ADMIN);
    const list = await (await t.app.request(`/api/admin/users?q=plecat`, { headers: { cookie: admin } })).json();
    const res = await t.app.request(`/api/admin/users/${list.items[0].id}`, {
      method: 'PATCH', headers: { cookie: admin, 'content-type': 'application/json' }, body: JSON.stringify({ active: false }),
    });
    expect(res.status).toBe(200);
    const refused = await login(t, email, 'o-parola-buna-1');
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.code).toBe('auth.invalid_credentials');
  });

  test.each([
    ['a missing password', { email: ADMIN }, 'password'],
    ['a missing e-mail', { password: DEMO_PASSWORD }, 'email'],
  ])('%s is a 400 naming the field', async (_label, body, field) => {
    const res = await t.json('/api/auth/login', body);
    expect(res.status).toBe(400);
    expect((await res.json()).error.details.fields.map((f: { path: string }) => f.path)).toContain(field);
  });
});

describe('GET /api/auth/me', () => {
  test('answers the signed-in user', async () => {
    const cookie = await signIn(t, HEAD);
    const res = await me(t, cookie);
    expect(res.status).toBe(200);
    expect((await res.json()).user).toMatchObject({ email: HEAD, role: 'head', departmentCode: 'DGSPL' });
  });

  test('is 401 without a session, and with an unknown token', async () => {
    for (const headers of [{}, { cookie: 'dp_session=nu-exista' }] as Array<Record<string, string>>) {
      const res = await t.app.request('/api/auth/me', { headers });
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('auth.required');
    }
  });

  test('a session unused for 12 hours has expired', async () => {
    const app = await freshApp();
    const cookie = await signIn(app, HEAD);
    app.clock.advance(11 * 60 * 60_000);
    expect((await me(app, cookie)).status).toBe(200);
    app.clock.advance(12 * 60 * 60_000 + 1);
    expect((await me(app, cookie)).status).toBe(401);
  });
});

describe('POST /api/auth/logout', () => {
  test('answers 204, clears the cookie, and the session no longer works', async () => {
    const cookie = await signIn(t, HEAD);
    const res = await post(t, '/api/auth/logout', cookie);
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/^dp_session=;.*Max-Age=0/i);
    expect((await me(t, cookie)).status).toBe(401);
  });

  test('without a session it is still 204', async () => {
    expect((await t.app.request('/api/auth/logout', { method: 'POST' })).status).toBe(204);
  });
});

describe('cross-site and content-type guards', () => {
  test('a state-changing request with a foreign Origin is refused with 403', async () => {
    const res = await login(t, ADMIN, DEMO_PASSWORD, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('request.origin_forbidden');
  });

  test('our own Origin, or none at all (curl, server to server), is allowed', async () => {
    expect((await login(t, ADMIN, DEMO_PASSWORD, { origin: 'https://petitii.test' })).status).toBe(200);
    expect((await login(t, ADMIN)).status).toBe(200);
  });

  test('a signed-in session does not make a foreign-origin request acceptable', async () => {
    const cookie = await signIn(t, HEAD);
    const res = await t.app.request('/api/auth/logout', { method: 'POST', headers: { cookie, origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect((await me(t, cookie)).status).toBe(200);
  });

  test('a body that is not application/json sent to a JSON endpoint is 415', async () => {
    const body = JSON.stringify({ email: ADMIN, password: DEMO_PASSWORD });
    const res = await t.app.request('/api/auth/login', {
      method: 'POST',
      // A real HTTP/1.1 client always sends the length (or chunked encoding) with a body.
      headers: { 'content-type': 'text/plain', 'content-length': String(Buffer.byteLength(body)) },
      body,
    });
    expect(res.status).toBe(415);
    expect((await res.json()).error.code).toBe('request.unsupported_content_type');
  });
});

describe('POST /api/auth/password', () => {
  test('changes the password: the new one signs in, the old one no longer does', async () => {
    const email = await createUser('schimba');
    const cookie = await signIn(t, email, 'o-parola-buna-1');
    const res = await post(t, '/api/auth/password', cookie, { currentPassword: 'o-parola-buna-1', newPassword: 'alta-parola-lunga' });
    expect(res.status).toBe(204);
    expect((await login(t, email, 'o-parola-buna-1')).status).toBe(401);
    expect((await login(t, email, 'alta-parola-lunga')).status).toBe(200);
  });

  test('ends the user’s other sessions and keeps the one that made the change', async () => {
    const email = await createUser('laptop-pierdut');
    const here = await signIn(t, email, 'o-parola-buna-1');
    const lostLaptop = await signIn(t, email, 'o-parola-buna-1');
    const res = await post(t, '/api/auth/password', here, { currentPassword: 'o-parola-buna-1', newPassword: 'alta-parola-lunga' });
    expect(res.status).toBe(204);
    expect((await me(t, lostLaptop)).status).toBe(401);
    expect((await me(t, here)).status).toBe(200);
  });

  test.each([
    ['too short', 'scurta'],
    ['the e-mail address itself', 'slaba@test.primarie6.ro'],
    ['one character repeated', 'aaaaaaaaaaaa'],
  ])('a weak new password (%s) is a 400 naming newPassword, and nothing changes', async (_label, newPassword) => {
    const email = await createUser(`slaba-${Math.random().toString(36).slice(2, 8)}`);
    const cookie = await signIn(t, email, 'o-parola-buna-1');
    const candidate = newPassword.includes('@') ? email : newPassword;
    const res = await post(t, '/api/auth/password', cookie, { currentPassword: 'o-parola-buna-1', newPassword: candidate });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('auth.weak_password');
    expect(body.error.details.fields.map((f: { path: string }) => f.path)).toEqual(['newPassword']);
    expect((await login(t, email, 'o-parola-buna-1')).status).toBe(200);
  });

  test('a wrong current password is a 400 naming currentPassword: the session itself is fine', async () => {
    const email = await createUser('uituc');
    const cookie = await signIn(t, email, 'o-parola-buna-1');
    const res = await post(t, '/api/auth/password', cookie, { currentPassword: 'nu-asta-era', newPassword: 'alta-parola-lunga' });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('auth.wrong_current_password');
    expect(body.error.details.fields.map((f: { path: string }) => f.path)).toEqual(['currentPassword']);
    expect((await me(t, cookie)).status).toBe(200);
  });

  test('guessing the current password is throttled like failed sign-ins: the 6th try is 429', async () => {
    const app = await freshApp();
    const email = await createUser('ghicitor');
    const cookie = await signIn(app, email, 'o-parola-buna-1');
    for (let i = 0; i < 5; i++) {
      expect((await post(app, '/api/auth/password', cookie, { currentPassword: `ghicit-${i}`, newPassword: 'alta-parola-lunga' })).status).toBe(400);
    }
    const res = await post(app, '/api/auth/password', cookie, { currentPassword: 'o-parola-buna-1', newPassword: 'alta-parola-lunga' });
    expect(res.status).toBe(429);
    expect((await res.json()).error.code).toBe('auth.throttled');
  });

  test('is 401 without a session', async () => {
    const res = await t.json('/api/auth/password', { currentPassword: 'x', newPassword: 'alta-parola-lunga' });
    expect(res.status).toBe(401);
  });
});
