ALTER TYPE "public"."violation_status" ADD VALUE 'reported' BEFORE 'open';--> statement-breakpoint
ALTER TYPE "public"."violation_status" ADD VALUE 'dismissed';--> statement-breakpoint
ALTER TABLE "violations" ADD COLUMN "reviewed_by" text;--> statement-breakpoint
ALTER TABLE "violations" ADD COLUMN "reviewed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "violations" ADD COLUMN "dismissed_reason" text;