ALTER TABLE "public_access_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "public_access_events_created_idx" ON "public_access_events" USING btree ("created_at");--> statement-breakpoint
CREATE POLICY "shared_select" ON "public_access_events" AS PERMISSIVE FOR SELECT TO "brave_app" USING (true);--> statement-breakpoint
CREATE POLICY "shared_insert" ON "public_access_events" AS PERMISSIVE FOR INSERT TO "brave_app" WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "retention_delete" ON "public_access_events" AS PERMISSIVE FOR DELETE TO "brave_app" USING (created_at < now() - interval '90 days');--> statement-breakpoint
-- Wrong-token records are kept 90 days (docs/inspector-page.md): the prune job (lib/jobs) deletes
-- older rows as brave_app, and the retention_delete policy above is what lets it delete nothing newer.
ALTER TABLE "public_access_events" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT DELETE ON public.public_access_events TO brave_app;
