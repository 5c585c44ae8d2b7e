CREATE TABLE "answer_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"category_code" text,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"legal_basis" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"petition_id" uuid NOT NULL,
	"kind" text DEFAULT 'answer' NOT NULL,
	"body" text NOT NULL,
	"legal_basis" text NOT NULL,
	"drafted_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"head_signed_by_user_id" uuid,
	"head_signed_at" timestamp with time zone,
	"authority_signed_by_user_id" uuid,
	"authority_signed_at" timestamp with time zone,
	"dispatched_at" timestamp with time zone,
	"dispatched_by_user_id" uuid,
	"postal_reference" text,
	"current" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_drafted_by_user_id_users_id_fk" FOREIGN KEY ("drafted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_head_signed_by_user_id_users_id_fk" FOREIGN KEY ("head_signed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_authority_signed_by_user_id_users_id_fk" FOREIGN KEY ("authority_signed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_dispatched_by_user_id_users_id_fk" FOREIGN KEY ("dispatched_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "answers_current_idx" ON "answers" USING btree ("petition_id") WHERE "answers"."current";--> statement-breakpoint
CREATE INDEX "answers_petition_idx" ON "answers" USING btree ("petition_id");