import Link from 'next/link';
import type { CalendarStatus, ObligationItem } from '@/lib/compliance/obligation-view';
import { formatDateTime, formatDistance } from '@/lib/format/when';

const STATUS_BADGE: Record<CalendarStatus, { label: string; className: string }> = {
  overdue: { label: 'Overdue', className: 'bg-red-100 text-red-900 ring-red-300' },
  due_today: { label: 'Due today', className: 'bg-amber-100 text-amber-900 ring-amber-300' },
  upcoming: { label: 'Upcoming', className: 'bg-sky-100 text-sky-900 ring-sky-300' },
  met_late: { label: 'Met late', className: 'bg-orange-100 text-orange-900 ring-orange-300' },
  met: { label: 'Met on time', className: 'bg-emerald-100 text-emerald-900 ring-emerald-300' },
};

function when(o: ObligationItem, now: Date): string {
  const due = formatDateTime(o.dueAt, o.timeZone);
  if (o.metAt) return `due ${due} · met ${formatDateTime(o.metAt, o.timeZone)}`;
  if (o.status === 'overdue') return `was due ${due} (${formatDistance(o.dueAt, now)} ago)`;
  return `due ${due}`;
}

/**
 * Obligations as a list a thumb can scroll: what, where, when (in the site's
 * zone, with its abbreviation) and a "Why is this due?" disclosure holding the
 * engine's reason and the permit part (no JavaScript: <details>).
 */
export function ObligationList({
  items,
  now,
  label,
  showProject = true,
  testId,
}: {
  items: ObligationItem[];
  now: Date;
  label: string;
  showProject?: boolean;
  testId?: string;
}) {
  return (
    <ul className="-mx-1 divide-y divide-slate-200" aria-label={label} data-testid={testId}>
      {items.map((o) => (
        <li key={o.id} className="px-1 py-2.5" data-testid="obligation">
          <div className="flex items-start justify-between gap-3">
            <div className="min-w-0">
              <p className="font-medium text-slate-900">
                {o.label}
                {showProject ? (
                  <>
                    {' · '}
                    <Link href={`/projects/${o.projectId}`} className="text-brand-700 underline">
                      {o.projectName}
                    </Link>
                  </>
                ) : null}
              </p>
              <p className="text-xs text-slate-600">{when(o, now)}</p>
            </div>
            <span
              className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${STATUS_BADGE[o.status].className}`}
            >
              {STATUS_BADGE[o.status].label}
            </span>
          </div>
          <details className="mt-1 text-sm">
            <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700 underline">
              Why is this due?
            </summary>
            <p className="mt-1 text-slate-800">{o.reason}</p>
            <p className="mt-0.5 text-xs font-semibold text-slate-700">{o.part}</p>
            {o.metById && o.metByKind === 'inspection' ? (
              <p className="mt-0.5 text-xs">
                Met by{' '}
                <Link href={`/inspections/${o.metById}`} className="text-brand-700 underline">
                  this inspection
                </Link>
              </p>
            ) : o.metById ? (
              <p className="mt-0.5 text-xs text-slate-700">Met by a corrective action marked fixed.</p>
            ) : null}
          </details>
        </li>
      ))}
    </ul>
  );
}
