-- Organization deletion (docs/deletion.md). The database holds the rules the job relies on, so no
-- code path can take a shortcut:
-- 1. "deleting" (organizations.deletion_started_at) can only begin once an owner's request has
--    waited out its grace period, and it never ends: the row goes with everything else.
-- 2. Evidence (audit_log, security_events) and signed inspections can be deleted only for an
--    organization in that state. brave_app gets DELETE on the two logs for this one path; the
--    trigger refuses every other delete, whoever asks.
-- 3. The tombstone table: forced RLS, SELECT and INSERT of the current org's own row only.
ALTER TABLE "organization_tombstones" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT ON public.organization_tombstones TO brave_app;--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.organization_deletion_rules() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, public
AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.deletion_started_at IS NOT NULL THEN
      RAISE EXCEPTION 'organization % cannot be created already deleting', NEW.organization_id USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.deletion_started_at IS NOT NULL AND (
       NEW.deletion_started_at IS DISTINCT FROM OLD.deletion_started_at
       OR NEW.deletion_requested_at IS DISTINCT FROM OLD.deletion_requested_at
       OR NEW.deletion_scheduled_for IS DISTINCT FROM OLD.deletion_scheduled_for
       OR NEW.active) THEN
    RAISE EXCEPTION 'deletion of organization % has started: it cannot be cancelled or reactivated', OLD.organization_id USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.deletion_started_at IS NULL AND NEW.deletion_started_at IS NOT NULL
     AND (NEW.deletion_requested_at IS NULL OR NEW.deletion_scheduled_for IS NULL OR NEW.deletion_scheduled_for > now()) THEN
    RAISE EXCEPTION 'deletion of organization % cannot start before its grace period ends', OLD.organization_id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION public.organization_deletion_rules() FROM PUBLIC;--> statement-breakpoint
CREATE TRIGGER organization_deletion_rules BEFORE INSERT OR UPDATE ON public.organizations
  FOR EACH ROW EXECUTE FUNCTION public.organization_deletion_rules();--> statement-breakpoint
-- Runs as the deleting role (SECURITY INVOKER): under RLS it sees the organizations row only in a
-- transaction of that same org, which is the only place a delete of its rows can happen anyway.
CREATE OR REPLACE FUNCTION public.organization_is_deleting(org text) RETURNS boolean
LANGUAGE sql STABLE
SET search_path = pg_catalog, public
AS $$
  SELECT EXISTS (SELECT 1 FROM public.organizations o WHERE o.organization_id = org AND o.deletion_started_at IS NOT NULL)
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION public.organization_is_deleting(text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.organization_is_deleting(text) TO brave_app;--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.evidence_delete_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, public
AS $$
BEGIN
  IF NOT public.organization_is_deleting(OLD.organization_id) THEN
    RAISE EXCEPTION '% rows are evidence: they go only with their organization''s deletion (docs/deletion.md)', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN OLD;
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION public.evidence_delete_guard() FROM PUBLIC;--> statement-breakpoint
CREATE TRIGGER evidence_delete_guard BEFORE DELETE ON public.audit_log FOR EACH ROW EXECUTE FUNCTION public.evidence_delete_guard();--> statement-breakpoint
CREATE TRIGGER evidence_delete_guard BEFORE DELETE ON public.security_events FOR EACH ROW EXECUTE FUNCTION public.evidence_delete_guard();--> statement-breakpoint
-- drizzle/0038's rule (0026 plus the layout version), with one change: a signed inspection may be deleted when its organization is.
CREATE OR REPLACE FUNCTION public.inspections_signed_immutable() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, public
AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.signed_at IS NOT NULL AND NOT public.organization_is_deleting(OLD.organization_id) THEN
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
-- drizzle/0008's procedure, except that the append-only logs keep DELETE when (and only when) the
-- guard trigger above sits on them, so a later migration calling it doesn't take the path away.
CREATE OR REPLACE PROCEDURE brave_admin.secure_tenant_tables()
LANGUAGE plpgsql
SET search_path = pg_catalog, public
AS $$
DECLARE
  t record;
  append_only constant text[] := ARRAY['audit_log', 'security_events'];
BEGIN
  FOR t IN
    SELECT c.relname, c.oid
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
      AND (EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organization_id' AND NOT a.attisdropped)
           OR c.relname = 'users')
  LOOP
    EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', t.relname);
    EXECUTE format('ALTER TABLE public.%I FORCE ROW LEVEL SECURITY', t.relname);
    IF t.relname = ANY (append_only) THEN
      EXECUTE format('GRANT SELECT, INSERT ON public.%I TO brave_app', t.relname);
      EXECUTE format('REVOKE UPDATE, TRUNCATE ON public.%I FROM brave_app', t.relname);
      IF EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = t.oid AND g.tgname = 'evidence_delete_guard' AND g.tgenabled <> 'D') THEN
        EXECUTE format('GRANT DELETE ON public.%I TO brave_app', t.relname);
      ELSE
        EXECUTE format('REVOKE DELETE ON public.%I FROM brave_app', t.relname);
      END IF;
    ELSE
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON public.%I TO brave_app', t.relname);
    END IF;
    IF t.relname <> 'users' AND NOT EXISTS (
      SELECT 1 FROM pg_constraint WHERE conrelid = t.oid AND conname = t.relname || '_org_not_empty'
    ) THEN
      EXECUTE format('ALTER TABLE public.%I ADD CONSTRAINT %I CHECK (organization_id <> %L)', t.relname, t.relname || '_org_not_empty', '');
    END IF;
  END LOOP;
END
$$;--> statement-breakpoint
CALL brave_admin.secure_tenant_tables();
