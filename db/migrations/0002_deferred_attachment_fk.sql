-- Attachments are written before the register's counter row is locked (registerPetition), so their
-- petition row arrives later in the same transaction: check the foreign key at commit.
ALTER TABLE "attachments" DROP CONSTRAINT "attachments_petition_id_petitions_id_fk";
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") DEFERRABLE INITIALLY DEFERRED;
