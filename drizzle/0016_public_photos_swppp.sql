ALTER TABLE "projects" ADD COLUMN "public_swppp_document_id" uuid;--> statement-breakpoint
CREATE POLICY "public_select" ON "documents" AS PERMISSIVE FOR SELECT TO "brave_public" USING (kind = 'swppp' and status = 'stored' and (organization_id, project_id, id) in (select p.organization_id, p.id, p.public_swppp_document_id from projects p where (p.organization_id, p.id) in (select l.organization_id, l.project_id from inspector_links l where l.token_hash = (select current_setting('app.inspector_token', true)) and l.revoked_at is null and (l.expires_at is null or l.expires_at > now()))));--> statement-breakpoint
CREATE POLICY "public_select" ON "photos" AS PERMISSIVE FOR SELECT TO "brave_public" USING (status = 'stored' and (organization_id, project_id) in (select l.organization_id, l.project_id from inspector_links l where l.token_hash = (select current_setting('app.inspector_token', true)) and l.revoked_at is null and (l.expires_at is null or l.expires_at > now())) and (organization_id, inspection_id) in (select i.organization_id, i.id from inspections i where i.status = 'published'));--> statement-breakpoint
-- The public QR page's photos and SWPPP (docs/inspector-page.md): column grants for exactly what the
-- page reads (db/queries/public-page.ts), next to the token-keyed policies above. No uploader, no
-- file name of a photo, no location, no EXIF flag; the SWPPP's own file name goes into its download.
-- tests/integration/rls-catalog-public.ts holds this list exactly.
GRANT SELECT (organization_id, project_id, inspection_id, status, storage_key, thumbnail_key, content_type,
  caption, taken_at, stored_at) ON public.photos TO brave_public;
--> statement-breakpoint
GRANT SELECT (organization_id, id, project_id, kind, status, storage_key, file_name, content_type, title,
  version, stored_at, size_bytes) ON public.documents TO brave_public;
--> statement-breakpoint
-- The site's time zone (shown with its abbreviation) and the SWPPP version the project chose to show.
GRANT SELECT (time_zone, public_swppp_document_id) ON public.projects TO brave_public;
