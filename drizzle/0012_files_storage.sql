ALTER TABLE "compliance_settings" ADD COLUMN "fixed_requires_photo" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "stored_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "etag" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "version" integer;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "stored_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "etag" text;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "bmp_item_key" text;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "violation_id" uuid;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "corrective_action_id" uuid;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "longitude" double precision;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "taken_at_suspect" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "thumbnail_key" text;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "thumbnail_bytes" bigint;--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_violation_fk" FOREIGN KEY ("organization_id","violation_id") REFERENCES "public"."violations"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_corrective_action_fk" FOREIGN KEY ("organization_id","corrective_action_id") REFERENCES "public"."corrective_actions"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "documents_org_series_version_uq" ON "documents" USING btree ("organization_id","project_id","kind","title","version");--> statement-breakpoint
CREATE INDEX "photos_org_violation_idx" ON "photos" USING btree ("organization_id","violation_id");--> statement-breakpoint
CREATE INDEX "photos_org_corrective_action_idx" ON "photos" USING btree ("organization_id","corrective_action_id");--> statement-breakpoint
CREATE INDEX "photos_org_status_created_idx" ON "photos" USING btree ("organization_id","status","created_at");--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_kind_ck" CHECK ("documents"."kind" in ('swppp', 'permit', 'report', 'other'));