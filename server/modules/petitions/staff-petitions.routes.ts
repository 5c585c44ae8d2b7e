import { Hono } from 'hono';
import { listQuerySchema } from '../../../shared/api/staff-petitions';
import type { AppDeps } from '../../app';
import { parseOrThrow, type AppEnv } from '../../lib/http';
import { currentUser } from '../auth/auth.middleware';
import { countStaffQueues, getStaffPetition, listStaffPetitions, readPetitioner } from './staff-petitions.usecases';

export function staffPetitionsRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/petitions', async (c) => {
    const user = currentUser(c);
    const query = parseOrThrow(listQuerySchema, c.req.query());
    return c.json(await listStaffPetitions({ db: deps.db, clock: deps.clock, user, query }));
  });
  // The badges; before /petitions/:id, which would otherwise take "counts" for an id.
  app.get('/petitions/counts', async (c) => c.json(await countStaffQueues({ db: deps.db, clock: deps.clock, user: currentUser(c) })));
  app.get('/petitions/:id', async (c) => c.json(await getStaffPetition({ db: deps.db, clock: deps.clock, user: currentUser(c), id: c.req.param('id') })));
  app.get('/petitions/:id/petitioner', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await readPetitioner({ db: deps.db, clock: deps.clock, user: currentUser(c), id: c.req.param('id') }));
  });
  return app;
}
