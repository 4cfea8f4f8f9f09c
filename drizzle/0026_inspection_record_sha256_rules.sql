-- The signed record's SHA-256 (lib/inspections/record-hash.ts, docs/inspection-report.md). Signing
-- and sealing happen in one transaction: the signature update, then record_sha256 set over the row
-- it produced. drizzle/0004's rule stays as it was, with exactly one more allowed change on a signed
-- row: record_sha256 from null to a digest (the seal, and the backfill of rows signed before this
-- column existed). Once set it never changes or goes back to null. The CHECK of 0015 keeps digests
-- off unsigned rows.
CREATE OR REPLACE FUNCTION public.inspections_signed_immutable() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, public
AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.signed_at IS NOT NULL THEN
      RAISE EXCEPTION 'signed inspection % cannot be deleted', OLD.id USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.signed_at IS NOT NULL AND (
       (to_jsonb(NEW) - 'status' - 'updated_at' - 'record_sha256') IS DISTINCT FROM (to_jsonb(OLD) - 'status' - 'updated_at' - 'record_sha256')
       OR NOT (OLD.status = NEW.status OR (OLD.status = 'submitted' AND NEW.status = 'published'))
       OR NOT (NEW.record_sha256 IS NOT DISTINCT FROM OLD.record_sha256 OR (OLD.record_sha256 IS NULL AND NEW.record_sha256 ~ '^[0-9a-f]{64}$'))
     ) THEN
    RAISE EXCEPTION 'signed inspection % is immutable: record an amendment instead', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.inspections_signed_immutable() FROM PUBLIC;
--> statement-breakpoint
-- The public inspector page prints each published inspection's hash next to it, so a printed report
-- can be checked against the site's own page.
GRANT SELECT (record_sha256) ON public.inspections TO brave_public;
