CREATE TYPE "public"."org_role" AS ENUM('owner', 'admin', 'superintendent', 'inspector', 'crew', 'viewer');--> statement-breakpoint
CREATE TYPE "public"."plan" AS ENUM('trial', 'starter', 'business', 'enterprise');--> statement-breakpoint
CREATE TYPE "public"."severity" AS ENUM('low', 'medium', 'high', 'critical');--> statement-breakpoint
CREATE TYPE "public"."template_kind" AS ENUM('epa', 'osha', 'custom');--> statement-breakpoint
CREATE TYPE "public"."inspection_schedule" AS ENUM('every_7_days', 'every_14_days_and_storm');--> statement-breakpoint
CREATE TYPE "public"."project_status" AS ENUM('active', 'completed', 'archived');--> statement-breakpoint
CREATE TYPE "public"."rain_source" AS ENUM('manual', 'gauge', 'weather_service');--> statement-breakpoint
CREATE TYPE "public"."inspection_status" AS ENUM('draft', 'submitted', 'published');--> statement-breakpoint
CREATE TYPE "public"."inspection_type" AS ENUM('routine', 'storm_event', 'corrective_follow_up', 'final');--> statement-breakpoint
CREATE TYPE "public"."submission_status" AS ENUM('draft', 'submitted');--> statement-breakpoint
CREATE TYPE "public"."corrective_action_status" AS ENUM('open', 'in_progress', 'fixed', 'verified');--> statement-breakpoint
CREATE TYPE "public"."violation_status" AS ENUM('open', 'in_progress', 'fixed', 'verified');--> statement-breakpoint
CREATE TYPE "public"."file_status" AS ENUM('pending', 'stored', 'rejected');--> statement-breakpoint
CREATE TABLE "memberships" (
	"organization_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"role" "org_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "memberships" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "organizations" (
	"organization_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"plan" "plan" DEFAULT 'trial' NOT NULL,
	"user_limit" integer DEFAULT 10 NOT NULL,
	"deactivated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organizations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"email_normalized" text NOT NULL,
	"first_name" text,
	"last_name" text,
	"image_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "bmp_categories" (
	"organization_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bmp_categories_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "bmp_categories" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "compliance_settings" (
	"organization_id" text PRIMARY KEY NOT NULL,
	"rain_threshold_inches" numeric(5, 2) DEFAULT '0.25' NOT NULL,
	"inspection_deadline_hours" integer DEFAULT 24 NOT NULL,
	"retention_years" integer DEFAULT 3 NOT NULL,
	"timezone" text DEFAULT 'America/New_York' NOT NULL,
	"business_hours_start" integer DEFAULT 5 NOT NULL,
	"business_hours_end" integer DEFAULT 21 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "compliance_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "form_templates" (
	"organization_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"kind" "template_kind" NOT NULL,
	"schema" jsonb NOT NULL,
	"is_current" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "form_templates_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "form_templates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "violation_types" (
	"organization_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"severity" "severity" DEFAULT 'medium' NOT NULL,
	"default_deadline_days" integer DEFAULT 7 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "violation_types_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "violation_types" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "inspector_links" (
	"organization_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"label" text,
	"created_by" text NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspector_links_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "inspector_links" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "projects" (
	"organization_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"npdes_permit_id" text,
	"permit_start" date,
	"permit_end" date,
	"disturbed_acres" numeric(10, 2),
	"receiving_water" text,
	"sensitive_water" boolean DEFAULT false NOT NULL,
	"inspection_schedule" "inspection_schedule" DEFAULT 'every_7_days' NOT NULL,
	"status" "project_status" DEFAULT 'active' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "projects" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "rain_events" (
	"organization_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"amount_inches" numeric(5, 2) NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"source" "rain_source" DEFAULT 'manual' NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rain_events_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "rain_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "form_submissions" (
	"organization_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"template_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"inspection_id" uuid,
	"status" "submission_status" DEFAULT 'draft' NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"idempotency_key" text,
	"submitted_by" text NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "form_submissions_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "form_submissions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "inspections" (
	"organization_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"type" "inspection_type" DEFAULT 'routine' NOT NULL,
	"status" "inspection_status" DEFAULT 'draft' NOT NULL,
	"inspected_at" timestamp with time zone,
	"inspector_user_id" text,
	"inspector_name" text,
	"inspector_title" text,
	"bmp_results" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"findings" text,
	"rain_gauge_inches" numeric(5, 2),
	"areas_not_inspected" text,
	"signed_by" text,
	"signed_at" timestamp with time zone,
	"signature_name" text,
	"signature_statement" text,
	"amends_inspection_id" uuid,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspections_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "inspections" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "corrective_actions" (
	"organization_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"violation_id" uuid NOT NULL,
	"description" text NOT NULL,
	"assigned_to" text,
	"due_at" timestamp with time zone NOT NULL,
	"status" "corrective_action_status" DEFAULT 'open' NOT NULL,
	"started_at" timestamp with time zone,
	"started_by" text,
	"fixed_at" timestamp with time zone,
	"fixed_by" text,
	"verified_at" timestamp with time zone,
	"verified_by" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "corrective_actions_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "corrective_actions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "violations" (
	"organization_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"inspection_id" uuid,
	"violation_type_id" uuid NOT NULL,
	"bmp_category_id" uuid,
	"description" text NOT NULL,
	"location" text,
	"found_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"status" "violation_status" DEFAULT 'open' NOT NULL,
	"found_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "violations_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "violations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "documents" (
	"organization_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint,
	"status" "file_status" DEFAULT 'pending' NOT NULL,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"kind" text DEFAULT 'other' NOT NULL,
	CONSTRAINT "documents_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "documents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "photos" (
	"organization_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint,
	"status" "file_status" DEFAULT 'pending' NOT NULL,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"inspection_id" uuid,
	"caption" text,
	"taken_at" timestamp with time zone,
	CONSTRAINT "photos_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "photos" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "audit_log" (
	"organization_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"actor_user_id" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"ip" text,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_log_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "security_events" (
	"organization_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"severity" text DEFAULT 'info' NOT NULL,
	"user_id" text,
	"ip" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "security_events_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "security_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_org_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("organization_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bmp_categories" ADD CONSTRAINT "bmp_categories_org_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("organization_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_settings" ADD CONSTRAINT "compliance_settings_org_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("organization_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_templates" ADD CONSTRAINT "form_templates_org_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("organization_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "violation_types" ADD CONSTRAINT "violation_types_org_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("organization_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspector_links" ADD CONSTRAINT "inspector_links_project_fk" FOREIGN KEY ("organization_id","project_id") REFERENCES "public"."projects"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_org_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("organization_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rain_events" ADD CONSTRAINT "rain_events_project_fk" FOREIGN KEY ("organization_id","project_id") REFERENCES "public"."projects"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_submissions" ADD CONSTRAINT "form_submissions_template_fk" FOREIGN KEY ("organization_id","template_id") REFERENCES "public"."form_templates"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_submissions" ADD CONSTRAINT "form_submissions_project_fk" FOREIGN KEY ("organization_id","project_id") REFERENCES "public"."projects"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_submissions" ADD CONSTRAINT "form_submissions_inspection_fk" FOREIGN KEY ("organization_id","inspection_id") REFERENCES "public"."inspections"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_project_fk" FOREIGN KEY ("organization_id","project_id") REFERENCES "public"."projects"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_amends_fk" FOREIGN KEY ("organization_id","amends_inspection_id") REFERENCES "public"."inspections"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_org_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("organization_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_violation_fk" FOREIGN KEY ("organization_id","violation_id") REFERENCES "public"."violations"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "violations" ADD CONSTRAINT "violations_project_fk" FOREIGN KEY ("organization_id","project_id") REFERENCES "public"."projects"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "violations" ADD CONSTRAINT "violations_inspection_fk" FOREIGN KEY ("organization_id","inspection_id") REFERENCES "public"."inspections"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "violations" ADD CONSTRAINT "violations_type_fk" FOREIGN KEY ("organization_id","violation_type_id") REFERENCES "public"."violation_types"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "violations" ADD CONSTRAINT "violations_bmp_fk" FOREIGN KEY ("organization_id","bmp_category_id") REFERENCES "public"."bmp_categories"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "violations" ADD CONSTRAINT "violations_org_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("organization_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_project_fk" FOREIGN KEY ("organization_id","project_id") REFERENCES "public"."projects"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_org_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("organization_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_project_fk" FOREIGN KEY ("organization_id","project_id") REFERENCES "public"."projects"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_inspection_fk" FOREIGN KEY ("organization_id","inspection_id") REFERENCES "public"."inspections"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_org_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("organization_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_org_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("organization_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_events" ADD CONSTRAINT "security_events_org_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("organization_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_org_user_uq" ON "memberships" USING btree ("organization_id","user_id");--> statement-breakpoint
CREATE INDEX "memberships_user_idx" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "users_email_normalized_idx" ON "users" USING btree ("email_normalized");--> statement-breakpoint
CREATE UNIQUE INDEX "bmp_categories_org_key_uq" ON "bmp_categories" USING btree ("organization_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "form_templates_org_key_version_uq" ON "form_templates" USING btree ("organization_id","key","version");--> statement-breakpoint
CREATE UNIQUE INDEX "violation_types_org_key_uq" ON "violation_types" USING btree ("organization_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "inspector_links_org_token_uq" ON "inspector_links" USING btree ("organization_id","token_hash");--> statement-breakpoint
CREATE INDEX "projects_org_status_name_idx" ON "projects" USING btree ("organization_id","status","name");--> statement-breakpoint
CREATE INDEX "projects_org_created_idx" ON "projects" USING btree ("organization_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "rain_events_org_project_started_idx" ON "rain_events" USING btree ("organization_id","project_id","started_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE UNIQUE INDEX "form_submissions_org_idem_uq" ON "form_submissions" USING btree ("organization_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "form_submissions_org_project_idx" ON "form_submissions" USING btree ("organization_id","project_id");--> statement-breakpoint
CREATE INDEX "inspections_org_project_inspected_idx" ON "inspections" USING btree ("organization_id","project_id","inspected_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "inspections_org_status_idx" ON "inspections" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "corrective_actions_org_status_due_idx" ON "corrective_actions" USING btree ("organization_id","status","due_at");--> statement-breakpoint
CREATE INDEX "violations_org_status_deadline_idx" ON "violations" USING btree ("organization_id","status","deadline");--> statement-breakpoint
CREATE INDEX "violations_org_project_idx" ON "violations" USING btree ("organization_id","project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_org_key_uq" ON "documents" USING btree ("organization_id","storage_key");--> statement-breakpoint
CREATE UNIQUE INDEX "photos_org_key_uq" ON "photos" USING btree ("organization_id","storage_key");--> statement-breakpoint
CREATE INDEX "photos_org_inspection_idx" ON "photos" USING btree ("organization_id","inspection_id");--> statement-breakpoint
CREATE INDEX "audit_log_org_created_idx" ON "audit_log" USING btree ("organization_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_log_org_entity_idx" ON "audit_log" USING btree ("organization_id","entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "security_events_org_created_idx" ON "security_events" USING btree ("organization_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "security_events_org_kind_idx" ON "security_events" USING btree ("organization_id","kind","created_at");--> statement-breakpoint
CREATE POLICY "tenant_select" ON "memberships" AS PERMISSIVE FOR SELECT TO "brave_app" USING ((organization_id = (select current_setting('app.current_org', true))) or (user_id = (select current_setting('app.current_user', true))));--> statement-breakpoint
CREATE POLICY "tenant_insert" ON "memberships" AS PERMISSIVE FOR INSERT TO "brave_app" WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_update" ON "memberships" AS PERMISSIVE FOR UPDATE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true))) WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_delete" ON "memberships" AS PERMISSIVE FOR DELETE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_select" ON "organizations" AS PERMISSIVE FOR SELECT TO "brave_app" USING ((organization_id = (select current_setting('app.current_org', true))) or (exists (select 1 from memberships m where m.organization_id = organizations.organization_id and m.user_id = (select current_setting('app.current_user', true)))));--> statement-breakpoint
CREATE POLICY "tenant_insert" ON "organizations" AS PERMISSIVE FOR INSERT TO "brave_app" WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_update" ON "organizations" AS PERMISSIVE FOR UPDATE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true))) WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_delete" ON "organizations" AS PERMISSIVE FOR DELETE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "user_select" ON "users" AS PERMISSIVE FOR SELECT TO "brave_app" USING (id = (select current_setting('app.current_user', true)) or exists (select 1 from memberships m where m.user_id = users.id and m.organization_id = (select current_setting('app.current_org', true))));--> statement-breakpoint
CREATE POLICY "user_insert" ON "users" AS PERMISSIVE FOR INSERT TO "brave_app" WITH CHECK (id = (select current_setting('app.current_user', true)));--> statement-breakpoint
CREATE POLICY "user_update" ON "users" AS PERMISSIVE FOR UPDATE TO "brave_app" USING (id = (select current_setting('app.current_user', true))) WITH CHECK (id = (select current_setting('app.current_user', true)));--> statement-breakpoint
CREATE POLICY "user_delete" ON "users" AS PERMISSIVE FOR DELETE TO "brave_app" USING (id = (select current_setting('app.current_user', true)));--> statement-breakpoint
CREATE POLICY "tenant_select" ON "bmp_categories" AS PERMISSIVE FOR SELECT TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_insert" ON "bmp_categories" AS PERMISSIVE FOR INSERT TO "brave_app" WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_update" ON "bmp_categories" AS PERMISSIVE FOR UPDATE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true))) WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_delete" ON "bmp_categories" AS PERMISSIVE FOR DELETE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_select" ON "compliance_settings" AS PERMISSIVE FOR SELECT TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_insert" ON "compliance_settings" AS PERMISSIVE FOR INSERT TO "brave_app" WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_update" ON "compliance_settings" AS PERMISSIVE FOR UPDATE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true))) WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_delete" ON "compliance_settings" AS PERMISSIVE FOR DELETE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_select" ON "form_templates" AS PERMISSIVE FOR SELECT TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_insert" ON "form_templates" AS PERMISSIVE FOR INSERT TO "brave_app" WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_update" ON "form_templates" AS PERMISSIVE FOR UPDATE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true))) WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_delete" ON "form_templates" AS PERMISSIVE FOR DELETE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_select" ON "violation_types" AS PERMISSIVE FOR SELECT TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_insert" ON "violation_types" AS PERMISSIVE FOR INSERT TO "brave_app" WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_update" ON "violation_types" AS PERMISSIVE FOR UPDATE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true))) WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_delete" ON "violation_types" AS PERMISSIVE FOR DELETE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_select" ON "inspector_links" AS PERMISSIVE FOR SELECT TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_insert" ON "inspector_links" AS PERMISSIVE FOR INSERT TO "brave_app" WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_update" ON "inspector_links" AS PERMISSIVE FOR UPDATE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true))) WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_delete" ON "inspector_links" AS PERMISSIVE FOR DELETE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_select" ON "projects" AS PERMISSIVE FOR SELECT TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_insert" ON "projects" AS PERMISSIVE FOR INSERT TO "brave_app" WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_update" ON "projects" AS PERMISSIVE FOR UPDATE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true))) WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_delete" ON "projects" AS PERMISSIVE FOR DELETE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_select" ON "rain_events" AS PERMISSIVE FOR SELECT TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_insert" ON "rain_events" AS PERMISSIVE FOR INSERT TO "brave_app" WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_update" ON "rain_events" AS PERMISSIVE FOR UPDATE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true))) WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_delete" ON "rain_events" AS PERMISSIVE FOR DELETE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_select" ON "form_submissions" AS PERMISSIVE FOR SELECT TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_insert" ON "form_submissions" AS PERMISSIVE FOR INSERT TO "brave_app" WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_update" ON "form_submissions" AS PERMISSIVE FOR UPDATE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true))) WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_delete" ON "form_submissions" AS PERMISSIVE FOR DELETE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_select" ON "inspections" AS PERMISSIVE FOR SELECT TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_insert" ON "inspections" AS PERMISSIVE FOR INSERT TO "brave_app" WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_update" ON "inspections" AS PERMISSIVE FOR UPDATE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true))) WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_delete" ON "inspections" AS PERMISSIVE FOR DELETE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_select" ON "corrective_actions" AS PERMISSIVE FOR SELECT TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_insert" ON "corrective_actions" AS PERMISSIVE FOR INSERT TO "brave_app" WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_update" ON "corrective_actions" AS PERMISSIVE FOR UPDATE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true))) WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_delete" ON "corrective_actions" AS PERMISSIVE FOR DELETE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_select" ON "violations" AS PERMISSIVE FOR SELECT TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_insert" ON "violations" AS PERMISSIVE FOR INSERT TO "brave_app" WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_update" ON "violations" AS PERMISSIVE FOR UPDATE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true))) WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_delete" ON "violations" AS PERMISSIVE FOR DELETE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_select" ON "documents" AS PERMISSIVE FOR SELECT TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_insert" ON "documents" AS PERMISSIVE FOR INSERT TO "brave_app" WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_update" ON "documents" AS PERMISSIVE FOR UPDATE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true))) WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_delete" ON "documents" AS PERMISSIVE FOR DELETE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_select" ON "photos" AS PERMISSIVE FOR SELECT TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_insert" ON "photos" AS PERMISSIVE FOR INSERT TO "brave_app" WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_update" ON "photos" AS PERMISSIVE FOR UPDATE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true))) WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_delete" ON "photos" AS PERMISSIVE FOR DELETE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_select" ON "audit_log" AS PERMISSIVE FOR SELECT TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_insert" ON "audit_log" AS PERMISSIVE FOR INSERT TO "brave_app" WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_update" ON "audit_log" AS PERMISSIVE FOR UPDATE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true))) WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_delete" ON "audit_log" AS PERMISSIVE FOR DELETE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_select" ON "security_events" AS PERMISSIVE FOR SELECT TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_insert" ON "security_events" AS PERMISSIVE FOR INSERT TO "brave_app" WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_update" ON "security_events" AS PERMISSIVE FOR UPDATE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true))) WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_delete" ON "security_events" AS PERMISSIVE FOR DELETE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));