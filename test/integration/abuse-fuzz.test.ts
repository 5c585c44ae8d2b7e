// Issue 7 §4: hostile input. Property-based fuzzing (fast-check) of every public endpoint through createApp +
// app.request: malformed bodies, wrong types, huge and empty values, unusual Unicode (RTL and zero-width
// marks, combining diacritics, NUL, lone surrogates), prototype-pollution keys, broken percent-encoding.
// Whatever comes in, the answer is a 2xx (when the input happens to be valid) or a 4xx — never a 5xx — and
// the server stays healthy; no request pollutes Object.prototype. About 2,600 cases per run.
import fc from 'fast-check';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, petitionInput, type TestApp } from '../helpers/app';
import { as, seedStaff, signIn } from '../helpers/staff';

const TWILIO_TOKEN = 'fuzz-auth-token-0123456789abcdef';
const PUBLIC_URL = 'https://petitii.test';

let t: TestApp;
let open311Key = 'none';
let trackable = { number: 'P-2026-000001', code: '0000-0000-0000-0000' };
const seen = new Map<number, number>();

beforeAll(async () => {
  t = await createTestApp({
    env: {
      PUBLIC_URL,
      RATE_LIMIT_INTAKE: '100000',
      RATE_LIMIT_TRACK: '100000',
      TWILIO_ACCOUNT_SID: `AC${'0123456789abcdef'.repeat(2)}`,
      TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
      TWILIO_FROM: '+40312345678',
    },
  });
  await seedStaff(t);
  const created = await (await t.json('/api/petitions', petitionInput())).json();
  trackable = { number: created.registrationNumber, code: created.trackingCode };
  const admin = await signIn(t, 'admin');
  const key = await as(t, admin).post('/api/admin/open311-keys', { name: 'Fuzz client' });
  if (key.status === 201 || key.status === 200) open311Key = (await key.json()).key;
}, 120_000);
afterAll(async () => {
  console.info(`fuzz: statuses seen ${JSON.stringify(Object.fromEntries([...seen].sort()))}`);
  await t?.cleanup();
});

// ---------------------------------------------------------------------------------------------------------
// Values

const NASTY = [
  '', ' ', '\t\n', '\u0000', 'a\u0000b', 'Ana\u0000Pop', '\u200f\u202eAna Pop\u202c', '\u200b\u200c\u200d\ufeff', '\u2066Țintei\u2069',
  'S\u0326t\u0326efa\u0306nescu a\u0301\u0301\u0301', 'ş ţ Ş Ţ', '\ud800', 'x\udfff\ud800y', '\uffff\ufffe', '𝕊𝕖𝕔𝕥𝕠𝕣 𝟞 👩🏽‍🦰',
  '__proto__', 'constructor', 'prototype', '{"__proto__":{"polluted":1}}', "'; drop table petitions; --", "' or '1'='1",
  '<script>window.__xss=1</script>', '"><img src=x onerror=alert(1)>', '../../../etc/passwd', '..\\..\\boot.ini', 'C:\\x',
  '%', '%00', '%E0%A4%A', '%ZZ', '%%', '\\u0000', 'null', 'undefined', 'NaN', '-1', '1e309', '2026-02-30', '9999-99-99',
  'P-2026-000001', 'P-2026-', 'I-9999-999999999', 'p-2026-1', 'x'.repeat(1000), 'ă'.repeat(5000),
];
const nastyString = fc.constantFrom(...NASTY);
const text = fc.oneof(
  { weight: 3, arbitrary: nastyString },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 3 }).map((s) => s.repeat(30_000)) },
);
const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom(Number.MAX_SAFE_INTEGER, -0, 1e308));
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.oneof(text, fc.constantFrom('__proto__', 'constructor', 'prototype')), scalar, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom({}, [], { polluted: true }, { prototype: { polluted: true } }) },
);

