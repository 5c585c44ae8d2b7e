// The search query (issue 6 §4). Every arm of the match is served by an index, so PostgreSQL combines
// them in a BitmapOr and never scans the petitions table:
// - the registration number exactly (the unique index) or by prefix (a byte-wise range on the
//   `registration_number COLLATE "C"` index, usable in a generic prepared plan, unlike LIKE $1);
// - full text: the stored `search_tsv` column (ro_unaccent = unaccent + simple) and its GIN index;
// - near spellings: each word of the query is looked up in `search_words` (the petitions' distinct words,
//   migration 0013) with pg_trgm's `%>` on its trigram index, and the words found near it join the
//   full-text query as alternatives, so the petitions are still searched through `search_tsv` alone.
// Only the most recent SEARCH_WINDOW matches are ranked: a common word matches tens of thousands of
// petitions, and ranking them all cost seconds at a million (docs/bench.md). The staff list's `q`
// filters with the same match and no window, for whoever needs every match.
// The same SQL runs on PGlite (PostgreSQL 18) and the server (15): no stemmer, no locale-dependent step.
import { and, asc, desc, eq, gte, or, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db, type DbOrTx, type Tx } from '../../../db/client';
import { categories, departments, petitions } from '../../../db/schema';
import { SEARCH_WINDOW, SNIPPET_MARK } from '../../../shared/api/search';
import { parseRegistrationNumber } from '../../../shared/domain/registration-number';

/**
 * pg_trgm's word-similarity threshold for near spellings. The default, 0.6, misses a changed ending:
 * "strada" ~ "străzii" is 0.57, "tintei" ~ "țintă" 0.57; a misspelt "Cascdelor" ~ "Cascadelor" is 0.74.
 * 0.5 keeps those and still refuses unrelated words (most share no more than a third of their trigrams).
 */
export const WORD_SIMILARITY_THRESHOLD = 0.5;

/**
 * word_similarity measures the query word against the best stretch of a dictionary word, so a long word that
 * merely ends like the query ("certificatului" for "oltului", 0.5) passes the threshold; the plain similarity
 * of the two whole words must also reach this floor. "strada" ~ "străzii" is 0.36, "gropa" ~ "groapă" 0.44,
 * "Cascdelor" ~ "Cascadelor" 0.62; "oltului" ~ "certificatului" 0.2, "valea" ~ "calea" 0.33.
 */
const WORD_SIMILARITY_FLOOR = 0.35;

/** Shorter than this (after unaccenting), a query has too few trigrams for a meaningful near match. */
const MIN_TRIGRAM_QUERY = 3;

/** The near spellings of one query word that join the query: the closest first. */
const NEAR_WORDS_PER_WORD = 20;

/** The most recent matches that are ranked (and paged); the response says when there were more. */
export { SEARCH_WINDOW };

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

