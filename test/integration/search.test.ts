// Issue 6 §4: staff search. A fixed small register (fixed ids and numbers) is searched with and without
// diacritics, with near spellings and by number; every list is asserted exactly, so a run on PGlite
// (PostgreSQL 18) and one on the server (PostgreSQL 15) must give the same answers. Then access, the
// petitioner's name (found, never returned), paging, the staff list's `q`, and EXPLAIN on a few
// thousand rows: the indexes answer, the petitions table is never scanned.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rowsOf } from '../../db/client';
import { categories, departments, petitions, users } from '../../db/schema';
import { demoEmail } from '../../db/seed/demo-users';
import type { SearchResponse } from '../../shared/api/search';
import { formatRegistrationNumber } from '../../shared/domain/registration-number';
import { loadAccessContext, visibilityCondition } from '../../server/modules/access/access';
import { parseSearch, recentBoundary, resolveSearch, SEARCH_WINDOW, searchPetitions, searchQuery, withSearchSettings } from '../../server/modules/search/search.repository';
import { decodeSearchCursor, encodeSearchCursor, redactName } from '../../server/modules/search/search.usecases';
import { createTestApp, type TestApp } from '../helpers/app';
import { onPostgres } from '../helpers/database';
import { as, seedStaff, signIn } from '../helpers/staff';

type Session = Awaited<ReturnType<typeof signIn>>;
let t: TestApp;
const s: Record<string, Session> = {};

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const num = (n: number) => formatRegistrationNumber('P', 2026, 900 + n);

type Fixture = {
  n: number; dept: 'ADPDU' | 'DGPL'; subject: string; body: string; location?: string;
  first?: string; last?: string; org?: string; concerns?: string;
};

// Each petition is here for one reason, written in its subject's comment.
const FIXTURES: Fixture[] = [
  // "Țintei" with diacritics everywhere (subject, location, body): the top full-text hit for "tintei".
  { n: 1, dept: 'ADPDU', subject: 'Groapă adâncă pe strada Țintei', body: 'În dreptul blocului 5 de pe strada Țintei s-a format o groapă adâncă în carosabil.', location: 'Strada Țintei 5', first: 'Ioana', last: 'Zamfirescu' },
  // "țintă": found by "tinta" (no diacritics in the query).
  { n: 2, dept: 'ADPDU', subject: 'Copiii folosesc geamul sălii de sport drept țintă', body: 'Mingea lovește zilnic geamurile sălii de sport, unul este deja spart.', location: 'Bulevardul Iuliu Maniu 10', first: 'Ștefania', last: 'Bălan' },
  // A misspelt street name ("Valea Cascdelor") must still find "Valea Cascadelor" (pg_trgm).
  { n: 3, dept: 'ADPDU', subject: 'Trotuar degradat', body: 'Dalele trotuarului din fața blocului sunt rupte și pietonii se împiedică.', location: 'Strada Valea Cascadelor 24', org: 'Asociația de proprietari Bloc C4' },
  // "străzii": found by "strada" only as a near spelling.
  { n: 4, dept: 'ADPDU', subject: 'Gunoi neridicat lângă blocul M3', body: 'Containerele de pe marginea străzii nu au fost golite de o săptămână.', location: 'Drumul Taberei 34', first: 'Radu', last: 'Vlădescu' },
  // "tintei" written without diacritics, in another department: found by "Țintei", hidden from ADPDU.
  { n: 5, dept: 'DGPL', subject: 'Masina abandonata pe strada Tintei', body: 'O masina fara numere sta de trei luni pe strada Tintei, langa scoala.', first: 'Florin', last: 'Neagu' },
  // The petitioner's name also written in the text: the snippet must not show it.
  { n: 6, dept: 'ADPDU', subject: 'Bancă ruptă în parcul Moghioroș', body: 'Banca de lângă lac este ruptă de o lună. Cu stimă, Teodora Nicolăescu', location: 'Parcul Moghioroș', first: 'Teodora', last: 'Nicolăescu' },
  // A conduct complaint about the ADPDU officer: he never finds it; his head, who handles it, does.
  { n: 7, dept: 'ADPDU', subject: 'Inspector nepoliticos la audiențe', body: 'Inspectorul de la ADPDU a fost nepoliticos cu mine la audiențe.', first: 'Paul', last: 'Ene', concerns: 'adpdu.inspector' },
  // Unrelated: found by nothing above.
  { n: 8, dept: 'DGPL', subject: 'Zgomot de la o terasă', body: 'Muzica se aude până la ora două noaptea în Piața Gorjului.', location: 'Piața Gorjului', first: 'Dan', last: 'Pop' },
];

