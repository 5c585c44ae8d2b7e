// The Open311 API keys (issue 6 §7): the administrator issues one per application, sees it once, and
// revokes it. The table keeps only the key's SHA-256 (and a short prefix to tell keys apart).
import { randomBytes } from 'node:crypto';
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client';
import { open311ApiKeys, open311Requests, users } from '../../../db/schema';
import type { CreateOpen311KeyInput, Open311Key } from '../../../shared/api/open311';
import type { Clock } from '../../lib/clock';
import { appError } from '../../lib/errors';
import type { SessionUser } from '../auth/auth.usecases';
import { hashApiKey } from './open311.usecases';

const KEY_PREFIX = 'o311_';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 32 random bytes, base64url, with a recognisable prefix (secret scanners and people can tell what it is). */
export function generateApiKey(): string {
  return `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

const creator = alias(users, 'creator');

async function keyRows(db: Db, id?: string): Promise<Open311Key[]> {
  const requests = db
    .select({ apiKeyId: open311Requests.apiKeyId, n: count().as('n') })
    .from(open311Requests)
    .groupBy(open311Requests.apiKeyId)
    .as('requests');
  const rows = await db
    .select({ key: open311ApiKeys, creatorName: creator.name, n: requests.n })
    .from(open311ApiKeys)
    .leftJoin(creator, eq(creator.id, open311ApiKeys.createdBy))
    .leftJoin(requests, eq(requests.apiKeyId, open311ApiKeys.id))
    .where(id ? eq(open311ApiKeys.id, id) : undefined)
    .orderBy(desc(open311ApiKeys.createdAt), desc(open311ApiKeys.id));
  return rows.map(({ key: k, creatorName, n }) => ({
    id: k.id,
    name: k.name,
    prefix: k.keyPrefix,
    createdAt: k.createdAt.toISOString(),
    createdBy: k.createdBy ? { id: k.createdBy, name: creatorName ?? '' } : null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    requests: Number(n ?? 0),
  }));
}

export async function listApiKeys(db: Db): Promise<{ items: Open311Key[] }> {
  return { items: await keyRows(db) };
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

export async function createApiKey({ db, clock, actor, input }: { db: Db; clock: Clock; actor: SessionUser; input: CreateOpen311KeyInput }): Promise<{ key: string; apiKey: Open311Key }> {
  const taken = await db
    .select({ id: open311ApiKeys.id })
    .from(open311ApiKeys)
    .where(and(sql`lower(${open311ApiKeys.name}) = lower(${input.name})`, isNull(open311ApiKeys.revokedAt)));
  if (taken.length > 0) throw appError('open311_keys.name_taken', 'An active key with this name exists; revoke it first.', { fields: [{ path: 'name', code: 'taken', message: 'An active key has this name' }] });
  const key = generateApiKey();
  let id: string;
  try {
    const [row] = await db
      .insert(open311ApiKeys)
      .values({ name: input.name, keyHash: hashApiKey(key), keyPrefix: key.slice(0, KEY_PREFIX.length + 6), createdAt: clock.now(), createdBy: actor.id })
      .returning({ id: open311ApiKeys.id });
    id = row!.id;
  } catch (error) {
    if (isUniqueViolation(error)) throw appError('open311_keys.name_taken', 'An active key with this name exists; revoke it first.');
    throw error;
  }
  const [apiKey] = await keyRows(db, id);
  return { key, apiKey: apiKey! };
}

export async function revokeApiKey({ db, clock, actor, id }: { db: Db; clock: Clock; actor: SessionUser; id: string }): Promise<{ apiKey: Open311Key }> {
  if (!UUID.test(id)) throw appError('open311_keys.not_found', 'No such key.');
  const [existing] = await db.select({ revokedAt: open311ApiKeys.revokedAt }).from(open311ApiKeys).where(eq(open311ApiKeys.id, id));
  if (!existing) throw appError('open311_keys.not_found', 'No such key.');
  const revoked = await db
    .update(open311ApiKeys)
    .set({ revokedAt: clock.now(), revokedBy: actor.id })
    .where(and(eq(open311ApiKeys.id, id), isNull(open311ApiKeys.revokedAt)))
    .returning({ id: open311ApiKeys.id });
  if (revoked.length === 0) throw appError('open311_keys.revoked', 'This key is already revoked.');
  const [apiKey] = await keyRows(db, id);
  return { apiKey: apiKey! };
}
