import 'server-only';
import { sql } from 'drizzle-orm';
import { TABLE } from './tenant-catalog';
import type { Tx } from './tenant';

/**
 * The export's reads of the catalog and of every tenant table (docs/export.md). They run in
 * the door (withTenant for the org exported): RLS bounds each statement to that org on top of
 * the explicit organization_id filter. Not in db/queries/: they read whatever table the
 * catalog names, and lib/export/org-export.int.test.ts proves another org's rows stay out.
 */

function checked(table: string): string {
  if (!TABLE.test(table)) throw new Error('not a table name from the catalog');
  return table;
}

/** The table's columns in their declared order: the CSV header. */
export async function tableColumns(tx: Tx, table: string): Promise<string[]> {
  const rows = (await tx.execute<{ name: string }>(sql`
    select a.attname as name from pg_attribute a
    where a.attrelid = ${`public.${checked(table)}`}::regclass and a.attnum > 0 and not a.attisdropped
    order by a.attnum`)) as unknown as { name: string }[];
  return rows.map((r) => r.name);
}

/**
 * The org's rows of `table`, `batch` at a time, each as PostgreSQL's own JSON of the row
 * (to_jsonb: timestamps in ISO form, numerics exact, bytea as hex). A cursor of the caller's
 * transaction: memory holds one batch whatever the table's size, and the reads of one table
 * see one snapshot. The caller must consume it before its transaction ends.
 */
export async function* tenantRowBatches(tx: Tx, orgId: string, table: string, batch: number): AsyncGenerator<Record<string, unknown>[]> {
  const name = sql.identifier(`export_${checked(table)}`);
  await tx.execute(sql`declare ${name} no scroll cursor for select to_jsonb(t) as r from ${sql.identifier(table)} t where t.organization_id = ${orgId}`);
  try {
    for (;;) {
      const rows = (await tx.execute<{ r: Record<string, unknown> }>(sql`fetch forward ${sql.raw(String(Math.trunc(batch)))} from ${name}`)) as unknown as { r: Record<string, unknown> }[];
      if (!rows.length) return;
      yield rows.map((x) => x.r);
      if (rows.length < batch) return;
    }
  } finally {
    await tx.execute(sql`close ${name}`);
  }
}
