import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { attachments, outbox, petitionEvents, petitions } from '../../db/schema';
import { createTestApp, petitionInput, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.cleanup());

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

function multipart(data: unknown, files: Array<{ name: string; bytes: Uint8Array<ArrayBuffer>; type?: string }>) {
  const form = new FormData();
  form.append('data', JSON.stringify(data));
  for (const f of files) form.append('attachments', new File([f.bytes], f.name, { type: f.type ?? 'application/octet-stream' }));
  return form;
}

describe('POST /api/petitions', () => {
  test('a web petition is registered with a number, a tracking code and its legal due date', async () => {
    const res = await t.json('/api/petitions', petitionInput());
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'registered', identified: true, registeredAt: '2026-11-26T10:00:00.000Z', dueOn: '2026-12-28' });
    expect(body.registrationNumber).toMatch(/^P-2026-\d{6}$/);
    expect(body.trackingCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const [row] = await t.db.select().from(petitions).where(eq(petitions.registrationNumber, body.registrationNumber));
    expect(row).toMatchObject({ channel: 'web', regime: 'og27', petitionerPhone: '+40722123456', registeredOn: '2026-11-26', status: 'registered' });
    // The code is never stored, only its hash.
    expect(Buffer.from(row!.trackingCodeHash).toString()).not.toContain(body.trackingCode);
    const events = await t.db.select().from(petitionEvents).where(eq(petitionEvents.petitionId, row!.id));
    expect(events.map((e) => [e.type, e.public])).toEqual([['registered', true]]);
  });

  test('the confirmation notice goes to the outbox in the same transaction: an e-mail and an SMS with the number and the code', async () => {
    const res = await t.json('/api/petitions', petitionInput());
    const body = await res.json();
    const [row] = await t.db.select({ id: petitions.id }).from(petitions).where(eq(petitions.registrationNumber, body.registrationNumber));
    const notices = await t.db.select().from(outbox).where(eq(outbox.petitionId, row!.id));
    expect(notices.map((n) => n.channel).sort()).toEqual(['email', 'sms']);
    for (const n of notices) {
      expect(n.body).toContain(body.registrationNumber);
      expect(n.body).toContain(body.trackingCode);
      expect(n.status).toBe('pending');
    }
    // OG 27/2002 / GDPR: the SMS carries the number, the code and the link, and no other personal data.
    const sms = notices.find((n) => n.channel === 'sms')!;
    expect(sms.recipient).toBe('+40722123456');
    expect(sms.body).not.toContain('Ștefănescu');
  });

  test('the texts that quote the number (written in the same round trip as the increment) carry the number itself', async () => {
    const res = await t.json('/api/petitions', petitionInput(), { 'Idempotency-Key': 'numbered-texts-0001' });
    const body = await res.json();
    const [row] = await t.db.select({ id: petitions.id, seq: petitions.seq, number: petitions.registrationNumber }).from(petitions).where(eq(petitions.registrationNumber, body.registrationNumber));
    expect(row!.number).toBe(`P-${body.registrationNumber.slice(2, 6)}-${String(row!.seq).padStart(6, '0')}`);
    const [event] = await t.db.select().from(petitionEvents).where(eq(petitionEvents.petitionId, row!.id));
    expect(event!.textRo).toContain(`nr. ${body.registrationNumber}.`);
    expect(event!.textEn).toContain(`no. ${body.registrationNumber}.`);
    const notices = await t.db.select().from(outbox).where(eq(outbox.petitionId, row!.id));
    for (const n of notices) expect(`${n.subject ?? ''} ${n.body}`).not.toContain('\u2063');
    expect(notices.find((n) => n.channel === 'email')!.subject).toContain(body.registrationNumber);
    // The stored answer to the same Idempotency-Key is the answer the client got.
    const again = await t.json('/api/petitions', petitionInput(), { 'Idempotency-Key': 'numbered-texts-0001' });
    expect(await again.json()).toEqual(body);
  });

  test('diacritics typed with the legacy cedilla (ş ţ) are stored with the comma below (ș ț)', async () => {
    const res = await t.json('/api/petitions', petitionInput({ subject: 'Gunoi pe strada Ţepeş Vodă' }));
    const body = await res.json();
    const [row] = await t.db.select({ subject: petitions.subject }).from(petitions).where(eq(petitions.registrationNumber, body.registrationNumber));
    expect(row!.subject).toBe('Gunoi pe strada Țepeș Vodă');
  });

  test('OG 27/2002 art. 7: a petition without identification is still registered, marked unidentified for the registry', async () => {
    const res = await t.json('/api/petitions', petitionInput({ petitioner: { kind: 'person', firstName: 'Ion', lastName: null, email: null, phone: null, address: null } }));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ identified: false, status: 'registered' });
  });

  test.each([
    ['a name and an e-mail', { kind: 'person', firstName: 'A', lastName: 'B', email: 'a@b.ro' }, true],
    ['a name and a postal address', { kind: 'person', firstName: 'A', lastName: 'B', address: 'Str. Valea Oltului 1' }, true],
    ['a name and a mobile phone', { kind: 'person', firstName: 'A', lastName: 'B', phone: '0744000111' }, true],
    ['a name and only a landline', { kind: 'person', firstName: 'A', lastName: 'B', phone: '021 555 1234' }, false],
    ['an organisation name and an e-mail', { kind: 'organization', organizationName: 'Asociația Bloc M5', email: 'm5@asoc.ro' }, true],
    ['a first name only and an e-mail', { kind: 'person', firstName: 'A', email: 'a@b.ro' }, false],
  ])('OG 27/2002 art. 7: a petitioner with %s is identified: %s', async (_label, petitioner, identified) => {
    const res = await t.json('/api/petitions', petitionInput({ petitioner }));
    expect(res.status).toBe(201);
    expect((await res.json()).identified).toBe(identified);
  });

  test('Legea 544/2001: an information request gets a number in its own register (I-) and the 10-day term', async () => {
    const res = await t.json('/api/petitions', petitionInput({ type: 'cerere', categoryCode: 'informatii-publice', subject: 'Contractul de salubrizare' }));
    const body = await res.json();
    expect(body.registrationNumber).toMatch(/^I-2026-\d{6}$/);
    // Registered Thu 26 Nov 2026: free days → 26 + 10 + 1 = 7 Dec (Mon).
    expect(body.dueOn).toBe('2026-12-07');
  });

  test('OG 27/2002 art. 6^1: a petition for another institution carries the 5-day forward clock', async () => {
    const res = await t.json('/api/petitions', petitionInput({ categoryCode: 'caini-fara-stapan' }));
    const body = await res.json();
    const [row] = await t.db.select().from(petitions).where(eq(petitions.registrationNumber, body.registrationNumber));
    // 26 Nov + 5 = 1 Dec (Ziua Națională) → 30 Nov is Sf. Andrei too → next working day Wed 2 Dec.
    expect(row!.forwardDueOn).toBe('2026-12-02');
    expect(row!.handlerInstitutionId).not.toBeNull();
  });

  test('the registration date is the Bucharest calendar date: 01:30 in Bucharest on 26 Nov is registered on 26 Nov', async () => {
    const night = await createTestApp({ now: '2026-11-25T23:30:00Z', testDatabase: t.tdb });
    const res = await night.json('/api/petitions', petitionInput());
    const body = await res.json();
    const [row] = await t.db.select({ registeredOn: petitions.registeredOn }).from(petitions).where(eq(petitions.registrationNumber, body.registrationNumber));
    expect(row!.registeredOn).toBe('2026-11-26');
    expect(body.dueOn).toBe('2026-12-28');
  });

  test('numbers restart at 1 in a new year, per register', async () => {
    const nextYear = await createTestApp({ now: '2027-01-04T08:00:00Z', testDatabase: t.tdb });
    const a = await (await nextYear.json('/api/petitions', petitionInput())).json();
    const b = await (await nextYear.json('/api/petitions', petitionInput())).json();
    expect([a.registrationNumber, b.registrationNumber]).toEqual(['P-2027-000001', 'P-2027-000002']);
  });

  test('a PDF attachment sent as multipart is stored, recognised by its content', async () => {
    const res = await t.app.request('/api/petitions', { method: 'POST', body: multipart(petitionInput(), [{ name: 'sesizare ș.pdf', bytes: PDF }, { name: 'poza.png', bytes: PNG }]) });
    expect(res.status).toBe(201);
    const body = await res.json();
    const [row] = await t.db.select({ id: petitions.id }).from(petitions).where(eq(petitions.registrationNumber, body.registrationNumber));
    const files = await t.db.select().from(attachments).where(eq(attachments.petitionId, row!.id));
    expect(files.map((f) => [f.fileName, f.contentType, f.size]).sort()).toEqual([
      ['poza.png', 'image/png', PNG.byteLength],
      ['sesizare ș.pdf', 'application/pdf', PDF.byteLength],
    ]);
  });

  test('upload names with ../ and control characters are kept only as harmless display names', async () => {
    const res = await t.app.request('/api/petitions', { method: 'POST', body: multipart(petitionInput(), [{ name: '../../etc/pass\u0000wd\u202e.pdf', bytes: PDF }]) });
    const body = await res.json();
    const [row] = await t.db.select({ id: petitions.id }).from(petitions).where(eq(petitions.registrationNumber, body.registrationNumber));
    const [file] = await t.db.select().from(attachments).where(eq(attachments.petitionId, row!.id));
    expect(file!.fileName).toBe('passwd.pdf');
  });

  test('a file that is not a PDF, JPEG or PNG by its content is refused with 415, whatever its name', async () => {
    const res = await t.app.request('/api/petitions', { method: 'POST', body: multipart(petitionInput(), [{ name: 'virus.pdf', bytes: new TextEncoder().encode('MZ\x90\x00 not a pdf'), type: 'application/pdf' }]) });
    expect(res.status).toBe(415);
    expect((await res.json()).error.code).toBe('attachments.type_not_allowed');
  });

  test('a sixth attachment is refused with 400', async () => {
    const files = Array.from({ length: 6 }, (_, i) => ({ name: `f${i}.pdf`, bytes: PDF }));
    const res = await t.app.request('/api/petitions', { method: 'POST', body: multipart(petitionInput(), files) });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('attachments.too_many');
  });

  test('an attachment over 10 MB is refused with 413', async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PDF);
    const res = await t.app.request('/api/petitions', { method: 'POST', body: multipart(petitionInput(), [{ name: 'mare.pdf', bytes: big }]) });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('attachments.too_large');
  });

  test('a JSON body over the limit is refused with 413 from its Content-Length, before it is read', async () => {
    const res = await t.app.request('/api/petitions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) },
      body: '{}',
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('request.too_large');
  });

  test('a body in another format is refused with 415', async () => {
    const res = await t.app.request('/api/petitions', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(res.status).toBe(415);
  });

  test('malformed JSON is a 400 in the error shape, not a 500', async () => {
    const res = await t.app.request('/api/petitions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type": ' });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: 'request.invalid' });
    expect(body.error.requestId).toBeTruthy();
  });

  test.each([
    ['the type is unknown', { type: 'plangere' }, 'type'],
    ['the category is unknown', { categoryCode: 'nu-exista' }, 'categoryCode'],
    ['the subject is too short', { subject: 'ab' }, 'subject'],
    ['the text is too short', { body: 'scurt' }, 'body'],
    ['the e-mail is not one', { petitioner: { kind: 'person', firstName: 'A', lastName: 'B', email: 'not-an-email' } }, 'petitioner.email'],
    ['the phone is not one', { petitioner: { kind: 'person', firstName: 'A', lastName: 'B', phone: '12' } }, 'petitioner.phone'],
    ['the privacy notice is not accepted', { consent: false }, 'consent'],
    ['the latitude comes without a longitude', { location: { address: null, lat: 44.4 } }, 'location.lat'],
    ['the petitioner kind is unknown', { petitioner: { kind: 'robot' } }, 'petitioner.kind'],
  ])('invalid input is a 400 naming the field when %s', async (_label, override, path) => {
    const res = await t.json('/api/petitions', petitionInput(override));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('request.invalid');
    expect(body.error.details.fields.map((f: { path: string }) => f.path)).toContain(path);
  });

  test('a NUL character in the text is removed rather than reaching the database', async () => {
    const res = await t.json('/api/petitions', petitionInput({ body: 'Text cu un caracter NUL \u0000 la mijloc, suficient de lung.' }));
    expect(res.status).toBe(201);
  });

  test('SQL-looking input is stored verbatim', async () => {
    const subject = "Robert'); DROP TABLE petitions;--";
    const res = await t.json('/api/petitions', petitionInput({ subject }));
    const body = await res.json();
    const [row] = await t.db.select({ subject: petitions.subject }).from(petitions).where(eq(petitions.registrationNumber, body.registrationNumber));
    expect(row!.subject).toBe(subject);
  });

  test('a filled honeypot field is refused with 400 and nothing is registered', async () => {
    const before = (await t.db.select({ id: petitions.id }).from(petitions)).length;
    const res = await t.json('/api/petitions', petitionInput({ website: 'http://spam.example' }));
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('request.honeypot');
    expect((await t.db.select({ id: petitions.id }).from(petitions)).length).toBe(before);
  });
});