/** Sets `key` as an own, enumerable property (so that `__proto__` is a key of the JSON, not a prototype). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const PETITION_PATHS = [
  'type', 'categoryCode', 'subject', 'body', 'petitioner', 'location', 'consent', 'website', 'channel',
  'petitioner.kind', 'petitioner.firstName', 'petitioner.lastName', 'petitioner.organizationName', 'petitioner.email', 'petitioner.phone', 'petitioner.address',
  'location.address', 'location.lat', 'location.lng', '__proto__', 'constructor', 'prototype', 'petitioner.__proto__', 'location.constructor',
];

/** A valid petition with a few fields replaced, removed or added (prototype keys included). */
const petitionJson = fc
  .array(fc.record({ path: fc.constantFrom(...PETITION_PATHS), value: anyValue, remove: fc.boolean() }), { minLength: 1, maxLength: 4 })
  .map((mutations) => {
    const doc = JSON.parse(JSON.stringify(petitionInput())) as Record<string, unknown>;
    for (const { path, value, remove } of mutations) {
      const [head, tail] = path.split('.') as [string, string | undefined];
      let target = doc;
      let key = head;
      if (tail) {
        const inner = doc[head];
        if (!inner || typeof inner !== 'object' || Array.isArray(inner)) continue;
        target = inner as Record<string, unknown>;
        key = tail;
      }
      if (remove) delete target[key];
      else setOwn(target, key, key === '__proto__' || key === 'constructor' ? { polluted: true, prototype: { polluted: true } } : value);
    }
    return JSON.stringify(doc);
  });

const garbageBody = fc.oneof(
  petitionJson,
  text,
  fc.constantFrom('{', '[', '{"a":', 'null', '[]', '""', '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '\u0000', '{}'),
  fc.jsonValue().map((v) => JSON.stringify(v)),
);

const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'multipart/form-data; boundary=x', 'application/xml', '');

/** encodeURIComponent, with lone surrogates (which it refuses) replaced as a browser would send them. */
const encode = (s: string) => encodeURIComponent(s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));

/** A path segment: mostly encoded, sometimes raw percent-encoding that does not decode. */
const segment = fc.oneof(
  { weight: 3, arbitrary: text.map((s) => encode(s.slice(0, 300)).slice(0, 2000)) },
  { weight: 1, arbitrary: fc.constantFrom('%', '%E0%A4%A', '%ZZ', '%00', '..', '.', '%2e%2e', '%2F', 'P-2026-000001') },
);
const queryValue = fc.oneof(
  { weight: 3, arbitrary: text.map((s) => encode(s.slice(0, 300))) },
  { weight: 1, arbitrary: fc.constantFrom('%', '%E0%A4%A', '%ZZ', '&', '=', '%26code%3D', '') },
);

// ---------------------------------------------------------------------------------------------------------
// The property: never a 5xx

async function expectNot5xx(label: string, res: Response): Promise<void> {
  seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
  const body = await res.text();
  if (res.status >= 500) throw new Error(`${label} → ${res.status}: ${body.slice(0, 500)}`);
  expect(res.status).toBeGreaterThanOrEqual(200);
}

const run = (property: fc.IAsyncPropertyWithHooks<unknown[]> | fc.IAsyncProperty<unknown[]>, numRuns: number) => fc.assert(property, { numRuns, endOnFailure: true });

