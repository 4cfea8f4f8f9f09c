import { formatDateTime } from '@/lib/format/when';
import type { Obligation, ObligationKind } from './types';

/** "Nov 1, 2026, 9:30 AM EST": an instant as the site reads it, with its zone abbreviation (the one helper). */
export const siteTime = formatDateTime;

/** Status from what met it (or not yet) and the clock. */
export function settle(
  base: { kind: ObligationKind; part: string; why: string; sourceId: string | null; opensAt: Date; dueAt: Date },
  met: { at: Date; by: string } | null,
  now: Date,
): Obligation {
  const status = met ? (met.at <= base.dueAt ? 'met' : 'met_late') : now >= base.dueAt ? 'overdue' : 'upcoming';
  return { ...base, status, metAt: met?.at ?? null, metBy: met?.by ?? null };
}