describe('Idempotency-Key', () => {
  test('a retry with the same key returns the first response and registers no second petition', async () => {
    const headers = { 'Idempotency-Key': 'retry-1' };
    const first = await t.json('/api/petitions', petitionInput(), headers);
    const firstBody = await first.text();
    const count = (await t.db.select({ id: petitions.id }).from(petitions)).length;
    const second = await t.json('/api/petitions', petitionInput(), headers);
    expect(second.status).toBe(201);
    expect(await second.text()).toBe(firstBody);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect((await t.db.select({ id: petitions.id }).from(petitions)).length).toBe(count);
  });

  test('the same key with a different body is refused with 422', async () => {
    await t.json('/api/petitions', petitionInput(), { 'Idempotency-Key': 'retry-2' });
    const res = await t.json('/api/petitions', petitionInput({ subject: 'Alt subiect, altă petiție' }), { 'Idempotency-Key': 'retry-2' });
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe('idempotency.key_reused');
  });

  test('a key older than 24 hours no longer replays: the request registers a new petition', async () => {
    const early = await createTestApp({ now: '2026-11-20T10:00:00Z', testDatabase: t.tdb });
    const first = await (await early.json('/api/petitions', petitionInput(), { 'Idempotency-Key': 'old-key' })).json();
    const second = await (await t.json('/api/petitions', petitionInput(), { 'Idempotency-Key': 'old-key' })).json();
    expect(second.registrationNumber).not.toBe(first.registrationNumber);
  });

  test('a key with control characters is a 400', async () => {
    const res = await t.json('/api/petitions', petitionInput(), { 'Idempotency-Key': 'a b\tc' });
    expect(res.status).toBe(400);
  });
});