async function seedFixtures(app: TestApp) {
  const [cat] = await app.db.select({ id: categories.id }).from(categories).where(eq(categories.code, 'strazi-trotuare'));
  const depts = new Map((await app.db.select({ id: departments.id, code: departments.code }).from(departments)).map((d) => [d.code, d.id]));
  const people = new Map((await app.db.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.email, u.id]));
  await app.db.insert(petitions).values(
    FIXTURES.map((f) => ({
      id: id(f.n), register: 'P' as const, year: 2026, seq: 900 + f.n, registrationNumber: num(f.n), regime: 'og27' as const,
      type: 'sesizare' as const, channel: 'web' as const, status: 'routed' as const,
      petitionerKind: f.org ? ('organization' as const) : ('person' as const),
      petitionerFirstName: f.first ?? null, petitionerLastName: f.last ?? null, petitionerOrganization: f.org ?? null,
      petitionerEmail: `p${f.n}@example.ro`, identified: true, locationAddress: f.location ?? null,
      subject: f.subject, body: f.body, categoryId: cat!.id, handlerDepartmentId: depts.get(f.dept)!,
      concernsUserId: f.concerns ? people.get(demoEmail(f.concerns))! : null,
      registeredAt: new Date('2026-11-02T09:00:00Z'), registeredOn: '2026-11-02',
      // Different due dates, so the staff list (soonest first) has a known order too.
      legalDueOn: `2026-12-${String(10 - f.n).padStart(2, '0')}`, internalDueOn: '2026-11-25',
      routedAt: new Date('2026-11-02T10:00:00Z'), trackingCodeHash: new Uint8Array(32),
    })),
  );
}

beforeAll(async () => {
  t = await createTestApp();
  await seedStaff(t);
  for (const who of ['registratura', 'adpdu.sef', 'adpdu.inspector', 'dgpl.sef', 'delegat', 'agent', 'supervizor']) s[who] = await signIn(t, who);
  await seedFixtures(t);
  console.info(`search tests on ${onPostgres() ? 'PostgreSQL (server)' : 'PGlite'}`);
});
afterAll(() => t.cleanup());

