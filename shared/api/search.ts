// Staff search (issue 6 §4): GET /api/search?q=&cursor=&limit= over the registration number, subject,
// text, location address and petitioner name, with and without diacritics and with near spellings.
import { z } from 'zod';
import { PETITION_STATUSES } from '../domain/petition-codes';

export const SEARCH_MAX_LIMIT = 50;

/** The most recent matches that are ranked and paged (see `truncated`). */
export const SEARCH_WINDOW = 500;

export const searchQuerySchema = z.object({
  q: z.string().trim().min(1).max(200),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(SEARCH_MAX_LIMIT).default(20),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

/**
 * One hit. `rank` orders the results (highest first) and says how the petition matched:
 * - 4: the registration number exactly;
 * - 3: a registration-number prefix ("P-2026-0001");
 * - 1 ≤ rank < 2: a full-text match (words, diacritics ignored): 1 + ts_rank / (1 + ts_rank);
 * - 0 < rank < 1: only a near spelling (a word of the query spelt differently, found through pg_trgm):
 *   the word similarity of the query to the text.
 * `snippet` is plain text (never HTML) from the location and the text of the petition, with the
 * matched words between ⟦ and ⟧; the petitioner's name is never in a hit, not even in the snippet.
 */
export const searchItemSchema = z.object({
  id: z.string(),
  registrationNumber: z.string(),
  status: z.enum(PETITION_STATUSES),
  subject: z.string(),
  categoryCode: z.string(),
  departmentCode: z.string().nullable(),
  legalDueOn: z.string(),
  rank: z.number(),
  snippet: z.string(),
});
export type SearchItem = z.infer<typeof searchItemSchema>;

/**
 * `truncated`: more petitions matched than the SEARCH_WINDOW most recent ones that are ranked and paged here (a
 * common word at a city hall's scale). Add a word, or use the staff list's filters with `q`, which has no
 * such window.
 */
export const searchResponseSchema = z.object({ items: z.array(searchItemSchema), nextCursor: z.string().nullable(), truncated: z.boolean() });
export type SearchResponse = z.infer<typeof searchResponseSchema>;

/** Marks around the matched words in `snippet`: characters that Romanian prose never uses. */
export const SNIPPET_MARK = { start: '⟦', stop: '⟧' } as const;
