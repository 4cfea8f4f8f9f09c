-- The tenant tables added in 0015 (invitations, usage_daily): forced RLS, DML for brave_app,
-- the organization_id CHECK — the same treatment every tenant table gets (drizzle/0002).
CALL brave_admin.secure_tenant_tables();
