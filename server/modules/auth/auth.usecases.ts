// Staff sign-in: a wrong password and an unknown e-mail are the same 401, in the same time.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../../db/client';
import type { Clock } from '../../lib/clock';
import { appError } from '../../lib/errors';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from '../../lib/passwords';
import * as repo from './auth.repository';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export const MIN_PASSWORD_LENGTH = 10;

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: 'agent' | 'supervisor' | 'registry' | 'officer' | 'head' | 'director' | 'delegate' | 'admin';
  departmentId: string | null;
  departmentCode: string | null;
  departmentKind: 'internal' | 'subordinate' | null;
  managerId: string | null;
};

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function login({ db, clock, email, password, clientAddress, userAgent }: {
  db: Db; clock: Clock; email: string; password: string; clientAddress: string; userAgent: string | null;
}): Promise<{ user: SessionUser; token: string; expiresAt: Date }> {
  const found = await repo.findUserByEmail(db, email);
  const ok = await verifyPassword(password, found?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!found || !found.active || !found.passwordHash || !ok) {
    throw appError('auth.invalid_credentials', 'Wrong e-mail or password.');
  }
  const token = randomBytes(32).toString('base64url');
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await repo.insertSession(db, { tokenHash: hashSessionToken(token), userId: found.id, createdAt: now, lastSeenAt: now, expiresAt, clientAddress, userAgent: userAgent?.slice(0, 300) ?? null });
  const { passwordHash: _h, active: _a, ...user } = found;
  return { user, token, expiresAt };
}

export async function resolveSession({ db, clock, token }: { db: Db; clock: Clock; token: string }): Promise<SessionUser | null> {
  const tokenHash = hashSessionToken(token);
  const now = clock.now();
  const found = await repo.findSessionUser(db, tokenHash, now);
  if (!found) return null;
  // Sliding expiry, written at most once a minute so reads stay reads.
  if (now.getTime() - found.lastSeenAt.getTime() > 60_000) {
    await repo.touchSession(db, tokenHash, now, new Date(now.getTime() + SESSION_TTL_MS));
  }
  const { lastSeenAt: _l, ...user } = found;
  return user;
}

export async function logout({ db, token }: { db: Db; token: string }): Promise<void> {
  await repo.deleteSession(db, hashSessionToken(token));
}

export async function changePassword({ db, clock, user, token, currentPassword, newPassword }: {
  db: Db; clock: Clock; user: SessionUser; token: string; currentPassword: string; newPassword: string;
}): Promise<void> {
  const stored = await repo.findPasswordHash(db, user.id);
  // A 400 on the field, not a 401: the session is valid, and a client treats 401 as "signed out".
  if (!stored || !(await verifyPassword(currentPassword, stored))) {
    throw appError('auth.wrong_current_password', 'The current password is wrong.', { fields: [{ path: 'currentPassword', code: 'wrong', message: 'Wrong password' }] });
  }
  assertStrongPassword(newPassword, user.email);
  await db.transaction(async (tx) => {
    await repo.setPasswordHash(tx, user.id, await hashPassword(newPassword), clock.now());
    // Other sessions (a lost laptop) end; this one goes on.
    await repo.deleteUserSessions(tx, user.id, hashSessionToken(token));
  });
}

/** `field` names the failing field in the 400 (`password` on the administrator's forms). */
export function assertStrongPassword(password: string, email: string, field = 'newPassword'): void {
  const tooWeak = password.length < MIN_PASSWORD_LENGTH || password.toLowerCase() === email.toLowerCase() || /^(.)\1+$/.test(password);
  if (tooWeak) {
    throw appError('auth.weak_password', `The password must have at least ${MIN_PASSWORD_LENGTH} characters and not be the e-mail address.`, {
      fields: [{ path: field, code: 'too_weak', message: `At least ${MIN_PASSWORD_LENGTH} characters` }],
    });
  }
}
