import { z } from 'zod';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const MAX_RANGE_MS = 366 * 86_400_000;
/** An instant with its offset ("2026-11-02T18:00:00Z", "…-06:00"): a bare local time would be the server's zone. */
const instant = (label: string) =>
  z.preprocess(blank, z.iso.datetime({ offset: true, message: `${label} must be an ISO 8601 instant with an offset` }));

/**
 * `GET /api/v1/obligations?from=&to=&projectId=&limit=`: open (not yet met)
 * obligations due in [from, to), earliest first. Without `from`, everything
 * overdue before `to` too. At most 366 days per query.
 */
export const obligationsDueQuery = z
  .object({
    from: instant('from').optional(),
    to: instant('to'),
    projectId: z.preprocess(blank, z.uuid({ message: 'projectId must be a uuid' }).optional()),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !q.from || Date.parse(q.from) < Date.parse(q.to), { message: 'from must be before to', path: ['from'] })
  .refine((q) => !q.from || Date.parse(q.to) - Date.parse(q.from) <= MAX_RANGE_MS, {
    message: 'from and to may be at most 366 days apart',
    path: ['to'],
  });
