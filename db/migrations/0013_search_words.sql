-- Near spellings through a dictionary of the words in the petitions (issue 6 §4, issue 7's search target).
-- Written by hand (drizzle-kit generate --custom), like 0009.
--
-- Until now a near spelling ran pg_trgm's `%>` over each petition's whole unaccented text, served by a GIN
-- trigram index on that text. At a million petitions a street name's trigrams are in almost every body, so
-- the index gave back every row for a recheck (39 s for "Valea Oltului"), and the index was the dearest of
-- the fourteen a new petition writes. pg_trgm's own documentation suggests the better way: keep the distinct
-- words in a table of their own, find the words near each word of the query there (a few thousand rows, a
-- trigram index), and search the petitions' full-text index for those words. `search_words` holds the
-- lexemes of every petition's `search_tsv` (unaccented, lower-cased by ro_unaccent), kept by triggers:
-- a new petition adds its words; a changed text (a correction, GDPR anonymisation, retention) adds the new
-- words and removes the old ones no petition uses any more, so an anonymised name leaves the dictionary too.
CREATE TABLE "search_words" ("word" text PRIMARY KEY NOT NULL);
--> statement-breakpoint
CREATE INDEX "search_words_trgm_idx" ON "search_words" USING gin ("word" gin_trgm_ops);
--> statement-breakpoint
INSERT INTO "search_words" ("word")
  SELECT DISTINCT w FROM "petitions", unnest(tsvector_to_array("search_tsv")) AS w
  ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Inserts: once per statement (the bench and the demo history insert thousands of rows at a time).
CREATE FUNCTION search_words_add_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO public.search_words (word)
    SELECT DISTINCT w FROM new_rows, unnest(tsvector_to_array(new_rows.search_tsv)) AS w
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "petitions_search_words_insert" AFTER INSERT ON "petitions"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_words_add_inserted();
--> statement-breakpoint
-- A changed text: only rows whose search_tsv changed (status changes do not come here). "Still used" asks
-- the petitions' GIN index; plainto_tsquery, not a cast to tsquery, so that no word is read as query syntax.
CREATE FUNCTION search_words_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO public.search_words (word)
    SELECT w FROM unnest(tsvector_to_array(NEW.search_tsv)) AS w
    ON CONFLICT DO NOTHING;
  DELETE FROM public.search_words d
    WHERE d.word IN (SELECT unnest(tsvector_to_array(OLD.search_tsv)) EXCEPT SELECT unnest(tsvector_to_array(NEW.search_tsv)))
      AND NOT EXISTS (SELECT 1 FROM public.petitions p WHERE p.search_tsv @@ plainto_tsquery('public.ro_unaccent', d.word));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "petitions_search_words_update" AFTER UPDATE ON "petitions"
  FOR EACH ROW WHEN (OLD.search_tsv IS DISTINCT FROM NEW.search_tsv) EXECUTE FUNCTION search_words_update();
--> statement-breakpoint
CREATE FUNCTION search_words_remove_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM public.search_words d
    WHERE d.word IN (SELECT unnest(tsvector_to_array(old_rows.search_tsv)) FROM old_rows)
      AND NOT EXISTS (SELECT 1 FROM public.petitions p WHERE p.search_tsv @@ plainto_tsquery('public.ro_unaccent', d.word));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "petitions_search_words_delete" AFTER DELETE ON "petitions"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_words_remove_deleted();
--> statement-breakpoint
DROP INDEX "petitions_search_trgm_idx";
