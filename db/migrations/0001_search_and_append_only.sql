-- drizzle-kit never writes CREATE EXTENSION (DESIGN.md): this migration adds what search needs.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- One text-search configuration built from unaccent + simple: identical on PGlite (PostgreSQL 18) and on
-- the server (PostgreSQL 15), whose `romanian` stemmers differ. "tinta" finds "țintă".
CREATE TEXT SEARCH CONFIGURATION ro_unaccent (COPY = simple);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION ro_unaccent ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
--> statement-breakpoint
-- The timeline is append-only (DESIGN.md invariant): history is never rewritten, only added to.
CREATE FUNCTION petition_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'petition_events is append-only' USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER petition_events_no_update BEFORE UPDATE OR DELETE ON petition_events
  FOR EACH ROW EXECUTE FUNCTION petition_events_append_only();