describe('the rate limit on intake', () => {
  test('RATE_LIMIT_INTAKE petitions per 10 minutes per address, then 429 with Retry-After', async () => {
    const limited = await createTestApp({ env: { RATE_LIMIT_INTAKE: '3' }, testDatabase: t.tdb });
    for (let i = 0; i < 3; i++) expect((await limited.json('/api/petitions', petitionInput())).status).toBe(201);
    const res = await limited.json('/api/petitions', petitionInput());
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await res.json()).error.code).toBe('request.rate_limited');
    limited.clock.advance(10 * 60_000 + 1);
    expect((await limited.json('/api/petitions', petitionInput())).status).toBe(201);
  });
});

describe('the timeline', () => {
  test('the timeline is append-only: the database refuses to change or delete an event', async () => {
    const res = await t.json('/api/petitions', petitionInput());
    const body = await res.json();
    const [row] = await t.db.select({ id: petitions.id }).from(petitions).where(eq(petitions.registrationNumber, body.registrationNumber));
    await expect(t.db.update(petitionEvents).set({ textRo: 'rescris' }).where(eq(petitionEvents.petitionId, row!.id))).rejects.toThrow();
    await expect(t.db.delete(petitionEvents).where(eq(petitionEvents.petitionId, row!.id))).rejects.toThrow();
  });
});
