// GET /api/search?q=&cursor=&limit= — staff search (issue 6 §4). The handler adapts; the use case decides.
import { Hono } from 'hono';
import { searchQuerySchema } from '../../../shared/api/search';
import type { AppDeps } from '../../app';
import { parseOrThrow, type AppEnv } from '../../lib/http';
import { PETITION_READER_ROLES } from '../access/access';
import { currentUser, requireRole } from '../auth/auth.middleware';
import { searchPetitions } from './search.usecases';

export function searchRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  // 401 without a session and 403 for a role that reads no petitions, before the query is parsed.
  app.get('/search', requireRole(...PETITION_READER_ROLES), async (c) => {
    const query = parseOrThrow(searchQuerySchema, c.req.query());
    // Results carry subjects and snippets of petitions: never cached by a browser or a proxy.
    c.header('Cache-Control', 'no-store');
    return c.json(await searchPetitions({ db: deps.db, user: currentUser(c), query }));
  });
  return app;
}
