CREATE TABLE "clerk_sync_state" (
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"scope_org" text,
	"scope_user" text,
	"version" bigint NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clerk_sync_state_entity_type_entity_id_pk" PRIMARY KEY("entity_type","entity_id")
);
--> statement-breakpoint
ALTER TABLE "clerk_sync_state" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "webhook_events" (
	"id" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"type" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE POLICY "sync_select" ON "clerk_sync_state" AS PERMISSIVE FOR SELECT TO "brave_app" USING (("clerk_sync_state"."scope_org" is not null and "clerk_sync_state"."scope_org" = (select current_setting('app.current_org', true))) or ("clerk_sync_state"."scope_org" is null and "clerk_sync_state"."scope_user" = (select current_setting('app.current_user', true))));--> statement-breakpoint
CREATE POLICY "sync_insert" ON "clerk_sync_state" AS PERMISSIVE FOR INSERT TO "brave_app" WITH CHECK (("clerk_sync_state"."scope_org" is not null and "clerk_sync_state"."scope_org" = (select current_setting('app.current_org', true))) or ("clerk_sync_state"."scope_org" is null and "clerk_sync_state"."scope_user" = (select current_setting('app.current_user', true))));--> statement-breakpoint
CREATE POLICY "sync_update" ON "clerk_sync_state" AS PERMISSIVE FOR UPDATE TO "brave_app" USING (("clerk_sync_state"."scope_org" is not null and "clerk_sync_state"."scope_org" = (select current_setting('app.current_org', true))) or ("clerk_sync_state"."scope_org" is null and "clerk_sync_state"."scope_user" = (select current_setting('app.current_user', true)))) WITH CHECK (("clerk_sync_state"."scope_org" is not null and "clerk_sync_state"."scope_org" = (select current_setting('app.current_org', true))) or ("clerk_sync_state"."scope_org" is null and "clerk_sync_state"."scope_user" = (select current_setting('app.current_user', true))));