ALTER TABLE "rain_events" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "violations" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "rain_events_org_idem_uq" ON "rain_events" USING btree ("organization_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "corrective_actions_org_idem_uq" ON "corrective_actions" USING btree ("organization_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "violations_org_idem_uq" ON "violations" USING btree ("organization_id","idempotency_key");