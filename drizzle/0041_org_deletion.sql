CREATE TABLE "organization_tombstones" (
	"deleted_org_id" text PRIMARY KEY NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" timestamp (3) with time zone NOT NULL,
	"deleted_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organization_tombstones" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "deletion_requested_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "deletion_requested_by" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "deletion_scheduled_for" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "deletion_started_at" timestamp (3) with time zone;--> statement-breakpoint
CREATE POLICY "tombstone_select" ON "organization_tombstones" AS PERMISSIVE FOR SELECT TO "brave_app" USING (deleted_org_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tombstone_insert" ON "organization_tombstones" AS PERMISSIVE FOR INSERT TO "brave_app" WITH CHECK (deleted_org_id = (select current_setting('app.current_org', true)));