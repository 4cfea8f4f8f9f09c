-- A signed inspection is a legal record (CGP Part 4.7 certification): once signed_at is set, its
-- content can't change; a correction is a new row that amends it. Only the status may move on
-- (submitted → published). Enforced in the database so no code path can overwrite a signed record.
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
       (to_jsonb(NEW) - 'status' - 'updated_at') IS DISTINCT FROM (to_jsonb(OLD) - 'status' - 'updated_at')
       OR NOT (OLD.status = NEW.status OR (OLD.status = 'submitted' AND NEW.status = 'published'))
     ) THEN
    RAISE EXCEPTION 'signed inspection % is immutable: record an amendment instead', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.inspections_signed_immutable() FROM PUBLIC;
--> statement-breakpoint
DROP TRIGGER IF EXISTS inspections_signed_immutable ON public.inspections;
--> statement-breakpoint
CREATE TRIGGER inspections_signed_immutable
  BEFORE UPDATE OR DELETE ON public.inspections
  FOR EACH ROW EXECUTE FUNCTION public.inspections_signed_immutable();
