import 'server-only';
import { sql } from 'drizzle-orm';
import type { Tx } from './tenant';

/**
 * The tenant tables as the catalog knows them: every table of schema public with an
 * organization_id column (the notion the RLS catalog test uses). The deletion walks them
 * children first (db/org-deletion.ts), the export reads each of them (db/org-export.ts):
 * a new tenant table is deleted and exported with no code change.
 */

/** Identifiers as the catalog spells them: anything else is refused before it reaches SQL. */
export const TABLE = /^[a-z_][a-z0-9_]{0,62}$/;

/** Every tenant table, by name; a name outside TABLE's charset is refused before it reaches SQL. */
export async function tenantTableNames(tx: Tx): Promise<string[]> {
  const tables = (await tx.execute<{ name: string }>(sql`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'organization_id' and not a.attisdropped)
    order by c.relname`)) as unknown as { name: string }[];
  const names = tables.map((t) => t.name);
  for (const n of names) if (!TABLE.test(n)) throw new Error(`tenant table with an unexpected name: ${JSON.stringify(n)}`);
  return names;
}

/**
 * Every table of schema public with an organization_id column (the notion the RLS catalog
 * test uses), children before parents: a table comes after every table whose foreign keys
 * point at it. A new tenant table is covered without a code change. A cycle of foreign keys
 * between different tables can't be ordered: it is an error, not a guess.
 */
export async function tenantTablesInDeleteOrder(tx: Tx): Promise<string[]> {
  const names = await tenantTableNames(tx);
  const edges = (await tx.execute<{ child: string; parent: string }>(sql`
    select ch.relname as child, pa.relname as parent
    from pg_constraint con join pg_class ch on ch.oid = con.conrelid join pg_class pa on pa.oid = con.confrelid
    join pg_namespace n on n.oid = ch.relnamespace
    where con.contype = 'f' and n.nspname = 'public' and con.conrelid <> con.confrelid`)) as unknown as { child: string; parent: string }[];
  const set = new Set(names);
  // children[p] = tables referencing p; a table may go once all of them are gone.
  const children = new Map(names.map((n) => [n, new Set<string>()]));
  for (const e of edges) if (set.has(e.child) && set.has(e.parent)) children.get(e.parent)!.add(e.child);
  const order: string[] = [];
  const done = new Set<string>();
  while (order.length < names.length) {
    const next = names.find((n) => !done.has(n) && [...children.get(n)!].every((c) => done.has(c)));
    if (!next) throw new Error(`foreign keys form a cycle among ${names.filter((n) => !done.has(n)).join(', ')}`);
    order.push(next);
    done.add(next);
  }
  return order;
}
