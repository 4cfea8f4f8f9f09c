CREATE TABLE "notifications" (
	"organization_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"category" text NOT NULL,
	"stage" text NOT NULL,
	"dedup_key" text NOT NULL,
	"project_id" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"due_at" timestamp (3) with time zone,
	"read_at" timestamp (3) with time zone,
	"emailed_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "notifications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "reminder_preferences" (
	"organization_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"inspections" boolean DEFAULT true NOT NULL,
	"reports" boolean DEFAULT true NOT NULL,
	"email" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_preferences_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "reminder_preferences" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "latitude" numeric(8, 5);--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "longitude" numeric(8, 5);--> statement-breakpoint
ALTER TABLE "rain_events" ADD COLUMN "snowfall_inches" numeric(5, 2);--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_org_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("organization_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_project_fk" FOREIGN KEY ("organization_id","project_id") REFERENCES "public"."projects"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_preferences" ADD CONSTRAINT "reminder_preferences_org_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("organization_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_org_user_dedup_uq" ON "notifications" USING btree ("organization_id","user_id","dedup_key");--> statement-breakpoint
CREATE INDEX "notifications_org_user_created_idx" ON "notifications" USING btree ("organization_id","user_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_preferences_org_user_uq" ON "reminder_preferences" USING btree ("organization_id","user_id");--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_coordinates_ck" CHECK (("projects"."latitude" is null) = ("projects"."longitude" is null) and "projects"."latitude" between -90 and 90 and "projects"."longitude" between -180 and 180);--> statement-breakpoint
CREATE POLICY "tenant_select" ON "notifications" AS PERMISSIVE FOR SELECT TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_insert" ON "notifications" AS PERMISSIVE FOR INSERT TO "brave_app" WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_update" ON "notifications" AS PERMISSIVE FOR UPDATE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true))) WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_delete" ON "notifications" AS PERMISSIVE FOR DELETE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_select" ON "reminder_preferences" AS PERMISSIVE FOR SELECT TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_insert" ON "reminder_preferences" AS PERMISSIVE FOR INSERT TO "brave_app" WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_update" ON "reminder_preferences" AS PERMISSIVE FOR UPDATE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true))) WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_delete" ON "reminder_preferences" AS PERMISSIVE FOR DELETE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));