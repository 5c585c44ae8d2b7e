// GET /api/outbox?status=&channel=&cursor=&limit= and POST /api/outbox/:id/retry (admin only: 401 without a
// session, 403 for another role). The notices carry personal data: never cached.
import { Hono } from 'hono';
import { z } from 'zod';
import { outboxQuerySchema } from '../../../shared/api/outbox';
import type { AppDeps } from '../../app';
import { parseOrThrow, type AppEnv } from '../../lib/http';
import { adminOnly } from '../admin/admin.guard';
import { currentUser } from '../auth/auth.middleware';
import { listNotices, retryNotice } from './outbox-admin.usecases';

const idSchema = z.object({ id: z.guid() });

export function outboxAdminRoutes(deps: Pick<AppDeps, 'db' | 'clock' | 'logger'>) {
  const app = new Hono<AppEnv>();
  app.get('/outbox', adminOnly, async (c) => {
    const query = parseOrThrow(outboxQuerySchema, c.req.query());
    return c.json(await listNotices(deps.db, query));
  });
  app.post('/outbox/:id/retry', adminOnly, async (c) => {
    const { id } = parseOrThrow(idSchema, { id: c.req.param('id') });
    const item = await retryNotice({ db: deps.db, clock: deps.clock, logger: deps.logger, id, by: currentUser(c).id });
    return c.json({ item });
  });
  return app;
}
