import { asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { categories, departments, institutions } from '../../../db/schema';
import type { Category } from '../../../shared/api/catalog';
import type { AppDeps } from '../../app';
import type { AppEnv } from '../../lib/http';

export function catalogRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/categories', async (c) => {
    const rows = await deps.db
      .select({
        code: categories.code,
        nameRo: categories.nameRo,
        nameEn: categories.nameEn,
        regime: categories.regime,
        public: categories.public,
        deptCode: departments.code,
        deptName: departments.name,
        instCode: institutions.code,
        instName: institutions.name,
      })
      .from(categories)
      .leftJoin(departments, eq(departments.id, categories.handlerDepartmentId))
      .leftJoin(institutions, eq(institutions.id, categories.handlerInstitutionId))
      .where(eq(categories.active, true))
      .orderBy(asc(categories.sortOrder), asc(categories.code));
    const body: Category[] = rows.map((r) => ({
      code: r.code,
      name: { ro: r.nameRo, en: r.nameEn },
      regime: r.regime,
      // Conduct complaints have no handler until the registry names the person concerned.
      handler: r.deptCode
        ? { kind: 'department', code: r.deptCode, name: r.deptName ?? '' }
        : r.instCode
          ? { kind: 'institution', code: r.instCode, name: r.instName ?? '' }
          : null,
      public: r.public,
    }));
    c.header('Cache-Control', 'public, max-age=60');
    return c.json(body);
  });
  return app;
}
