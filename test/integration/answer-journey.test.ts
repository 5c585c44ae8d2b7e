import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { outbox } from '../../db/schema';
import { createTestApp, type TestApp } from '../helpers/app';
import { as, newPetition, seedStaff, signIn } from '../helpers/staff';

let t: TestApp;
type Session = Awaited<ReturnType<typeof signIn>>;
const s: Record<string, Session> = {};
const LOGINS = ['registratura', 'dgspl.sef', 'dgspl.inspector', 'adpdu.sef', 'adpdu.inspector', 'adpdu.director', 'delegat', 'dgpl.director'];

beforeAll(async () => {
  t = await createTestApp();
  await seedStaff(t);
});
beforeEach(async () => {
  for (const l of LOGINS) s[l] = await signIn(t, l);
});
afterAll(() => t.cleanup());

const put = (who: Session, path: string, body: unknown) => t.app.request(path, { method: 'PUT', headers: who.headers, body: JSON.stringify(body) });
const status = async (id: string) => (await (await as(t, s.registratura!).get(`/api/petitions/${id}`)).json()).status;

async function inProgress(department: string, officer: string, head: string, overrides: Record<string, unknown> = {}) {
  const p = await newPetition(t, s.registratura!, overrides);
  expect((await as(t, s.registratura!).post(`/api/petitions/${p.id}/route`, { departmentCode: department })).status).toBe(204);
  expect((await as(t, s[head]!).post(`/api/petitions/${p.id}/assign`, { userId: s[officer]!.user.id })).status).toBe(204);
  return p;
}

const DRAFT = {
  body: '<p>Vă comunicăm că groapa de pe <b>strada Țintei</b> a fost reparată.</p><script>alert(1)</script><p onclick="x()">Cu stimă,</p><img src=x onerror=alert(1)><a href="javascript:alert(1)">link</a>',
  legalBasis: 'OG 27/2002, art. 8; HCL S6 nr. 120/2024',
};

