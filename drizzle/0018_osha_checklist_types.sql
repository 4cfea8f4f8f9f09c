ALTER TYPE "public"."inspection_type" ADD VALUE 'osha_daily';--> statement-breakpoint
ALTER TYPE "public"."inspection_type" ADD VALUE 'osha_weekly';