// Open311 GeoReport v2 at /open311/v2/ (issue 6 §6): every method in JSON and XML (XML that parses), the
// 90-day window, the api_key check, only public categories, the specification's errors, and no personal
// field in any GET answer. The administrator's API keys (§7) too.
import { eq, inArray } from 'drizzle-orm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { categories, open311ApiKeys, open311Requests, outbox, petitionEvents, petitions } from '../../db/schema';
import { FINAL_STATUSES, OPEN_STATUSES } from '../../shared/domain/clock-rules';
import { hashApiKey } from '../../server/modules/open311/open311.usecases';
import { createTestApp, petitionInput, type TestApp } from '../helpers/app';
import { seedStaff, signIn } from '../helpers/staff';

let t: TestApp;
let admin: { headers: Record<string, string> };
let registry: { headers: Record<string, string> };
let apiKey: string;

const BASE = '/open311/v2';
const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => ['service', 'request', 'error'].includes(name) });

/** Parses an XML answer after checking it is well-formed. */
function parseXml(xml: string): Record<string, unknown> {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`XML does not parse: ${JSON.stringify(valid)}\n${xml}`);
  expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  return parser.parse(xml) as Record<string, unknown>;
}

const get = (path: string, headers: Record<string, string> = {}) => t.app.request(`${BASE}/${path}`, { headers });