describe('the answer journey (OG 27/2002 art. 13 and 6(4))', () => {
  test('an internal department: the officer drafts and submits, the head signs, the delegate signs, the registry dispatches', async () => {
    const p = await inProgress('DGSPL', 'dgspl.inspector', 'dgspl.sef', { categoryCode: 'salubrizare' });
    const saved = await put(s['dgspl.inspector']!, `/api/petitions/${p.id}/answer`, DRAFT);
    expect(saved.status).toBe(200);
    const draft = await saved.json();
    // Only the whitelist survives on the server.
    expect(draft.body).toBe('<p>Vă comunicăm că groapa de pe <b>strada Țintei</b> a fost reparată.</p><p>Cu stimă,</p>');
    expect((await as(t, s['dgspl.inspector']!).post(`/api/petitions/${p.id}/answer/submit`)).status).toBe(204);
    expect(await status(p.id)).toBe('answer_submitted');
    // Dispatch before both signatures is refused.
    expect((await as(t, s.registratura!).post(`/api/petitions/${p.id}/dispatch`)).status).toBe(409);
    // The delegate may not sign first.
    expect((await as(t, s.delegat!).post(`/api/petitions/${p.id}/answer/approve`)).status).toBe(403);
    expect((await as(t, s['dgspl.sef']!).post(`/api/petitions/${p.id}/answer/approve`)).status).toBe(204);
    expect(await status(p.id)).toBe('answer_signed');
    expect((await as(t, s.registratura!).post(`/api/petitions/${p.id}/dispatch`)).status).toBe(409);
    // The head may not sign twice.
    expect((await as(t, s['dgspl.sef']!).post(`/api/petitions/${p.id}/answer/approve`)).status).toBe(403);
    expect((await as(t, s.delegat!).post(`/api/petitions/${p.id}/answer/approve`)).status).toBe(204);
    expect(await status(p.id)).toBe('approved');
    // Only the registry dispatches.
    expect((await as(t, s['dgspl.sef']!).post(`/api/petitions/${p.id}/dispatch`)).status).toBe(403);
    expect((await as(t, s.registratura!).post(`/api/petitions/${p.id}/dispatch`)).status).toBe(204);
    expect(await status(p.id)).toBe('answered');

    const tracked = await (await t.app.request(`/api/track/${p.registrationNumber}?code=${p.trackingCode}`)).json();
    expect(tracked.status).toBe('answered');
    expect(tracked.answer).toMatchObject({ body: draft.body, legalBasis: DRAFT.legalBasis });
    const letter = await (await t.app.request(tracked.answer.letterUrl)).text();
    expect(letter).toContain('PRIMĂRIA SECTORULUI 6');
    expect(letter).toContain(p.registrationNumber);
    expect(letter).toContain('Mihaela Dumitrescu'); // the delegate
    expect(letter).toContain('Bogdan Stoica'); // the head
    expect(letter).not.toContain('<script');

    const notices = (await t.db.select().from(outbox).where(eq(outbox.petitionId, p.id))).filter((n) => n.template === 'petition.answered');
    expect(notices.map((n) => n.channel).sort()).toEqual(['email', 'sms']);
    const sms = notices.find((n) => n.channel === 'sms')!;
    expect(sms.body).toContain(p.registrationNumber);
    expect(sms.body).not.toContain('reparată'); // the SMS carries the link, not the answer
    expect(notices.find((n) => n.channel === 'email')!.body).toContain('strada Țintei a fost reparată');
  });

  test('a subordinate service: the head signs, then its director; the delegate may not sign in the director’s place', async () => {
    const p = await inProgress('ADPDU', 'adpdu.inspector', 'adpdu.sef');
    await put(s['adpdu.inspector']!, `/api/petitions/${p.id}/answer`, DRAFT);
    await as(t, s['adpdu.inspector']!).post(`/api/petitions/${p.id}/answer/submit`);
    expect((await as(t, s['adpdu.director']!).post(`/api/petitions/${p.id}/answer/approve`)).status).toBe(403);
    expect((await as(t, s['adpdu.sef']!).post(`/api/petitions/${p.id}/answer/approve`)).status).toBe(204);
    expect((await as(t, s.delegat!).post(`/api/petitions/${p.id}/answer/approve`)).status).toBe(403);
    // Another service's director cannot even see it.
    expect((await as(t, s['dgpl.director']!).post(`/api/petitions/${p.id}/answer/approve`)).status).toBe(404);
    expect((await as(t, s['adpdu.director']!).post(`/api/petitions/${p.id}/answer/approve`)).status).toBe(204);
    expect((await as(t, s.registratura!).post(`/api/petitions/${p.id}/dispatch`)).status).toBe(204);
    const letter = await (await as(t, s.registratura!).get(`/api/petitions/${p.id}/letter`)).text();
    expect(letter).toContain('Victor Niculescu'); // the ADPDU director
  });

  test('a refusal sends the answer back to the officer with a reason, and clears the signatures', async () => {
    const p = await inProgress('ADPDU', 'adpdu.inspector', 'adpdu.sef');
    await put(s['adpdu.inspector']!, `/api/petitions/${p.id}/answer`, DRAFT);
    await as(t, s['adpdu.inspector']!).post(`/api/petitions/${p.id}/answer/submit`);
    expect((await as(t, s['adpdu.sef']!).post(`/api/petitions/${p.id}/answer/reject`, {})).status).toBe(400);
    expect((await as(t, s['adpdu.sef']!).post(`/api/petitions/${p.id}/answer/reject`, { reason: 'Completați termenul de remediere.' })).status).toBe(204);
    expect(await status(p.id)).toBe('in_progress');
    const answer = await (await as(t, s['adpdu.inspector']!).get(`/api/petitions/${p.id}/answer`)).json();
    expect(answer.current).toMatchObject({ submittedAt: null, headSignature: null });
  });

  test('drafting: only the assignee (403 for others), only in progress (409), an empty answer or no legal basis is a 400', async () => {
    const p = await inProgress('ADPDU', 'adpdu.inspector', 'adpdu.sef');
    expect((await put(s['adpdu.sef']!, `/api/petitions/${p.id}/answer`, DRAFT)).status).toBe(403);
    expect((await put(s['adpdu.inspector']!, `/api/petitions/${p.id}/answer`, { body: '<script>x</script>', legalBasis: 'OG 27/2002' })).status).toBe(400);
    expect((await put(s['adpdu.inspector']!, `/api/petitions/${p.id}/answer`, { body: '<p>Text</p>' })).status).toBe(400);
    expect((await as(t, s['adpdu.inspector']!).post(`/api/petitions/${p.id}/answer/submit`)).status).toBe(409);
    await put(s['adpdu.inspector']!, `/api/petitions/${p.id}/answer`, DRAFT);
    await as(t, s['adpdu.inspector']!).post(`/api/petitions/${p.id}/answer/submit`);
    expect((await put(s['adpdu.inspector']!, `/api/petitions/${p.id}/answer`, DRAFT)).status).toBe(409);
    expect((await t.app.request(`/api/petitions/${p.id}/answer`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DRAFT) })).status).toBe(401);
  });

  test('OG 27/2002 art. 10: a joined group is answered once, naming every number, and each tracking page shows it', async () => {
    const person = { kind: 'person', firstName: 'Ana', lastName: 'Grupescu', email: 'ana.grup@example.ro', phone: '0733 111 222' };
    const first = await newPetition(t, s.registratura!, { petitioner: person });
    const second = await newPetition(t, s.registratura!, { petitioner: person });
    expect((await as(t, s.registratura!).post(`/api/petitions/${second.id}/join`, { intoRegistrationNumber: first.registrationNumber })).status).toBe(204);
    await as(t, s.registratura!).post(`/api/petitions/${first.id}/route`, { departmentCode: 'ADPDU' });
    await as(t, s['adpdu.sef']!).post(`/api/petitions/${first.id}/assign`, { userId: s['adpdu.inspector']!.user.id });
    await put(s['adpdu.inspector']!, `/api/petitions/${first.id}/answer`, DRAFT);
    await as(t, s['adpdu.inspector']!).post(`/api/petitions/${first.id}/answer/submit`);
    await as(t, s['adpdu.sef']!).post(`/api/petitions/${first.id}/answer/approve`);
    await as(t, s['adpdu.director']!).post(`/api/petitions/${first.id}/answer/approve`);
    expect((await as(t, s.registratura!).post(`/api/petitions/${first.id}/dispatch`)).status).toBe(204);
    for (const p of [first, second]) {
      const tracked = await (await t.app.request(`/api/track/${p.registrationNumber}?code=${p.trackingCode}`)).json();
      expect(tracked.answer.body).toContain(first.registrationNumber);
      expect(tracked.answer.body).toContain(second.registrationNumber);
    }
    // Same petitioner: one e-mail and one SMS, not two of each.
    const sent = (await t.db.select().from(outbox)).filter((n) => n.template === 'petition.answered' && ['ana.grup@example.ro', '+40733111222'].includes(n.recipient));
    expect(sent.map((n) => n.channel).sort()).toEqual(['email', 'sms']);
  });

  test('a petitioner with only a postal address gets the letter by post: dispatch needs the postal reference', async () => {
    const p = await inProgress('ADPDU', 'adpdu.inspector', 'adpdu.sef', { petitioner: { kind: 'person', firstName: 'Vasile', lastName: 'Poștașu', address: 'Str. Brașov 21, bl. 3, București' } });
    await put(s['adpdu.inspector']!, `/api/petitions/${p.id}/answer`, DRAFT);
    await as(t, s['adpdu.inspector']!).post(`/api/petitions/${p.id}/answer/submit`);
    await as(t, s['adpdu.sef']!).post(`/api/petitions/${p.id}/answer/approve`);
    await as(t, s['adpdu.director']!).post(`/api/petitions/${p.id}/answer/approve`);
    const letter = await (await as(t, s.registratura!).get(`/api/petitions/${p.id}/letter`)).text();
    expect(letter).toContain('Vasile Poștașu');
    expect(letter).toContain('Str. Brașov 21');
    const missing = await as(t, s.registratura!).post(`/api/petitions/${p.id}/dispatch`, {});
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.details.fields[0].path).toBe('postalReference');
    expect((await as(t, s.registratura!).post(`/api/petitions/${p.id}/dispatch`, { postalReference: 'RR123456789RO' })).status).toBe(204);
    expect(await status(p.id)).toBe('answered');
  });
});

