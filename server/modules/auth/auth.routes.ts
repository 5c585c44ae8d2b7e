import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AppDeps } from '../../app';
import { appError, isAppError } from '../../lib/errors';
import { clientAddress, parseOrThrow, readJson, type AppEnv } from '../../lib/http';
import { createRateLimiter } from '../../lib/rate-limit';
import { currentUser, SESSION_COOKIE } from './auth.middleware';
import { changePassword, login, logout, type SessionUser } from './auth.usecases';

const loginSchema = z.object({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(200) });
const passwordSchema = z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().max(200) });

const COOKIE_MAX_AGE_S = 7 * 24 * 3600;

export function userDto(u: SessionUser) {
  return { id: u.id, email: u.email, name: u.name, role: u.role, departmentCode: u.departmentCode };
}

export function authRoutes(deps: AppDeps) {
  // Failed sign-ins are throttled per account and per address (in memory, docs/adr/0004).
  const perAccount = createRateLimiter({ limit: 5, windowMs: 15 * 60_000, name: 'sign-in' });
  const perAddress = createRateLimiter({ limit: 30, windowMs: 15 * 60_000, name: 'sign-in' });
  const secure = deps.config.publicUrl.startsWith('https:');
  const app = new Hono<AppEnv>();

  app.post('/auth/login', async (c) => {
    const { email, password } = parseOrThrow(loginSchema, await readJson(c));
    const address = clientAddress(c, deps.config.trustProxy);
    const now = deps.clock.now().getTime();
    const keys = [`acct:${email.toLowerCase()}`, `addr:${address}`] as const;
    throttled(() => {
      perAccount.check(keys[0], now);
      perAddress.check(keys[1], now);
    });
    try {
      const { user, token } = await login({ db: deps.db, clock: deps.clock, email, password, clientAddress: address, userAgent: c.req.header('user-agent') ?? null });
      // The server decides how long a session lives (12 hours idle, sliding); the cookie only has to outlast it.
      setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure, path: '/', maxAge: COOKIE_MAX_AGE_S });
      return c.json({ user: userDto(user) });
    } catch (error) {
      if (isAppError(error) && error.code === 'auth.invalid_credentials') {
        // Only failures count; once over the line, even the right password waits.
        throttled(() => {
          perAccount.hit(keys[0], now);
          perAddress.hit(keys[1], now);
        });
      }
      throw error;
    }
  });

  app.post('/auth/logout', async (c) => {
    const token = c.get('sessionToken');
    if (token) await logout({ db: deps.db, token });
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure });
    return c.body(null, 204);
  });

  app.get('/auth/me', (c) => c.json({ user: userDto(currentUser(c)) }));

  app.post('/auth/password', async (c) => {
    const user = currentUser(c);
    const body = parseOrThrow(passwordSchema, await readJson(c));
    // Guessing the current password from a borrowed session counts as failed sign-ins of the account.
    const key = `acct:${user.email.toLowerCase()}`;
    const now = deps.clock.now().getTime();
    throttled(() => perAccount.check(key, now));
    try {
      await changePassword({ db: deps.db, clock: deps.clock, user, token: c.get('sessionToken')!, ...body });
    } catch (error) {
      if (isAppError(error) && error.code === 'auth.wrong_current_password') throttled(() => perAccount.hit(key, now));
      throw error;
    }
    return c.body(null, 204);
  });
  return app;
}

function throttled(check: () => void): void {
  try {
    check();
  } catch (limited) {
    throw appError('auth.throttled', 'Too many failed sign-ins; wait a few minutes and try again.', undefined, isAppError(limited) ? limited.headers : undefined);
  }
}
