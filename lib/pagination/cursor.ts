import { z } from 'zod';
import type { Cursor } from '@/db/queries/keyset';

/**
 * Keyset pagination over (created_at desc, id desc): stable under inserts and
 * O(limit) at any depth. The cursor (db/queries/keyset.ts) is opaque to
 * clients (base64url JSON).
 */

const cursorSchema = z.object({ t: z.iso.datetime({ offset: true }), i: z.uuid() });

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify({ t: c.createdAt.toISOString(), i: c.id })).toString('base64url');
}

/** `undefined` for a malformed cursor: callers answer 400, never 500. */
export function decodeCursor(raw: string): Cursor | undefined {
  if (raw.length > 200) return undefined;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? { createdAt: new Date(parsed.data.t), id: parsed.data.i } : undefined;
  } catch {
    return undefined;
  }
}

export const pageQuery = z.object({
  cursor: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined;
      const c = decodeCursor(v);
      if (!c) ctx.addIssue({ code: 'custom', message: 'invalid cursor' });
      return c;
    }),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Callers fetch limit + 1 rows; the extra one only says whether there is a next page. */
export function toPage<T extends { createdAt: Date; id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
