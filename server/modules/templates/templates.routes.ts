import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../../app';
import { parseOrThrow, readJson, type AppEnv } from '../../lib/http';
import { currentUser, requireRole } from '../auth/auth.middleware';
import { createTemplate, listTemplates, templatesForPetition, TEMPLATE_KINDS, updateTemplate } from './templates.usecases';

const kindQuery = z.object({ kind: z.enum(TEMPLATE_KINDS).optional(), categoryCode: z.string().max(64).optional() });
const templateInput = z.object({
  kind: z.enum(TEMPLATE_KINDS),
  categoryCode: z.string().max(64).nullable().optional(),
  title: z.string().trim().min(3).max(200),
  body: z.string().trim().min(3).max(50_000),
  legalBasis: z.string().trim().max(1000).default(''),
});
const templatePatch = templateInput.omit({ kind: true }).partial().extend({ active: z.boolean().optional() }).strict();

const dto = (t: Awaited<ReturnType<typeof createTemplate>>) => ({ id: t.id, kind: t.kind, categoryCode: t.categoryCode, title: t.title, body: t.body, legalBasis: t.legalBasis, active: t.active, updatedAt: t.updatedAt.toISOString() });

export function templatesRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const staff = requireRole('registry', 'officer', 'head', 'director', 'delegate', 'admin');

  app.get('/petitions/:id/templates', staff, async (c) => {
    const { kind } = parseOrThrow(z.object({ kind: z.enum(TEMPLATE_KINDS).default('answer') }), c.req.query());
    return c.json({ items: await templatesForPetition({ db: deps.db, clock: deps.clock, user: currentUser(c), id: c.req.param('id'), kind }) });
  });
  app.get('/admin/templates', requireRole('admin'), async (c) => {
    const q = parseOrThrow(kindQuery, c.req.query());
    return c.json({ items: (await listTemplates(deps.db, { ...q, includeInactive: true })).map(dto) });
  });
  app.post('/admin/templates', requireRole('admin'), async (c) => {
    const input = parseOrThrow(templateInput, await readJson(c));
    return c.json({ template: dto(await createTemplate(deps.db, input)) }, 201);
  });
  app.patch('/admin/templates/:id', requireRole('admin'), async (c) => {
    const input = parseOrThrow(templatePatch, await readJson(c));
    return c.json({ template: dto(await updateTemplate(deps.db, deps.clock, c.req.param('id'), input)) });
  });
  return app;
}
