import { formatter } from './calendar';
import type { Obligation, ObligationKind } from './types';

/** "Nov 1, 2026, 9:30 AM EST": an instant as the site reads it, with its zone abbreviation. */
export function siteTime(at: Date, timeZone: string): string {
  const f = formatter(`site:${timeZone}`, () =>
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      month: 'short',
      day: 'numeric',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    }),
  );
  return f.format(at);
}

/** Status from what met it (or not yet) and the clock. */
export function settle(
  base: { kind: ObligationKind; part: string; why: string; sourceId: string | null; opensAt: Date; dueAt: Date },
  met: { at: Date; by: string } | null,
  now: Date,
): Obligation {
  const status = met ? (met.at <= base.dueAt ? 'met' : 'met_late') : now >= base.dueAt ? 'overdue' : 'upcoming';
  return { ...base, status, metAt: met?.at ?? null, metBy: met?.by ?? null };
}
