-- The audit log and security events are evidence: the app may add to them and read them, never
-- change or remove a row (a compromised request must not be able to rewrite its own trail).
-- secure_tenant_tables() now grants them SELECT and INSERT only, so a later migration that calls
-- it does not hand UPDATE/DELETE back. Retention (deleting old rows) is a job for an admin role.
CREATE OR REPLACE PROCEDURE brave_admin.secure_tenant_tables()
LANGUAGE plpgsql
SET search_path = pg_catalog, public
AS $$
DECLARE
  t record;
  append_only constant text[] := ARRAY['audit_log', 'security_events'];
BEGIN
  FOR t IN
    SELECT c.relname
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
      EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON public.%I FROM brave_app', t.relname);
    ELSE
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON public.%I TO brave_app', t.relname);
    END IF;
    IF t.relname <> 'users' AND NOT EXISTS (
      SELECT 1 FROM pg_constraint WHERE conrelid = format('public.%I', t.relname)::regclass AND conname = t.relname || '_org_not_empty'
    ) THEN
      EXECUTE format('ALTER TABLE public.%I ADD CONSTRAINT %I CHECK (organization_id <> %L)', t.relname, t.relname || '_org_not_empty', '');
    END IF;
  END LOOP;
END
$$;
--> statement-breakpoint
CALL brave_admin.secure_tenant_tables();
