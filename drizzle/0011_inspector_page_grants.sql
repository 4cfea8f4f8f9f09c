-- The public QR page (docs/inspector-page.md): its role, brave_public, reads through its own policies
-- (declared in db/schema next to each table, migration 0010) and only the columns granted here.
-- Column grants, not table grants: a column that is not listed (user ids of who created, signed or
-- fixed something, idempotency keys, plan, slug…) can't be selected by the page even by mistake.
-- SELECT only; the catalog test (tests/integration/rls-catalog) holds this list exactly.

-- The tenant tables added in 0010: forced RLS, DML for brave_app, the organization_id CHECK.
CALL brave_admin.secure_tenant_tables();
--> statement-breakpoint

-- A transaction-local setting holding the SHA-256 (hex) of the QR token; every brave_public policy reads it.
-- SECURITY INVOKER: it runs with brave_public's own rights, and it takes a hash, never an org id.
CREATE OR REPLACE FUNCTION public.open_inspector_link(token_hash text)
RETURNS void
LANGUAGE plpgsql
SECURITY INVOKER
SET search_path = pg_catalog
AS $$
BEGIN
  IF token_hash IS NULL OR token_hash !~ '^[0-9a-f]{64}$' THEN
    RAISE EXCEPTION 'open_inspector_link expects a SHA-256 hex digest' USING ERRCODE = '22023';
  END IF;
  PERFORM set_config('app.inspector_token', token_hash, true);
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.open_inspector_link(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.open_inspector_link(text) TO brave_public;
--> statement-breakpoint

GRANT SELECT (organization_id, id, project_id, token_hash, revoked_at, expires_at) ON public.inspector_links TO brave_public;
--> statement-breakpoint
GRANT SELECT (organization_id, name, active) ON public.organizations TO brave_public;
--> statement-breakpoint
GRANT SELECT (organization_id, timezone) ON public.compliance_settings TO brave_public;
--> statement-breakpoint
GRANT SELECT (organization_id, id, name, address, npdes_permit_id, permit_start, permit_end, status,
  notice_contact_name, notice_contact_phone, swppp_location) ON public.projects TO brave_public;
--> statement-breakpoint
GRANT SELECT (organization_id, id, project_id, status, type, inspected_at, inspector_name, inspector_title,
  bmp_results, findings, rain_gauge_inches, areas_not_inspected, signed_at, signature_name, revision)
  ON public.inspections TO brave_public;
--> statement-breakpoint
GRANT SELECT (organization_id, id, project_id, inspection_id, violation_type_id, description, location,
  found_at, deadline, status) ON public.violations TO brave_public;
--> statement-breakpoint
GRANT SELECT (organization_id, violation_id, description, due_at, status, fixed_at, verified_at)
  ON public.corrective_actions TO brave_public;
--> statement-breakpoint
GRANT SELECT (organization_id, key, name) ON public.bmp_categories TO brave_public;
--> statement-breakpoint
GRANT SELECT (organization_id, id, name) ON public.violation_types TO brave_public;
--> statement-breakpoint

-- public_access_events: wrong tokens name no tenant, so these rows have no organization_id and no RLS.
-- An IP hash, a user agent and a kind: brave_app may add rows and count them, never change or delete.
GRANT SELECT, INSERT ON public.public_access_events TO brave_app;
