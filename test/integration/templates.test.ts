import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { outbox, personalDataReads } from '../../db/schema';
import { createTestApp, type TestApp } from '../helpers/app';
import { as, newPetition, seedStaff, signIn } from '../helpers/staff';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedStaff(t);
});
afterAll(() => t.cleanup());

describe('templates (issue 4 §1)', () => {
  test('the officer starts an answer from a template filled for the petition; reading the name is logged', async () => {
    const registry = await signIn(t, 'registratura');
    const head = await signIn(t, 'adpdu.sef');
    const officer = await signIn(t, 'adpdu.inspector');
    const p = await newPetition(t, registry);
    await as(t, registry).post(`/api/petitions/${p.id}/route`, { departmentCode: 'ADPDU' });
    await as(t, head).post(`/api/petitions/${p.id}/assign`, { userId: officer.user.id });
    const res = await as(t, officer).get(`/api/petitions/${p.id}/templates?kind=answer`);
    expect(res.status).toBe(200);
    const { items } = await res.json();
    expect(items.length).toBeGreaterThan(0);
    expect(items[0].body).toContain(p.registrationNumber);
    expect(items[0].body).toContain('Ioana Ștefănescu');
    expect(items[0].body).toContain('26 noiembrie 2026');
    expect(items[0].body).not.toMatch(/\{\{/);
    const reads = await t.db.select().from(personalDataReads).where(eq(personalDataReads.petitionId, p.id));
    expect(reads.map((r) => r.source)).toContain('template');
    expect((await as(t, officer).get(`/api/petitions/${p.id}/templates?kind=nonsense`)).status).toBe(400);
    expect((await as(t, await signIn(t, 'dgpl.sef')).get(`/api/petitions/${p.id}/templates`)).status).toBe(404);
    expect((await as(t, await signIn(t, 'agent')).get(`/api/petitions/${p.id}/templates`)).status).toBe(403);
    expect((await t.app.request(`/api/petitions/${p.id}/templates`)).status).toBe(401);
  });

  test('the administrator edits the forward notice, and the next forwarded petition’s e-mail uses it', async () => {
    const admin = await signIn(t, 'admin');
    const list = await (await as(t, admin).get('/api/admin/templates?kind=forward_notice')).json();
    const id = list.items[0].id;
    const patch = await t.app.request(`/api/admin/templates/${id}`, { method: 'PATCH', headers: admin.headers, body: JSON.stringify({ body: 'Am trimis petiția nr. {{numar}} la {{institutie}}, care este competentă.' }) });
    expect(patch.status).toBe(200);
    const registry = await signIn(t, 'registratura');
    const p = await newPetition(t, registry, { categoryCode: 'transport-public' });
    await as(t, registry).post(`/api/petitions/${p.id}/forward`, { institutionCode: 'STB', note: 'Adresa 77/2026' });
    const [mail] = (await t.db.select().from(outbox).where(eq(outbox.petitionId, p.id))).filter((n) => n.template === 'petition.forwarded' && n.channel === 'email');
    expect(mail!.body).toContain(`Am trimis petiția nr. ${p.registrationNumber} la Societatea de Transport București, care este competentă.`);
  });

  test('admin template endpoints: 401 without session, 403 for a head, 400 for bad input, 404 for an unknown id, 201 on create', async () => {
    const admin = await signIn(t, 'admin');
    const head = await signIn(t, 'adpdu.sef');
    expect((await t.app.request('/api/admin/templates')).status).toBe(401);
    expect((await as(t, head).get('/api/admin/templates')).status).toBe(403);
    expect((await as(t, admin).post('/api/admin/templates', { kind: 'answer', title: 'x' })).status).toBe(400);
    expect((await t.app.request('/api/admin/templates/00000000-0000-0000-0000-000000000000', { method: 'PATCH', headers: admin.headers, body: JSON.stringify({ title: 'Titlu nou' }) })).status).toBe(404);
    const created = await as(t, admin).post('/api/admin/templates', { kind: 'answer', categoryCode: 'spatii-verzi', title: 'Toaletare arbori', body: '<p>Arborii de pe {{numar}} vor fi toaletați.</p>', legalBasis: 'OG 27/2002' });
    expect(created.status).toBe(201);
  });
});
