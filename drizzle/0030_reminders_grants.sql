-- notifications and reminder_preferences: FORCE RLS, DML grants to brave_app, CHECK (organization_id <> '').
CALL brave_admin.secure_tenant_tables();
