CREATE TYPE "public"."site_condition_kind" AS ENUM('stabilized', 'arid', 'drought', 'frozen_suspended', 'frozen_continuing', 'snowmelt');--> statement-breakpoint
CREATE TABLE "site_conditions" (
	"organization_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" "site_condition_kind" NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"discharge_at" timestamp (3) with time zone,
	"snow_inches" numeric(5, 2),
	"note" text,
	"recorded_by" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_conditions_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "site_conditions_shape_ck" CHECK (case when "site_conditions"."kind" = 'snowmelt'
        then "site_conditions"."discharge_at" is not null and "site_conditions"."snow_inches" is not null and "site_conditions"."snow_inches" >= 0 and "site_conditions"."starts_on" is null and "site_conditions"."ends_on" is null
        else "site_conditions"."starts_on" is not null and "site_conditions"."discharge_at" is null and "site_conditions"."snow_inches" is null and ("site_conditions"."ends_on" is null or "site_conditions"."ends_on" >= "site_conditions"."starts_on") end)
);
--> statement-breakpoint
ALTER TABLE "site_conditions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "compliance_settings" ADD COLUMN "closed_days" date[] DEFAULT '{}'::date[] NOT NULL;--> statement-breakpoint
ALTER TABLE "compliance_settings" ADD COLUMN "observe_us_federal_holidays" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "compliance_settings" ADD COLUMN "close_of_business_minutes" integer DEFAULT 1020 NOT NULL;--> statement-breakpoint
ALTER TABLE "site_conditions" ADD CONSTRAINT "site_conditions_project_fk" FOREIGN KEY ("organization_id","project_id") REFERENCES "public"."projects"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_conditions" ADD CONSTRAINT "site_conditions_org_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("organization_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "site_conditions_org_project_idx" ON "site_conditions" USING btree ("organization_id","project_id");--> statement-breakpoint
ALTER TABLE "compliance_settings" ADD CONSTRAINT "compliance_settings_close_of_business_ck" CHECK ("compliance_settings"."close_of_business_minutes" between 0 and 1439);--> statement-breakpoint
CREATE POLICY "tenant_select" ON "site_conditions" AS PERMISSIVE FOR SELECT TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_insert" ON "site_conditions" AS PERMISSIVE FOR INSERT TO "brave_app" WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_update" ON "site_conditions" AS PERMISSIVE FOR UPDATE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true))) WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_delete" ON "site_conditions" AS PERMISSIVE FOR DELETE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));