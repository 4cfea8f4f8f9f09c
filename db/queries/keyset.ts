import 'server-only';
import { and, eq, lt, or, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * A position in a list ordered by (created_at desc, id desc): the last row of
 * the previous page. lib/pagination/cursor.ts encodes it for clients.
 */
export interface Cursor {
  createdAt: Date;
  id: string;
}

/**
 * Rows after `cursor` in (created_at desc, id desc) order: the one keyset
 * predicate every list query pages with (see lib/pagination/cursor.ts).
 * `undefined` (no condition) for the first page.
 */
export function olderThan(cols: { createdAt: AnyPgColumn; id: AnyPgColumn }, cursor: Cursor | undefined): SQL | undefined {
  if (!cursor) return undefined;
  return or(lt(cols.createdAt, cursor.createdAt), and(eq(cols.createdAt, cursor.createdAt), lt(cols.id, cursor.id)));
}
