// Cross-site request forgery: a state-changing request whose Origin is not ours is refused (a request
// without Origin — curl, server-to-server — is allowed); JSON endpoints take only application/json, so a
// plain HTML form on another site cannot post to them.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { LIMITS } from '../../shared/api/petitions';
import { appError } from './errors';
import { errorBody, type AppEnv } from './http';

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

const ONE_MB = 1024 * 1024;
/** The largest upload: the most files of the largest size, and room for the form's other parts. */
export const UPLOAD_BODY_LIMIT = LIMITS.attachments.count * LIMITS.attachments.bytes + 2 * ONE_MB;

/**
 * Every request body is bounded before it is read whole (issue 7): 1 MB, and the upload limit for a
 * multipart body on a route that takes files. A body over the limit is a 413 — from its Content-Length at
 * once, or, streamed without one, as soon as the limit is passed; the rest is never read.
 */
export function bodyLimits({ uploads }: { uploads: (path: string, method: string) => boolean }): MiddlewareHandler<AppEnv> {
  const onError: Parameters<typeof bodyLimit>[0]['onError'] = (c) => c.json(errorBody(c, 'request.too_large', 'The request is too large.'), 413);
  const small = bodyLimit({ maxSize: ONE_MB, onError });
  const large = bodyLimit({ maxSize: UPLOAD_BODY_LIMIT, onError });
  return (c, next) => {
    const multipart = /^multipart\/form-data/i.test(c.req.header('content-type') ?? '');
    return (multipart && uploads(c.req.path, c.req.method) ? large : small)(c, next);
  };
}