/** A parsed query with the near spellings the dictionary gave: what the SQL below is built from. */
export type ResolvedSearch = ParsedSearch & {
  /** to_tsquery text of the full-text query with, for each word, its near spellings as alternatives. */
  nearTsquery: string | null;
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

/** The words of a free-text query, as parseSearch splits them. */
function queryWords(p: ParsedSearch): string[] {
  return p.trigram ? p.trigram.split(' ') : [];
}

const LEXEME = /^[\p{L}\p{N}]+$/u;

/**
 * Looks the query's words (3+ letters) up in the dictionary of the petitions' words (one statement, run in
 * withSearchSettings' transaction for the threshold) and builds the full-text query with the near words:
 * "Cascdelor" → ('Cascdelor':* | 'cascadelor'). A word with no near spelling keeps its own term.
 */
export async function resolveSearch(tx: DbOrTx, p: ParsedSearch): Promise<ResolvedSearch> {
  const words = queryWords(p);
  const long = [...new Set(words.filter((w) => w.length >= MIN_TRIGRAM_QUERY))];
  if (!p.tsquery || long.length === 0) return { ...p, nearTsquery: null };
  const asked = sql.join(long.map((w, i) => sql`(${i}::int, lower(public.f_unaccent(${w}::text)))`), sql`, `);
  const rows = await tx.execute<{ i: number; word: string }>(sql`
    select q.i, n.word from (values ${asked}) as q(i, w)
    cross join lateral (
      select d.word from search_words d
      where d.word %> q.w and similarity(q.w, d.word) >= ${WORD_SIMILARITY_FLOOR} and left(d.word, length(q.w)) <> q.w
      order by word_similarity(q.w, d.word) desc, d.word
      limit ${NEAR_WORDS_PER_WORD}
    ) as n`);
  const list = rowsOf<{ i: number; word: string }>(rows);
  const near = new Map<string, string[]>();
  for (const r of list) {
    if (!LEXEME.test(r.word)) continue; // only letters and digits reach to_tsquery
    const w = long[Number(r.i)]!;
    near.set(w, [...(near.get(w) ?? []), r.word]);
  }
  if (near.size === 0) return { ...p, nearTsquery: null };
  const term = (w: string) => (w.length >= 3 ? `'${w}':*` : `'${w}'`);
  const nearTsquery = words.map((w) => (near.has(w) ? `(${[term(w), ...near.get(w)!.map((n) => `'${n}'`)].join(' | ')})` : term(w))).join(' & ');
  return { ...p, nearTsquery };
}

export function isEmptySearch(p: ParsedSearch): boolean {
  return !p.exactNumber && !p.numberPrefix && !p.tsquery && !p.trigram;
}

const tsv = sql`${petitions}."search_tsv"`;
const searchText = sql`public.petition_search_text(${petitions.subject}, ${petitions.locationAddress}, ${petitions.petitionerFirstName}, ${petitions.petitionerLastName}, ${petitions.petitionerOrganization}, ${petitions.body})`;
const numberC = sql`(${petitions.registrationNumber} collate "C")`;

function parts(p: ResolvedSearch) {
  const tsq = p.tsquery ? sql`to_tsquery('ro_unaccent', ${p.tsquery})` : null;
  const nearTsq = p.nearTsquery ? sql`to_tsquery('ro_unaccent', ${p.nearTsquery})` : null;
  const trigram = p.trigram ? sql`lower(public.f_unaccent(${p.trigram}::text))` : null;
  return {
    exact: p.exactNumber ? eq(petitions.registrationNumber, p.exactNumber) : null,
    prefix: p.numberPrefix ? sql`(${numberC} >= ${p.numberPrefix}::text and ${numberC} < ${`${p.numberPrefix}~`}::text)` : null,
    fullText: tsq ? sql`${tsv} @@ ${tsq}` : null,
    // The near words include the full-text terms: this arm alone finds both kinds of hit.
    withNear: nearTsq ? sql`${tsv} @@ ${nearTsq}` : null,
    tsq,
    trigram,
  };
}

/** "This petition matches the query": one OR of index-served conditions (false for an empty query). */
export function matchCondition(p: ResolvedSearch): SQL {
  const { exact, prefix, fullText, withNear } = parts(p);
  const arms = [exact, prefix, withNear ?? fullText].filter((x): x is SQL => x !== null);
  return arms.length > 0 ? or(...arms)! : sql`false`;
}

/** The rank of the API (see shared/api/search.ts): number, then ts_rank, then trigram similarity. */
export function rankExpression(p: ResolvedSearch): SQL<number> {
  const { exact, prefix, fullText, tsq, trigram, withNear } = parts(p);
  const whens: SQL[] = [];
  if (exact) whens.push(sql`when ${exact} then 4`);
  if (prefix) whens.push(sql`when ${prefix} then 3`);
  // ts_rank's normalisation 32 maps it into [0, 1): every full-text hit ranks above every near one.
  if (fullText && tsq) whens.push(sql`when ${fullText} then 1 + ts_rank(${tsv}, ${tsq}, 32)::float8`);
  // A near hit: how close the query is to some stretch of the text (pg_trgm), above 0 however far.
  if (trigram && withNear) whens.push(sql`when true then greatest(word_similarity(${trigram}, ${searchText}), 0.01)::float8`);
  return sql<number>`(case ${sql.join(whens, sql` `)} else 0 end)::float8`;
}

/**
 * Sets the pg_trgm threshold for this transaction only (SET LOCAL): the `%>` operator and its index read
 * it. Whoever resolves a search (resolveSearch) runs it through this.
 */
export async function withSearchSettings<T>(db: Db, run: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY_THRESHOLD)}, true)`);
    return run(tx as Tx);
  });
}

export type SearchCursor = { rank: number; id: string };

const HEADLINE_OPTIONS = `StartSel=${SNIPPET_MARK.start}, StopSel=${SNIPPET_MARK.stop}, MaxWords=24, MinWords=10, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * `since`: look only at petitions registered from then on (the newest RECENT_ROWS, see searchPetitions);
 * null: at all of them.
 */
