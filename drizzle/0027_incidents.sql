CREATE TYPE "public"."incident_case_type" AS ENUM('injury', 'illness');--> statement-breakpoint
CREATE TYPE "public"."incident_outcome" AS ENUM('fatality', 'inpatient_hospitalization', 'amputation', 'loss_of_eye', 'other_recordable');--> statement-breakpoint
CREATE TABLE "incidents" (
	"organization_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"case_type" "incident_case_type" NOT NULL,
	"outcome" "incident_outcome" NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"learned_at" timestamp (3) with time zone NOT NULL,
	"outcome_at" timestamp (3) with time zone,
	"description" text NOT NULL,
	"reported_at" timestamp (3) with time zone,
	"report_reference" text,
	"reported_by" text,
	"recorded_by" text NOT NULL,
	"idempotency_key" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incidents_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "incidents_learned_after_ck" CHECK ("incidents"."learned_at" >= "incidents"."occurred_at")
);
--> statement-breakpoint
ALTER TABLE "incidents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_project_fk" FOREIGN KEY ("organization_id","project_id") REFERENCES "public"."projects"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_org_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("organization_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incidents_org_occurred_idx" ON "incidents" USING btree ("organization_id","occurred_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "incidents_org_project_idx" ON "incidents" USING btree ("organization_id","project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_org_idem_uq" ON "incidents" USING btree ("organization_id","idempotency_key");--> statement-breakpoint
CREATE POLICY "tenant_select" ON "incidents" AS PERMISSIVE FOR SELECT TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_insert" ON "incidents" AS PERMISSIVE FOR INSERT TO "brave_app" WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_update" ON "incidents" AS PERMISSIVE FOR UPDATE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true))) WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_delete" ON "incidents" AS PERMISSIVE FOR DELETE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));