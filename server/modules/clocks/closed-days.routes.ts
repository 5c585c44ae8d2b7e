// The administrator's calendar of extra closed days (DOMAIN.md People: admin). Each route is guarded
// itself (not with a use('/admin/*')), so this sub-app never touches other /api/admin routes.
import { Hono } from 'hono';
import { closedDayDateParamSchema, closedDayInputSchema, closedDaysQuerySchema } from '../../../shared/api/clocks';
import type { AppDeps } from '../../app';
import { parseOrThrow, readJson, type AppEnv } from '../../lib/http';
import { currentUser, requireRole } from '../auth/auth.middleware';
import { addClosedDay, listClosedDayItems, removeClosedDay } from './closed-days.usecases';

export function closedDaysRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const adminOnly = requireRole('admin');

  app.get('/admin/closed-days', adminOnly, async (c) => {
    const { year } = parseOrThrow(closedDaysQuerySchema, c.req.query());
    return c.json(await listClosedDayItems({ db: deps.db, year }));
  });

  // Adding a day recomputes open petitions' due dates in the same transaction; the answer lists the moves.
  app.post('/admin/closed-days', adminOnly, async (c) => {
    const { date, name } = parseOrThrow(closedDayInputSchema, await readJson(c));
    const result = await addClosedDay({ db: deps.db, clock: deps.clock, events: deps.events, user: currentUser(c), date, name });
    return c.json(result, 201);
  });

  // Removing a day moves no due date earlier; the answer says so (dueDatesChanged: 0 and a note).
  app.delete('/admin/closed-days/:date', adminOnly, async (c) => {
    const { date } = parseOrThrow(closedDayDateParamSchema, { date: c.req.param('date') });
    return c.json(await removeClosedDay({ db: deps.db, date }));
  });
  return app;
}
