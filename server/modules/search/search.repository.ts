// The search query (issue 6 §4). Every arm of the match is served by an index of migration 0009, so
// PostgreSQL combines them in a BitmapOr and never scans the petitions table:
// - the registration number exactly (the unique index) or by prefix (a byte-wise range on the
//   `registration_number COLLATE "C"` index, usable in a generic prepared plan, unlike LIKE $1);
// - full text: the stored `search_tsv` column (ro_unaccent = unaccent + simple) and its GIN index;
// - near spellings: pg_trgm's `%>` on petition_search_text(...), the unaccented lower-cased text, and
//   its GIN trigram index. The threshold is set for the transaction (see withSearchSettings).
// The same SQL runs on PGlite (PostgreSQL 18) and the server (15): no stemmer, no locale-dependent step.
import { and, asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../../db/client';
import { categories, departments, petitions } from '../../../db/schema';
import { SNIPPET_MARK } from '../../../shared/api/search';
import { parseRegistrationNumber } from '../../../shared/domain/registration-number';

/**
 * pg_trgm's word-similarity threshold for near spellings. The default, 0.6, misses a changed ending:
 * "strada" ~ "străzii" is 0.57, "tintei" ~ "țintă" 0.57; a misspelt "Cascdelor" ~ "Cascadelor" is 0.74.
 * 0.5 keeps those and still refuses unrelated words (most share no more than a third of their trigrams).
 */
export const WORD_SIMILARITY_THRESHOLD = 0.5;

/** Shorter than this (after unaccenting), a query has too few trigrams for a meaningful near match. */
const MIN_TRIGRAM_QUERY = 3;

export type ParsedSearch = {
  /** The normalised registration number, when the query is one (P-2026-000123). */
  exactNumber: string | null;
  /** An upper-case registration-number prefix (P-2026, P-2026-0001), when the query looks like one. */
  numberPrefix: string | null;
  /** to_tsquery text: the query's words ANDed, words of 3+ characters also as prefixes. */
  tsquery: string | null;
  /** The query's words for the trigram match (the database unaccents and lower-cases them). */
  trigram: string | null;
};

const NUMBER_PREFIX = /^[PI]-\d{1,4}(-\d{0,9})?$/;

/** Splits what the user typed into the parts each index answers. Pure; exported for the tests. */
export function parseSearch(q: string): ParsedSearch {
  const trimmed = q.trim();
  const exact = parseRegistrationNumber(trimmed);
  const upper = trimmed.toUpperCase();
  if (exact || NUMBER_PREFIX.test(upper)) {
    // A number, or the start of one: nothing else to look for (numbers are not in the text index).
    return { exactNumber: exact?.normalized ?? null, numberPrefix: upper, tsquery: null, trigram: null };
  }
  // NFC first: a decomposed "ț" (t + U+0326) must stay one letter of one word.
  const words = trimmed.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return { exactNumber: null, numberPrefix: null, tsquery: null, trigram: null };
  // Only letters and digits reach to_tsquery, so no quoting or operator can be injected.
  const tsquery = words.map((w) => (w.length >= 3 ? `'${w}':*` : `'${w}'`)).join(' & ');
  const joined = words.join(' ');
  return { exactNumber: null, numberPrefix: null, tsquery, trigram: joined.length >= MIN_TRIGRAM_QUERY ? joined : null };
}

export function isEmptySearch(p: ParsedSearch): boolean {
  return !p.exactNumber && !p.numberPrefix && !p.tsquery && !p.trigram;
}

const tsv = sql`${petitions}."search_tsv"`;
const searchText = sql`public.petition_search_text(${petitions.subject}, ${petitions.locationAddress}, ${petitions.petitionerFirstName}, ${petitions.petitionerLastName}, ${petitions.petitionerOrganization}, ${petitions.body})`;
const numberC = sql`(${petitions.registrationNumber} collate "C")`;

function parts(p: ParsedSearch) {
  const tsq = p.tsquery ? sql`to_tsquery('ro_unaccent', ${p.tsquery})` : null;
  const trigram = p.trigram ? sql`lower(public.f_unaccent(${p.trigram}::text))` : null;
  return {
    exact: p.exactNumber ? eq(petitions.registrationNumber, p.exactNumber) : null,
    prefix: p.numberPrefix ? sql`(${numberC} >= ${p.numberPrefix}::text and ${numberC} < ${`${p.numberPrefix}~`}::text)` : null,
    fullText: tsq ? sql`${tsv} @@ ${tsq}` : null,
    near: trigram ? sql`${searchText} %> ${trigram}` : null,
    tsq,
    trigram,
  };
}

/** "This petition matches the query": one OR of index-served conditions (false for an empty query). */
export function matchCondition(p: ParsedSearch): SQL {
  const { exact, prefix, fullText, near } = parts(p);
  const arms = [exact, prefix, fullText, near].filter((x): x is SQL => x !== null);
  return arms.length > 0 ? or(...arms)! : sql`false`;
}

/** The rank of the API (see shared/api/search.ts): number, then ts_rank, then trigram similarity. */
export function rankExpression(p: ParsedSearch): SQL<number> {
  const { exact, prefix, fullText, tsq, trigram } = parts(p);
  const whens: SQL[] = [];
  if (exact) whens.push(sql`when ${exact} then 4`);
  if (prefix) whens.push(sql`when ${prefix} then 3`);
  // ts_rank's normalisation 32 maps it into [0, 1): every full-text hit ranks above every near one.
  if (fullText && tsq) whens.push(sql`when ${fullText} then 1 + ts_rank(${tsv}, ${tsq}, 32)::float8`);
  if (trigram) whens.push(sql`when true then word_similarity(${trigram}, ${searchText})::float8`);
  return sql<number>`(case ${sql.join(whens, sql` `)} else 0 end)::float8`;
}

/**
 * Sets the pg_trgm threshold for this transaction only (SET LOCAL): the `%>` operator and its index read
 * it. Whoever uses matchCondition runs its query through this.
 */
export async function withSearchSettings<T>(db: Db, run: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY_THRESHOLD)}, true)`);
    return run(tx as Tx);
  });
}

export type SearchCursor = { rank: number; id: string };

const HEADLINE_OPTIONS = `StartSel=${SNIPPET_MARK.start}, StopSel=${SNIPPET_MARK.stop}, MaxWords=24, MinWords=10, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