function post(path: string, params: Record<string, string>, headers: Record<string, string> = {}) {
  return t.app.request(`${BASE}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(params).toString(),
  });
}

const admin$ = (method: string, path: string, session: { headers: Record<string, string> } | null, body?: unknown) =>
  t.app.request(path, {
    method,
    headers: session ? session.headers : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

async function issueKey(name: string): Promise<{ key: string; id: string }> {
  const res = await admin$('POST', '/api/admin/open311-keys', admin, { name });
  expect(res.status).toBe(201);
  const body = await res.json();
  return { key: body.key, id: body.apiKey.id };
}

/** A report through Open311 with a valid key; returns the service_request_id. */
async function report(params: Record<string, string> = {}): Promise<string> {
  const res = await post('requests.json', {
    api_key: apiKey,
    service_code: 'strazi-trotuare',
    lat: '44.4355',
    long: '26.0165',
    address_string: 'Bulevardul Iuliu Maniu 7, Sector 6',
    description: 'Groapă mare în trotuar, lângă stația de autobuz; pietonii se împiedică seara.',
    ...params,
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json())[0].service_request_id;
}

async function publicCodes(): Promise<string[]> {
  const rows = await t.db.select({ code: categories.code }).from(categories).where(eq(categories.public, true));
  return rows.map((r) => r.code).sort();
}

// Unique synthetic personal data: none of it may appear in any GET answer.
const PERSONAL = {
  firstName: 'Xenofonopen',
  lastName: 'Quirinescuopen',
  email: 'xq.open311.9z4@example.test',
  phone: '0745 310 977',
  phoneE164: '+40745310977',
  address: 'Strada Zefirului 91, bl. K7, ap. 33',
  bodyToken: 'Vorbaprivataopen',
};

beforeAll(async () => {
  t = await createTestApp();
  await seedStaff(t);
  admin = await signIn(t, 'admin');
  registry = await signIn(t, 'registratura');
  apiKey = (await issueKey('Aplicația Sector 6 Civic')).key;
});
afterAll(() => t?.cleanup());

describe('GET services', () => {
  test('services.json lists exactly the public categories, with the Romanian name, the handler as group, type realtime', async () => {
    const res = await get('services.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const services = await res.json();
    expect(services.map((s: { service_code: string }) => s.service_code).sort()).toEqual(await publicCodes());
    expect(services.find((s: { service_code: string }) => s.service_code === 'strazi-trotuare')).toEqual({
      service_code: 'strazi-trotuare',
      service_name: 'Străzi secundare, trotuare, gropi',
      description: expect.stringContaining('Străzi secundare, trotuare, gropi'),
      metadata: false,
      type: 'realtime',
      keywords: 'strazi,trotuare',
      group: 'Administrația Domeniului Public și Dezvoltare Urbană Sector 6',
    });
    // Forwarded to another institution: the institution is the group.
    expect(services.find((s: { service_code: string }) => s.service_code === 'caini-fara-stapan').group).toMatch(/Animalelor/);
    for (const hidden of ['urbanism', 'asistenta-sociala', 'conduita-personal', 'informatii-publice', 'taxe-locale']) {
      expect(services.some((s: { service_code: string }) => s.service_code === hidden)).toBe(false);
    }
  });

  test('services.xml is well-formed XML with the same services', async () => {
    const res = await get('services.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/xml; charset=utf-8/);
    const doc = parseXml(await res.text()) as { services: { service: Array<Record<string, string>> } };
    expect(doc.services.service.map((s) => s.service_code).sort()).toEqual(await publicCodes());
    const s = doc.services.service.find((x) => x.service_code === 'spatii-verzi')!;
    expect(s).toMatchObject({ service_name: 'Spații verzi, parcuri, locuri de joacă, arbori', metadata: 'false', type: 'realtime' });
  });

  test('services/{code} gives the service definition, with no extra attributes, in JSON and XML', async () => {
    const json = await get('services/strazi-trotuare.json');
    expect(json.status).toBe(200);
    expect(await json.json()).toEqual({ service_code: 'strazi-trotuare', attributes: [] });
    const xml = await get('services/strazi-trotuare.xml');
    expect(xml.status).toBe(200);
    const doc = parseXml(await xml.text()) as { service_definition: { service_code: string; attributes: string } };
    expect(doc.service_definition.service_code).toBe('strazi-trotuare');
    expect(doc.service_definition.attributes).toBe('');
  });

  test('a category that is not public, or does not exist, is a 404 in the specification’s error format', async () => {
    const res = await get('services/urbanism.json');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual([{ code: 404, description: expect.stringContaining('urbanism') }]);
    const xml = await get('services/nu-exista.xml');
    expect(xml.status).toBe(404);
    const doc = parseXml(await xml.text()) as { errors: { error: Array<{ code: string; description: string }> } };
    expect(doc.errors.error[0]!.code).toBe('404');
  });
});

describe('POST requests', () => {
  test('registers a petition with channel open311 and answers our registration number and a Romanian notice — never the tracking code', async () => {
    const res = await post('requests.json', {
      api_key: apiKey,
      service_code: 'strazi-trotuare',
      lat: '44.4355',
      long: '26.0165',
      address_string: 'Bulevardul Iuliu Maniu 7, Sector 6',
      description: 'Groapă mare în trotuar, lângă stația de autobuz.\nPietonii se împiedică seara, iar iluminatul este slab.',
      first_name: 'Maria',
      last_name: 'Enescu',
      email: 'maria.enescu@example.ro',
      phone: '0722 111 222',
      media_url: 'https://civic.example/foto/123.jpg',
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual([{ service_request_id: expect.stringMatching(/^P-2026-\d{6}$/), service_notice: expect.any(String), account_id: null }]);
    const number = body[0].service_request_id as string;
    expect(body[0].service_notice).toMatch(new RegExp(`înregistrată .* cu nr\\. ${number}.*Termenul legal de răspuns este 28 decembrie 2026`));

    const [p] = await t.db.select().from(petitions).where(eq(petitions.registrationNumber, number));
    expect(p).toMatchObject({
      channel: 'open311', type: 'sesizare', status: 'registered', petitionerKind: 'person',
      petitionerFirstName: 'Maria', petitionerLastName: 'Enescu', petitionerEmail: 'maria.enescu@example.ro', petitionerPhone: '+40722111222',
      identified: true, locationAddress: 'Bulevardul Iuliu Maniu 7, Sector 6', locationLat: 44.4355, locationLng: 26.0165,
      subject: 'Groapă mare în trotuar, lângă stația de autobuz. Pietonii se împiedică seara, iar iluminatul este slab.',
    });
    expect(p!.body).toContain('Pietonii se împiedică seara');
    expect(p!.body).toContain('https://civic.example/foto/123.jpg');
    const [link] = await t.db.select().from(open311Requests).where(eq(open311Requests.petitionId, p!.id));
    expect(link!.mediaUrl).toBe('https://civic.example/foto/123.jpg');

    // The petitioner gets the usual confirmation, with the tracking code; the application never sees it.
    const notices = await t.db.select().from(outbox).where(eq(outbox.petitionId, p!.id));
    expect(notices.map((n) => n.channel).sort()).toEqual(['email', 'sms']);
    const code = /Codul de urmărire: (\S+)/.exec(notices.find((n) => n.channel === 'email')!.body)![1]!;
    expect(JSON.stringify(body)).not.toContain(code);
    expect(t.events.recorded).toContainEqual({ name: 'petition.registered', payload: { petitionId: p!.id, registrationNumber: number } });
    const [key] = await t.db.select().from(open311ApiKeys).where(eq(open311ApiKeys.keyHash, hashApiKey(apiKey)));
    expect(key!.lastUsedAt).not.toBeNull();
  });

  test('the description makes the subject (its first 200 characters, cut at a word) and the whole body', async () => {
    const long = `${'Trotuarul este complet distrus pe toată lungimea străzii '.repeat(6)}și trebuie refăcut.`;
    const number = await report({ description: long });
    const [p] = await t.db.select().from(petitions).where(eq(petitions.registrationNumber, number));
    expect(p!.subject.length).toBeLessThanOrEqual(200);
    expect(p!.subject.endsWith('…')).toBe(true);
    expect(long.startsWith(p!.subject.slice(0, -1))).toBe(true);
    expect(p!.body).toBe(long);
  });

  test('requests.xml answers in XML that parses', async () => {
    const res = await post('requests.xml', { api_key: apiKey, service_code: 'salubrizare', address_string: 'Strada Brașov 20', description: 'Gunoiul nu a fost ridicat de o săptămână.' });
    expect(res.status).toBe(200);
    const doc = parseXml(await res.text()) as { service_requests: { request: Array<Record<string, string>> } };
    expect(doc.service_requests.request[0]!.service_request_id).toMatch(/^P-2026-\d{6}$/);
    expect(doc.service_requests.request[0]!.service_notice).toContain('Primăria Sectorului 6');
    expect(doc.service_requests.request[0]!.account_id).toBe('');
  });

  test('an anonymous report is registered (unidentified, for the registry to decide) and the notice says it gets no answer', async () => {
    const res = await post('requests.json', { api_key: apiKey, service_code: 'parcare-ilegala', lat: '44.43', long: '26.01', description: 'Mașină abandonată de luni de zile pe trotuar.' });
    expect(res.status).toBe(200);
    const [r] = await res.json();
    expect(r.service_notice).toContain('OG 27/2002 art. 7');
    const [p] = await t.db.select().from(petitions).where(eq(petitions.registrationNumber, r.service_request_id));
    expect(p!.identified).toBe(false);
  });

  test('without an api_key, with a wrong one or a revoked one: 403 in the specification’s format, and nothing registered', async () => {
    const before = (await t.db.select({ id: petitions.id }).from(petitions)).length;
    const params = { service_code: 'strazi-trotuare', address_string: 'Strada Valea Lungă 3', description: 'Groapă adâncă în carosabil.' };
    const none = await post('requests.json', params);
    expect(none.status).toBe(403);
    expect(await none.json()).toEqual([{ code: 403, description: expect.stringContaining('api_key') }]);
    const wrong = await post('requests.xml', { ...params, api_key: 'o311_not-a-key' });
    expect(wrong.status).toBe(403);
    const doc = parseXml(await wrong.text()) as { errors: { error: Array<{ code: string }> } };
    expect(doc.errors.error[0]!.code).toBe('403');
    const revoked = await issueKey('Cheie revocată');
    expect((await admin$('DELETE', `/api/admin/open311-keys/${revoked.id}`, admin)).status).toBe(200);
    expect((await post('requests.json', { ...params, api_key: revoked.key })).status).toBe(403);
    expect((await t.db.select({ id: petitions.id }).from(petitions)).length).toBe(before);
  });

  test('a category that is not public, an unknown one, no location, a short description, a bad e-mail or a JSON body: 400', async () => {
    const ok = { api_key: apiKey, service_code: 'strazi-trotuare', address_string: 'Strada Valea Lungă 3', description: 'Groapă adâncă în carosabil.' };
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ ...ok, service_code: 'urbanism' }, /service_code/],
      [{ ...ok, service_code: 'nu-exista' }, /service_code/],
      [{ ...ok, service_code: '' }, /service_code/],
      [{ api_key: apiKey, service_code: 'strazi-trotuare', description: 'Groapă adâncă în carosabil.' }, /location/i],
      [{ ...ok, lat: '44.4' }, /lat and long/],
      [{ ...ok, lat: 'abc', long: '26' }, /lat/],
      [{ ...ok, description: 'Groapă' }, /description/],
      [{ ...ok, email: 'nu-e-adresa' }, /email/],
      [{ ...ok, phone: '12' }, /phone/],
      [{ ...ok, media_url: 'javascript:alert(1)' }, /media_url/],
    ];
    for (const [params, message] of cases) {
      const res = await post('requests.json', params);
      expect(res.status, JSON.stringify(params)).toBe(400);
      const [error] = await res.json();
      expect(error.code).toBe(400);
      expect(error.description).toMatch(message);
    }
    const json = await t.app.request(`${BASE}/requests.json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ok) });
    expect(json.status).toBe(400);
  });

  test('is outside /api: another site’s Origin is not refused, and no session is needed', async () => {
    const res = await post('requests.json', { api_key: apiKey, service_code: 'spatii-verzi', address_string: 'Parcul Drumul Taberei', description: 'Un copac căzut blochează aleea principală.' }, { origin: 'https://civic.example' });
    expect(res.status).toBe(200);
  });
});

