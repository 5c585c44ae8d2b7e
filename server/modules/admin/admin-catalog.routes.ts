// /api/admin/departments and /api/admin/categories (administrator only); /api/departments and
// /api/institutions, the active lists every staff page picks from.
import { Hono } from 'hono';
import {
  createCategoryInputSchema,
  createDepartmentInputSchema,
  updateCategoryInputSchema,
  updateDepartmentInputSchema,
} from '../../../shared/api/admin';
import type { AppDeps } from '../../app';
import { parseOrThrow, readJson, type AppEnv } from '../../lib/http';
import { requireRole } from '../auth/auth.middleware';
import { adminOnly } from './admin.guard';
import {
  createCategory,
  createDepartment,
  listActiveDepartments,
  listActiveInstitutions,
  listCategories,
  listDepartments,
  updateCategory,
  updateDepartment,
} from './admin-catalog.usecases';

export function adminCatalogRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const db = deps.db;

  app.get('/admin/departments', adminOnly, async (c) => c.json(await listDepartments({ db })));

  app.post('/admin/departments', adminOnly, async (c) => {
    const input = parseOrThrow(createDepartmentInputSchema, await readJson(c));
    return c.json(await createDepartment({ db, input }), 201);
  });

  app.patch('/admin/departments/:code', adminOnly, async (c) => {
    const input = parseOrThrow(updateDepartmentInputSchema, await readJson(c));
    return c.json(await updateDepartment({ db, code: c.req.param('code'), input }));
  });

  app.get('/admin/categories', adminOnly, async (c) => c.json(await listCategories({ db })));

  app.post('/admin/categories', adminOnly, async (c) => {
    const input = parseOrThrow(createCategoryInputSchema, await readJson(c));
    return c.json(await createCategory({ db, input }), 201);
  });

  app.patch('/admin/categories/:code', adminOnly, async (c) => {
    const input = parseOrThrow(updateCategoryInputSchema, await readJson(c));
    return c.json(await updateCategory({ db, code: c.req.param('code'), input }));
  });

  // Any signed-in staff member (forms pick a department or an institution from these).
  app.get('/departments', requireRole(), async (c) => c.json(await listActiveDepartments({ db })));
  app.get('/institutions', requireRole(), async (c) => c.json(await listActiveInstitutions({ db })));

  return app;
}
