ALTER TABLE "inspections" ADD COLUMN "signature_qualifications" text;--> statement-breakpoint
-- Rows that exist now were sealed (or will be backfilled) under layout 1; added with DEFAULT 1 (no
-- row is updated, so neither RLS nor the immutability trigger is involved), then new rows take 2.
ALTER TABLE "inspections" ADD COLUMN "record_hash_version" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "inspections" ALTER COLUMN "record_hash_version" SET DEFAULT 2;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_record_hash_version_ck" CHECK ("inspections"."record_hash_version" in (1, 2));
