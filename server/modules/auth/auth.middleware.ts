// Who is asking: the session cookie resolves to a staff user (or none); guards answer 401 and 403.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppDeps } from '../../app';
import { appError } from '../../lib/errors';
import type { AppEnv } from '../../lib/http';
import { resolveSession, type SessionUser } from './auth.usecases';

export const SESSION_COOKIE = 'dp_session';

export function sessionMiddleware(deps: Pick<AppDeps, 'db' | 'clock'>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const user = token && token.length < 100 ? await resolveSession({ db: deps.db, clock: deps.clock, token }) : null;
    c.set('user', user);
    c.set('sessionToken', user ? token! : null);
    await next();
  };
}

export function currentUser(c: { get(key: 'user'): SessionUser | null }): SessionUser {
  const user = c.get('user');
  if (!user) throw appError('auth.required', 'Sign in first.');
  return user;
}

/** 401 without a session, 403 for a role that may not do this. */
export function requireRole(...roles: SessionUser['role'][]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = currentUser(c);
    if (roles.length > 0 && !roles.includes(user.role)) throw appError('auth.forbidden', 'Your role may not do this.');
    await next();
  };
}
