// Cross-site request forgery: a state-changing request whose Origin is not ours is refused (a request
// without Origin — curl, server-to-server — is allowed); JSON endpoints take only application/json, so a
// plain HTML form on another site cannot post to them.
import type { MiddlewareHandler } from 'hono';
import { appError } from './errors';
import type { AppEnv } from './http';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function originGuard(publicUrl: string): MiddlewareHandler<AppEnv> {
  const ours = new URL(publicUrl).origin;
  return async (c, next) => {
    if (STATE_CHANGING.has(c.req.method)) {
      const origin = c.req.header('origin');
      if (origin !== undefined && origin !== ours) throw appError('request.origin_forbidden', 'Requests from another site are refused.');
    }
    await next();
  };
}

/** For every API route but the intake (which also takes multipart): a body must be JSON. */
export function jsonOnlyGuard({ except }: { except: (path: string, method: string) => boolean }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (STATE_CHANGING.has(c.req.method) && !except(c.req.path, c.req.method)) {
      const length = Number(c.req.header('content-length') ?? '0');
      const hasBody = length > 0 || c.req.header('transfer-encoding') !== undefined;
      if (hasBody && !/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
        throw appError('request.unsupported_content_type', 'This endpoint accepts only application/json.');
      }
    }
    await next();
  };
}
