CREATE TYPE "public"."obligation_kind" AS ENUM('routine_inspection', 'storm_inspection', 'snowmelt_inspection', 'inspection_report', 'routine_maintenance', 'corrective_action', 'noncompliance_oral_report', 'noncompliance_written_report');--> statement-breakpoint
CREATE TYPE "public"."obligation_met_by" AS ENUM('inspection', 'corrective_action');--> statement-breakpoint
CREATE TABLE "project_obligations" (
	"organization_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" "obligation_kind" NOT NULL,
	"part" text NOT NULL,
	"reason" text NOT NULL,
	"source_id" text,
	"opens_at" timestamp (3) with time zone NOT NULL,
	"due_at" timestamp (3) with time zone NOT NULL,
	"met_at" timestamp (3) with time zone,
	"met_by_kind" "obligation_met_by",
	"met_by_id" text,
	"met_late" boolean DEFAULT false NOT NULL,
	"computed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_obligations_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "project_obligations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "project_obligations" ADD CONSTRAINT "project_obligations_project_fk" FOREIGN KEY ("organization_id","project_id") REFERENCES "public"."projects"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_obligations_org_open_due_idx" ON "project_obligations" USING btree ("organization_id","due_at") WHERE "project_obligations"."met_at" is null;--> statement-breakpoint
CREATE INDEX "project_obligations_org_due_idx" ON "project_obligations" USING btree ("organization_id","due_at");--> statement-breakpoint
CREATE INDEX "project_obligations_org_project_due_idx" ON "project_obligations" USING btree ("organization_id","project_id","due_at");--> statement-breakpoint
CREATE INDEX "rain_events_org_started_idx" ON "rain_events" USING btree ("organization_id","started_at");--> statement-breakpoint
CREATE INDEX "inspections_org_inspected_idx" ON "inspections" USING btree ("organization_id","inspected_at");--> statement-breakpoint
CREATE POLICY "tenant_select" ON "project_obligations" AS PERMISSIVE FOR SELECT TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_insert" ON "project_obligations" AS PERMISSIVE FOR INSERT TO "brave_app" WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_update" ON "project_obligations" AS PERMISSIVE FOR UPDATE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true))) WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_delete" ON "project_obligations" AS PERMISSIVE FOR DELETE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));