import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../../app';
import { appError } from '../../lib/errors';
import { parseOrThrow, readJson, type AppEnv } from '../../lib/http';
import { currentUser } from '../auth/auth.middleware';
import { displayName } from '../../../shared/domain/petitioner';
import { loadVisiblePetition } from '../petitions/staff-petitions.usecases';
import { mayReadPetitioner } from '../access/policy';
import { personalDataReads } from '../../../db/schema';
import * as repo from './answers.repository';
import { approveAnswer, rejectAnswer, saveDraft, submitAnswer } from './answers.usecases';
import { dispatchAnswer } from './dispatch.usecases';
import { letterHtml } from './letter-data';

const draftSchema = z.object({
  body: z.string().min(1).max(100_000),
  legalBasis: z.string().trim().min(3).max(1000),
  kind: z.enum(['answer', 'l544_refusal', 'l544_complexity']).optional(),
});
const rejectSchema = z.object({ reason: z.string().trim().min(3).max(2000) });
const dispatchSchema = z.object({ postalReference: z.string().trim().min(1).max(100).optional() });

async function optionalJson(c: Parameters<typeof readJson>[0]): Promise<unknown> {
  return (await c.req.raw.clone().text()).trim() === '' ? {} : readJson(c);
}

export function answersRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const base = { db: deps.db, clock: deps.clock, events: deps.events };

  app.put('/petitions/:id/answer', async (c) => {
    const input = parseOrThrow(draftSchema, await readJson(c));
    const saved = await saveDraft({ ...base, user: currentUser(c), id: c.req.param('id'), input });
    return c.json({ id: saved.id, kind: saved.kind, body: saved.body, legalBasis: saved.legalBasis, updatedAt: saved.updatedAt.toISOString() });
  });
  app.get('/petitions/:id/answer', async (c) => {
    const { found } = await loadVisiblePetition(deps.db, currentUser(c), c.req.param('id'));
    // The draft in progress, or else the answer that was sent.
    const current = (await repo.findCurrentAnswer(deps.db, found.petition.id)) ?? (await repo.findDispatchedAnswer(deps.db, found.petition.id));
    const [head, authority] = await Promise.all([repo.findSigner(deps.db, current?.headSignedByUserId ?? null), repo.findSigner(deps.db, current?.authoritySignedByUserId ?? null)]);
    return c.json({
      current: current && {
        id: current.id, kind: current.kind, body: current.body, legalBasis: current.legalBasis, submittedAt: current.submittedAt?.toISOString() ?? null,
        dispatchedAt: current.dispatchedAt?.toISOString() ?? null,
        headSignature: current.headSignedAt ? { name: head?.name ?? '', at: current.headSignedAt.toISOString() } : null,
        authoritySignature: current.authoritySignedAt ? { name: authority?.name ?? '', at: current.authoritySignedAt.toISOString() } : null,
      },
    });
  });
  app.post('/petitions/:id/answer/submit', async (c) => {
    await submitAnswer({ ...base, user: currentUser(c), id: c.req.param('id') });
    return c.body(null, 204);
  });
  app.post('/petitions/:id/answer/approve', async (c) => {
    await approveAnswer({ ...base, user: currentUser(c), id: c.req.param('id') });
    return c.body(null, 204);
  });
  app.post('/petitions/:id/answer/reject', async (c) => {
    const user = currentUser(c);
    const input = parseOrThrow(rejectSchema, await readJson(c));
    await rejectAnswer({ ...base, user, id: c.req.param('id'), input });
    return c.body(null, 204);
  });
  app.post('/petitions/:id/dispatch', async (c) => {
    const user = currentUser(c);
    const input = parseOrThrow(dispatchSchema, await optionalJson(c));
    await dispatchAnswer({ ...base, publicUrl: deps.config.publicUrl, user, id: c.req.param('id'), input });
    return c.body(null, 204);
  });
  // The registry prints this for the post: the staff version carries the recipient's name and address.
  app.get('/petitions/:id/letter', async (c) => {
    const user = currentUser(c);
    const { ctx, found } = await loadVisiblePetition(deps.db, user, c.req.param('id'));
    const p = found.petition;
    // The printed letter carries the recipient's name and address: personal data, read and logged like them.
    if (!mayReadPetitioner(ctx, p)) throw appError('auth.forbidden', 'Only those who work the petition print its letter.');
    await deps.db.insert(personalDataReads).values({ userId: user.id, petitionId: p.id, source: 'letter', subject: p.registrationNumber, at: deps.clock.now() });
    const answer = (await repo.findCurrentAnswer(deps.db, p.id)) ?? (await repo.findDispatchedAnswer(deps.db, p.id));
    if (!answer) throw appError('petitions.not_found', 'This petition has no answer yet.');
    const recipient = { name: displayName({ kind: p.petitionerKind, firstName: p.petitionerFirstName, lastName: p.petitionerLastName, organizationName: p.petitionerOrganization }), address: p.petitionerAddress };
    return c.html(await letterHtml(deps.db, { numbers: [p.registrationNumber], registeredOn: p.registeredOn }, answer, recipient));
  });
  return app;
}
