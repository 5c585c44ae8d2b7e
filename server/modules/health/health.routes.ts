import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import { errorBody, type AppEnv } from '../../lib/http';

export function healthRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/health', async (c) => {
    try {
      await deps.database.ping(2000);
      return c.json({ status: 'ok', database: deps.database.driver });
    } catch {
      c.header('Retry-After', '5');
      return c.json({ status: 'unavailable', database: deps.database.driver, ...errorBody(c, 'service.unavailable', 'The database does not answer.') }, 503);
    }
  });
  return app;
}
