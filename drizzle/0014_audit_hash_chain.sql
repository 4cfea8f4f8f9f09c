-- Each organization's audit rows form a hash chain (docs/architecture.md, "The audit trail is a hash chain").
-- row_hash = sha256(prev_hash || canonical text of the row); prev_hash = the org's previous row_hash
-- (64 zeros for its first row); chain_seq counts 1, 2, 3… per org with no gaps. A BEFORE INSERT trigger
-- computes all three in the inserting transaction, whoever inserts, and ignores what the insert says.
ALTER TABLE "audit_log" ADD COLUMN "chain_seq" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "prev_hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "row_hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- The canonical text: a jsonb array (jsonb's text form is deterministic: keys sorted, no insignificant
-- whitespace) of every recorded column, nulls kept distinct from '', the time as UTC with milliseconds.
CREATE OR REPLACE FUNCTION public.audit_log_row_hash(r public.audit_log) RETURNS text
LANGUAGE sql IMMUTABLE STRICT
SET search_path = pg_catalog, public
AS $$
  SELECT encode(sha256(convert_to(r.prev_hash || jsonb_build_array(
    r.organization_id, r.id, r.chain_seq, r.actor_user_id, r.action, r.entity_type, r.entity_id,
    r.before, r.after, r.ip, r.user_agent,
    to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  )::text, 'UTF8')), 'hex')
$$;--> statement-breakpoint
-- Concurrency: a transaction-scoped advisory lock per organization serializes the org's audit inserts
-- from this point to commit, so two writers never both see the same previous row. The lookup of the
-- previous row sees rows committed before the lock was granted (READ COMMITTED takes a new snapshot per
-- statement in a volatile function), and the unique (organization_id, chain_seq) index turns any fork
-- (e.g. a REPEATABLE READ writer) into an error instead of a silent branch.
CREATE OR REPLACE FUNCTION public.audit_log_chain() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, public
AS $$
DECLARE
  last record;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('audit_log:' || NEW.organization_id, 0));
  SELECT a.chain_seq, a.row_hash INTO last
  FROM public.audit_log a
  WHERE a.organization_id = NEW.organization_id
  ORDER BY a.chain_seq DESC
  LIMIT 1;
  NEW.chain_seq := coalesce(last.chain_seq, 0) + 1;
  NEW.prev_hash := coalesce(last.row_hash, repeat('0', 64));
  NEW.row_hash := public.audit_log_row_hash(NEW);
  RETURN NEW;
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION public.audit_log_row_hash(public.audit_log) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION public.audit_log_chain() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.audit_log_row_hash(public.audit_log) TO brave_app;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.audit_log_chain() TO brave_app;--> statement-breakpoint
-- Rows written before this migration are chained in (created_at, id) order. The owner backfills with
-- FORCE RLS lifted for this transaction only (the owner has no policy, so under FORCE it sees no rows);
-- it is forced again below, before the transaction commits.
ALTER TABLE "audit_log" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
DO $$
DECLARE
  r public.audit_log;
  prev text;
  org text := NULL;
  seq bigint;
BEGIN
  FOR r IN SELECT * FROM public.audit_log ORDER BY organization_id, created_at, id LOOP
    IF org IS DISTINCT FROM r.organization_id THEN
      org := r.organization_id;
      prev := repeat('0', 64);
      seq := 0;
    END IF;
    seq := seq + 1;
    r.chain_seq := seq;
    r.prev_hash := prev;
    r.row_hash := public.audit_log_row_hash(r);
    UPDATE public.audit_log SET chain_seq = r.chain_seq, prev_hash = r.prev_hash, row_hash = r.row_hash
    WHERE organization_id = r.organization_id AND id = r.id;
    prev := r.row_hash;
  END LOOP;
END
$$;--> statement-breakpoint
ALTER TABLE "audit_log" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_org_chain_idx" ON "audit_log" USING btree ("organization_id","chain_seq");--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON public.audit_log FOR EACH ROW EXECUTE FUNCTION public.audit_log_chain();
