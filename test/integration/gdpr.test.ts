// GDPR / Legea 190/2018 (issue 6 §5): the log of personal-data reads, the petitioner's export (every row of
// every table about them), anonymisation (no personal value of theirs left anywhere in the database — every
// text, jsonb, tsvector and bytea column of every table is scanned — while the petitions and their
// statistics stay), the retention settings and the retention job, and access to every admin endpoint.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  answers, attachments, calls, contributions, departments, gdprOperations, idempotencyKeys, open311Requests, outbox, personalDataReads,
  petitionAnonymisations, petitionEvents, petitions, staffNotices, users,
} from '../../db/schema';
import { rowsOf } from '../../db/client';
import { createTestApp, petitionInput, type TestApp } from '../helpers/app';
import { seedStaff, signIn } from '../helpers/staff';

let t: TestApp;
type Session = { headers: Record<string, string>; user: { id: string } };
let admin: Session;
let registry: Session;
let agent: Session;

const call = (method: string, path: string, session: Session | null, body?: unknown) =>
  t.app.request(path, { method, headers: session ? session.headers : { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

/** The petitioner whose data is exported and anonymised: every value unique to this test. */
const SUBJECT = {
  firstName: 'Zamfirgdprfn',
  lastName: 'Qwertygdprln',
  email: 'zq.gdpr.7f3@example.test',
  phone: '0744 987 613',
  phoneE164: '+40744987613',
  address: 'Strada Xylofongdpr 77, bl. Q9, ap. 4',
  location: 'Aleea Yzgradgdpr 13',
  bodyToken: 'Bodysecretgdpr',
  fileToken: 'Scanfilegdpr',
  mediaToken: 'Mediagdprtok',
};
/** What must not be found anywhere after anonymisation (case-insensitive). */
const SUBJECT_NEEDLES = [
  SUBJECT.firstName, SUBJECT.lastName, SUBJECT.email, SUBJECT.phoneE164, '744987613', '744 987 613', 'Xylofongdpr', 'Yzgradgdpr',
  SUBJECT.bodyToken, SUBJECT.fileToken, SUBJECT.mediaToken,
];
/** Another petitioner, who must keep everything. */
const OTHER = { firstName: 'Ottoothergdpr', lastName: 'Pavelothergdpr', email: 'other.gdpr.5k1@example.test', phone: '0755 111 333' };

const subjectPetitioner = { kind: 'person', firstName: SUBJECT.firstName, lastName: SUBJECT.lastName, email: SUBJECT.email, phone: SUBJECT.phone, address: SUBJECT.address };

function pdfWith(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`%PDF-1.4\n1 0 obj << /Title (${text}) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

async function idOf(number: string): Promise<string> {
  const [row] = await t.db.select({ id: petitions.id }).from(petitions).where(eq(petitions.registrationNumber, number));
  return row!.id;
}

/** Every text-like column of every table of the public schema where one of the needles occurs. */
async function scanDatabase(needles: string[]): Promise<string[]> {
  const columns = rowsOf<{ table_name: string; column_name: string; data_type: string; udt_name: string }>(
    await t.db.execute(sql`
      select c.table_name, c.column_name, c.data_type, c.udt_name
      from information_schema.columns c join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name
      where c.table_schema = 'public' and tb.table_type = 'BASE TABLE'
        and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'tsvector', 'bytea', 'ARRAY') or c.udt_name in ('tsvector', 'bytea'))
      order by c.table_name, c.column_name`),
  );
  expect(columns.length).toBeGreaterThan(40);
  const found: string[] = [];
  for (const c of columns) {
    const value = c.data_type === 'bytea' || c.udt_name === 'bytea' ? sql`encode(${sql.identifier(c.column_name)}, 'escape')` : sql`${sql.identifier(c.column_name)}::text`;
    const conditions = sql.join(needles.map((n) => sql`${value} ilike ${`%${n}%`}`), sql` or `);
    const [row] = rowsOf<{ n: number | string }>(await t.db.execute(sql`select count(*) as n from ${sql.identifier(c.table_name)} where ${conditions}`));
    if (Number(row!.n) > 0) found.push(`${c.table_name}.${c.column_name} (${row!.n})`);
  }
  return found;
}

/** What the reports count: by status, category, channel, register, type, department, dates. */
async function statistics() {
  return rowsOf(await t.db.execute(sql`
    select p.status, c.code as category, p.channel, p.register, p.type, p.handler_department_id, p.registered_on::text, p.legal_due_on::text,
           p.identified, count(*)::int as n
    from petitions p join categories c on c.id = p.category_id
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9 order by 1, 2, 3, 4, 5, 6, 7, 8, 9`));
}

let numbers: string[];
let otherNumber: string;
let openKey: string;

beforeAll(async () => {
  t = await createTestApp();
  await seedStaff(t);
  const [a, r, g] = await Promise.all(['admin', 'registratura', 'agent'].map((u) => signIn(t, u) as Promise<Session>));
  [admin, registry, agent] = [a!, r!, g!];

  // 1. A web petition with an attachment (multipart) and an Idempotency-Key.
  const form = new FormData();
  form.set('data', JSON.stringify(petitionInput({
    subject: `Groapă pe ${SUBJECT.location}`,
    body: `Sunt ${SUBJECT.firstName} ${SUBJECT.lastName}, locuiesc în ${SUBJECT.address}. Tel. ${SUBJECT.phone}. ${SUBJECT.bodyToken}: groapa e adâncă.`,
    petitioner: subjectPetitioner,
    location: { address: SUBJECT.location, lat: 44.4321, lng: 26.0123 },
  })));
  form.append('attachments', new File([pdfWith(SUBJECT.fileToken)], `poza-${SUBJECT.fileToken}.pdf`, { type: 'application/pdf' }));
  const web = await t.app.request('/api/petitions', { method: 'POST', headers: { 'idempotency-key': 'gdpr-test-key-1' }, body: form });
  expect(web.status).toBe(201);
  const webNumber = (await web.json()).registrationNumber as string;

  // 2. A phone petition registered by the call center, and the call it came from (notes quote the caller).
  const phone = await call('POST', '/api/petitions', agent, petitionInput({ categoryCode: 'salubrizare', subject: 'Gunoi neridicat', body: `Apel de la ${SUBJECT.lastName}: gunoiul nu a fost ridicat.`, petitioner: subjectPetitioner, location: { address: SUBJECT.location } }));
  expect(phone.status).toBe(201);
  const phoneNumber = (await phone.json()).registrationNumber as string;
  const logged = await call('POST', '/api/calls', agent, {
    phone: SUBJECT.phone, direction: 'incoming', startedAt: '2026-11-26T09:50:00Z', endedAt: '2026-11-26T09:55:00Z', reason: 'petitie_noua',
    notes: `Domnul ${SUBJECT.lastName} a sunat de pe ${SUBJECT.phone}.`, outcome: 'petition_registered', registrationNumbers: [phoneNumber],
  });
  expect(logged.status).toBe(201);
  // The caller look-up and a staff read of the petitioner: both logged.
  expect((await call('GET', `/api/callers/${encodeURIComponent(SUBJECT.phoneE164)}`, agent)).status).toBe(200);

  // 3. An Open311 report with the same e-mail, and a photo link.
  const key = await call('POST', '/api/admin/open311-keys', admin, { name: 'Aplicație test GDPR' });
  openKey = (await key.json()).key;
  const o311 = await t.app.request('/open311/v2/requests.json', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      api_key: openKey, service_code: 'spatii-verzi', address_string: SUBJECT.location, description: `Copac uscat în fața casei lui ${SUBJECT.firstName}.`,
      first_name: SUBJECT.firstName, last_name: SUBJECT.lastName, email: SUBJECT.email.toUpperCase(), media_url: `https://foto.example/${SUBJECT.mediaToken}.jpg`,
    }).toString(),
  });
  expect(o311.status).toBe(200);
  const o311Number = (await o311.json())[0].service_request_id as string;
  numbers = [webNumber, phoneNumber, o311Number].sort();

  // Rows other modules write about these petitions: a note quoting the petitioner, an answer, a
  // contribution, a staff notice, a staff read of the petitioner.
  const webId = await idOf(webNumber);
  expect((await call('GET', `/api/petitions/${webId}/petitioner`, registry)).status).toBe(200);
  const [officer] = await t.db.select({ id: users.id }).from(users).where(eq(users.role, 'officer')).limit(1);
  const depts = await t.db.select({ id: departments.id, code: departments.code }).from(departments);
  const dept = (code: string) => depts.find((d) => d.code === code)!.id;
  const now = t.clock.now();
  await t.db.insert(petitionEvents).values({ petitionId: webId, at: now, actorKind: 'staff', actorUserId: officer!.id, type: 'note', textRo: `Am vorbit cu ${SUBJECT.firstName} ${SUBJECT.lastName} la ${SUBJECT.phone}.`, textEn: `Spoke to ${SUBJECT.lastName}.`, data: { note: `${SUBJECT.email} / ${SUBJECT.address}` } });
  await t.db.insert(answers).values({ petitionId: webId, body: `<p>Stimate domnule ${SUBJECT.lastName},</p><p>Groapa de pe ${SUBJECT.location} va fi reparată.</p>`, legalBasis: 'OG 27/2002', draftedByUserId: officer!.id, createdAt: now, updatedAt: now });
  await t.db.insert(contributions).values({ petitionId: webId, fromDepartmentId: dept('ADPDU'), toDepartmentId: dept('DGPL'), requestedByUserId: officer!.id, question: `Vă rugăm verificați reclamația lui ${SUBJECT.lastName}.`, dueOn: '2026-12-04', createdAt: now, answer: `Am sunat la ${SUBJECT.phoneE164}.` });
  await t.db.insert(staffNotices).values({ userId: officer!.id, petitionId: webId, kind: 'assigned', textRo: `Petiția lui ${SUBJECT.firstName} v-a fost repartizată.`, textEn: 'Assigned.', createdAt: now });

  // Another petitioner, who keeps everything.
  const other = await t.json('/api/petitions', petitionInput({
    subject: 'Bancă ruptă în parc', body: `Semnat ${OTHER.firstName} ${OTHER.lastName}, ${OTHER.phone}.`,
    petitioner: { kind: 'person', firstName: OTHER.firstName, lastName: OTHER.lastName, email: OTHER.email, phone: OTHER.phone, address: null },
  }));
  otherNumber = (await other.json()).registrationNumber;
});
afterAll(() => t?.cleanup());

