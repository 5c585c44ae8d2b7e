import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closedDays } from '../../db/schema';
import { createTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.cleanup());

describe('GET /api/categories', () => {
  test('lists the Sector 6 categories with their regime, handler and public flag', async () => {
    const res = await t.app.request('/api/categories');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toHaveLength(27);
    const byCode = Object.fromEntries(body.map((c: { code: string }) => [c.code, c]));
    expect(byCode['strazi-trotuare']).toEqual({
      code: 'strazi-trotuare',
      name: { ro: 'Străzi secundare, trotuare, gropi', en: 'Side streets, pavements, potholes' },
      regime: 'og27',
      handler: { kind: 'department', code: 'ADPDU', name: 'Administrația Domeniului Public și Dezvoltare Urbană Sector 6' },
      public: true,
    });
    expect(byCode['caini-fara-stapan'].handler).toMatchObject({ kind: 'institution', code: 'ASPA' });
    expect(byCode['informatii-publice']).toMatchObject({ regime: 'l544', handler: { code: 'DRPMD' }, public: false });
    expect(byCode['conduita-personal'].handler).toBeNull();
  });
});

describe('GET /api/calendar/non-working-days', () => {
  test('lists every legal holiday of the year and the administrator’s extra closed days, one entry per date', async () => {
    await t.db.insert(closedDays).values({ date: '2027-05-07', name: 'Zi liberă (punte)' });
    const res = await t.app.request('/api/calendar/non-working-days?year=2027');
    expect(res.status).toBe(200);
    const days: Array<{ date: string; name: string }> = await res.json();
    expect(days.map((d) => d.date)).toEqual([
      '2027-01-01', '2027-01-02', '2027-01-06', '2027-01-07', '2027-01-24', '2027-04-30', '2027-05-01', '2027-05-02',
      '2027-05-03', '2027-05-07', '2027-06-01', '2027-06-20', '2027-06-21', '2027-08-15', '2027-11-30', '2027-12-01',
      '2027-12-25', '2027-12-26',
    ]);
    expect(days.find((d) => d.date === '2027-05-07')!.name).toBe('Zi liberă (punte)');
  });

  test.each([['abc'], ['1899'], ['2100'], ['']])('a bad year (%s) is a 400', async (year) => {
    const res = await t.app.request(`/api/calendar/non-working-days?year=${year}`);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('request.invalid');
  });
});

describe('GET /api/deadlines', () => {
  test.each([
    ['og27.answer', '2027-04-01', '2027-05-04'],
    ['og27.answer', '2027-04-05', '2027-05-05'],
    ['og27.extended', '2027-04-01', '2027-05-17'],
    ['og27.forward', '2027-04-01', '2027-04-06'],
    ['l544.answer', '2027-04-01', '2027-04-12'],
    ['l544.complex', '2027-04-01', '2027-05-04'],
    ['l544.refusal', '2027-04-01', '2027-04-07'],
  ])('DOMAIN.md: %s registered on %s is due on %s', async (kind, registeredOn, dueOn) => {
    const res = await t.app.request(`/api/deadlines?kind=${kind}&registeredOn=${registeredOn}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ kind, registeredOn, dueOn });
  });

  test('an extra closed day entered by the administrator moves the due date', async () => {
    // 2025-04-01 + 30 = 1 May (holiday) → 2 May 2025 was a bridge day → Mon 5 May.
    await t.db.insert(closedDays).values({ date: '2025-05-02', name: 'Zi liberă (punte)' });
    const res = await t.app.request('/api/deadlines?kind=og27.answer&registeredOn=2025-04-01');
    expect((await res.json()).dueOn).toBe('2025-05-05');
  });

  test.each([
    ['an unknown kind', 'kind=og27.never&registeredOn=2027-04-01', 'kind'],
    ['a missing kind', 'registeredOn=2027-04-01', 'kind'],
    ['an impossible date', 'kind=og27.answer&registeredOn=2027-02-30', 'registeredOn'],
    ['a date in another format', 'kind=og27.answer&registeredOn=01.04.2027', 'registeredOn'],
  ])('%s is a 400 naming the field', async (_label, query, field) => {
    const res = await t.app.request(`/api/deadlines?${query}`);
    expect(res.status).toBe(400);
    expect((await res.json()).error.details.fields.map((f: { path: string }) => f.path)).toContain(field);
  });
});

describe('the API around the endpoints', () => {
  test('an unknown API path is a 404 in the error shape', async () => {
    const res = await t.app.request('/api/nope');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('request.not_found');
  });

  test('answers carry secure headers and a request id', async () => {
    const res = await t.app.request('/api/categories');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  test('GET /health answers ok with the driver in use', async () => {
    const res = await t.app.request('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: t.database.driver });
  });
});
