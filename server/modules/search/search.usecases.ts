// Staff search (issue 6 §4): what the user may see (visibilityCondition, DESIGN.md "access is checked in
// the use case"), ranked, one keyset page at a time. The petitioner's name is matched but never returned.
import type { Db } from '../../../db/client';
import type { SearchItem, SearchQuery, SearchResponse } from '../../../shared/api/search';
import { appError } from '../../lib/errors';
import { loadAccessContext, PETITION_READER_ROLES, visibilityCondition } from '../access/access';
import type { SessionUser } from '../auth/auth.usecases';
import * as repo from './search.repository';

export function encodeSearchCursor(c: repo.SearchCursor): string {
  // String(number) is the shortest text that reads back as the same float8: the keyset is exact.
  return Buffer.from(`${String(c.rank)}|${c.id}`).toString('base64url');
}

export function decodeSearchCursor(s: string): repo.SearchCursor | null {
  const [rank, id] = Buffer.from(s, 'base64url').toString().split('|');
  const n = Number(rank);
  return rank && id && Number.isFinite(n) && /^[0-9a-f-]{36}$/.test(id) ? { rank: n, id } : null;
}

export async function searchPetitions({ db, user, query }: { db: Db; user: SessionUser; query: SearchQuery }): Promise<SearchResponse> {
  if (!(PETITION_READER_ROLES as readonly string[]).includes(user.role)) throw appError('auth.forbidden', 'Your role has no access to petitions.');
  const cursor = query.cursor ? decodeSearchCursor(query.cursor) : null;
  if (query.cursor && !cursor) throw appError('request.invalid', 'Bad cursor.', { fields: [{ path: 'cursor', code: 'invalid', message: 'Bad cursor' }] });
  const parsed = repo.parseSearch(query.q);
  if (repo.isEmptySearch(parsed)) return { items: [], nextCursor: null, truncated: false };
  const ctx = await loadAccessContext(db, user);
  const rows = await repo.withSearchSettings(db, async (tx) =>
    repo.searchPetitions(tx, { parsed: await repo.resolveSearch(tx, parsed), visible: visibilityCondition(ctx), cursor, limit: query.limit }));
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const items: SearchItem[] = page.map((r) => ({
    id: r.id,
    registrationNumber: r.registrationNumber,
    status: r.status,
    subject: r.subject,
    categoryCode: r.categoryCode,
    departmentCode: r.departmentCode,
    legalDueOn: r.legalDueOn,
    rank: r.rank,
    snippet: redactName(r.snippet, r.nameParts),
  }));
  return {
    items,
    nextCursor: rows.length > query.limit && last ? encodeSearchCursor({ rank: last.rank, id: last.id }) : null,
    truncated: (rows[0]?.windowTotal ?? 0) > repo.SEARCH_WINDOW,
  };
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The petitioner's name may also be written in the text ("Mulțumesc, Ion Popescu"): a search hit never
 * shows it, whatever the diacritics. Each word of the name (2+ letters) becomes "•••" in the snippet.
 */
export function redactName(snippet: string, name: string): string {
  const words = new Set((name.match(/[\p{L}\p{M}]+/gu) ?? []).map(fold).filter((w) => w.length >= 2));
  if (words.size === 0) return snippet;
  return snippet.replace(/[\p{L}\p{M}]+/gu, (w) => (words.has(fold(w)) ? '•••' : w));
}
