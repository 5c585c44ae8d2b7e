import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, demoEmail, seedDemoUsers } from '../../db/seed/demo-users';
import { createTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
let admin: string;
let head: string;
let adminId: string;
let headId: string;
let officerId: string;

async function signIn(email: string, password: string = DEMO_PASSWORD): Promise<string> {
  const res = await t.json('/api/auth/login', { email, password });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

function call(method: string, path: string, cookie: string | null, body?: unknown) {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  if (body === undefined) return t.app.request(path, { method, headers });
  return t.app.request(path, { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

const fieldsOf = async (res: Response) => ((await res.json()).error.details.fields as Array<{ path: string }>).map((f) => f.path);
const me = (cookie: string) => t.app.request('/api/auth/me', { headers: { cookie } });
const unique = () => Math.random().toString(36).slice(2, 8);

/** A fresh account of this test's own (no test depends on another's rows). */
async function newUser(overrides: Record<string, unknown> = {}) {
  const res = await call('POST', '/api/admin/users', admin, {
    email: `user-${unique()}@test.primarie6.ro`, name: 'Ana Pop', role: 'officer', departmentCode: 'DGSPL', password: 'o-parola-buna-1', ...overrides,
  });
  expect(res.status).toBe(201);
  return (await res.json()).user as { id: string; email: string; [k: string]: unknown };
}

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoUsers(t.db);
  [admin, head] = await Promise.all([signIn(demoEmail('admin')), signIn(demoEmail('dgspl.sef'))]);
  const all = (await (await call('GET', '/api/admin/users', admin)).json()).items as Array<{ id: string; email: string }>;
  const idOf = (local: string) => all.find((u) => u.email === demoEmail(local))!.id;
  [adminId, headId, officerId] = [idOf('admin'), idOf('dgspl.sef'), idOf('dgspl.inspector')];
});
afterAll(() => t.cleanup());

describe('GET /api/admin/users', () => {
  test('lists every account with its department, manager, contact and state', async () => {
    const res = await call('GET', '/api/admin/users', admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { items } = await res.json();
    expect(items.length).toBeGreaterThanOrEqual(13);
    expect(items.find((u: { email: string }) => u.email === demoEmail('agent'))).toEqual({
      id: expect.any(String), email: demoEmail('agent'), name: 'Radu Georgescu', role: 'agent', departmentCode: 'DRPMD',
      managerId: expect.any(String), managerName: 'Cristina Ionescu', jobTitle: 'Operator call center', phone: '+40213000101',
      active: true, createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  test('filters by role, department, text (accents and case aside) and state', async () => {
    const stefan = await newUser({ name: 'Ștefan Țîrlea', departmentCode: 'DGPL' });
    const get = async (query: string) => ((await (await call('GET', `/api/admin/users?${query}`, admin)).json()).items as Array<{ id: string; role: string; departmentCode: string }>);
    expect((await get('role=head')).every((u) => u.role === 'head')).toBe(true);
    expect((await get('departmentCode=DGSPL')).every((u) => u.departmentCode === 'DGSPL')).toBe(true);
    expect((await get('q=stefan%20tirlea')).map((u) => u.id)).toEqual([stefan.id]);
    expect((await get(`q=${encodeURIComponent(stefan.email.toUpperCase())}`)).map((u) => u.id)).toEqual([stefan.id]);
    expect(await get('q=%25')).toEqual([]); // a LIKE wildcard is taken literally
    await call('PATCH', `/api/admin/users/${stefan.id}`, admin, { active: false });
    expect((await get('active=false')).map((u) => u.id)).toContain(stefan.id);
    expect((await get('active=true')).map((u) => u.id)).not.toContain(stefan.id);
  });

  test.each([['role=mayor', 'role'], ['active=maybe', 'active'], ['departmentCode=dg%20spl', 'departmentCode']])('a bad filter (%s) is a 400 naming it', async (query, field) => {
    const res = await call('GET', `/api/admin/users?${query}`, admin);
    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toContain(field);
  });

  test('is 401 without a session and 403 for a head', async () => {
    expect((await call('GET', '/api/admin/users', null)).status).toBe(401);
    const res = await call('GET', '/api/admin/users', head);
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('auth.forbidden');
  });
});

describe('POST /api/admin/users', () => {
  test('creates an account that can sign in: e-mail in lower case, phone in E.164, password hashed', async () => {
    const email = `Maria.Ene.${unique()}@Test.Primarie6.ro`;
    const res = await call('POST', '/api/admin/users', admin, {
      email, name: 'Maria Ene', role: 'officer', departmentCode: 'DGSPL', managerId: headId, jobTitle: 'Inspector', phone: '0722 123 456', password: 'o-parola-buna-1',
    });
    expect(res.status).toBe(201);
    const { user } = await res.json();
    expect(user).toEqual({
      id: expect.any(String), email: email.toLowerCase(), name: 'Maria Ene', role: 'officer', departmentCode: 'DGSPL', managerId: headId,
      managerName: 'Bogdan Stoica', jobTitle: 'Inspector', phone: '+40722123456', active: true, createdAt: '2026-11-26T10:00:00.000Z',
    });
    expect(JSON.stringify(user)).not.toContain('scrypt');
    expect((await t.json('/api/auth/login', { email, password: 'o-parola-buna-1' })).status).toBe(200);
  });

  test.each([
    ['a registry officer named without a department works in the registry, DRPMD', 'registry', undefined, 'DRPMD'],
    ['a call-center agent named without a department works in the registry, DRPMD', 'agent', undefined, 'DRPMD'],
    ['a supervisor named with a department works there', 'supervisor', 'DGPL', 'DGPL'],
    ['a delegate has no department', 'delegate', undefined, null],
    ['an administrator has no department', 'admin', null, null],
  ])('%s', async (_label, role, departmentCode, expected) => {
    const user = await newUser({ role, departmentCode });
    expect(user.departmentCode).toBe(expected);
  });

  test.each([
    ['a head without a department', { role: 'head', departmentCode: undefined }, 'departmentCode'],
    ['a delegate with a department', { role: 'delegate', departmentCode: 'DGSPL' }, 'departmentCode'],
    ['a director of an internal department', { role: 'director', departmentCode: 'DGSPL' }, 'departmentCode'],
    ['an unknown department', { departmentCode: 'NOPE' }, 'departmentCode'],
    ['an unknown manager', { managerId: randomUUID() }, 'managerId'],
    ['a weak password', { password: 'scurta' }, 'password'],
    ['an invalid e-mail', { email: 'nu-e-email' }, 'email'],
    ['an invalid phone', { phone: '12' }, 'phone'],
    ['an unknown role', { role: 'mayor' }, 'role'],
    ['a one-letter name', { name: 'A' }, 'name'],
    ['an unknown field', { isAdmin: true }, ''],
  ])('%s is a 400 naming the field', async (_label, override, field) => {
    const res = await call('POST', '/api/admin/users', admin, {
      email: `x-${unique()}@test.primarie6.ro`, name: 'Ana Pop', role: 'officer', departmentCode: 'DGSPL', password: 'o-parola-buna-1', ...override,
    });
    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toContain(field);
  });

  test('an e-mail already in use, in any letter case, is a 409', async () => {
    const existing = await newUser();
    const res = await call('POST', '/api/admin/users', admin, { email: existing.email.toUpperCase(), name: 'Alt Om', role: 'registry', password: 'o-parola-buna-1' });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('users.email_taken');
  });

  test('is 401 without a session and 403 for a head', async () => {
    const body = { email: `h-${unique()}@test.primarie6.ro`, name: 'Ana Pop', role: 'officer', departmentCode: 'DGSPL', password: 'o-parola-buna-1' };
    expect((await call('POST', '/api/admin/users', null, body)).status).toBe(401);
    expect((await call('POST', '/api/admin/users', head, body)).status).toBe(403);
  });
});

describe('PATCH /api/admin/users/:id', () => {
  test('changes name, role, department, manager, job title and phone', async () => {
    const user = await newUser();
    const res = await call('PATCH', `/api/admin/users/${user.id}`, admin, {
      name: 'Ana Pop-Ionescu', role: 'head', departmentCode: 'DAPL', managerId: null, jobTitle: 'Șef serviciu', phone: '+40 744 000 111',
    });
    expect(res.status).toBe(200);
    expect((await res.json()).user).toMatchObject({ id: user.id, name: 'Ana Pop-Ionescu', role: 'head', departmentCode: 'DAPL', managerId: null, jobTitle: 'Șef serviciu', phone: '+40744000111' });
  });

  test('a role without a department drops it; a role that needs one keeps the current one', async () => {
    const user = await newUser({ departmentCode: 'DGPL' });
    expect((await (await call('PATCH', `/api/admin/users/${user.id}`, admin, { role: 'head' })).json()).user.departmentCode).toBe('DGPL');
    expect((await (await call('PATCH', `/api/admin/users/${user.id}`, admin, { role: 'delegate' })).json()).user.departmentCode).toBeNull();
    const res = await call('PATCH', `/api/admin/users/${user.id}`, admin, { role: 'officer' });
    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toEqual(['departmentCode']);
  });

  test('a manager that would close a circle in the reporting line, or the user themself, is a 400', async () => {
    const chief = await newUser({ role: 'head' });
    const deputy = await newUser({ managerId: chief.id });
    const clerk = await newUser({ managerId: deputy.id });
    for (const managerId of [clerk.id, deputy.id, chief.id]) {
      const res = await call('PATCH', `/api/admin/users/${chief.id}`, admin, { managerId });
      expect(res.status).toBe(400);
      expect(await fieldsOf(res)).toEqual(['managerId']);
    }
    const unknown = await call('PATCH', `/api/admin/users/${chief.id}`, admin, { managerId: randomUUID() });
    expect(unknown.status).toBe(400);
    expect((await call('PATCH', `/api/admin/users/${clerk.id}`, admin, { managerId: chief.id })).status).toBe(200);
  });

  test('deactivating a user ends their session at once; reactivated, they can sign in again', async () => {
    const user = await newUser();
    const session = await signIn(user.email, 'o-parola-buna-1');
    expect((await me(session)).status).toBe(200);
    const res = await call('PATCH', `/api/admin/users/${user.id}`, admin, { active: false });
    expect(res.status).toBe(200);
    expect((await res.json()).user.active).toBe(false);
    expect((await me(session)).status).toBe(401);
    expect((await t.json('/api/auth/login', { email: user.email, password: 'o-parola-buna-1' })).status).toBe(401);
    await call('PATCH', `/api/admin/users/${user.id}`, admin, { active: true });
    expect((await me(session)).status).toBe(401); // the old session stays ended
    expect((await t.json('/api/auth/login', { email: user.email, password: 'o-parola-buna-1' })).status).toBe(200);
  });

  test('a password reset by the administrator ends the user’s sessions and sets the new password', async () => {
    const user = await newUser();
    const session = await signIn(user.email, 'o-parola-buna-1');
    expect((await call('PATCH', `/api/admin/users/${user.id}`, admin, { password: 'parola-noua-lunga' })).status).toBe(200);
    expect((await me(session)).status).toBe(401);
    expect((await t.json('/api/auth/login', { email: user.email, password: 'parola-noua-lunga' })).status).toBe(200);
    const weak = await call('PATCH', `/api/admin/users/${user.id}`, admin, { password: user.email });
    expect(weak.status).toBe(400);
    expect(await fieldsOf(weak)).toEqual(['password']);
  });

  test('an administrator cannot deactivate themself or drop their own admin role (409)', async () => {
    for (const body of [{ active: false }, { role: 'delegate' }]) {
      const res = await call('PATCH', `/api/admin/users/${adminId}`, admin, body);
      expect(res.status).toBe(409);
      expect((await res.json()).error.code).toBe('users.self_lockout');
    }
    expect((await me(admin)).status).toBe(200);
  });

  test.each([[randomUUID()], ['not-an-id']])('an unknown id (%s) is a 404', async (id) => {
    const res = await call('PATCH', `/api/admin/users/${id}`, admin, { name: 'Nimeni' });
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('users.not_found');
  });

  test.each([
    [{ active: 'no' }, 'active'],
    [{ email: 'alt@test.ro' }, ''],
    [{ phone: 'abc' }, 'phone'],
    [{ managerId: 'nu-e-id' }, 'managerId'],
  ])('bad input %j is a 400 naming the field', async (body, field) => {
    const res = await call('PATCH', `/api/admin/users/${officerId}`, admin, body);
    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toContain(field);
  });

  test('malformed JSON is a 400', async () => {
    const res = await t.app.request(`/api/admin/users/${officerId}`, { method: 'PATCH', headers: { cookie: admin, 'content-type': 'application/json' }, body: '{"name":' });
    expect(res.status).toBe(400);
  });

  test('is 401 without a session and 403 for a head', async () => {
    expect((await call('PATCH', `/api/admin/users/${officerId}`, null, { name: 'X Y' })).status).toBe(401);
    expect((await call('PATCH', `/api/admin/users/${officerId}`, head, { active: false })).status).toBe(403);
  });
});

describe('GET /api/users (the staff directory)', () => {
  test('lists active staff with name, role, department and job title only: no e-mail or phone', async () => {
    const gone = await newUser();
    await call('PATCH', `/api/admin/users/${gone.id}`, admin, { active: false });
    const res = await call('GET', '/api/users?departmentCode=DGSPL&role=officer', head);
    expect(res.status).toBe(200);
    const { items } = await res.json();
    expect(items).toContainEqual({ id: officerId, name: 'Ioana Vasilescu', role: 'officer', departmentCode: 'DGSPL', jobTitle: 'Inspector DGSPL' });
    expect(items.map((u: { id: string }) => u.id)).not.toContain(gone.id);
    for (const u of items) expect(Object.keys(u).sort()).toEqual(['departmentCode', 'id', 'jobTitle', 'name', 'role']);
  });

  test.each([['registratura'], ['delegat'], ['adpdu.director'], ['admin']])('%s may read it', async (local) => {
    const cookie = local === 'admin' ? admin : await signIn(demoEmail(local));
    expect((await call('GET', '/api/users', cookie)).status).toBe(200);
  });

  test.each([['dgspl.inspector'], ['agent'], ['supervizor']])('%s may not (403)', async (local) => {
    const res = await call('GET', '/api/users', await signIn(demoEmail(local)));
    expect(res.status).toBe(403);
  });

  test('is 401 without a session, and a bad filter is a 400', async () => {
    expect((await call('GET', '/api/users', null)).status).toBe(401);
    const res = await call('GET', '/api/users?role=primar', head);
    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toEqual(['role']);
  });
});