async function search(who: string, q: string, extra = ''): Promise<SearchResponse> {
  const res = await as(t, s[who]!).get(`/api/search?q=${encodeURIComponent(q)}${extra}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as SearchResponse;
}
const numbers = (r: SearchResponse) => r.items.map((i) => i.registrationNumber);

describe('GET /api/search', () => {
  test('answers 401 without a session and 403 to roles that read no petitions', async () => {
    expect((await t.app.request('/api/search?q=tinta')).status).toBe(401);
    expect((await as(t, s.agent!).get('/api/search?q=tinta')).status).toBe(403);
    expect((await as(t, s.supervizor!).get('/api/search?q=tinta')).status).toBe(403);
    expect((await as(t, s.delegat!).get('/api/search?q=tinta')).status).toBe(200);
  });

  test('answers 400 to an empty query, a limit over 50 and a bad cursor', async () => {
    const registry = as(t, s.registratura!);
    expect((await registry.get('/api/search?q=%20%20')).status).toBe(400);
    expect((await registry.get('/api/search')).status).toBe(400);
    expect((await registry.get('/api/search?q=tinta&limit=51')).status).toBe(400);
    expect((await registry.get('/api/search?q=tinta&cursor=%%%')).status).toBe(400);
  });

  test('a query of punctuation only finds nothing, without an error', async () => {
    expect(await search('registratura', '—?!')).toEqual({ items: [], nextCursor: null, truncated: false });
  });

  test('"tinta" without diacritics finds "țintă" first, then "Țintei"/"Tintei" as near spellings', async () => {
    const r = await search('registratura', 'tinta');
    expect(numbers(r)[0]).toBe(num(2));
    expect(r.items[0]!.rank).toBeGreaterThanOrEqual(1);
    // The word is in the subject only: the snippet is the start of the location and text, unmarked.
    expect(r.items[0]!.snippet).toMatch(/^Bulevardul Iuliu Maniu 10 — Mingea lovește/);
    expect(r.items[0]!.snippet).not.toContain('⟦');
    expect(numbers(r)).toEqual([num(2), num(1), num(5)]);
  });

  test('"Țintei" with diacritics finds "Tintei" written without them, and "tintei" finds "Țintei"', async () => {
    const withMarks = await search('registratura', 'Țintei');
    expect(numbers(withMarks)).toContain(num(5));
    expect(numbers(withMarks).slice(0, 2)).toEqual([num(1), num(5)]);
    const without = await search('registratura', 'tintei');
    expect(numbers(without)).toEqual(numbers(withMarks));
    expect(without.items.find((i) => i.id === id(5))!.rank).toBeGreaterThanOrEqual(1); // a full-text hit, not a near one
    expect(without.items[0]!.snippet).toContain('⟦Țintei⟧');
  });

  test('a misspelt street name ("Valea Cascdelor") finds "Valea Cascadelor"', async () => {
    const r = await search('registratura', 'Valea Cascdelor');
    expect(numbers(r)).toEqual([num(3)]);
    expect(r.items[0]!.rank).toBeGreaterThan(0.5);
    expect(r.items[0]!.rank).toBeLessThan(1);
  });

  test('"strada" finds "străzii" as a near spelling, after the full-text hits', async () => {
    const r = await search('registratura', 'strada');
    expect(numbers(r)).toContain(num(4));
    const near = r.items.find((i) => i.id === id(4))!;
    expect(near.rank).toBeLessThan(1);
    expect(r.items.filter((i) => i.rank >= 1).map((i) => i.id).sort()).toEqual([id(1), id(3), id(5)]);
    expect(numbers(r).at(-1)).toBe(num(4));
  });

  test('the petitioner\'s name is found, with or without diacritics, but never returned', async () => {
    const byLast = await search('registratura', 'Zamfirescu');
    expect(numbers(byLast)).toEqual([num(1)]);
    const byFirst = await search('registratura', 'stefania balan');
    expect(numbers(byFirst)).toEqual([num(2)]);
    const byOrganisation = await search('registratura', 'asociatia de proprietari');
    expect(numbers(byOrganisation)).toEqual([num(3)]);
    for (const r of [byLast, byFirst, byOrganisation]) {
      const text = JSON.stringify(r);
      for (const personal of ['Zamfirescu', 'Ioana', 'Ștefania', 'Bălan', 'Asociația de proprietari', 'example.ro']) expect(text).not.toContain(personal);
      for (const item of r.items) expect(Object.keys(item).sort()).toEqual(['categoryCode', 'departmentCode', 'id', 'legalDueOn', 'rank', 'registrationNumber', 'snippet', 'status', 'subject']);
    }
  });

  test('a name the petitioner also wrote in the text is masked in the snippet', async () => {
    const r = await search('registratura', 'Nicolaescu');
    expect(numbers(r)).toEqual([num(6)]);
    expect(r.items[0]!.snippet).toContain('lângă lac');
    expect(r.items[0]!.snippet).toMatch(/Cu stimă, ••• ⟦•••⟧/);
    expect(JSON.stringify(r)).not.toMatch(/Nicol[aă]escu|Teodora/);
  });

  test('a registration number comes first; its prefix finds the numbers that start with it', async () => {
    const exact = await search('registratura', num(3).toLowerCase());
    expect(numbers(exact)).toEqual([num(3)]);
    expect(exact.items[0]!.rank).toBe(4);
    const prefix = await search('registratura', 'P-2026-00090');
    expect(numbers(prefix)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map(num)); // rank 3 each: by id
    expect(new Set(prefix.items.map((i) => i.rank))).toEqual(new Set([3]));
    expect(numbers(await search('registratura', 'I-2026'))).toEqual([]);
  });

  test('access: another department\'s user does not find it; the conduct rule hides a complaint from the person it concerns', async () => {
    // ADPDU's "Țintei" and "țintă" (a near spelling); never DGPL's "Tintei".
    expect(numbers(await search('adpdu.sef', 'tintei'))).toEqual([num(1), num(2)]);
    expect(numbers(await search('dgpl.sef', 'tintei'))).toEqual([num(5)]);
    expect(numbers(await search('dgpl.sef', 'Zamfirescu'))).toEqual([]);
    expect(numbers(await search('registratura', 'nepoliticos'))).toEqual([num(7)]);
    expect(numbers(await search('adpdu.inspector', 'nepoliticos'))).toEqual([]);
    expect(numbers(await search('adpdu.sef', 'nepoliticos'))).toEqual([num(7)]); // the head handles it (DOMAIN.md)
    expect(numbers(await search('adpdu.sef', num(5)))).toEqual([]);
  });

  test('pages follow the rank without gaps or repeats', async () => {
    const all = numbers(await search('registratura', 'P-2026-0009'));
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: SearchResponse = await search('registratura', 'P-2026-0009', `&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(3);
      paged.push(...numbers(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
    expect(paged).toHaveLength(8);
    // Ranks that differ (full text, then near spellings) page the same way.
    const strada = numbers(await search('registratura', 'strada'));
    const first = await search('registratura', 'strada', '&limit=2');
    const rest = await search('registratura', 'strada', `&limit=10&cursor=${first.nextCursor}`);
    expect([...numbers(first), ...numbers(rest)]).toEqual(strada);
    expect(rest.nextCursor).toBeNull();
  });

  test('the same fixed register gives exactly these lists, on PGlite and on PostgreSQL alike', async () => {
    const expected: Record<string, number[]> = {
      tinta: [2, 1, 5],
      'Țintei': [1, 5, 2],
      tintei: [1, 5, 2],
      'groapa adanca': [1],
      'Valea Cascdelor': [3],
      strada: [1, 5, 3, 4],
      'Zamfirescu': [1],
      'geamul salii': [2],
      'abandonată': [5],
      'Moghioros': [6],
      'Piata Gorjului': [8],
      'P-2026-000908': [8],
      'xyzzy': [],
    };
    const got: Record<string, number[]> = {};
    for (const q of Object.keys(expected)) got[q] = (await search('registratura', q)).items.map((i) => Number(i.id.slice(-3)));
    expect(got).toEqual(expected);
    // The ranks too (to 4 decimals): ts_rank and word_similarity compute the same on both.
    const ranks = (await search('registratura', 'strada')).items.map((i) => Number(i.rank.toFixed(4)));
    expect(ranks).toEqual([1.4056, 1.3896, 1.1956, 0.5714]);
  });
});

