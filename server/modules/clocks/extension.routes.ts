// POST /api/petitions/:id/extend { reason } — OG 27/2002 art. 9. The handler adapts; extendDeadline decides.
import { Hono } from 'hono';
import { extendInputSchema } from '../../../shared/api/clocks';
import type { AppDeps } from '../../app';
import { parseOrThrow, readJson, type AppEnv } from '../../lib/http';
import { currentUser, requireRole } from '../auth/auth.middleware';
import { extendDeadline } from './extension.usecases';

export function extensionRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  // 401 without a session and 403 for a role that never signs, before the body is read.
  app.post('/petitions/:id/extend', requireRole('delegate', 'director'), async (c) => {
    const user = currentUser(c);
    const { reason } = parseOrThrow(extendInputSchema, await readJson(c));
    const result = await extendDeadline({
      db: deps.db,
      clock: deps.clock,
      events: deps.events,
      publicUrl: deps.config.publicUrl,
      user,
      petitionId: c.req.param('id'),
      reason,
    });
    return c.json(result);
  });
  return app;
}
