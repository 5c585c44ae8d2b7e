// GET /api/dashboard?from=&to= (issue 6 §2): 401 without a session, 403 for a role without a dashboard.
import { Hono } from 'hono';
import { DASHBOARD_ROLES, dashboardQuerySchema } from '../../../shared/api/dashboard';
import type { AppDeps } from '../../app';
import { parseOrThrow, type AppEnv } from '../../lib/http';
import { currentUser, requireRole } from '../auth/auth.middleware';
import { getDashboard } from './dashboard.usecases';

export function dashboardRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/dashboard', requireRole(...DASHBOARD_ROLES), async (c) => {
    const query = parseOrThrow(dashboardQuerySchema, c.req.query());
    c.header('Cache-Control', 'no-store');
    return c.json(await getDashboard({ db: deps.db, clock: deps.clock, user: currentUser(c), query }));
  });
  return app;
}