describe('the query parts (pure)', () => {
  test('a number, a number prefix, words (prefixes from 3 letters), and nothing to search', () => {
    expect(parseSearch(' p-2026-000123 ')).toEqual({ exactNumber: 'P-2026-000123', numberPrefix: 'P-2026-000123', tsquery: null, trigram: null });
    expect(parseSearch('I-2026-00')).toEqual({ exactNumber: null, numberPrefix: 'I-2026-00', tsquery: null, trigram: null });
    expect(parseSearch('Groapă pe strada Țintei!')).toEqual({ exactNumber: null, numberPrefix: null, tsquery: "'Groapă':* & 'pe' & 'strada':* & 'Țintei':*", trigram: 'Groapă pe strada Țintei' });
    // A decomposed ț (t + U+0326) stays one word; quotes and operators never reach to_tsquery.
    expect(parseSearch('t\u0326inta\' | !x')).toEqual({ exactNumber: null, numberPrefix: null, tsquery: "'ținta':* & 'x'", trigram: 'ținta x' });
    expect(parseSearch('ab').trigram).toBeNull();
    expect(parseSearch('«»—').tsquery).toBeNull();
  });

  test('the name is masked whatever its diacritics; the cursor reads back exactly', () => {
    expect(redactName('Cu stimă, Stefan Tiriac (ȘTEFAN)', 'Ștefan Țiriac')).toBe('Cu stimă, ••• ••• (•••)');
    expect(redactName('Nimic de ascuns', '')).toBe('Nimic de ascuns');
    const c = { rank: 1 + 0.1 / 1.1, id: id(3) };
    expect(decodeSearchCursor(encodeSearchCursor(c))).toEqual(c);
    expect(decodeSearchCursor('bm9wZQ')).toBeNull();
  });
});