describe('Legea 544/2001 information requests', () => {
  async function request544() {
    const p = await newPetition(t, s.registratura!, { type: 'cerere', categoryCode: 'informatii-publice', subject: 'Contractul de deszăpezire 2026' });
    await as(t, s.registratura!).post(`/api/petitions/${p.id}/route`, { departmentCode: 'DGSPL' });
    await as(t, s['dgspl.sef']!).post(`/api/petitions/${p.id}/assign`, { userId: s['dgspl.inspector']!.user.id });
    return p;
  }
  async function signAndDispatch(id: string, body: unknown) {
    await put(s['dgspl.inspector']!, `/api/petitions/${id}/answer`, body);
    await as(t, s['dgspl.inspector']!).post(`/api/petitions/${id}/answer/submit`);
    await as(t, s['dgspl.sef']!).post(`/api/petitions/${id}/answer/approve`);
    await as(t, s.delegat!).post(`/api/petitions/${id}/answer/approve`);
    return as(t, s.registratura!).post(`/api/petitions/${id}/dispatch`);
  }

  test('art. 7(1): a complexity notice goes through the same chain and moves the due date to the 30-day term; the request stays open', async () => {
    const p = await request544();
    const before = await (await as(t, s.registratura!).get(`/api/petitions/${p.id}`)).json();
    expect(before.legalDueOn).toBe('2026-12-07');
    expect((await signAndDispatch(p.id, { kind: 'l544_complexity', body: '<p>Informațiile solicitate necesită o documentare complexă.</p>', legalBasis: 'Legea 544/2001, art. 7(1)' })).status).toBe(204);
    const after = await (await as(t, s.registratura!).get(`/api/petitions/${p.id}`)).json();
    // Registered Thu 26 Nov 2026: free days → 26 Nov + 31 = 27 Dec (Sun) → Mon 28 Dec.
    expect(after).toMatchObject({ status: 'in_progress', legalDueOn: '2026-12-28' });
    const tracked = await (await t.app.request(`/api/track/${p.registrationNumber}?code=${p.trackingCode}`)).json();
    expect(tracked.answer).toBeNull();
    expect(tracked.dueOn).toBe('2026-12-28');
  });

  test('a reasoned refusal ends the request and is shown as its answer', async () => {
    const p = await request544();
    expect((await signAndDispatch(p.id, { kind: 'l544_refusal', body: '<p>Informațiile sunt exceptate (art. 12 alin. (1) lit. c).</p>', legalBasis: 'Legea 544/2001, art. 12 alin. (1) lit. c)' })).status).toBe(204);
    const tracked = await (await t.app.request(`/api/track/${p.registrationNumber}?code=${p.trackingCode}`)).json();
    expect(tracked.status).toBe('answered');
    expect(tracked.answer.legalBasis).toContain('art. 12');
  });

  test('a refusal or complexity notice for an OG 27 petition is a 400', async () => {
    const p = await inProgress('ADPDU', 'adpdu.inspector', 'adpdu.sef');
    expect((await put(s['adpdu.inspector']!, `/api/petitions/${p.id}/answer`, { ...DRAFT, kind: 'l544_refusal' })).status).toBe(400);
  });
});
