// The log of personal-data reads (GDPR / Legea 190/2018: every read of a petitioner's data is logged),
// written by the staff API (`petitioner`, `template`), the call center (`caller_lookup`) and the GDPR
// export (`gdpr_export`); the administrator reads it newest first, a page at a time.
import { and, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { personalDataReads, petitions, users } from '../../../db/schema';
import type { PersonalDataRead, PersonalDataReadsQuery } from '../../../shared/api/gdpr';
import { addDays, bucharestMidnight } from '../../../shared/domain/dates';
import { appError } from '../../lib/errors';

const DEFAULT_LIMIT = 50;

function encodeCursor(at: Date, id: number): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { at: Date; id: number } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  const n = Number(id);
  if (Number.isNaN(date.getTime()) || !Number.isSafeInteger(n)) {
    throw appError('request.invalid', 'The cursor is not valid.', { fields: [{ path: 'cursor', code: 'invalid', message: 'Not a cursor of this list' }] });
  }
  return { at: date, id: n };
}

/** `from` is inclusive, `to` too: a day means the whole Bucharest day. */
function instant(value: string, end: boolean): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return bucharestMidnight(end ? addDays(value, 1) : value);
  const at = new Date(value);
  return end ? new Date(at.getTime() + 1) : at;
}

export async function listPersonalDataReads(db: Db, q: PersonalDataReadsQuery): Promise<{ items: PersonalDataRead[]; nextCursor: string | null }> {
  const where: SQL[] = [];
  if (q.from) where.push(gte(personalDataReads.at, instant(q.from, false)));
  if (q.to) where.push(lt(personalDataReads.at, instant(q.to, true)));
  if (q.userId) where.push(eq(personalDataReads.userId, q.userId));
  if (q.source) where.push(eq(personalDataReads.source, q.source));
  if (q.petition) {
    where.push(/^[PI]-/.test(q.petition) ? eq(petitions.registrationNumber, q.petition) : eq(personalDataReads.petitionId, q.petition));
  }
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    where.push(or(lt(personalDataReads.at, c.at), and(eq(personalDataReads.at, c.at), lt(personalDataReads.id, c.id)))!);
  }
  const limit = q.limit ?? DEFAULT_LIMIT;
  const rows = await db
    .select({ read: personalDataReads, userName: users.name, userRole: users.role, number: petitions.registrationNumber })
    .from(personalDataReads)
    .innerJoin(users, eq(users.id, personalDataReads.userId))
    .leftJoin(petitions, eq(petitions.id, personalDataReads.petitionId))
    .where(where.length > 0 ? and(...where) : sql`true`)
    .orderBy(desc(personalDataReads.at), desc(personalDataReads.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(({ read: r, userName, userRole, number }) => ({
      id: r.id,
      at: r.at.toISOString(),
      user: { id: r.userId, name: userName, role: userRole },
      petition: r.petitionId && number ? { id: r.petitionId, registrationNumber: number } : null,
      source: r.source,
      subject: r.subject,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.read.at, last.read.id) : null,
  };
}
