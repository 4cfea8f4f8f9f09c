-- project_obligations (0015, db/schema/obligations.ts): forced RLS, DML for brave_app, the
-- organization_id CHECK. Rows are derived (lib/compliance/recompute-obligations.ts) and written
-- through the door, so the app needs all four commands; nothing is granted to brave_public.
CALL brave_admin.secure_tenant_tables();
