import { z } from 'zod';

/** A query-string value as Next hands it to a page: the first of repeated keys. */
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * A list page's query string through the same schema as its JSON API
 * (docs/architecture.md, "Page query parameters"): what is valid is kept, each
 * invalid field is dropped (the list falls back to its default for it), and
 * the page says so instead of silently showing something else — or, before,
 * answering 500 on bytes PostgreSQL refuses.
 */
export function readPageQuery<S extends z.ZodObject>(
  schema: S,
  raw: Record<string, string | string[] | undefined>,
  keys: readonly (keyof z.input<S> & string)[],
): { query: z.output<S>; invalid: string[] } {
  const input = Object.fromEntries(keys.map((k) => [k, first(raw[k])]).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(input);
  if (parsed.success) return { query: parsed.data, invalid: [] };
  const invalid = Object.keys(z.flattenError(parsed.error).fieldErrors);
  const kept = Object.fromEntries(Object.entries(input).filter(([k]) => !invalid.includes(k)));
  return { query: schema.parse(kept), invalid };
}

/** What a list page shows when part of its link was not valid. */
export const STALE_LINK_NOTICE = 'Part of that link was not valid, so it was left out of the list.';
