// The administrator's GDPR API (issue 6 §5), under /api, admin only:
//   GET  /admin/personal-data-reads?from=&to=&userId=&petition=&source=&cursor=&limit=   the read log, newest first
//   GET  /admin/gdpr/export?email=|phone=     every row about a petitioner, as JSON (the export is logged as a read)
//   POST /admin/gdpr/anonymise { email?, phone? }   anonymises the petitioner; petitions and statistics kept
//   GET  /admin/retention · PUT /admin/retention { P?, I? }   retention periods (years) per register
import { Hono } from 'hono';
import { personalDataReadsQuerySchema, petitionerLookupSchema, updateRetentionInputSchema } from '../../../shared/api/gdpr';
import type { AppDeps } from '../../app';
import { parseOrThrow, readJson, type AppEnv } from '../../lib/http';
import { adminOnly } from '../admin/admin.guard';
import { currentUser } from '../auth/auth.middleware';
import { anonymisePetitioner } from './anonymise.usecases';
import { exportPetitionerData } from './export.usecases';
import { listPersonalDataReads } from './reads.usecases';
import { getRetention, updateRetention } from './retention.usecases';

export function gdprRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/admin/personal-data-reads', adminOnly, async (c) => {
    const q = parseOrThrow(personalDataReadsQuerySchema, c.req.query());
    return c.json(await listPersonalDataReads(deps.db, q));
  });

  app.get('/admin/gdpr/export', adminOnly, async (c) => {
    const who = parseOrThrow(petitionerLookupSchema, c.req.query());
    const data = await exportPetitionerData({ db: deps.db, clock: deps.clock, actor: currentUser(c), who });
    const stamp = data.generatedAt.slice(0, 10);
    c.header('Content-Disposition', `attachment; filename="date-personale-${stamp}.json"`);
    return c.json(data);
  });

  app.post('/admin/gdpr/anonymise', adminOnly, async (c) => {
    const who = parseOrThrow(petitionerLookupSchema, await readJson(c));
    return c.json(await anonymisePetitioner({ db: deps.db, clock: deps.clock, actorUserId: currentUser(c).id, who }));
  });

  app.get('/admin/retention', adminOnly, async (c) => c.json(await getRetention(deps.db)));

  app.put('/admin/retention', adminOnly, async (c) => {
    const input = parseOrThrow(updateRetentionInputSchema, await readJson(c));
    return c.json(await updateRetention({ db: deps.db, clock: deps.clock, actor: currentUser(c), input }));
  });

  return app;
}
