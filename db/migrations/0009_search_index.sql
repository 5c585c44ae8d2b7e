-- Staff search (issue 6 §4). Written by hand (drizzle-kit generate --custom): drizzle cannot express a
-- stored generated tsvector column, expression indexes with operator classes, or SQL functions. The
-- column and the indexes are deliberately not in db/schema: nothing reads them through Drizzle's table
-- objects, and server/modules/search/search.repository.ts names them in SQL.
--
-- unaccent() is STABLE (it looks its dictionary up by name at run time), so it cannot appear in an index
-- expression. f_unaccent() pins the dictionary by its schema-qualified name and is declared IMMUTABLE,
-- the usual way to index unaccented text. Being a SQL function with a STABLE body, the planner never
-- inlines it, so the query's f_unaccent(...) matches the index expression exactly.
CREATE FUNCTION f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
--> statement-breakpoint
-- The text that near-spelling matches (pg_trgm) run over: unaccented and lower-cased, in one fixed order.
-- Only immutable parts (|| and coalesce, not concat_ws, which is STABLE). Petitioner names are searched
-- here but never returned by the search API (personal data). Names in the bodies are schema-qualified:
-- PostgreSQL 17+ (PGlite) builds an index with search_path = pg_catalog, pg_temp.
CREATE FUNCTION petition_search_text(subject text, location text, first_name text, last_name text, organisation text, body text)
  RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT lower(public.f_unaccent(
    coalesce(subject, '') || ' ' || coalesce(location, '') || ' ' || coalesce(first_name, '') || ' ' ||
    coalesce(last_name, '') || ' ' || coalesce(organisation, '') || ' ' || coalesce(body, ''))) $$;
--> statement-breakpoint
-- Full text: the ro_unaccent configuration of migration 0001 (unaccent + simple, identical on PGlite's
-- PostgreSQL 18 and the server's 15). Weights rank a match in the subject (A) above the address and the
-- petitioner's name (B) and the body (C). Stored, so a search never recomputes it.
ALTER TABLE "petitions" ADD COLUMN "search_tsv" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('ro_unaccent'::regconfig, coalesce("subject", '')), 'A') ||
  setweight(to_tsvector('ro_unaccent'::regconfig,
    coalesce("location_address", '') || ' ' || coalesce("petitioner_first_name", '') || ' ' ||
    coalesce("petitioner_last_name", '') || ' ' || coalesce("petitioner_organization", '')), 'B') ||
  setweight(to_tsvector('ro_unaccent'::regconfig, coalesce("body", '')), 'C')
) STORED;
--> statement-breakpoint
CREATE INDEX "petitions_search_tsv_idx" ON "petitions" USING gin ("search_tsv");
--> statement-breakpoint
CREATE INDEX "petitions_search_trgm_idx" ON "petitions" USING gin (
  public.petition_search_text("subject", "location_address", "petitioner_first_name", "petitioner_last_name", "petitioner_organization", "body") gin_trgm_ops
);
--> statement-breakpoint
-- Registration-number prefixes ("P-2026-0001…") as a byte-wise range, which an index serves even in a
-- generic prepared plan (LIKE with a parameter would not), whatever the database's collation.
CREATE INDEX "petitions_registration_number_c_idx" ON "petitions" (("registration_number" COLLATE "C"));
