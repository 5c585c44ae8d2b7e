// Each administrator route is guarded itself (not with a use('/admin/*')), so other modules' /api/admin
// routes (closed days) keep their own rules. The answers carry personal data: never cached.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../lib/http';
import { requireRole } from '../auth/auth.middleware';

const admins = requireRole('admin');

/** 401 without a session, 403 for any role but admin; `Cache-Control: no-store` on the answer. */
export const adminOnly: MiddlewareHandler<AppEnv> = (c, next) =>
  admins(c, async () => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
