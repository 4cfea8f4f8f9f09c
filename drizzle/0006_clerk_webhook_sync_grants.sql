-- Clerk webhook sync tables (db/schema/webhooks.ts). Neither is a tenant table (no organization_id),
-- so brave_admin.secure_tenant_tables() does not cover them; their grants are decided here.
--
-- webhook_events: svix message ids already applied (idempotency). Ids and event types only, no tenant
-- data: no RLS; brave_app may read and insert, never change or delete (a delivery stays "seen").
GRANT SELECT, INSERT ON public.webhook_events TO brave_app;
--> statement-breakpoint
-- clerk_sync_state: newest applied version / tombstone per Clerk entity. Rows are scoped to the tenant
-- (scope_org) or the user (scope_user) they guard, with policies declared in the schema; FORCE so not
-- even the owner bypasses them. No DELETE: a tombstone must outlive the entity.
ALTER TABLE public.clerk_sync_state FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON public.clerk_sync_state TO brave_app;
--> statement-breakpoint
ALTER TABLE public.clerk_sync_state ADD CONSTRAINT clerk_sync_state_scoped CHECK (
  (scope_org IS NOT NULL AND scope_org <> '') OR (scope_user IS NOT NULL AND scope_user <> '')
);
