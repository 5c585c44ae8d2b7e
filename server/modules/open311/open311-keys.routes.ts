// /api/admin/open311-keys (administrator only): list, issue (the key is in this answer only), revoke.
import { Hono } from 'hono';
import { createOpen311KeyInputSchema } from '../../../shared/api/open311';
import type { AppDeps } from '../../app';
import { parseOrThrow, readJson, type AppEnv } from '../../lib/http';
import { adminOnly } from '../admin/admin.guard';
import { currentUser } from '../auth/auth.middleware';
import { createApiKey, listApiKeys, revokeApiKey } from './open311-keys.usecases';

export function open311KeysRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/admin/open311-keys', adminOnly, async (c) => c.json(await listApiKeys(deps.db)));

  app.post('/admin/open311-keys', adminOnly, async (c) => {
    const input = parseOrThrow(createOpen311KeyInputSchema, await readJson(c));
    return c.json(await createApiKey({ db: deps.db, clock: deps.clock, actor: currentUser(c), input }), 201);
  });

  app.delete('/admin/open311-keys/:id', adminOnly, async (c) =>
    c.json(await revokeApiKey({ db: deps.db, clock: deps.clock, actor: currentUser(c), id: c.req.param('id') })),
  );

  return app;
}
