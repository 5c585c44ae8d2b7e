CREATE TABLE "agent_presence" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_petitions" (
	"call_id" uuid NOT NULL,
	"petition_id" uuid NOT NULL,
	CONSTRAINT "call_petitions_call_id_petition_id_pk" PRIMARY KEY("call_id","petition_id")
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"twilio_call_sid" text,
	"direction" text NOT NULL,
	"phone" text,
	"started_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"duration_s" integer,
	"agent_id" uuid,
	"status" text NOT NULL,
	"reason" text,
	"notes" text,
	"outcome" text,
	"recording_url" text,
	"callback_status" text DEFAULT 'none' NOT NULL,
	"callback_done_at" timestamp with time zone,
	"callback_done_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "calls_twilio_call_sid_unique" UNIQUE("twilio_call_sid")
);
--> statement-breakpoint
CREATE TABLE "office_hours" (
	"weekday" smallint PRIMARY KEY NOT NULL,
	"opens_at" text,
	"closes_at" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "office_hours_weekday_check" CHECK ("office_hours"."weekday" between 1 and 7),
	CONSTRAINT "office_hours_pair_check" CHECK (("office_hours"."opens_at" is null) = ("office_hours"."closes_at" is null))
);
--> statement-breakpoint
ALTER TABLE "agent_presence" ADD CONSTRAINT "agent_presence_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_petitions" ADD CONSTRAINT "call_petitions_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_petitions" ADD CONSTRAINT "call_petitions_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_callback_done_by_users_id_fk" FOREIGN KEY ("callback_done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_hours" ADD CONSTRAINT "office_hours_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_petitions_petition_idx" ON "call_petitions" USING btree ("petition_id");--> statement-breakpoint
CREATE INDEX "calls_phone_idx" ON "calls" USING btree ("phone","started_at");--> statement-breakpoint
CREATE INDEX "calls_started_idx" ON "calls" USING btree ("started_at","id");--> statement-breakpoint
CREATE INDEX "calls_agent_idx" ON "calls" USING btree ("agent_id","started_at");--> statement-breakpoint
CREATE INDEX "calls_callbacks_idx" ON "calls" USING btree ("started_at") WHERE "calls"."callback_status" = 'open';--> statement-breakpoint
-- DOMAIN default office hours of the call center (Europe/Bucharest): Mon–Thu 08:30–16:30, Fri 08:30–14:00.
INSERT INTO "office_hours" ("weekday", "opens_at", "closes_at") VALUES (1, '08:30', '16:30'), (2, '08:30', '16:30'), (3, '08:30', '16:30'), (4, '08:30', '16:30'), (5, '08:30', '14:00'), (6, NULL, NULL), (7, NULL, NULL) ON CONFLICT DO NOTHING;
