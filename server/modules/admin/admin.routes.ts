// The administrator's API (issue 3 §1), mounted under /api: /admin/users, /admin/departments and
// /admin/categories (admin only, see admin.guard.ts), and the lists other staff pages pick from.
import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import type { AppEnv } from '../../lib/http';
import { adminCatalogRoutes } from './admin-catalog.routes';
import { adminUsersRoutes } from './admin-users.routes';

export function adminRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.route('/', adminUsersRoutes(deps));
  app.route('/', adminCatalogRoutes(deps));
  return app;
}
