// The HTTP plumbing every module shares: request ids, the one error shape, validation and client address.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, ErrorHandler, MiddlewareHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import type { FieldIssue } from '../../shared/api/errors';
import { isDatabaseUnavailable, isUnstorableInput } from '../../db/client';
import { AppError, appError } from './errors';
import type { Logger } from './logger';

import type { SessionUser } from '../modules/auth/auth.usecases';

export type AppEnv = { Variables: { requestId: string; user: SessionUser | null; sessionToken: string | null } };

export const requestIdMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  const incoming = c.req.header('x-request-id');
  const id = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID();
  c.set('requestId', id);
  c.header('X-Request-Id', id);
  await next();
};

export function errorBody(c: Context<AppEnv>, code: string, message: string, details?: unknown) {
  const error: Record<string, unknown> = { code, message, requestId: c.get('requestId') ?? 'unknown' };
  if (details !== undefined) error.details = details;
  return { error };
}

export function createErrorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (err, c) => {
    if (err instanceof AppError) {
      for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
      return c.json(errorBody(c, err.code, err.message, err.details), err.status as 400);
    }
    if (isDatabaseUnavailable(err)) {
      logger.warn('database unavailable', { requestId: c.get('requestId'), error: String(err) });
      c.header('Retry-After', '5');
      return c.json(errorBody(c, 'service.unavailable', 'The service is temporarily unavailable; try again shortly.'), 503);
    }
    if (isUnstorableInput(err)) {
      return c.json(errorBody(c, 'request.invalid', 'The request contains characters that cannot be stored (such as NUL).'), 400);
    }
    if (err instanceof HTTPException && err.status < 500) {
      return c.json(errorBody(c, 'request.invalid', err.message || 'Bad request'), err.status);
    }
    if (err instanceof SyntaxError) {
      return c.json(errorBody(c, 'request.invalid', 'The body is not valid JSON.'), 400);
    }
    logger.error('unhandled error', { requestId: c.get('requestId'), error: err instanceof Error ? err.stack : String(err) });
    return c.json(errorBody(c, 'internal', 'Something went wrong on our side. Quote the request id if you contact us.'), 500);
  };
}

export const notFoundHandler: NotFoundHandler<AppEnv> = (c) =>
  c.json(errorBody(c, 'request.not_found', `No route for ${c.req.method} ${new URL(c.req.url).pathname}`), 404);

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), code: i.code, message: i.message }));
}

/** Parses with a shared schema or throws the 400 that names every failing field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw appError('request.invalid', 'Some fields are missing or invalid.', { fields: toFieldIssues(result.error) });
  }
  return result.data;
}

/** The socket's address; the first X-Forwarded-For hop only when TRUST_PROXY says a proxy sets it. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests has no socket
  }
}

/** JSON body with a clear 400 (not a 500) for malformed JSON. */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw appError('request.invalid', 'The body is not valid JSON.');
  }
}
