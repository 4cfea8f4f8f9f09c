CREATE TABLE "inspector_link_views" (
	"organization_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"link_id" uuid NOT NULL,
	"viewed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"ip_hash" text NOT NULL,
	"user_agent" text,
	CONSTRAINT "inspector_link_views_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "inspector_link_views" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "public_access_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"ip_hash" text NOT NULL,
	"user_agent" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "notice_contact_name" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "notice_contact_phone" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "swppp_location" text;--> statement-breakpoint
ALTER TABLE "inspector_link_views" ADD CONSTRAINT "inspector_link_views_link_fk" FOREIGN KEY ("organization_id","link_id") REFERENCES "public"."inspector_links"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspector_link_views_org_link_idx" ON "inspector_link_views" USING btree ("organization_id","link_id","viewed_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "public_access_events_ip_created_idx" ON "public_access_events" USING btree ("ip_hash","kind","created_at");--> statement-breakpoint
CREATE INDEX "inspector_links_token_idx" ON "inspector_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "inspector_links_org_project_idx" ON "inspector_links" USING btree ("organization_id","project_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE POLICY "public_select" ON "organizations" AS PERMISSIVE FOR SELECT TO "brave_public" USING (active and organization_id in (select l.organization_id from inspector_links l where l.token_hash = (select current_setting('app.inspector_token', true)) and l.revoked_at is null and (l.expires_at is null or l.expires_at > now())));--> statement-breakpoint
CREATE POLICY "public_select" ON "bmp_categories" AS PERMISSIVE FOR SELECT TO "brave_public" USING (organization_id in (select l.organization_id from inspector_links l where l.token_hash = (select current_setting('app.inspector_token', true)) and l.revoked_at is null and (l.expires_at is null or l.expires_at > now())));--> statement-breakpoint
CREATE POLICY "public_select" ON "compliance_settings" AS PERMISSIVE FOR SELECT TO "brave_public" USING (organization_id in (select l.organization_id from inspector_links l where l.token_hash = (select current_setting('app.inspector_token', true)) and l.revoked_at is null and (l.expires_at is null or l.expires_at > now())));--> statement-breakpoint
CREATE POLICY "public_select" ON "violation_types" AS PERMISSIVE FOR SELECT TO "brave_public" USING (organization_id in (select l.organization_id from inspector_links l where l.token_hash = (select current_setting('app.inspector_token', true)) and l.revoked_at is null and (l.expires_at is null or l.expires_at > now())));--> statement-breakpoint
CREATE POLICY "public_select" ON "inspector_links" AS PERMISSIVE FOR SELECT TO "brave_public" USING (token_hash = (select current_setting('app.inspector_token', true)));--> statement-breakpoint
CREATE POLICY "public_select" ON "projects" AS PERMISSIVE FOR SELECT TO "brave_public" USING ((organization_id, id) in (select l.organization_id, l.project_id from inspector_links l where l.token_hash = (select current_setting('app.inspector_token', true)) and l.revoked_at is null and (l.expires_at is null or l.expires_at > now())));--> statement-breakpoint
CREATE POLICY "public_select" ON "inspections" AS PERMISSIVE FOR SELECT TO "brave_public" USING (status = 'published' and (organization_id, project_id) in (select l.organization_id, l.project_id from inspector_links l where l.token_hash = (select current_setting('app.inspector_token', true)) and l.revoked_at is null and (l.expires_at is null or l.expires_at > now())));--> statement-breakpoint
CREATE POLICY "public_select" ON "corrective_actions" AS PERMISSIVE FOR SELECT TO "brave_public" USING (organization_id in (select l.organization_id from inspector_links l where l.token_hash = (select current_setting('app.inspector_token', true)) and l.revoked_at is null and (l.expires_at is null or l.expires_at > now())) and exists (select 1 from violations v where v.organization_id = corrective_actions.organization_id and v.id = corrective_actions.violation_id));--> statement-breakpoint
CREATE POLICY "public_select" ON "violations" AS PERMISSIVE FOR SELECT TO "brave_public" USING ((organization_id, project_id) in (select l.organization_id, l.project_id from inspector_links l where l.token_hash = (select current_setting('app.inspector_token', true)) and l.revoked_at is null and (l.expires_at is null or l.expires_at > now())) and exists (select 1 from inspections i where i.organization_id = violations.organization_id and i.id = violations.inspection_id));--> statement-breakpoint
CREATE POLICY "tenant_select" ON "inspector_link_views" AS PERMISSIVE FOR SELECT TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_insert" ON "inspector_link_views" AS PERMISSIVE FOR INSERT TO "brave_app" WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_update" ON "inspector_link_views" AS PERMISSIVE FOR UPDATE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true))) WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_delete" ON "inspector_link_views" AS PERMISSIVE FOR DELETE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));