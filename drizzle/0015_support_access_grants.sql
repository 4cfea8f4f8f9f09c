CREATE TABLE "support_access_grants" (
	"organization_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"staff" text NOT NULL,
	"reason" text NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_access_grants_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "support_access_grants" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "support_access_grants" ADD CONSTRAINT "support_access_grants_org_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("organization_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "support_access_grants_org_expires_idx" ON "support_access_grants" USING btree ("organization_id","expires_at");--> statement-breakpoint
CREATE POLICY "tenant_select" ON "support_access_grants" AS PERMISSIVE FOR SELECT TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_insert" ON "support_access_grants" AS PERMISSIVE FOR INSERT TO "brave_app" WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_update" ON "support_access_grants" AS PERMISSIVE FOR UPDATE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true))) WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_delete" ON "support_access_grants" AS PERMISSIVE FOR DELETE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CALL brave_admin.secure_tenant_tables();
