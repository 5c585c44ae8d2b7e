import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { personalDataReads } from '../../db/schema';
import { createTestApp, petitionInput, type TestApp } from '../helpers/app';
import { as, seedStaff, signIn } from '../helpers/staff';

let t: TestApp;
type Session = Awaited<ReturnType<typeof signIn>>;
let registry: Session, head: Session, officer: Session, director: Session, dgplHead: Session;
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

beforeAll(async () => {
  t = await createTestApp();
  await seedStaff(t);
  registry = await signIn(t, 'registratura');
  head = await signIn(t, 'adpdu.sef');
  officer = await signIn(t, 'adpdu.inspector');
  director = await signIn(t, 'adpdu.director');
  dgplHead = await signIn(t, 'dgpl.sef');
});
afterAll(() => t.cleanup());

function form(files: Array<{ name: string; bytes: Uint8Array<ArrayBuffer> }>, extra?: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(extra ?? {})) f.append(k, v);
  for (const file of files) f.append('attachments', new File([file.bytes], file.name));
  return f;
}

async function petitionWithPhoto() {
  const res = await t.app.request('/api/petitions', { method: 'POST', body: form([{ name: 'groapă.pdf', bytes: PDF }], { data: JSON.stringify(petitionInput()) }) });
  const created = await res.json();
  const list = await (await as(t, registry).get(`/api/petitions?q=${created.registrationNumber}`)).json();
  const id = list.items[0].id as string;
  await as(t, registry).post(`/api/petitions/${id}/route`, { departmentCode: 'ADPDU' });
  await as(t, head).post(`/api/petitions/${id}/assign`, { userId: officer.user.id });
  return { ...created, id };
}

const upload = (who: Session, id: string, files: Array<{ name: string; bytes: Uint8Array<ArrayBuffer> }>) =>
  t.app.request(`/api/petitions/${id}/answer/attachments`, { method: 'POST', headers: { cookie: who.cookie }, body: form(files) });

describe('the petitioner’s files, for staff', () => {
  test('the department that works the petition downloads the petitioner’s file; each download is logged; another department gets 404', async () => {
    const p = await petitionWithPhoto();
    const page = await (await as(t, head).get(`/api/petitions/${p.id}`)).json();
    const file = page.attachments[0];
    const res = await t.app.request(`/api/petitions/${p.id}/attachments/${file.id}`, { headers: { cookie: head.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''groap%C4%83.pdf");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
    const reads = await t.db.select().from(personalDataReads).where(eq(personalDataReads.petitionId, p.id));
    expect(reads.map((r) => r.source)).toContain('attachment');
    expect((await t.app.request(`/api/petitions/${p.id}/attachments/${file.id}`, { headers: { cookie: dgplHead.cookie } })).status).toBe(404);
    expect((await t.app.request(`/api/petitions/${p.id}/attachments/${file.id}`)).status).toBe(401);
    expect((await t.app.request(`/api/petitions/${p.id}/attachments/00000000-0000-0000-0000-000000000000`, { headers: { cookie: head.cookie } })).status).toBe(404);
  });
});

describe('annexes of the answer (issue 4 §1)', () => {
  test('the officer attaches a PDF to the draft; after dispatch the citizen downloads it from the tracking page', async () => {
    const p = await petitionWithPhoto();
    expect((await upload(officer, p.id, [{ name: 'proces-verbal.pdf', bytes: PDF }])).status).toBe(409); // no draft yet
    await t.app.request(`/api/petitions/${p.id}/answer`, { method: 'PUT', headers: officer.headers, body: JSON.stringify({ body: '<p>Reparat.</p>', legalBasis: 'OG 27/2002' }) });
    const up = await upload(officer, p.id, [{ name: 'proces-verbal.pdf', bytes: PDF }]);
    expect(up.status).toBe(201);
    expect((await upload(head, p.id, [{ name: 'x.pdf', bytes: PDF }])).status).toBe(403);
    expect((await upload(officer, p.id, [{ name: 'x.exe', bytes: new TextEncoder().encode('MZ nope') }])).status).toBe(415);
    await as(t, officer).post(`/api/petitions/${p.id}/answer/submit`);
    expect((await upload(officer, p.id, [{ name: 'late.pdf', bytes: PDF }])).status).toBe(409);
    await as(t, head).post(`/api/petitions/${p.id}/answer/approve`);
    await as(t, director).post(`/api/petitions/${p.id}/answer/approve`);
    await as(t, registry).post(`/api/petitions/${p.id}/dispatch`);

    const tracked = await (await t.app.request(`/api/track/${p.registrationNumber}?code=${p.trackingCode}`)).json();
    expect(tracked.answer.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['proces-verbal.pdf']);
    const res = await t.app.request(tracked.answer.attachments[0].url);
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
    // The petitioner's own upload is never served on the public tracking path, nor with a wrong code.
    const page = await (await as(t, head).get(`/api/petitions/${p.id}`)).json();
    const own = page.attachments.find((a: { fileName: string }) => a.fileName === 'groapă.pdf');
    expect((await t.app.request(`/api/track/${p.registrationNumber}/attachments/${own.id}?code=${p.trackingCode}`)).status).toBe(404);
    expect((await t.app.request(tracked.answer.attachments[0].url.replace(/code=[^&]+/, 'code=AAAA-BBBB-CCCC-DDDD'))).status).toBe(404);
  });
});
