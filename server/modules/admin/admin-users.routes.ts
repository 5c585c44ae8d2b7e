// /api/admin/users (administrator only) and /api/users, the staff directory without personal data.
import { Hono } from 'hono';
import {
  adminUsersQuerySchema,
  createUserInputSchema,
  directoryQuerySchema,
  DIRECTORY_READER_ROLES,
  updateUserInputSchema,
} from '../../../shared/api/admin';
import type { AppDeps } from '../../app';
import { parseOrThrow, readJson, type AppEnv } from '../../lib/http';
import { currentUser, requireRole } from '../auth/auth.middleware';
import { adminOnly } from './admin.guard';
import { createUser, listStaffDirectory, listUsers, updateUser } from './admin-users.usecases';

export function adminUsersRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/admin/users', adminOnly, async (c) => {
    const filter = parseOrThrow(adminUsersQuerySchema, c.req.query());
    return c.json(await listUsers({ db: deps.db, filter }));
  });

  app.post('/admin/users', adminOnly, async (c) => {
    const input = parseOrThrow(createUserInputSchema, await readJson(c));
    return c.json(await createUser({ db: deps.db, clock: deps.clock, input }), 201);
  });

  app.patch('/admin/users/:id', adminOnly, async (c) => {
    const input = parseOrThrow(updateUserInputSchema, await readJson(c));
    const result = await updateUser({
      db: deps.db,
      clock: deps.clock,
      actor: currentUser(c),
      actorToken: c.get('sessionToken'),
      id: c.req.param('id'),
      input,
    });
    return c.json(result);
  });

  // Heads pick an officer here; the registry names the person a conduct complaint concerns.
  app.get('/users', requireRole(...DIRECTORY_READER_ROLES), async (c) => {
    const filter = parseOrThrow(directoryQuerySchema, c.req.query());
    return c.json(await listStaffDirectory({ db: deps.db, filter }));
  });

  return app;
}
