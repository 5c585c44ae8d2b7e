CREATE TABLE "open311_api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"key_prefix" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "open311_requests" (
	"petition_id" uuid PRIMARY KEY NOT NULL,
	"api_key_id" uuid NOT NULL,
	"media_url" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gdpr_operations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"actor_user_id" uuid,
	"petition_count" integer NOT NULL,
	"call_count" integer NOT NULL,
	"registration_numbers" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_anonymisations" (
	"petition_id" uuid PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"actor_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "retention_settings" (
	"register" text PRIMARY KEY NOT NULL,
	"years" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "retention_settings_years_check" CHECK ("retention_settings"."years" between 1 and 100)
);
--> statement-breakpoint
ALTER TABLE "open311_api_keys" ADD CONSTRAINT "open311_api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_api_keys" ADD CONSTRAINT "open311_api_keys_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_requests" ADD CONSTRAINT "open311_requests_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_requests" ADD CONSTRAINT "open311_requests_api_key_id_open311_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."open311_api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gdpr_operations" ADD CONSTRAINT "gdpr_operations_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_anonymisations" ADD CONSTRAINT "petition_anonymisations_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_anonymisations" ADD CONSTRAINT "petition_anonymisations_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_settings" ADD CONSTRAINT "retention_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "open311_api_keys_hash_idx" ON "open311_api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "open311_api_keys_active_name_idx" ON "open311_api_keys" USING btree (lower("name")) WHERE "open311_api_keys"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "gdpr_operations_at_idx" ON "gdpr_operations" USING btree ("at");--> statement-breakpoint
-- Hand-written (drizzle-kit writes no functions or seed rows): the retention periods' defaults, and the one
-- controlled way through the append-only timeline.
INSERT INTO "retention_settings" ("register", "years") VALUES ('P', 5), ('I', 3) ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- GDPR anonymisation rewrites the texts of a petition's timeline (text_ro, text_en, data) that quote the
-- petitioner's personal data. Allowed only inside a transaction that ran
-- `select set_config('app.anonymising', 'on', true)` (SET LOCAL), only for a petition already recorded in
-- petition_anonymisations, and only for those three columns: who, when, what type and whether it was public
-- stay as they were. DELETE stays refused.
CREATE OR REPLACE FUNCTION petition_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND coalesce(current_setting('app.anonymising', true), '') = 'on'
     AND NEW.id = OLD.id
     AND NEW.petition_id = OLD.petition_id
     AND NEW.at = OLD.at
     AND NEW.actor_kind = OLD.actor_kind
     AND NEW.actor_user_id IS NOT DISTINCT FROM OLD.actor_user_id
     AND NEW.type = OLD.type
     AND NEW.public = OLD.public
     AND EXISTS (SELECT 1 FROM petition_anonymisations a WHERE a.petition_id = OLD.petition_id) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'petition_events is append-only' USING ERRCODE = 'restrict_violation';
END;
$$;
