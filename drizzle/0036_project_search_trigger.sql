-- Project search under RLS (docs/search.md). project_search_trigrams holds every distinct
-- three-character piece of a project's lower-cased name, address and NPDES permit id, kept by a
-- trigger in the writing transaction (as the writer, so RLS applies to it as to the project row).
-- FORCE RLS, grants and the non-empty tenant CHECK for the new table:
CALL brave_admin.secure_tenant_tables();
--> statement-breakpoint
-- The pieces of one text: immutable, so the same function builds the index rows and the query's
-- trigrams. lower() as ILIKE folds case; no word splitting or padding (unlike pg_trgm), so every
-- piece of a searched term is a piece of any text that contains it.
CREATE OR REPLACE FUNCTION public.search_trigrams(s text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog
AS $$
  SELECT coalesce(array_agg(DISTINCT substr(l.v, i, 3)), '{}')
  FROM (SELECT lower(s) AS v) l, generate_series(1, char_length(l.v) - 2) i
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.projects_search_trigrams() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, public
AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.name IS NOT DISTINCT FROM OLD.name AND NEW.address IS NOT DISTINCT FROM OLD.address
       AND NEW.npdes_permit_id IS NOT DISTINCT FROM OLD.npdes_permit_id THEN
      RETURN NULL;
    END IF;
    DELETE FROM public.project_search_trigrams t WHERE t.organization_id = OLD.organization_id AND t.project_id = OLD.id;
  END IF;
  INSERT INTO public.project_search_trigrams (organization_id, project_id, trigram)
  SELECT DISTINCT NEW.organization_id, NEW.id, g
  FROM unnest(public.search_trigrams(NEW.name) || public.search_trigrams(NEW.address)
              || public.search_trigrams(coalesce(NEW.npdes_permit_id, ''))) g;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Only the app role calls them (its queries, its writes' trigger); brave_public reads no project search.
REVOKE ALL ON FUNCTION public.search_trigrams(text) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.projects_search_trigrams() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.search_trigrams(text) TO brave_app;
--> statement-breakpoint
DROP TRIGGER IF EXISTS projects_search_trigrams ON public.projects;
--> statement-breakpoint
CREATE TRIGGER projects_search_trigrams AFTER INSERT OR UPDATE ON public.projects
FOR EACH ROW EXECUTE FUNCTION public.projects_search_trigrams();
--> statement-breakpoint
-- Existing projects: with FORCE RLS the owner sees no rows, so the backfill lifts FORCE on both tables
-- for this statement only. The migration's transaction holds ACCESS EXCLUSIVE locks on them meanwhile:
-- no other session reads or writes either table until FORCE is back.
ALTER TABLE public.projects NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.project_search_trigrams NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
INSERT INTO public.project_search_trigrams (organization_id, project_id, trigram)
SELECT DISTINCT p.organization_id, p.id, g
FROM public.projects p,
     unnest(public.search_trigrams(p.name) || public.search_trigrams(p.address)
            || public.search_trigrams(coalesce(p.npdes_permit_id, ''))) g
ON CONFLICT DO NOTHING;
--> statement-breakpoint
ALTER TABLE public.projects FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.project_search_trigrams FORCE ROW LEVEL SECURITY;