describe('fuzzing every public endpoint: never a 5xx', () => {
  test('POST /api/petitions (JSON): mutated petitions, wrong types, prototype keys, garbage, any content type', { timeout: 240_000 }, async () => {
    await run(
      fc.asyncProperty(garbageBody, contentType, fc.option(text, { nil: undefined }), async (body, type, key) => {
        const headers: Record<string, string> = { 'content-type': type };
        if (key !== undefined && /^[\x20-\x7e]*$/.test(key)) headers['idempotency-key'] = key;
        await expectNot5xx(`POST /api/petitions ${type} ${body.slice(0, 200)}`, await t.app.request('/api/petitions', { method: 'POST', headers, body }));
      }),
      600,
    );
  });

  test('POST /api/petitions (JSON): well-formed petitions whose every text field is hostile are registered or refused with a 400', { timeout: 240_000 }, async () => {
    const line = fc.oneof(nastyString, fc.string({ unit: 'grapheme', minLength: 3, maxLength: 60 }), fc.constantFrom('Țintei 5, bl. A\u200f, ap. 3', 'Iuliu Maniu\u0000 7'));
    await run(
      fc.asyncProperty(line, line, line, line, line, line, fc.constantFrom('person', 'organization'), async (subject, body, first, last, address, location, kind) => {
        const petition = petitionInput({
          subject,
          body: `${body} — ${body} — ${body}`,
          petitioner: { kind, firstName: first, lastName: last, organizationName: `${first} ${last}`, email: 'ana@example.ro', phone: null, address },
          location: { address: location },
        });
        const res = await t.json('/api/petitions', petition);
        await expectNot5xx(`POST /api/petitions ${JSON.stringify(petition).slice(0, 300)}`, res);
        expect([201, 400]).toContain(res.status);
      }),
      200,
    );
  });

  test('POST /api/petitions (multipart): files with hostile names and contents, a broken or missing data part', { timeout: 240_000 }, async () => {
    const fileName = fc.oneof(nastyString, fc.string({ maxLength: 30 }), fc.constantFrom('../../etc/passwd', '..\\..\\win.ini', 'a/b/c.pdf', '\u0000.pdf', 'scan\r\n.pdf', '.htaccess', '', '\u202egpj.exe'));
    const content = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      fc.uint8Array({ maxLength: 100 }).map((b) => new Uint8Array([...Buffer.from('%PDF-1.4\n'), ...b])),
      fc.uint8Array({ maxLength: 100 }).map((b) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...b])),
      fc.constant(new Uint8Array(0)),
    );
    await run(
      fc.asyncProperty(
        fc.option(garbageBody, { nil: undefined }),
        fc.array(fc.record({ name: fileName, bytes: content, field: fc.constantFrom('attachments', 'attachments', 'data', 'other', '__proto__') }), { maxLength: 7 }),
        async (data, files) => {
          const form = new FormData();
          if (data !== undefined) form.append('data', data);
          for (const f of files) form.append(f.field, new Blob([Buffer.from(f.bytes)]), f.name);
          await expectNot5xx(`multipart ${data?.slice(0, 100)} ${files.map((f) => JSON.stringify(f.name)).join(',')}`, await t.app.request('/api/petitions', { method: 'POST', body: form }));
        },
      ),
      250,
    );
  });

  test('tracking: GET /api/track/{number}?code=, its letter, and POST …/resend-code with any number and code', { timeout: 240_000 }, async () => {
    await run(
      fc.asyncProperty(
        fc.oneof(segment, fc.constant(trackable.number)),
        fc.oneof(queryValue, fc.constant(encodeURIComponent(trackable.code))),
        fc.constantFrom('track', 'letter', 'resend', 'resend-body'),
        async (number, code, kind) => {
          const path =
            kind === 'track' ? `/api/track/${number}?code=${code}` : kind === 'letter' ? `/api/track/${number}/letter?code=${code}` : `/api/track/${number}/resend-code`;
          const init: RequestInit = kind.startsWith('resend') ? { method: 'POST', ...(kind === 'resend-body' ? { headers: { 'content-type': 'application/json' }, body: `{"code":"${code}"}` } : {}) } : {};
          await expectNot5xx(`${init.method ?? 'GET'} ${path}`, await t.app.request(path, init));
        },
      ),
      350,
    );
  });

  test('GET /api/deadlines, GET /api/calendar/non-working-days and GET /api/categories with any query', { timeout: 120_000 }, async () => {
    await run(
      fc.asyncProperty(queryValue, queryValue, fc.constantFrom('deadlines', 'calendar', 'categories'), fc.boolean(), async (a, b, which, repeat) => {
        const path =
          which === 'deadlines'
            ? `/api/deadlines?kind=${a}&registeredOn=${b}${repeat ? `&kind=${b}` : ''}`
            : which === 'calendar'
              ? `/api/calendar/non-working-days?year=${a}${repeat ? `&year=${b}` : ''}`
              : `/api/categories?${a}=${b}`;
        await expectNot5xx(`GET ${path}`, await t.app.request(path));
      }),
      300,
    );
  });

  test('POST /api/auth/login with any body', { timeout: 120_000 }, async () => {
    const loginBody = fc.oneof(
      fc.record({ email: anyValue, password: anyValue }).map((v) => JSON.stringify(v)),
      fc.record({ email: text, password: text }).map((v) => JSON.stringify(v)),
      garbageBody,
    );
    await run(
      fc.asyncProperty(loginBody, contentType, async (body, type) => {
        await expectNot5xx(`POST /api/auth/login ${body.slice(0, 200)}`, await t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': type }, body }));
      }),
      250,
    );
  });

  test('Open311 GeoReport v2: any resource, format, query and form-encoded request, with and without a valid api_key', { timeout: 120_000 }, async () => {
    const resource = fc.oneof(
      fc.constantFrom('services.json', 'services.xml', 'requests.json', 'requests.xml', 'services/strazi-trotuare.json', 'tokens/x.json', 'services.csv', 'requests', ''),
      segment.map((s) => `requests/${s}.json`),
      segment.map((s) => `services/${s}.xml`),
      segment,
    );
    const form = fc.dictionary(
      fc.constantFrom('service_code', 'description', 'lat', 'long', 'address_string', 'email', 'first_name', 'last_name', 'phone', 'media_url', 'api_key', '__proto__', 'attribute[x]'),
      fc.oneof(text, fc.constantFrom('strazi-trotuare', '44.43', '26.05', 'ana@example.ro')),
      { maxKeys: 9 },
    );
    await run(
      fc.asyncProperty(resource, fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'), queryValue, form, fc.boolean(), async (res, method, q, fields, withKey) => {
        const params = new URLSearchParams();
        for (const [k, v] of Object.entries(fields)) params.append(k, v);
        if (withKey) params.set('api_key', open311Key);
        const path = `/open311/v2/${res}?service_request_id=${q}&start_date=${q}&status=${q}`;
        const init: RequestInit = method === 'GET' ? {} : { method, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: params.toString() };
        await expectNot5xx(`${method} ${path} ${params.toString().slice(0, 200)}`, await t.app.request(path, init));
      }),
      250,
    );
  });

  test('the Twilio webhooks (voice, voice status, SMS, SMS delivery status): unsigned, wrongly signed, and signed with hostile fields', { timeout: 180_000 }, async () => {
    const paths = ['/twilio/voice', '/twilio/voice/status', '/twilio/voice/status?event=agent', '/twilio/voice/status?event=dial', '/twilio/voice/status?event=recording', '/twilio/sms', '/twilio/sms/status', '/twilio/sms/status?outbox=00000000-0000-0000-0000-000000000000&attempt=1'];
    const fields = fc.dictionary(
      fc.constantFrom('CallSid', 'From', 'To', 'CallStatus', 'Body', 'ParentCallSid', 'DialCallStatus', 'DialCallDuration', 'RecordingUrl', 'CallDuration', 'MessageSid', 'MessageStatus', 'ErrorCode', 'AccountSid', '__proto__', 'constructor'),
      fc.oneof(text, fc.constantFrom('CA0123', '+40722123456', 'anonymous', 'in-progress', 'completed', 'no-answer', 'STATUS P-2026-000001 0000-0000-0000-0000', `STATUS ${trackable.number} ${trackable.code}`, 'https://api.twilio.com/x.mp3', '30', 'delivered', 'undelivered', '30003')),
      { maxKeys: 8 },
    );
    await run(
      fc.asyncProperty(fc.constantFrom(...paths), fields, fc.constantFrom('signed', 'signed', 'unsigned', 'wrong'), contentType, async (path, params, signing, type) => {
        const body = new URLSearchParams(Object.entries(params)).toString();
        const headers: Record<string, string> = { 'content-type': signing === 'signed' ? 'application/x-www-form-urlencoded' : type };
        // Signed over the parameters as the server will read them back from the body.
        const parsed = Object.fromEntries(new URLSearchParams(body));
        if (signing === 'signed') headers['x-twilio-signature'] = twilio.getExpectedTwilioSignature(TWILIO_TOKEN, `${PUBLIC_URL}${path}`, parsed);
        if (signing === 'wrong') headers['x-twilio-signature'] = 'bm90IGEgc2lnbmF0dXJl';
        await expectNot5xx(`POST ${path} (${signing}) ${body.slice(0, 200)}`, await t.app.request(path, { method: 'POST', headers, body }));
      }),
      300,
    );
  });

  test('any other path and method under /api and beside it', { timeout: 60_000 }, async () => {
    await run(
      fc.asyncProperty(segment, segment, fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'), async (a, b, method) => {
        const path = `/${['api', 'api/petitions', 'twilio', 'open311', 'api/track'][a.length % 5]}/${a}/${b}`;
        await expectNot5xx(`${method} ${path}`, await t.app.request(path, { method }));
      }),
      100,
    );
  });

  test('afterwards the server is healthy and nothing reached Object.prototype', async () => {
    const res = await t.app.request('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    // And the register still works.
    expect((await t.json('/api/petitions', petitionInput())).status).toBe(201);
  });
});