describe('GET requests', () => {
  let recent: string;
  let old: string;
  let closed: string;
  let hiddenNumber: string;
  let personal: string;

  beforeAll(async () => {
    recent = await report({ service_code: 'deszapezire', description: 'Trotuarul nu a fost deszăpezit deloc.' });
    old = await report({ service_code: 'deszapezire', description: 'Zăpadă netrasă pe aleea dintre blocuri.' });
    closed = await report({ service_code: 'deszapezire', description: 'Gheață pe scările pasajului pietonal.' });
    // 100 days earlier: outside the default window.
    await t.db.update(petitions).set({ registeredAt: new Date('2026-08-18T09:00:00Z') }).where(eq(petitions.registrationNumber, old));
    await t.db.update(petitions).set({ status: 'answered' }).where(eq(petitions.registrationNumber, closed));
    // A petition of a category that is not public (through the web form): never in Open311.
    const web = await t.json('/api/petitions', petitionInput({ categoryCode: 'urbanism', subject: 'Certificat de urbanism întârziat' }));
    hiddenNumber = (await web.json()).registrationNumber;
    // A petition full of unique personal data.
    const res = await t.json('/api/petitions', petitionInput({
      categoryCode: 'iluminat-public',
      subject: 'Stâlp de iluminat stins pe alee',
      body: `Stâlpul din fața blocului nu funcționează. ${PERSONAL.bodyToken} ${PERSONAL.firstName} ${PERSONAL.phone}.`,
      petitioner: { kind: 'person', firstName: PERSONAL.firstName, lastName: PERSONAL.lastName, email: PERSONAL.email, phone: PERSONAL.phone, address: PERSONAL.address },
      location: { address: 'Aleea Romancierilor 4', lat: 44.42, lng: 26.03 },
    }));
    personal = (await res.json()).registrationNumber;
  });

  test('requests.json: the last 90 days by default, newest first, with every field of the specification', async () => {
    const res = await get('requests.json');
    expect(res.status).toBe(200);
    const list = await res.json();
    const numbers = list.map((r: { service_request_id: string }) => r.service_request_id);
    expect(numbers).toContain(recent);
    expect(numbers).not.toContain(old);
    const r = list.find((x: { service_request_id: string }) => x.service_request_id === recent);
    expect(Object.keys(r)).toEqual([
      'service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice',
      'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url',
    ]);
    expect(r).toMatchObject({
      status: 'open', status_notes: 'Înregistrată', service_name: 'Deszăpezire', service_code: 'deszapezire',
      description: 'Trotuarul nu a fost deszăpezit deloc.',
      agency_responsible: 'Administrația Domeniului Public și Dezvoltare Urbană Sector 6',
      requested_datetime: '2026-11-26T12:00:00+02:00',
      // Registered Thu 26 Nov 2026: + 30 days = Sat 26 Dec → the next working day is Mon 28 Dec.
      expected_datetime: '2026-12-28T23:59:59+02:00',
      address: 'Bulevardul Iuliu Maniu 7, Sector 6', address_id: null, zipcode: null, lat: 44.4355, long: 26.0165,
    });
  });

  test('start_date and end_date select by request date, at most 90 days apart; a wrong window is a 400', async () => {
    const inWindow = await get('requests.json?start_date=2026-08-01T00:00:00Z&end_date=2026-10-01T00:00:00%2B03:00');
    expect(inWindow.status).toBe(200);
    const numbers = (await inWindow.json()).map((r: { service_request_id: string }) => r.service_request_id);
    expect(numbers).toEqual([old]);
    const dayForm = await get('requests.json?start_date=2026-08-18&end_date=2026-08-18T23:59:59Z');
    expect((await dayForm.json()).map((r: { service_request_id: string }) => r.service_request_id)).toEqual([old]);
    const onlyStart = await get('requests.json?start_date=2026-08-10T00:00:00Z');
    expect((await onlyStart.json()).map((r: { service_request_id: string }) => r.service_request_id)).toEqual([old]);

    for (const [query, message] of [
      ['start_date=2026-01-01T00:00:00Z&end_date=2026-04-02T00:00:00Z', /90 days/],
      ['start_date=2026-11-01T00:00:00Z&end_date=2026-10-01T00:00:00Z', /after/],
      ['start_date=ieri', /start_date/],
      ['end_date=2026-02-30', /end_date/],
      ['start_date=2026-11-01T10:00:00', /time zone/],
      ['status=pending', /status/],
    ] as const) {
      const res = await get(`requests.json?${query}`);
      expect(res.status, query).toBe(400);
      const [error] = await res.json();
      expect(error).toEqual({ code: 400, description: expect.stringMatching(message) });
    }
    const xml = await get('requests.xml?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z');
    expect(xml.status).toBe(400);
    expect((parseXml(await xml.text()) as { errors: { error: Array<{ code: string }> } }).errors.error[0]!.code).toBe('400');
  });

  test('status=open and status=closed: closed is answered, archived, forwarded, joined or filed', async () => {
    const open = (await (await get('requests.json?status=open&service_code=deszapezire')).json()).map((r: { service_request_id: string }) => r.service_request_id);
    const closedList = await (await get('requests.json?status=closed&service_code=deszapezire')).json();
    expect(open).toContain(recent);
    expect(open).not.toContain(closed);
    expect(closedList.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([closed]);
    expect(closedList[0]).toMatchObject({ status: 'closed', status_notes: 'Răspuns trimis' });
    const both = await (await get('requests.json?status=open,closed&service_code=deszapezire')).json();
    expect(both.length).toBe(2);
    expect(FINAL_STATUSES).toEqual(['answered', 'archived', 'forwarded', 'joined', 'filed']);
    expect(OPEN_STATUSES).not.toContain('answered');
  });

  test('service_code filters (a comma list too); service_request_id lists given requests, in any window', async () => {
    const snow = await (await get('requests.json?service_code=deszapezire')).json();
    expect(snow.every((r: { service_code: string }) => r.service_code === 'deszapezire')).toBe(true);
    const two = await (await get('requests.json?service_code=deszapezire,iluminat-public')).json();
    expect(new Set(two.map((r: { service_code: string }) => r.service_code))).toEqual(new Set(['deszapezire', 'iluminat-public']));
    const byId = await (await get(`requests.json?service_request_id=${recent},${old}`)).json();
    expect(byId.map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual([recent, old].sort());
  });

  test('requests of categories that are not public are never listed, not even by id', async () => {
    const all = await (await get('requests.json')).json();
    expect(all.every((r: { service_code: string }) => r.service_code !== 'urbanism')).toBe(true);
    expect(all.some((r: { service_request_id: string }) => r.service_request_id === hiddenNumber)).toBe(false);
    expect(await (await get(`requests.json?service_request_id=${hiddenNumber}`)).json()).toEqual([]);
    expect((await get(`requests/${hiddenNumber}.json`)).status).toBe(404);
  });

  test('requests/{id} in JSON and XML; an unknown id is a 404 in both formats', async () => {
    const json = await get(`requests/${recent}.json`);
    expect(json.status).toBe(200);
    const [r] = await json.json();
    expect(r.service_request_id).toBe(recent);
    const xml = await get(`requests/${recent}.xml`);
    expect(xml.status).toBe(200);
    const doc = parseXml(await xml.text()) as { service_requests: { request: Array<Record<string, string>> } };
    expect(doc.service_requests.request[0]).toMatchObject({ service_request_id: recent, status: 'open', service_code: 'deszapezire', address_id: '', lat: '44.4355', long: '26.0165' });
    const missing = await get('requests/P-2026-999999.json');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual([{ code: 404, description: expect.any(String) }]);
    const missingXml = await get('requests/nimic.xml');
    expect(missingXml.status).toBe(404);
    expect((parseXml(await missingXml.text()) as { errors: { error: Array<{ code: string }> } }).errors.error[0]!.code).toBe('404');
  });

  test('requests.xml lists the same requests as requests.json, in XML that parses', async () => {
    const json = await (await get('requests.json')).json();
    const xml = await get('requests.xml');
    expect(xml.status).toBe(200);
    const doc = parseXml(await xml.text()) as { service_requests: { request: Array<Record<string, string>> } };
    expect(doc.service_requests.request.map((r) => r.service_request_id)).toEqual(json.map((r: { service_request_id: string }) => r.service_request_id));
  });

  test('no GET answer carries personal data: no name, e-mail, phone, postal address or body — only the subject and the location', async () => {
    const bodies: string[] = [];
    for (const path of ['requests.json', 'requests.xml', `requests/${personal}.json`, `requests/${personal}.xml`, `requests.json?service_request_id=${personal}`,
      'requests.json?service_code=iluminat-public', 'requests.xml?status=open', 'services.json', 'services.xml', 'services/iluminat-public.json']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      bodies.push(await res.text());
    }
    const all = bodies.join('\n');
    expect(all).toContain(personal);
    expect(all).toContain('Stâlp de iluminat stins pe alee');
    expect(all).toContain('Aleea Romancierilor 4');
    for (const value of [PERSONAL.firstName, PERSONAL.lastName, PERSONAL.email, PERSONAL.phone, PERSONAL.phoneE164, '745310977', PERSONAL.address, 'Zefirului', PERSONAL.bodyToken]) {
      expect(all.toLowerCase(), value).not.toContain(value.toLowerCase());
    }
    for (const field of ['first_name', 'last_name', 'email', 'phone', 'petitioner', 'body']) expect(all).not.toMatch(new RegExp(`"${field}"|<${field}>`));
  });

  test('the tracking code is never in any answer: tokens/{token} is a 404 (requests are registered synchronously)', async () => {
    const res = await get('tokens/123456.json');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual([{ code: 404, description: expect.stringContaining('token') }]);
    const xml = await get('tokens/abc.xml');
    expect(xml.status).toBe(404);
    expect((parseXml(await xml.text()) as { errors: { error: Array<{ code: string }> } }).errors.error[0]!.code).toBe('404');
  });

  test('text with XML special characters stays well-formed and round-trips', async () => {
    const tricky = 'Semn <stricat> & "căzut" pe strada O\'Neil — ș ț';
    const number = await report({ service_code: 'strazi-trotuare', description: `${tricky} de două săptămâni.` });
    const doc = parseXml(await (await get(`requests/${number}.xml`)).text()) as { service_requests: { request: Array<Record<string, string>> } };
    expect(doc.service_requests.request[0]!.description).toBe(`${tricky} de două săptămâni.`);
  });

  test('the GET answers are open data: any origin may read them', async () => {
    const res = await get('services.json');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('Errors and limits', () => {
  test('an unknown resource or format is a 404, another method a 405, both in the specification’s format', async () => {
    const unknown = await get('discovery.json');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual([{ code: 404, description: expect.any(String) }]);
    const csv = await get('requests.csv');
    expect(csv.status).toBe(404);
    const xml = await get('nimic/aici/deloc.xml');
    expect(xml.status).toBe(404);
    expect(xml.headers.get('content-type')).toMatch(/xml/);
    const del = await t.app.request(`${BASE}/requests.json`, { method: 'DELETE' });
    expect(del.status).toBe(405);
    expect(del.headers.get('allow')).toBe('GET, POST');
    const postServices = await post('services.json', { api_key: apiKey });
    expect(postServices.status).toBe(405);
  });

  test('GETs are rate limited per address (RATE_LIMIT_OPEN311): 429 in the specification’s format, with Retry-After', async () => {
    const limited = await createTestApp({ env: { RATE_LIMIT_OPEN311: '3' }, testDatabase: t.tdb });
    for (let i = 0; i < 3; i++) expect((await limited.app.request(`${BASE}/services.json`)).status).toBe(200);
    const res = await limited.app.request(`${BASE}/services.xml`);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    const doc = parseXml(await res.text()) as { errors: { error: Array<{ code: string }> } };
    expect(doc.errors.error[0]!.code).toBe('429');
  });
});

describe('/api/admin/open311-keys', () => {
  test('issues a key shown once (201), lists keys without it, and revokes', async () => {
    const res = await admin$('POST', '/api/admin/open311-keys', admin, { name: 'FixMyStreet România' });
    expect(res.status).toBe(201);
    const { key, apiKey: created } = await res.json();
    expect(key).toMatch(/^o311_[A-Za-z0-9_-]{43}$/);
    expect(created).toEqual({
      id: expect.any(String), name: 'FixMyStreet România', prefix: key.slice(0, 11), createdAt: '2026-11-26T10:00:00.000Z',
      createdBy: { id: expect.any(String), name: 'Andrei Constantinescu' }, revokedAt: null, lastUsedAt: null, requests: 0,
    });
    const list = await admin$('GET', '/api/admin/open311-keys', admin);
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toBe('no-store');
    const text = await list.text();
    expect(text).not.toContain(key);
    const items = JSON.parse(text).items as Array<{ id: string; name: string; requests: number }>;
    expect(items.find((k) => k.id === created.id)).toBeDefined();
    expect(items.find((k) => k.name === 'Aplicația Sector 6 Civic')!.requests).toBeGreaterThan(0);
    // Only its hash is stored.
    const [row] = await t.db.select().from(open311ApiKeys).where(eq(open311ApiKeys.id, created.id));
    expect(JSON.stringify(row)).not.toContain(key);

    const revoked = await admin$('DELETE', `/api/admin/open311-keys/${created.id}`, admin);
    expect(revoked.status).toBe(200);
    expect((await revoked.json()).apiKey.revokedAt).toBe('2026-11-26T10:00:00.000Z');
  });

  test('400 for a missing or empty name, 409 for an active key of the same name or a key already revoked, 404 for an unknown key', async () => {
    expect((await admin$('POST', '/api/admin/open311-keys', admin, {})).status).toBe(400);
    expect((await admin$('POST', '/api/admin/open311-keys', admin, { name: ' ' })).status).toBe(400);
    expect((await admin$('POST', '/api/admin/open311-keys', admin, { name: 'x', extra: 1 })).status).toBe(400);
    const first = await issueKey('Aplicație dublă');
    const dup = await admin$('POST', '/api/admin/open311-keys', admin, { name: 'aplicație DUBLĂ' });
    expect(dup.status).toBe(409);
    expect((await dup.json()).error.code).toBe('open311_keys.name_taken');
    expect((await admin$('DELETE', `/api/admin/open311-keys/${first.id}`, admin)).status).toBe(200);
    const again = await admin$('DELETE', `/api/admin/open311-keys/${first.id}`, admin);
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('open311_keys.revoked');
    // Revoked, the name is free again.
    expect((await admin$('POST', '/api/admin/open311-keys', admin, { name: 'Aplicație dublă' })).status).toBe(201);
    expect((await admin$('DELETE', '/api/admin/open311-keys/00000000-0000-4000-8000-000000000000', admin)).status).toBe(404);
    expect((await admin$('DELETE', '/api/admin/open311-keys/nu-e-id', admin)).status).toBe(404);
  });

  test('401 without a session and 403 for any role but admin', async () => {
    const calls: Array<[string, string, unknown?]> = [
      ['GET', '/api/admin/open311-keys'],
      ['POST', '/api/admin/open311-keys', { name: 'Neautorizat' }],
      ['DELETE', '/api/admin/open311-keys/00000000-0000-4000-8000-000000000000'],
    ];
    for (const [method, path, body] of calls) {
      expect((await admin$(method, path, null, body)).status, `${method} ${path}`).toBe(401);
      expect((await admin$(method, path, registry, body)).status, `${method} ${path}`).toBe(403);
    }
    expect(await t.db.select().from(open311ApiKeys).where(eq(open311ApiKeys.name, 'Neautorizat'))).toEqual([]);
  });
});

describe('the timeline of an Open311 petition', () => {
  test('its first event records the channel open311', async () => {
    const number = await report();
    const [p] = await t.db.select({ id: petitions.id }).from(petitions).where(eq(petitions.registrationNumber, number));
    const events = await t.db.select().from(petitionEvents).where(inArray(petitionEvents.petitionId, [p!.id]));
    expect(events[0]!.data).toMatchObject({ channel: 'open311', categoryCode: 'strazi-trotuare' });
  });
});
