import { Hono } from 'hono';
import { z } from 'zod';
import { deadlineQuerySchema } from '../../../shared/api/catalog';
import { createLegalCalendar } from '../../../shared/domain/calendar';
import { computeDueDate } from '../../../shared/domain/deadlines';
import { isIsoDate } from '../../../shared/domain/dates';
import type { AppDeps } from '../../app';
import { parseOrThrow, type AppEnv } from '../../lib/http';
import { listClosedDays, loadLegalCalendar } from './calendar.repository';

const yearQuery = z.object({ year: z.coerce.number().int().min(1900).max(2099) });

export function calendarRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/calendar/non-working-days', async (c) => {
    const { year } = parseOrThrow(yearQuery, c.req.query());
    const calendar = createLegalCalendar(await listClosedDays(deps.db, year));
    return c.json(calendar.nonWorkingDays(year).map((d) => ({ date: d.date, name: d.name.ro, nameEn: d.name.en })));
  });

  app.get('/deadlines', async (c) => {
    const query = parseOrThrow(
      deadlineQuerySchema.extend({ registeredOn: z.string().refine(isIsoDate, 'A date YYYY-MM-DD between 1900 and 2099') }),
      c.req.query(),
    );
    const dueOn = computeDueDate({ kind: query.kind, registeredOn: query.registeredOn, calendar: await loadLegalCalendar(deps.db) });
    return c.json({ kind: query.kind, registeredOn: query.registeredOn, dueOn });
  });
  return app;
}
