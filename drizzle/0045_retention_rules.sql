-- Retention (docs/retention.md). The database holds the purge's two rules, so no code path can
-- take a shortcut:
-- 1. A project can be marked purging (projects.purge_started_at) only once its permit coverage
--    has ended (permit_end set, the project no longer active) and the org's retention — at
--    least 3 years after that end, CGP Part 4.8 — has passed, with no legal hold in force on
--    the project or the org; once set it never changes.
-- 2. Signed inspections may be deleted when their organization is deleting (drizzle/0042) or
--    their project is purging. Audit rows and security events keep 0042's guard unchanged:
--    the purge never deletes them.
CREATE OR REPLACE FUNCTION public.project_purge_rules() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, public
AS $$
DECLARE
  years integer;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.purge_started_at IS NOT NULL THEN
      RAISE EXCEPTION 'project % cannot be created already purging', NEW.id USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.purge_started_at IS NOT NULL AND NEW.purge_started_at IS DISTINCT FROM OLD.purge_started_at THEN
    RAISE EXCEPTION 'the purge of project % has started: it cannot be undone', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.purge_started_at IS NULL AND NEW.purge_started_at IS NOT NULL THEN
    -- Read under the purging transaction's own RLS: the same org, which is the only one it can purge.
    SELECT s.retention_years INTO years FROM public.compliance_settings s WHERE s.organization_id = NEW.organization_id;
    IF NEW.permit_end IS NULL OR NEW.status = 'active'
       OR NEW.permit_end + make_interval(years => greatest(3, coalesce(years, 3))) >= (now() AT TIME ZONE 'UTC')::date THEN
      RAISE EXCEPTION 'project % is within its retention period: it cannot be purged', OLD.id USING ERRCODE = 'check_violation';
    END IF;
    IF EXISTS (SELECT 1 FROM public.legal_holds h
               WHERE h.organization_id = NEW.organization_id AND (h.project_id IS NULL OR h.project_id = NEW.id) AND h.released_at IS NULL) THEN
      RAISE EXCEPTION 'project % is under a legal hold: it cannot be purged', OLD.id USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION public.project_purge_rules() FROM PUBLIC;--> statement-breakpoint
CREATE TRIGGER project_purge_rules BEFORE INSERT OR UPDATE ON public.projects
  FOR EACH ROW EXECUTE FUNCTION public.project_purge_rules();--> statement-breakpoint
-- A hold can't be placed on a project already purging (it would hold nothing), and a released
-- hold stays released: the row is the record of the hold.
CREATE OR REPLACE FUNCTION public.legal_hold_rules() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, public
AS $$
BEGIN
  -- A row moved to another org is RLS's to refuse (tenant_update's WITH CHECK), with its own error.
  IF NEW.organization_id IS DISTINCT FROM OLD.organization_id THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND (OLD.released_at IS NOT NULL
       OR NEW.project_id IS DISTINCT FROM OLD.project_id OR NEW.reason IS DISTINCT FROM OLD.reason
       OR NEW.placed_by IS DISTINCT FROM OLD.placed_by OR NEW.placed_at IS DISTINCT FROM OLD.placed_at) THEN
    RAISE EXCEPTION 'legal hold % can only be released, once', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION public.legal_hold_rules() FROM PUBLIC;--> statement-breakpoint
CREATE TRIGGER legal_hold_rules BEFORE UPDATE ON public.legal_holds
  FOR EACH ROW EXECUTE FUNCTION public.legal_hold_rules();--> statement-breakpoint
-- Runs as the deleting role (SECURITY INVOKER), like organization_is_deleting (drizzle/0042).
CREATE OR REPLACE FUNCTION public.project_is_purging(org text, project uuid) RETURNS boolean
LANGUAGE sql STABLE
SET search_path = pg_catalog, public
AS $$
  SELECT EXISTS (SELECT 1 FROM public.projects p WHERE p.organization_id = org AND p.id = project AND p.purge_started_at IS NOT NULL)
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION public.project_is_purging(text, uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.project_is_purging(text, uuid) TO brave_app;--> statement-breakpoint
-- drizzle/0042's rule, with one change: a signed inspection may also be deleted when its project is purging.
CREATE OR REPLACE FUNCTION public.inspections_signed_immutable() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, public
AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.signed_at IS NOT NULL AND NOT public.organization_is_deleting(OLD.organization_id)
       AND NOT public.project_is_purging(OLD.organization_id, OLD.project_id) THEN
      RAISE EXCEPTION 'signed inspection % cannot be deleted', OLD.id USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.signed_at IS NOT NULL AND (
       (to_jsonb(NEW) - 'status' - 'updated_at' - 'record_sha256' - 'record_hash_version')
         IS DISTINCT FROM (to_jsonb(OLD) - 'status' - 'updated_at' - 'record_sha256' - 'record_hash_version')
       OR NOT (OLD.status = NEW.status OR (OLD.status = 'submitted' AND NEW.status = 'published'))
       OR NOT (NEW.record_sha256 IS NOT DISTINCT FROM OLD.record_sha256 OR (OLD.record_sha256 IS NULL AND NEW.record_sha256 ~ '^[0-9a-f]{64}$'))
       OR NOT (NEW.record_hash_version = OLD.record_hash_version OR (OLD.record_sha256 IS NULL AND NEW.record_sha256 IS NOT NULL))
     ) THEN
    RAISE EXCEPTION 'signed inspection % is immutable: record an amendment instead', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION public.inspections_signed_immutable() FROM PUBLIC;--> statement-breakpoint
CALL brave_admin.secure_tenant_tables();