describe('the staff list\'s q uses the search', () => {
  test('words without diacritics and near spellings filter the queue, which keeps its order (soonest due first)', async () => {
    const res = await as(t, s.registratura!).get(`/api/petitions?q=${encodeURIComponent('tinta')}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: Array<{ registrationNumber: string }> };
    expect(body.items.map((i) => i.registrationNumber)).toEqual([num(5), num(2), num(1)]);
    const cascade = (await (await as(t, s.registratura!).get(`/api/petitions?q=${encodeURIComponent('valea cascdelor')}`)).json()) as typeof body;
    expect(cascade.items.map((i) => i.registrationNumber)).toEqual([num(3)]);
  });

  test('a registration number still finds exactly that petition, and access still applies', async () => {
    const one = (await (await as(t, s.registratura!).get(`/api/petitions?q=${num(4)}`)).json()) as { items: Array<{ id: string }> };
    expect(one.items.map((i) => i.id)).toEqual([id(4)]);
    const dgpl = (await (await as(t, s['dgpl.sef']!).get('/api/petitions?q=tintei')).json()) as { items: Array<{ id: string }> };
    expect(dgpl.items.map((i) => i.id)).toEqual([id(5)]);
  });
});

describe('the indexes answer the search', () => {
  let big: TestApp;
  beforeAll(async () => {
    big = await createTestApp();
    await seedStaff(big);
    await seedFixtures(big);
    // A few thousand petitions in one statement: varied text that the queries below do not match.
    await big.db.execute(sql`
      insert into petitions (register, year, seq, registration_number, regime, type, channel, status, petitioner_kind,
        petitioner_first_name, petitioner_last_name, identified, location_address, subject, body, category_id,
        handler_department_id, registered_at, registered_on, legal_due_on, routed_at, tracking_code_hash)
      select 'P', 2025, g, 'P-2025-' || lpad(g::text, 6, '0'), 'og27', 'sesizare', 'web', 'routed', 'person',
        'Prenume' || g, 'Nume' || md5(g::text), true, 'Adresa ' || md5((g * 7)::text),
        'Subiect ' || md5((g * 3)::text), 'Text ' || md5((g * 5)::text) || ' ' || md5((g * 11)::text),
        (select id from categories where code = 'salubrizare'),
        (select id from departments where code = case when g % 2 = 0 then 'ADPDU' else 'DGSPL' end),
        timestamptz '2025-03-01 09:00Z' + g * interval '1 hour', date '2025-03-01' + g / 24, date '2025-04-01' + g / 24,
        timestamptz '2025-03-01 10:00Z' + g * interval '1 hour', '\\x00'::bytea
      from generate_series(1, 3000) g`);
    // What autovacuum does in production: GIN keeps new rows in a pending list until VACUUM merges them
    // and records the index statistics the planner costs it with.
    await big.db.execute(sql`vacuum analyze petitions, search_words`);
  }, 120_000);
  afterAll(() => big.cleanup());

  async function plan(who: string, q: string): Promise<string> {
    const [user] = await big.db.select().from(users).where(eq(users.email, demoEmail(who)));
    const ctx = await loadAccessContext(big.db, { id: user!.id, name: user!.name, email: user!.email, role: user!.role, departmentId: user!.departmentId, departmentCode: null, departmentKind: null, managerId: user!.managerId });
    const rows = await withSearchSettings(big.db, async (tx) =>
      tx.execute(sql`explain ${searchQuery(tx, { parsed: await resolveSearch(tx, parseSearch(q)), visible: visibilityCondition(ctx), cursor: null, limit: 20 })}`));
    const lines = rowsOf<Record<string, string>>(rows);
    return lines.map((r) => Object.values(r)[0]).join('\n');
  }

  test.each([
    ['registratura', 'Valea Cascdelor'],
    ['registratura', 'tinta'],
    ['registratura', 'P-2025-0012'],
    ['adpdu.sef', 'strada'],
    ['delegat', 'Zamfirescu'],
  ])('EXPLAIN of a search as %s for "%s" shows index scans and no Seq Scan on petitions', async (who, q) => {
    const text = await plan(who, q);
    expect(text, text).not.toMatch(/Seq Scan on petitions/);
    expect(text, text).toMatch(/Bitmap Index Scan on petitions_(search_tsv|registration_number_c)_idx|Index Scan using petitions_registration_number/);
  });

  test('a near spelling is looked up in the dictionary of words (its trigram index), not in the petitions\' texts', async () => {
    const [user] = await big.db.select().from(users).where(eq(users.email, demoEmail('registratura')));
    expect(user).toBeDefined();
    const rows = await withSearchSettings(big.db, async (tx) => {
      const resolved = await resolveSearch(tx, parseSearch('Valea Cascdelor'));
      expect(resolved.nearTsquery).toBe("'Valea':* & ('Cascdelor':* | 'cascadelor')");
      return tx.execute(sql`explain select word from search_words where word %> 'cascdelor'`);
    });
    const lines = rowsOf<Record<string, string>>(rows);
    const text = lines.map((r) => Object.values(r)[0]).join('\n');
    expect(text, text).toMatch(/Bitmap Index Scan on search_words_trgm_idx/);
  });

  test(`more matches than the window: the ${SEARCH_WINDOW} most recent are ranked and paged, and the answer says so; the staff list's q has them all`, async () => {
    const registry = await signIn(big, 'registratura');
    const seen: SearchResponse['items'] = [];
    let cursor: string | null = null;
    let truncated = false;
    do {
      const res = await as(big, registry).get(`/api/search?q=subiect&limit=50${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as SearchResponse;
      seen.push(...body.items);
      truncated = body.truncated;
      cursor = body.nextCursor;
    } while (cursor);
    expect(truncated).toBe(true);
    expect(seen).toHaveLength(SEARCH_WINDOW);
    // The 3,000 generated petitions are an hour apart, the highest number the most recent: the window is
    // the last 500 of them.
    expect(seen.map((i) => i.registrationNumber).sort()).toEqual(Array.from({ length: SEARCH_WINDOW }, (_, i) => `P-2025-${String(3000 - i).padStart(6, '0')}`).sort());
    const fixtures = await as(big, registry).get(`/api/search?q=${encodeURIComponent('Valea Cascdelor')}`);
    expect(((await fixtures.json()) as SearchResponse).truncated).toBe(false);
    // The staff list's q: every match, page after page.
    let listed = 0;
    let next: string | null = null;
    do {
      const res = await as(big, registry).get(`/api/petitions?queue=all&q=subiect&limit=100${next ? `&cursor=${next}` : ''}`);
      expect(res.status, await res.clone().text()).toBe(200);
      const body = (await res.json()) as { items: unknown[]; nextCursor: string | null };
      listed += body.items.length;
      next = body.nextCursor;
    } while (next);
    expect(listed).toBe(3000);
  });

  test('the first, bounded look among the newest petitions gives the same page as a look at all of them, or hands over to it', async () => {
    const [user] = await big.db.select().from(users).where(eq(users.email, demoEmail('registratura')));
    const ctx = await loadAccessContext(big.db, { id: user!.id, name: user!.name, email: user!.email, role: user!.role, departmentId: user!.departmentId, departmentCode: null, departmentKind: null, managerId: user!.managerId });
    const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);
    // 'subiect' is in every generated petition: the newest 1,000 already fill the window, and the first look
    // answers. 'Valea Cascdelor' and 'tinta' match a few fixtures: the window is not full, the second look runs.
    for (const [q, recentRows] of [['subiect', 1000], ['Valea Cascdelor', 10], ['tinta', 10]] as const) {
      const [bounded, whole, since] = await withSearchSettings(big.db, async (tx) => {
        const args = { parsed: await resolveSearch(tx, parseSearch(q)), visible: visibilityCondition(ctx), cursor: null, limit: 50 };
        return [await searchPetitions(tx, args, recentRows), await searchQuery(tx, { ...args, since: null }), await recentBoundary(tx, recentRows)] as const;
      });
      expect(since, q).not.toBeNull();
      expect(ids(bounded), q).toEqual(ids(whole));
      expect(bounded.length, q).toBeGreaterThan(0);
    }
  });

  test('the search still finds the fixtures among the generated rows', async () => {
    const registry = await signIn(big, 'registratura');
    const res = await as(big, registry).get(`/api/search?q=${encodeURIComponent('Valea Cascdelor')}`);
    expect(((await res.json()) as SearchResponse).items.map((i) => i.id)).toEqual([id(3)]);
    const byNumber = await as(big, registry).get('/api/search?q=P-2025-001234');
    expect(((await byNumber.json()) as SearchResponse).items.map((i) => i.registrationNumber)).toEqual(['P-2025-001234']);
  });
});
