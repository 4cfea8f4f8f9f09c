import { z } from 'zod';
import type { Cursor } from '@/db/queries/keyset';
import { decodeCursor } from '@/lib/pagination/cursor';
import { startOfDayIn } from '@/lib/format/when';

/**
 * The audit page's filters, read from the query string: entity type, actor,
 * action, a date range (calendar days in the organization's time zone, both
 * ends included) and a keyset cursor. Values are only ever compared for
 * equality, but are still held to the shapes our own writers produce.
 */
const token = (label: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, `Choose a valid ${label}.`)
      .optional(),
  );
const day = (label: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.iso.date({ message: `Enter the ${label} as a date.` }).optional(),
  );

export const auditQuerySchema = z
  .object({
    entityType: token('entity type'),
    action: token('action'),
    actor: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Choose a valid person.')
        .optional(),
    ),
    from: day('start date'),
    to: day('end date'),
    cursor: z.preprocess(
      (v) => (typeof v === 'string' && v !== '' ? v : undefined),
      z
        .string()
        .optional()
        .transform((v, ctx): Cursor | undefined => {
          if (v === undefined) return undefined;
          const c = decodeCursor(v);
          if (!c)
            ctx.addIssue({ code: 'custom', message: 'This page link is invalid; start from the newest entries.' });
          return c;
        }),
    ),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ['to'],
    message: 'The end date must be on or after the start date.',
  });

export type AuditQuery = z.output<typeof auditQuerySchema>;

/** Query → the listAudit filter; `to` includes its whole day. */
export function toAuditFilter(q: AuditQuery, timeZone: string, limit: number) {
  return {
    entityType: q.entityType,
    action: q.action,
    actorUserId: q.actor,
    since: q.from ? startOfDayIn(q.from, timeZone) : undefined,
    until: q.to
      ? startOfDayIn(new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10), timeZone)
      : undefined,
    before: q.cursor,
    limit,
  };
}

/** Single values from Next's searchParams (a repeated key keeps its last value). */
export function firstValues(raw: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.at(-1) : v]));
}
