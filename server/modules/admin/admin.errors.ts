// The administrator's 400s name the field, as zod's do, so the forms can show the message beside it.
import { appError, type AppError } from '../../lib/errors';

export function fieldError(path: string, code: string, message: string): AppError {
  return appError('request.invalid', message, { fields: [{ path, code, message }] });
}

/** PostgreSQL's unique_violation (23505), through Drizzle's wrapping: two admins racing for one code. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/** A path parameter that cannot be an id is simply not found (rather than a database error). */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
