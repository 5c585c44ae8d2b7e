// Who is calling, who is free, and when the line is open (issue 5 §1–§3), mounted under /api.
import { Hono } from 'hono';
import { officeHoursInputSchema, presenceInputSchema } from '../../../shared/api/calls';
import type { AppDeps } from '../../app';
import { parseOrThrow, readJson, type AppEnv } from '../../lib/http';
import { adminOnly } from '../admin/admin.guard';
import { currentUser, requireRole } from '../auth/auth.middleware';
import { lookUpCaller } from './caller-lookup.usecases';
import { getOfficeHours, setOfficeHours } from './office-hours.usecases';
import { listAgents, setMyPresence } from './presence.usecases';

export function callCenterRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const callCenter = requireRole('agent', 'supervisor');
  const core = { db: deps.db, clock: deps.clock, events: deps.events };

  // GDPR: each lookup is logged in personal_data_reads (source caller_lookup); never cached.
  app.get('/callers/:phone', callCenter, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await lookUpCaller({ ...core, user: currentUser(c), phone: c.req.param('phone') }));
  });

  app.put('/agents/me/status', callCenter, async (c) => {
    const { status } = parseOrThrow(presenceInputSchema, await readJson(c));
    return c.json(await setMyPresence({ ...core, user: currentUser(c), status }));
  });
  app.get('/agents', requireRole('supervisor'), async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await listAgents(core));
  });

  app.get('/admin/office-hours', adminOnly, async (c) => c.json(await getOfficeHours(core)));
  app.put('/admin/office-hours', adminOnly, async (c) => {
    const { days } = parseOrThrow(officeHoursInputSchema, await readJson(c));
    return c.json(await setOfficeHours({ ...core, user: currentUser(c), days }));
  });
  return app;
}
