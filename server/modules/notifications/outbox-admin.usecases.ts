// The administrator's outbox: the list (newest first, keyset pages) and "retry" for a failed notice.
import type { Db } from '../../../db/client';
import { OUTBOX_PAGE_MAX, type OutboxItem, type OutboxList, type OutboxQuery } from '../../../shared/api/outbox';
import type { Clock } from '../../lib/clock';
import { appError } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import { findNotice, listOutbox, requeueFailed, type OutboxCursor, type OutboxRow } from './outbox.repository';

export function outboxItemDto(r: OutboxRow): OutboxItem {
  return {
    id: r.id,
    channel: r.channel,
    recipient: r.recipient,
    template: r.template,
    status: r.status,
    attempts: r.attempts,
    providerId: r.providerId,
    providerStatus: r.providerStatus,
    createdAt: r.createdAt.toISOString(),
    subject: r.subject,
    body: r.body,
    lastError: r.lastError,
    sentAt: r.sentAt?.toISOString() ?? null,
    nextAttemptAt: r.nextAttemptAt.toISOString(),
    segments: r.segments,
    encoding: r.encoding,
    petitionId: r.petitionId,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(r: Pick<OutboxRow, 'createdAt' | 'id'>): string {
  return Buffer.from(`${r.createdAt.toISOString()}|${r.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): OutboxCursor {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(at ?? '');
  if (!id || !UUID.test(id) || Number.isNaN(createdAt.getTime())) {
    throw appError('request.invalid', 'The cursor is not one this list gave.', { fields: [{ path: 'cursor', code: 'invalid', message: 'Unknown cursor' }] });
  }
  return { createdAt, id };
}

export async function listNotices(db: Db, q: OutboxQuery): Promise<OutboxList> {
  const limit = q.limit ?? OUTBOX_PAGE_MAX;
  const rows = await listOutbox(db, { status: q.status, channel: q.channel, cursor: q.cursor ? decodeCursor(q.cursor) : null, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(outboxItemDto), nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

/** Only a `failed` notice goes back to the queue: one being sent or already sent would reach the citizen twice. */
export async function retryNotice({ db, clock, logger, id, by }: { db: Db; clock: Clock; logger: Logger; id: string; by: string }): Promise<OutboxItem> {
  const row = await requeueFailed(db, id, clock.now());
  if (row) {
    logger.info('failed notice queued again by an administrator', { id, by });
    return outboxItemDto(row);
  }
  const existing = await findNotice(db, id);
  if (!existing) throw appError('outbox.not_found', 'No such notice.');
  throw appError('outbox.conflict', `Only a failed notice can be retried; this one is ${existing.status}.`, { status: existing.status });
}
