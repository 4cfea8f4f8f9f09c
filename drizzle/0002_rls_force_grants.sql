-- What drizzle-kit cannot express (docs/design.md §3): FORCE RLS, grants, and "no empty tenant".
-- brave_admin.secure_tenant_tables() is idempotent: every later migration that adds a table
-- ends with `CALL brave_admin.secure_tenant_tables();`. brave_app cannot see this schema.
CREATE SCHEMA IF NOT EXISTS brave_admin;
--> statement-breakpoint
REVOKE ALL ON SCHEMA brave_admin FROM PUBLIC;
--> statement-breakpoint
CREATE OR REPLACE PROCEDURE brave_admin.secure_tenant_tables()
LANGUAGE plpgsql
SET search_path = pg_catalog, public
AS $$
DECLARE
  t record;
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
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON public.%I TO brave_app', t.relname);
    IF t.relname <> 'users' AND NOT EXISTS (
      SELECT 1 FROM pg_constraint WHERE conrelid = format('public.%I', t.relname)::regclass AND conname = t.relname || '_org_not_empty'
    ) THEN
      EXECUTE format('ALTER TABLE public.%I ADD CONSTRAINT %I CHECK (organization_id <> %L)', t.relname, t.relname || '_org_not_empty', '');
    END IF;
  END LOOP;
END
$$;
--> statement-breakpoint
REVOKE ALL ON PROCEDURE brave_admin.secure_tenant_tables() FROM PUBLIC;
--> statement-breakpoint
CALL brave_admin.secure_tenant_tables();