export type SearchArgs = { parsed: ParsedSearch; visible: SQL; cursor: SearchCursor | null; limit: number };

/** One page of hits, best first; `limit + 1` rows so the caller knows whether there is a next page. */
export async function searchPetitions(tx: DbOrTx, args: SearchArgs) {
  return await searchQuery(tx, args);
}

/** The query itself, unexecuted (the tests EXPLAIN it). */
export function searchQuery(tx: DbOrTx, { parsed, visible, cursor, limit }: SearchArgs) {
  const rank = rankExpression(parsed);
  const { tsq } = parts(parsed);
  const snippetSource = sql`coalesce(${petitions.locationAddress} || ' — ', '') || ${petitions.body}`;
  const snippet = tsq
    ? sql<string>`ts_headline('ro_unaccent', ${snippetSource}, ${tsq}, ${HEADLINE_OPTIONS})`
    : sql<string>`left(${snippetSource}, 200)`;
  const after = cursor ? or(sql`${rank} < ${cursor.rank}::float8`, and(sql`${rank} = ${cursor.rank}::float8`, sql`${petitions.id} > ${cursor.id}::uuid`)) : undefined;
  return tx
    .select({
      id: petitions.id,
      registrationNumber: petitions.registrationNumber,
      status: petitions.status,
      subject: petitions.subject,
      categoryCode: categories.code,
      departmentCode: departments.code,
      legalDueOn: petitions.legalDueOn,
      rank: sql<number>`${rank}`.mapWith(Number),
      snippet,
      // Read only to keep the petitioner's name out of the snippet; never returned (personal data).
      nameParts: sql<string>`concat_ws(' ', ${petitions.petitionerFirstName}, ${petitions.petitionerLastName}, ${petitions.petitionerOrganization})`,
    })
    .from(petitions)
    .innerJoin(categories, eq(categories.id, petitions.categoryId))
    .leftJoin(departments, eq(departments.id, petitions.handlerDepartmentId))
    .where(and(matchCondition(parsed), visible, after))
    .orderBy(desc(rank), asc(petitions.id))
    .limit(limit + 1);
}
