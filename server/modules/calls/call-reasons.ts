// Why people call (issue 5 §3): a reason per petition category, from the categories table, and the general
// ones that belong to no category (status of a petition, general information…).
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { categories } from '../../../db/schema';
import type { CallReason } from '../../../shared/api/calls';
import { GENERAL_CALL_REASONS } from '../../../shared/domain/calls';
import { appError } from '../../lib/errors';

export async function listCallReasons(db: DbOrTx): Promise<CallReason[]> {
  const rows = await db.select({ code: categories.code, nameRo: categories.nameRo }).from(categories).where(eq(categories.active, true)).orderBy(asc(categories.sortOrder), asc(categories.code));
  return [
    ...GENERAL_CALL_REASONS.map((r) => ({ code: r.code, label: r.label, categoryCode: null })),
    ...rows.map((r) => ({ code: r.code, label: r.nameRo, categoryCode: r.code })),
  ];
}

/** 400 naming the field when the reason is not on the list. */
export async function assertKnownReason(db: DbOrTx, reason: string): Promise<void> {
  if (GENERAL_CALL_REASONS.some((r) => r.code === reason)) return;
  const [row] = await db.select({ code: categories.code }).from(categories).where(eq(categories.code, reason));
  if (!row) throw appError('request.invalid', 'Unknown call reason.', { fields: [{ path: 'reason', code: 'unknown_reason', message: 'Not a reason of GET /api/calls/reasons' }] });
}
