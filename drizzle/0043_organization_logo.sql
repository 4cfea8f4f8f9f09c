ALTER TABLE "organizations" ADD COLUMN "logo_key" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "logo_content_type" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "logo_size_bytes" integer;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_logo_key_prefix" CHECK ("organizations"."logo_key" is null or starts_with("organizations"."logo_key", 'tenants/' || "organizations"."organization_id" || '/logos/'));