describe('GET /api/admin/gdpr/export', () => {
  test('gives every row of every table about the petitioner, found by e-mail, and logs the export as a read', async () => {
    const ids = await Promise.all(numbers.map(idOf));
    // What the database holds for these petitions, table by table (counted before the export logs itself).
    const tables = rowsOf<{ table_name: string }>(await t.db.execute(sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'petition_id' order by 1`)).map((r) => r.table_name);
    expect(tables).toEqual(expect.arrayContaining(['petition_events', 'attachments', 'outbox', 'answers', 'contributions', 'petition_clocks', 'staff_notices', 'personal_data_reads', 'call_petitions', 'open311_requests']));
    const inDb: Record<string, number> = {};
    for (const table of tables) {
      const [row] = rowsOf<{ n: string | number }>(await t.db.execute(sql`select count(*) as n from ${sql.identifier(table)} where petition_id::text in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`));
      inDb[table] = Number(row!.n);
    }
    const callsInDb = await t.db.select({ id: calls.id }).from(calls).where(eq(calls.phone, SUBJECT.phoneE164));

    const res = await call('GET', `/api/admin/gdpr/export?email=${encodeURIComponent(SUBJECT.email)}`, admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="date-personale-2026-11-26\.json"/);
    const data = await res.json();
    expect(data.query).toEqual({ email: SUBJECT.email, phone: null });
    expect(data.petitions.map((p: { registrationNumber: string }) => p.registrationNumber).sort()).toEqual(numbers);
    type P = Record<string, unknown[]> & { registrationNumber: string; petitionerFirstName: string; open311: unknown; anonymisation: unknown };
    const petitionsOut = data.petitions as P[];
    const exported: Record<string, number> = {
      petition_events: petitionsOut.reduce((n, p) => n + p.events!.length, 0),
      attachments: petitionsOut.reduce((n, p) => n + p.attachments!.length, 0),
      outbox: petitionsOut.reduce((n, p) => n + p.notices!.length, 0),
      answers: petitionsOut.reduce((n, p) => n + p.answers!.length, 0),
      contributions: petitionsOut.reduce((n, p) => n + p.contributions!.length, 0),
      petition_clocks: petitionsOut.reduce((n, p) => n + p.clocks!.length, 0),
      staff_notices: petitionsOut.reduce((n, p) => n + p.staffNotices!.length, 0),
      personal_data_reads: petitionsOut.reduce((n, p) => n + p.personalDataReads!.length, 0),
      call_petitions: petitionsOut.reduce((n, p) => n + p.calls!.length, 0),
      open311_requests: petitionsOut.filter((p) => p.open311 !== null).length,
      petition_anonymisations: petitionsOut.filter((p) => p.anonymisation !== null).length,
    };
    for (const table of tables) {
      const count = table in exported ? exported[table] : (data.otherRecords[table] ?? []).length;
      expect(count, `rows of ${table}`).toBe(inDb[table]);
    }
    for (const table of ['petition_events', 'attachments', 'outbox', 'answers', 'contributions', 'staff_notices', 'personal_data_reads', 'call_petitions', 'open311_requests']) {
      expect(inDb[table], `the fixture has rows in ${table}`).toBeGreaterThan(0);
    }
    // The petitioner's own fields, the attachment's content, the calls, the caller look-up, the intake's stored answer.
    const web = petitionsOut.find((p) => p.attachments!.length > 0)!;
    expect(web).toMatchObject({ petitionerFirstName: SUBJECT.firstName, petitionerEmail: SUBJECT.email, petitionerPhone: SUBJECT.phoneE164, petitionerAddress: SUBJECT.address, locationAddress: SUBJECT.location });
    expect(web).not.toHaveProperty('trackingCodeHash');
    const file = web.attachments![0] as { fileName: string; contentBase64: string };
    expect(file.fileName).toBe(`poza-${SUBJECT.fileToken}.pdf`);
    expect(Buffer.from(file.contentBase64, 'base64').toString('latin1')).toContain(SUBJECT.fileToken);
    expect(data.calls.map((c: { id: string }) => c.id).sort()).toEqual(callsInDb.map((c) => c.id).sort());
    expect(data.calls[0]).toMatchObject({ phone: SUBJECT.phoneE164, notes: expect.stringContaining(SUBJECT.lastName), petitions: [expect.stringMatching(/^P-2026-/)] });
    expect(data.otherPersonalDataReads.map((r: { source: string }) => r.source)).toContain('caller_lookup');
    expect(data.idempotencyKeys.map((k: { key: string }) => k.key)).toEqual(['gdpr-test-key-1']);
    expect(JSON.stringify(data)).not.toContain(OTHER.lastName);

    // The export is itself a read of this petitioner's data.
    const logged = await t.db.select().from(personalDataReads).where(and(eq(personalDataReads.source, 'gdpr_export'), inArray(personalDataReads.petitionId, ids)));
    expect(logged.map((r) => r.userId)).toEqual([admin.user.id, admin.user.id, admin.user.id]);
  });

  test('by phone (any common form) it finds the same petitions', async () => {
    const res = await call('GET', `/api/admin/gdpr/export?phone=${encodeURIComponent('0744.987.613')}`, admin);
    expect(res.status).toBe(200);
    const data = await res.json();
    expect(data.query.phone).toBe(SUBJECT.phoneE164);
    // The Open311 report has no phone: found by phone, only the two others.
    expect(data.petitions.length).toBe(2);
  });

  test('400 without an e-mail or a phone, or with a bad one; 404 when there is nothing about them', async () => {
    expect((await call('GET', '/api/admin/gdpr/export', admin)).status).toBe(400);
    expect((await call('GET', '/api/admin/gdpr/export?email=nu-e-adresa', admin)).status).toBe(400);
    expect((await call('GET', '/api/admin/gdpr/export?phone=12', admin)).status).toBe(400);
    const none = await call('GET', '/api/admin/gdpr/export?email=nimeni@example.test', admin);
    expect(none.status).toBe(404);
    expect((await none.json()).error.code).toBe('gdpr.not_found');
  });
});

describe('GET /api/admin/personal-data-reads', () => {
  test('lists the reads newest first, with who, which petition, the source and the subject', async () => {
    const res = await call('GET', '/api/admin/personal-data-reads', admin);
    expect(res.status).toBe(200);
    const { items } = await res.json();
    expect(items.length).toBeGreaterThanOrEqual(4);
    const sources = new Set(items.map((r: { source: string }) => r.source));
    for (const s of ['petitioner', 'caller_lookup', 'gdpr_export']) expect(sources).toContain(s);
    const at = items.map((r: { at: string; id: number }) => `${r.at}|${String(r.id).padStart(10, '0')}`);
    expect(at).toEqual([...at].sort().reverse());
    const lookup = items.find((r: { source: string }) => r.source === 'caller_lookup');
    expect(lookup).toEqual({ id: expect.any(Number), at: '2026-11-26T10:00:00.000Z', user: { id: agent.user.id, name: 'Radu Georgescu', role: 'agent' }, petition: null, source: 'caller_lookup', subject: SUBJECT.phoneE164 });
    const staffRead = items.find((r: { source: string }) => r.source === 'petitioner');
    expect(staffRead.petition.registrationNumber).toMatch(/^P-2026-/);
  });

  test('filters by user, petition (number or id), source and period, and pages with a cursor', async () => {
    const byUser = await (await call('GET', `/api/admin/personal-data-reads?userId=${registry.user.id}`, admin)).json();
    expect(byUser.items.length).toBeGreaterThan(0);
    expect(byUser.items.every((r: { user: { id: string } }) => r.user.id === registry.user.id)).toBe(true);
    const webRead = byUser.items[0].petition as { id: string; registrationNumber: string };
    const byNumber = await (await call('GET', `/api/admin/personal-data-reads?petition=${webRead.registrationNumber}`, admin)).json();
    expect(byNumber.items.length).toBeGreaterThan(0);
    expect(byNumber.items.every((r: { petition: { id: string } | null }) => r.petition?.id === webRead.id)).toBe(true);
    const byId = await (await call('GET', `/api/admin/personal-data-reads?petition=${webRead.id}`, admin)).json();
    expect(byId.items.map((r: { id: number }) => r.id)).toEqual(byNumber.items.map((r: { id: number }) => r.id));
    const bySource = await (await call('GET', '/api/admin/personal-data-reads?source=caller_lookup', admin)).json();
    expect(bySource.items.every((r: { source: string }) => r.source === 'caller_lookup')).toBe(true);
    expect((await (await call('GET', '/api/admin/personal-data-reads?from=2026-11-26&to=2026-11-26', admin)).json()).items.length).toBeGreaterThan(0);
    expect((await (await call('GET', '/api/admin/personal-data-reads?to=2026-11-25', admin)).json()).items).toEqual([]);
    expect((await (await call('GET', '/api/admin/personal-data-reads?from=2026-11-26T10:00:00.001Z', admin)).json()).items).toEqual([]);

    const all = (await (await call('GET', '/api/admin/personal-data-reads?limit=200', admin)).json()).items.map((r: { id: number }) => r.id);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ id: number }>; nextCursor: string | null } = await (await call('GET', `/api/admin/personal-data-reads?limit=2${cursor ? `&cursor=${cursor}` : ''}`, admin)).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  test('400 for a bad filter or cursor', async () => {
    for (const q of ['userId=abc', 'petition=123', 'from=ieri', 'limit=0', 'limit=201', 'cursor=nu-e-cursor']) {
      expect((await call('GET', `/api/admin/personal-data-reads?${q}`, admin)).status, q).toBe(400);
    }
  });
});

describe('POST /api/admin/gdpr/anonymise', () => {
  test('no personal value of the petitioner remains anywhere in the database; the petitions and their statistics stay', async () => {
    // The scan finds the values before (so it would find them after, if any were left).
    const before = await scanDatabase(SUBJECT_NEEDLES);
    const holders = ['petitions.petitioner_first_name', 'petitions.body', 'petition_events.text_ro', 'petition_events.data', 'attachments.content', 'attachments.file_name',
      'outbox.recipient', 'calls.phone', 'calls.notes', 'answers.body', 'contributions.question', 'staff_notices.text_ro', 'personal_data_reads.subject', 'open311_requests.media_url'];
    // The staff search's stored tsvector (migration 0009) holds the names too, while they are there.
    if (before.some((b) => b.startsWith('petitions.search_tsv '))) holders.push('petitions.search_tsv');
    else expect(rowsOf(await t.db.execute(sql`select 1 from information_schema.columns where table_name = 'petitions' and column_name = 'search_tsv'`))).toEqual([]);
    // And the search's dictionary of words (migration 0013), whose trigger must forget them.
    holders.push('search_words.word');
    for (const where of holders) expect(before.some((b) => b.startsWith(`${where} `)), `${where} holds the values before`).toBe(true);
    const statsBefore = await statistics();
    const petitionsBefore = await t.db.select({ n: petitions.registrationNumber, status: petitions.status, category: petitions.categoryId, registeredAt: petitions.registeredAt, legalDueOn: petitions.legalDueOn, channel: petitions.channel }).from(petitions).orderBy(petitions.registrationNumber);
    const eventsBefore = await t.db.select({ id: petitionEvents.id, type: petitionEvents.type, at: petitionEvents.at, actorUserId: petitionEvents.actorUserId, public: petitionEvents.public }).from(petitionEvents).orderBy(petitionEvents.id);

    const res = await call('POST', '/api/admin/gdpr/anonymise', admin, { email: SUBJECT.email });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ petitions: numbers, calls: 1, at: '2026-11-26T10:00:00.000Z' });

    expect(await scanDatabase(SUBJECT_NEEDLES)).toEqual([]);
    // The other petitioner keeps everything (and the scan does find values that are there).
    expect((await scanDatabase([OTHER.firstName, OTHER.email])).length).toBeGreaterThan(0);
    // The other petitioner's words stay in the search's dictionary: only words no petition uses are removed.
    expect(await scanDatabase([OTHER.firstName])).toContainEqual(expect.stringMatching(/^search_words\.word /));
    const [other] = await t.db.select().from(petitions).where(eq(petitions.registrationNumber, otherNumber));
    expect(other).toMatchObject({ petitionerFirstName: OTHER.firstName, petitionerEmail: OTHER.email, body: expect.stringContaining(OTHER.lastName) });

    // Same petitions, numbers, statuses, categories, channels, dates: the reports count the same.
    expect(await statistics()).toEqual(statsBefore);
    expect(await t.db.select({ n: petitions.registrationNumber, status: petitions.status, category: petitions.categoryId, registeredAt: petitions.registeredAt, legalDueOn: petitions.legalDueOn, channel: petitions.channel }).from(petitions).orderBy(petitions.registrationNumber)).toEqual(petitionsBefore);
    // The timeline keeps every event (who, when, what), plus one that says the data was anonymised.
    const eventsAfter = await t.db.select({ id: petitionEvents.id, type: petitionEvents.type, at: petitionEvents.at, actorUserId: petitionEvents.actorUserId, public: petitionEvents.public }).from(petitionEvents).orderBy(petitionEvents.id);
    expect(eventsAfter.slice(0, eventsBefore.length)).toEqual(eventsBefore);
    expect(eventsAfter.slice(eventsBefore.length).map((e) => [e.type, e.actorUserId, e.public])).toEqual(numbers.map(() => ['personal_data_anonymised', admin.user.id, false]));

    const ids = await Promise.all(numbers.map(idOf));
    const rows = await t.db.select().from(petitions).where(inArray(petitions.id, ids));
    for (const p of rows) {
      expect(p).toMatchObject({
        petitionerFirstName: null, petitionerLastName: null, petitionerOrganization: null, petitionerEmail: null, petitionerPhone: null, petitionerAddress: null,
        locationAddress: null, locationLat: null, locationLng: null, subject: '[anonimizat]', body: '[conținut anonimizat]', identified: true,
      });
    }
    const [file] = await t.db.select().from(attachments).where(inArray(attachments.petitionId, ids));
    expect(file).toMatchObject({ fileName: '[anonimizat]', size: 0, contentType: 'application/pdf' });
    expect(file!.content.byteLength).toBe(0);
    const notices = await t.db.select().from(outbox).where(inArray(outbox.petitionId, ids));
    expect(notices.length).toBeGreaterThan(0);
    expect(notices.every((n) => n.recipient === '[anonimizat]' && n.body === '[anonimizat]')).toBe(true);
    // Not yet sent: cancelled, never delivered to "[anonimizat]".
    expect(notices.every((n) => n.status !== 'pending')).toBe(true);
    expect(await t.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, 'gdpr-test-key-1'))).toEqual([]);
    const [link] = await t.db.select().from(open311Requests).where(inArray(open311Requests.petitionId, ids));
    expect(link!.mediaUrl).toBeNull();
    const [noteEvent] = await t.db.select().from(petitionEvents).where(and(inArray(petitionEvents.petitionId, ids), eq(petitionEvents.type, 'note')));
    expect(noteEvent!.textRo).toBe('Am vorbit cu [anonimizat] la [anonimizat].');
    expect(noteEvent!.data).toEqual({ note: '[anonimizat] / [anonimizat]' });
    const [answer] = await t.db.select().from(answers).where(inArray(answers.petitionId, ids));
    expect(answer!.body).toBe('<p>Stimate domnule [anonimizat],</p><p>Groapa de pe [anonimizat] va fi reparată.</p>');

    // The audit: who, when, how many — and whose data, never.
    const recorded = await t.db.select().from(petitionAnonymisations).where(inArray(petitionAnonymisations.petitionId, ids));
    expect(recorded.map((r) => [r.reason, r.actorUserId])).toEqual(numbers.map(() => ['request', admin.user.id]));
    const [op] = await t.db.select().from(gdprOperations).where(eq(gdprOperations.kind, 'anonymise'));
    expect(op).toMatchObject({ actorUserId: admin.user.id, petitionCount: 3, callCount: 1, registrationNumbers: numbers });

    // Open311 still lists the public ones, without anything personal.
    const open = await t.app.request(`/open311/v2/requests.json?service_request_id=${numbers.join(',')}`);
    const list = await open.json();
    expect(list.length).toBe(3);
    expect(list.every((r: { description: string; address: string | null; lat: number | null }) => r.description === '[anonimizat]' && r.address === null && r.lat === null)).toBe(true);

    // Nothing left to find.
    expect((await call('GET', `/api/admin/gdpr/export?email=${encodeURIComponent(SUBJECT.email)}`, admin)).status).toBe(404);
    expect((await call('POST', '/api/admin/gdpr/anonymise', admin, { email: SUBJECT.email })).status).toBe(404);
  });

  test('the timeline stays append-only outside the anonymisation path', async () => {
    const [anonymised] = await t.db.select({ id: petitionEvents.id }).from(petitionEvents).innerJoin(petitionAnonymisations, eq(petitionAnonymisations.petitionId, petitionEvents.petitionId)).limit(1);
    const otherId = await idOf(otherNumber);
    const [otherEvent] = await t.db.select({ id: petitionEvents.id }).from(petitionEvents).where(eq(petitionEvents.petitionId, otherId)).limit(1);
    const refused = async (run: (tx: Parameters<Parameters<typeof t.db.transaction>[0]>[0]) => Promise<unknown>) => {
      await expect(t.db.transaction(async (tx) => { await run(tx); })).rejects.toThrow();
    };
    // No session setting: refused, even for an anonymised petition.
    await refused((tx) => tx.update(petitionEvents).set({ textRo: 'x' }).where(eq(petitionEvents.id, anonymised!.id)));
    // The setting, but a petition that was not anonymised: refused.
    await refused(async (tx) => {
      await tx.execute(sql`select set_config('app.anonymising', 'on', true)`);
      await tx.update(petitionEvents).set({ textRo: 'x' }).where(eq(petitionEvents.id, otherEvent!.id));
    });
    // The setting and an anonymised petition, but who/when/what changes: refused.
    await refused(async (tx) => {
      await tx.execute(sql`select set_config('app.anonymising', 'on', true)`);
      await tx.update(petitionEvents).set({ type: 'altceva' }).where(eq(petitionEvents.id, anonymised!.id));
    });
    await refused(async (tx) => {
      await tx.execute(sql`select set_config('app.anonymising', 'on', true)`);
      await tx.update(petitionEvents).set({ at: new Date('2020-01-01T00:00:00Z') }).where(eq(petitionEvents.id, anonymised!.id));
    });
    // DELETE: always refused.
    await refused(async (tx) => {
      await tx.execute(sql`select set_config('app.anonymising', 'on', true)`);
      await tx.delete(petitionEvents).where(eq(petitionEvents.id, anonymised!.id));
    });
    // SET LOCAL ends with its transaction.
    await refused((tx) => tx.update(petitionEvents).set({ textRo: 'y' }).where(eq(petitionEvents.id, anonymised!.id)));
  });

  test('by phone alone, calls without any petition are anonymised too', async () => {
    const res = await call('POST', '/api/calls', agent, { phone: '0766 123 987', direction: 'incoming', startedAt: '2026-11-26T08:00:00Z', endedAt: '2026-11-26T08:02:00Z', reason: 'informatii_generale', notes: 'Întreba de programul Ghiorghigdpr.', outcome: 'information_given' });
    expect(res.status).toBe(201);
    const anon = await call('POST', '/api/admin/gdpr/anonymise', admin, { phone: '+40 766 123 987' });
    expect(anon.status).toBe(200);
    expect(await anon.json()).toEqual({ petitions: [], calls: 1, at: expect.any(String) });
    expect(await scanDatabase(['766123987', 'Ghiorghigdpr'])).toEqual([]);
  });

  test('400 without an e-mail or phone, or with extra fields', async () => {
    expect((await call('POST', '/api/admin/gdpr/anonymise', admin, {})).status).toBe(400);
    expect((await call('POST', '/api/admin/gdpr/anonymise', admin, { email: 'x' })).status).toBe(400);
    expect((await call('POST', '/api/admin/gdpr/anonymise', admin, { email: OTHER.email, all: true })).status).toBe(400);
    const [other] = await t.db.select({ email: petitions.petitionerEmail }).from(petitions).where(eq(petitions.registrationNumber, otherNumber));
    expect(other!.email).toBe(OTHER.email);
  });
});

describe('Access', () => {
  test('every GDPR, retention and Open311-key endpoint: 401 without a session, 403 for every role but admin', async () => {
    const others = await Promise.all(['agent', 'supervizor', 'registratura', 'adpdu.inspector', 'adpdu.sef', 'adpdu.director', 'delegat'].map((u) => signIn(t, u) as Promise<Session>));
    const endpoints: Array<[string, string, unknown?]> = [
      ['GET', '/api/admin/personal-data-reads'],
      ['GET', `/api/admin/gdpr/export?email=${encodeURIComponent(OTHER.email)}`],
      ['POST', '/api/admin/gdpr/anonymise', { email: OTHER.email }],
      ['GET', '/api/admin/retention'],
      ['PUT', '/api/admin/retention', { P: 1 }],
      ['GET', '/api/admin/open311-keys'],
      ['POST', '/api/admin/open311-keys', { name: 'Cheie neautorizată' }],
      ['DELETE', '/api/admin/open311-keys/00000000-0000-4000-8000-000000000000'],
    ];
    for (const [method, path, body] of endpoints) {
      const anonymous = await call(method, path, null, body);
      expect(anonymous.status, `${method} ${path}`).toBe(401);
      expect((await anonymous.json()).error.code).toBe('auth.required');
      for (const session of others) {
        const res = await call(method, path, session, body);
        expect(res.status, `${method} ${path} as ${session.user.id}`).toBe(403);
        expect((await res.json()).error.code).toBe('auth.forbidden');
      }
    }
    // Nothing happened.
    const [other] = await t.db.select({ email: petitions.petitionerEmail }).from(petitions).where(eq(petitions.registrationNumber, otherNumber));
    expect(other!.email).toBe(OTHER.email);
    expect((await (await call('GET', '/api/admin/retention', admin)).json()).items.find((r: { register: string }) => r.register === 'P').years).toBe(5);
    expect((await (await call('GET', '/api/admin/open311-keys', admin)).json()).items.map((k: { name: string }) => k.name)).toEqual(['Aplicație test GDPR']);
  });
});
