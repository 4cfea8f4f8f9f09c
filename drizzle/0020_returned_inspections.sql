ALTER TABLE "inspections" ADD COLUMN "returned_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "returned_by" text;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "return_comment" text;