import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, demoEmail, seedDemoUsers } from '../../db/seed/demo-users';
import { createTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
let admin: string;
let head: string;
let agent: string;

async function signIn(email: string): Promise<string> {
  const res = await t.json('/api/auth/login', { email, password: DEMO_PASSWORD });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

function call(method: string, path: string, cookie: string | null, body?: unknown) {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  if (body === undefined) return t.app.request(path, { method, headers });
  return t.app.request(path, { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

const fieldsOf = async (res: Response) => ((await res.json()).error.details.fields as Array<{ path: string }>).map((f) => f.path);
const codeOf = async (res: Response) => (await res.json()).error.code as string;
/** Department codes are 2–12 upper-case letters/digits: a fresh one per test. */
const newCode = () => `T${Math.random().toString(36).slice(2, 9).toUpperCase()}`;

async function newDepartment(kind: 'internal' | 'subordinate' = 'internal') {
  const code = newCode();
  const res = await call('POST', '/api/admin/departments', admin, { code, name: `Serviciul de test ${code}`, kind });
  expect(res.status).toBe(201);
  return code;
}

async function newCategory(overrides: Record<string, unknown> = {}) {
  const code = `test-${Math.random().toString(36).slice(2, 8)}`;
  const res = await call('POST', '/api/admin/categories', admin, {
    code, nameRo: 'Categorie de test', nameEn: 'Test category', regime: 'og27', routing: 'department', handlerDepartmentCode: 'DGSPL', ...overrides,
  });
  expect(res.status).toBe(201);
  return code;
}

const publicCategory = async (code: string) =>
  ((await (await t.app.request('/api/categories')).json()) as Array<{ code: string; handler: unknown }>).find((c) => c.code === code);

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoUsers(t.db);
  [admin, head, agent] = await Promise.all([signIn(demoEmail('admin')), signIn(demoEmail('dgspl.sef')), signIn(demoEmail('agent'))]);
});
afterAll(() => t.cleanup());

describe('GET /api/admin/departments', () => {
  test('lists the Sector 6 departments with kind, registry flag, state and active staff count', async () => {
    const res = await call('GET', '/api/admin/departments', admin);
    expect(res.status).toBe(200);
    const { items } = await res.json();
    const byCode = Object.fromEntries(items.map((d: { code: string }) => [d.code, d]));
    expect(byCode.DRPMD).toEqual({ id: expect.any(String), code: 'DRPMD', name: 'Direcția Relații cu Publicul și Managementul Documentelor', kind: 'internal', isRegistry: true, active: true, userCount: 3 });
    expect(byCode.DGPL).toMatchObject({ kind: 'subordinate', isRegistry: false, userCount: 3 });
    expect(byCode.CCE6.userCount).toBe(0);
  });

  test('is 401 without a session and 403 for a head', async () => {
    expect((await call('GET', '/api/admin/departments', null)).status).toBe(401);
    expect(await codeOf(await call('GET', '/api/admin/departments', head))).toBe('auth.forbidden');
  });
});

describe('POST /api/admin/departments', () => {
  test('creates a department that staff pages can then pick', async () => {
    const res = await call('POST', '/api/admin/departments', admin, { code: 'DIT6', name: 'Direcția IT', kind: 'internal' });
    expect(res.status).toBe(201);
    expect((await res.json()).department).toEqual({ id: expect.any(String), code: 'DIT6', name: 'Direcția IT', kind: 'internal', isRegistry: false, active: true, userCount: 0 });
    expect(await (await call('GET', '/api/departments', agent)).json()).toContainEqual({ code: 'DIT6', name: 'Direcția IT', kind: 'internal' });
  });

  test.each([
    ['a lower-case code', { code: 'dit' }, 'code'],
    ['a one-letter code', { code: 'D' }, 'code'],
    ['a 13-character code', { code: 'ABCDEFGHIJKLM' }, 'code'],
    ['an unknown kind', { kind: 'external' }, 'kind'],
    ['a missing name', { name: undefined }, 'name'],
  ])('%s is a 400 naming the field', async (_label, override, field) => {
    const res = await call('POST', '/api/admin/departments', admin, { code: newCode(), name: 'Direcția X', kind: 'internal', ...override });
    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toContain(field);
  });

  test('a code already in use is a 409', async () => {
    const res = await call('POST', '/api/admin/departments', admin, { code: 'DGSPL', name: 'Altă direcție', kind: 'internal' });
    expect(res.status).toBe(409);
    expect(await codeOf(res)).toBe('departments.code_taken');
  });

  test('is 401 without a session and 403 for a head', async () => {
    const body = { code: newCode(), name: 'Direcția X', kind: 'internal' };
    expect((await call('POST', '/api/admin/departments', null, body)).status).toBe(401);
    expect((await call('POST', '/api/admin/departments', head, body)).status).toBe(403);
  });
});

describe('PATCH /api/admin/departments/:code', () => {
  test('renames, changes the kind, deactivates: a deactivated department is no longer offered', async () => {
    const code = await newDepartment();
    const res = await call('PATCH', `/api/admin/departments/${code}`, admin, { name: 'Serviciul redenumit', kind: 'subordinate' });
    expect(res.status).toBe(200);
    expect((await res.json()).department).toMatchObject({ code, name: 'Serviciul redenumit', kind: 'subordinate', active: true });
    expect((await call('PATCH', `/api/admin/departments/${code}`, admin, { active: false })).status).toBe(200);
    const offered = (await (await call('GET', '/api/departments', agent)).json()) as Array<{ code: string }>;
    expect(offered.map((d) => d.code)).not.toContain(code);
    // Nobody can be placed in it, and no category routed to it.
    const user = await call('POST', '/api/admin/users', admin, { email: `u-${code}@test.ro`, name: 'Ana Pop', role: 'officer', departmentCode: code, password: 'o-parola-buna-1' });
    expect(await fieldsOf(user)).toEqual(['departmentCode']);
    const category = await call('PATCH', '/api/admin/categories/cultura', admin, { handlerDepartmentCode: code });
    expect(await fieldsOf(category)).toEqual(['handlerDepartmentCode']);
  });

  test('OG 27/2002 art. 6: the registry department cannot be deactivated (409)', async () => {
    const res = await call('PATCH', '/api/admin/departments/DRPMD', admin, { active: false });
    expect(res.status).toBe(409);
    expect(await codeOf(res)).toBe('departments.registry_locked');
  });

  test('a department with active staff, or with categories routed to it, cannot be deactivated (409)', async () => {
    const staffed = await call('PATCH', '/api/admin/departments/DGSPL', admin, { active: false });
    expect(staffed.status).toBe(409);
    expect((await staffed.json()).error).toMatchObject({ code: 'departments.in_use', details: { activeUsers: 2 } });
    const routed = await call('PATCH', '/api/admin/departments/DAPL', admin, { active: false });
    expect(routed.status).toBe(409);
    expect((await routed.json()).error.details).toEqual({ activeUsers: 0, categories: ['comert-stradal'] });
  });

  test('a subordinate service with a director cannot become internal (409)', async () => {
    const res = await call('PATCH', '/api/admin/departments/ADPDU', admin, { kind: 'internal' });
    expect(res.status).toBe(409);
    expect(await codeOf(res)).toBe('departments.in_use');
  });

  test('an unknown code is a 404, bad input a 400', async () => {
    const missing = await call('PATCH', '/api/admin/departments/NOPE99', admin, { name: 'Nimic' });
    expect(missing.status).toBe(404);
    expect(await codeOf(missing)).toBe('departments.not_found');
    const bad = await call('PATCH', '/api/admin/departments/DGAS', admin, { active: 'da', code: 'X1' });
    expect(bad.status).toBe(400);
    expect(await fieldsOf(bad)).toEqual(expect.arrayContaining(['active', '']));
  });

  test('is 401 without a session and 403 for a head', async () => {
    expect((await call('PATCH', '/api/admin/departments/DGAS', null, { name: 'X Y' })).status).toBe(401);
    expect((await call('PATCH', '/api/admin/departments/DGAS', head, { name: 'X Y' })).status).toBe(403);
  });
});

describe('GET /api/departments and GET /api/institutions', () => {
  test('any signed-in staff member gets the active departments and the institutions', async () => {
    const departments = await (await call('GET', '/api/departments', agent)).json();
    expect(departments).toContainEqual({ code: 'DGPL', name: 'Direcția Generală de Poliție Locală Sector 6', kind: 'subordinate' });
    const institutions = await (await call('GET', '/api/institutions', head)).json();
    expect(institutions).toHaveLength(8);
    expect(institutions).toContainEqual({ code: 'ASPA', name: 'Autoritatea pentru Supravegherea și Protecția Animalelor' });
  });

  test('are 401 without a session', async () => {
    expect((await call('GET', '/api/departments', null)).status).toBe(401);
    expect((await call('GET', '/api/institutions', null)).status).toBe(401);
  });
});

describe('GET /api/admin/categories', () => {
  test('lists every category with its routing, handler, regime, terms and order', async () => {
    const res = await call('GET', '/api/admin/categories', admin);
    expect(res.status).toBe(200);
    const { items } = await res.json();
    expect(items.length).toBeGreaterThanOrEqual(27);
    const byCode = Object.fromEntries(items.map((c: { code: string }) => [c.code, c]));
    expect(byCode['strazi-trotuare']).toEqual({
      code: 'strazi-trotuare', nameRo: 'Străzi secundare, trotuare, gropi', nameEn: 'Side streets, pavements, potholes', regime: 'og27',
      routing: 'department', handlerDepartmentCode: 'ADPDU', handlerInstitutionCode: null, public: true, deadlineDays: null,
      deadlineCounting: null, internalDueWorkingDays: 5, active: true, sortOrder: 0,
    });
    expect(byCode['caini-fara-stapan']).toMatchObject({ routing: 'forward', handlerDepartmentCode: null, handlerInstitutionCode: 'ASPA' });
    expect(byCode['conduita-personal']).toMatchObject({ routing: 'by_person', handlerDepartmentCode: null, handlerInstitutionCode: null });
    expect(byCode['informatii-publice']).toMatchObject({ regime: 'l544', handlerDepartmentCode: 'DRPMD' });
  });

  test('is 401 without a session and 403 for a head', async () => {
    expect((await call('GET', '/api/admin/categories', null)).status).toBe(401);
    expect((await call('GET', '/api/admin/categories', head)).status).toBe(403);
  });
});

describe('PATCH /api/admin/categories/:code', () => {
  test('a changed routing is what GET /api/categories then shows', async () => {
    const code = await newCategory({ routing: 'forward', handlerDepartmentCode: undefined, handlerInstitutionCode: 'PMB' });
    const res = await call('PATCH', `/api/admin/categories/${code}`, admin, { routing: 'department', handlerDepartmentCode: 'ADPDU' });
    expect(res.status).toBe(200);
    // The institution no longer fits the routing and is dropped.
    expect((await res.json()).category).toMatchObject({ routing: 'department', handlerDepartmentCode: 'ADPDU', handlerInstitutionCode: null });
    expect((await publicCategory(code))!.handler).toEqual({ kind: 'department', code: 'ADPDU', name: 'Administrația Domeniului Public și Dezvoltare Urbană Sector 6' });
    await call('PATCH', `/api/admin/categories/${code}`, admin, { routing: 'by_person' });
    expect((await publicCategory(code))!.handler).toBeNull();
  });

  test('names, public flag, terms and order change; a deactivated category leaves the public list', async () => {
    const code = await newCategory();
    const res = await call('PATCH', `/api/admin/categories/${code}`, admin, {
      nameRo: 'Nume nou', nameEn: 'New name', public: true, deadlineDays: 15, internalDueWorkingDays: 0, sortOrder: 99,
    });
    expect((await res.json()).category).toMatchObject({ nameRo: 'Nume nou', nameEn: 'New name', public: true, deadlineDays: 15, deadlineCounting: 'calendar', internalDueWorkingDays: 0, sortOrder: 99 });
    // null: back to the regime's own term, and the counting rule goes with it.
    const reset = await call('PATCH', `/api/admin/categories/${code}`, admin, { deadlineDays: null });
    expect((await reset.json()).category).toMatchObject({ deadlineDays: null, deadlineCounting: null });
    await call('PATCH', `/api/admin/categories/${code}`, admin, { active: false });
    expect(await publicCategory(code)).toBeUndefined();
  });

  test.each([
    ['routing department without a department', { routing: 'department', handlerDepartmentCode: null }, 'handlerDepartmentCode'],
    ['routing forward without an institution', { routing: 'forward' }, 'handlerInstitutionCode'],
    ['routing by_person with a department', { routing: 'by_person', handlerDepartmentCode: 'DGSPL' }, 'handlerDepartmentCode'],
    ['routing by_person with an institution', { routing: 'by_person', handlerInstitutionCode: 'PMB' }, 'handlerInstitutionCode'],
    ['routing department with an institution too', { handlerInstitutionCode: 'PMB' }, 'handlerInstitutionCode'],
    ['an unknown department', { handlerDepartmentCode: 'NOPE' }, 'handlerDepartmentCode'],
    ['an unknown institution', { routing: 'forward', handlerInstitutionCode: 'NOPE' }, 'handlerInstitutionCode'],
    ['an unknown routing', { routing: 'anywhere' }, 'routing'],
    ['internalDueWorkingDays 21', { internalDueWorkingDays: 21 }, 'internalDueWorkingDays'],
    ['internalDueWorkingDays -1', { internalDueWorkingDays: -1 }, 'internalDueWorkingDays'],
    ['deadlineDays 0', { deadlineDays: 0 }, 'deadlineDays'],
    ['deadlineDays 121', { deadlineDays: 121 }, 'deadlineDays'],
    ['deadlineDays 2.5', { deadlineDays: 2.5 }, 'deadlineDays'],
    ['a counting rule without days', { deadlineCounting: 'free_days' }, 'deadlineCounting'],
    ['a change of regime', { regime: 'l544' }, ''],
    ['an empty name', { nameRo: '  ' }, 'nameRo'],
  ])('%s is a 400 naming the field', async (_label, body, field) => {
    const code = await newCategory();
    const res = await call('PATCH', `/api/admin/categories/${code}`, admin, body);
    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toContain(field);
  });

  test('an unknown code is a 404', async () => {
    const res = await call('PATCH', '/api/admin/categories/nu-exista', admin, { public: true });
    expect(res.status).toBe(404);
    expect(await codeOf(res)).toBe('admin.category_not_found');
  });

  test('is 401 without a session and 403 for a head', async () => {
    expect((await call('PATCH', '/api/admin/categories/salubrizare', null, { public: false })).status).toBe(401);
    expect((await call('PATCH', '/api/admin/categories/salubrizare', head, { public: false })).status).toBe(403);
  });
});

describe('POST /api/admin/categories', () => {
  test('creates a category that the public form then offers, at the end of the list', async () => {
    const res = await call('POST', '/api/admin/categories', admin, {
      code: 'gropi-noi', nameRo: 'Gropi noi', nameEn: 'New potholes', regime: 'og27', routing: 'forward', handlerInstitutionCode: 'ASB', public: true,
    });
    expect(res.status).toBe(201);
    const { category } = await res.json();
    expect(category).toMatchObject({ code: 'gropi-noi', routing: 'forward', handlerInstitutionCode: 'ASB', public: true, internalDueWorkingDays: 5, active: true });
    expect(category.sortOrder).toBeGreaterThanOrEqual(27);
    expect((await publicCategory('gropi-noi'))!.handler).toMatchObject({ kind: 'institution', code: 'ASB' });
  });

  test('a special law’s term under Legea 544/2001 counts free days unless told otherwise', async () => {
    const code = await newCategory({ regime: 'l544', handlerDepartmentCode: 'DRPMD', deadlineDays: 30 });
    const { items } = await (await call('GET', '/api/admin/categories', admin)).json();
    expect(items.find((c: { code: string }) => c.code === code)).toMatchObject({ regime: 'l544', deadlineDays: 30, deadlineCounting: 'free_days' });
  });

  test.each([
    ['a code that is not kebab-case', { code: 'Gropi_Noi' }, 'code'],
    ['a code with a double dash', { code: 'gropi--noi' }, 'code'],
    ['an unknown regime', { regime: 'og99' }, 'regime'],
    ['a missing routing', { routing: undefined }, 'routing'],
    ['routing department without a department', { handlerDepartmentCode: undefined }, 'handlerDepartmentCode'],
    ['a missing English name', { nameEn: undefined }, 'nameEn'],
  ])('%s is a 400 naming the field', async (_label, override, field) => {
    const res = await call('POST', '/api/admin/categories', admin, {
      code: `c-${Math.random().toString(36).slice(2, 8)}`, nameRo: 'Categorie', nameEn: 'Category', regime: 'og27', routing: 'department', handlerDepartmentCode: 'DGSPL', ...override,
    });
    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toContain(field);
  });

  test('a code already in use is a 409', async () => {
    const res = await call('POST', '/api/admin/categories', admin, { code: 'salubrizare', nameRo: 'Salubrizare', nameEn: 'Waste', regime: 'og27', routing: 'department', handlerDepartmentCode: 'DGSPL' });
    expect(res.status).toBe(409);
    expect(await codeOf(res)).toBe('categories.code_taken');
  });

  test('is 401 without a session and 403 for a head', async () => {
    const body = { code: 'alta-categorie', nameRo: 'Alta', nameEn: 'Other', regime: 'og27', routing: 'by_person' };
    expect((await call('POST', '/api/admin/categories', null, body)).status).toBe(401);
    expect((await call('POST', '/api/admin/categories', head, body)).status).toBe(403);
  });
});
