-- data_exports (0043): forced RLS, DML for brave_app and the organization_id CHECK, as for every tenant table.
CALL brave_admin.secure_tenant_tables();
