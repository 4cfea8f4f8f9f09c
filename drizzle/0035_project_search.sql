CREATE TABLE "project_search_trigrams" (
	"organization_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"trigram" text NOT NULL,
	CONSTRAINT "project_search_trigrams_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "project_search_trigrams" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "project_search_trigrams" ADD CONSTRAINT "project_search_trigrams_project_fk" FOREIGN KEY ("organization_id","project_id") REFERENCES "public"."projects"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "project_search_trigrams_org_trigram_project_uq" ON "project_search_trigrams" USING btree ("organization_id","trigram","project_id");--> statement-breakpoint
CREATE INDEX "project_search_trigrams_org_project_idx" ON "project_search_trigrams" USING btree ("organization_id","project_id");--> statement-breakpoint
CREATE POLICY "tenant_select" ON "project_search_trigrams" AS PERMISSIVE FOR SELECT TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_insert" ON "project_search_trigrams" AS PERMISSIVE FOR INSERT TO "brave_app" WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_update" ON "project_search_trigrams" AS PERMISSIVE FOR UPDATE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true))) WITH CHECK (organization_id = (select current_setting('app.current_org', true)));--> statement-breakpoint
CREATE POLICY "tenant_delete" ON "project_search_trigrams" AS PERMISSIVE FOR DELETE TO "brave_app" USING (organization_id = (select current_setting('app.current_org', true)));