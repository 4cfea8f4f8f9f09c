-- Layout 2 of the signed record (lib/inspections/record-hash.ts, docs/inspection-report.md): the
-- digest's layout version is stored next to it. On a signed row it may change only together with the
-- seal (record_sha256 from null to a digest), never afterwards: a v1 record stays a v1 record, so
-- it keeps verifying under the layout it was sealed with. Everything else is as in 0026.
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
       (to_jsonb(NEW) - 'status' - 'updated_at' - 'record_sha256' - 'record_hash_version')
         IS DISTINCT FROM (to_jsonb(OLD) - 'status' - 'updated_at' - 'record_sha256' - 'record_hash_version')
       OR NOT (OLD.status = NEW.status OR (OLD.status = 'submitted' AND NEW.status = 'published'))
       OR NOT (NEW.record_sha256 IS NOT DISTINCT FROM OLD.record_sha256 OR (OLD.record_sha256 IS NULL AND NEW.record_sha256 ~ '^[0-9a-f]{64}$'))
       OR NOT (NEW.record_hash_version = OLD.record_hash_version OR (OLD.record_sha256 IS NULL AND NEW.record_sha256 IS NOT NULL))
     ) THEN
    RAISE EXCEPTION 'signed inspection % is immutable: record an amendment instead', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.inspections_signed_immutable() FROM PUBLIC;
--> statement-breakpoint
-- The public inspector page prints the layout next to the digest, and the signer's qualifications.
GRANT SELECT (record_hash_version, signature_qualifications) ON public.inspections TO brave_public;