export type SearchArgs = { parsed: ResolvedSearch; visible: SQL; cursor: SearchCursor | null; limit: number; since?: Date | null };

/** How many of the newest petitions the first, bounded look covers. */
export const RECENT_ROWS = 20_000;

/** When the RECENT_ROWS-th newest petition was registered (null while there are fewer). */
export async function recentBoundary(tx: DbOrTx, recentRows = RECENT_ROWS): Promise<Date | null> {
  const [row] = await tx.select({ at: petitions.registeredAt }).from(petitions).orderBy(desc(petitions.registeredAt)).offset(recentRows).limit(1);
  return row?.at ?? null;
}

/**
 * One page of hits, best first; `limit + 1` rows so the caller knows whether there is a next page. Two
 * looks, because PostgreSQL cannot know in advance how many matches the user may see (a common word of
 * another department's petitions matches thousands, none visible): first among the newest RECENT_ROWS
 * petitions, bounded whatever the plan; when that fills the window, those are the most recent matches of
 * all, and the answer (the common case: a common word). Otherwise the matches the user may see are few or
 * old, and the second look reads every match through the search indexes (docs/bench.md has the cost).
 */
export async function searchPetitions(tx: DbOrTx, args: SearchArgs, recentRows = RECENT_ROWS) {
  const since = await recentBoundary(tx, recentRows);
  if (since) {
    const rows = await searchQuery(tx, { ...args, since });
    if ((rows[0]?.windowTotal ?? 0) > SEARCH_WINDOW) return rows;
  }
  return await searchQuery(tx, { ...args, since: null });
}

/**
 * The query itself, unexecuted (the tests EXPLAIN it). The window: the SEARCH_WINDOW + 1 most recent
 * matches the user may see (one bitmap of the indexes above, then a top-N sort; nothing ranked yet), with
 * every column the page needs, numbered and counted; only the first SEARCH_WINDOW are ranked and paged,
 * and `windowTotal` says whether there was one more. The window is named `petitions`, so the rank, the
 * snippet and the joins below read its columns without a second visit to the table.
 */
export function searchQuery(tx: DbOrTx, { parsed, visible, cursor, limit, since = null }: SearchArgs) {
  const columns = {
    id: petitions.id,
    registrationNumber: petitions.registrationNumber,
    status: petitions.status,
    subject: petitions.subject,
    body: petitions.body,
    locationAddress: petitions.locationAddress,
    petitionerFirstName: petitions.petitionerFirstName,
    petitionerLastName: petitions.petitionerLastName,
    petitionerOrganization: petitions.petitionerOrganization,
    categoryId: petitions.categoryId,
    handlerDepartmentId: petitions.handlerDepartmentId,
    legalDueOn: petitions.legalDueOn,
    registeredAt: petitions.registeredAt,
  };
  const recent = tx
    .select({ ...columns, searchTsv: sql`${tsv}`.as('search_tsv') })
    .from(petitions)
    .where(and(matchCondition(parsed), visible, since ? gte(petitions.registeredAt, since) : undefined))
    // Over every petition, `nulls last` (registered_at is never null) keeps the planner from walking the
    // registered_at index backwards through a million rows in search of matches the user may not see: the
    // matches come from the search indexes' bitmap, then a top-N sort.
    .orderBy(since ? desc(petitions.registeredAt) : sql`${petitions.registeredAt} desc nulls last`, asc(petitions.id))
    .limit(SEARCH_WINDOW + 1)
    .as('recent');
  const window = tx
    .select({
      ...Object.fromEntries(Object.keys(columns).map((k) => [k, recent[k as keyof typeof columns]])),
      searchTsv: recent.searchTsv,
      n: sql<number>`row_number() over (order by ${recent.registeredAt} desc, ${recent.id})`.as('n'),
      total: sql<number>`count(*) over ()`.as('total'),
    })
    .from(recent)
    .as('petitions');
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
      windowTotal: sql<number>`${window.total}`.mapWith(Number),
    })
    .from(window)
    .innerJoin(categories, eq(categories.id, petitions.categoryId))
    .leftJoin(departments, eq(departments.id, petitions.handlerDepartmentId))
    .where(and(sql`${window.n} <= ${SEARCH_WINDOW}`, after))
    .orderBy(desc(rank), asc(petitions.id))
    .limit(limit + 1);
}
