import Link from 'next/link';
import type { FailedBmp } from '@/lib/inspections/failed-bmps';
import { failedBmpHref } from '@/lib/violations/prefill';
import { primaryButtonClass } from '@/components/ui/styles';

/**
 * A submitted inspection's failed BMPs, each with the way to act on it: a
 * corrective action (a violation prefilled from the item and its note) for
 * those who record violations, a finding for the crew to have reviewed.
 */
export function FailedBmpActions({
  failed,
  projectId,
  inspectionId,
  mode,
}: {
  failed: FailedBmp[];
  projectId: string;
  inspectionId: string;
  mode: 'violation' | 'finding' | null;
}) {
  if (!failed.length) return null;
  return (
    <section aria-labelledby="failed-bmps" className="rounded-lg border border-red-200 bg-white p-4 shadow-sm">
      <h2 id="failed-bmps" className="text-lg font-semibold text-slate-900">
        Failed BMPs ({failed.length})
      </h2>
      <ul className="mt-2 divide-y divide-slate-200">
        {failed.map((f) => (
          <li key={`${f.field}.${f.item}`} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <div className="min-w-0">
              <p className="font-medium text-slate-900">{f.label}</p>
              {f.note ? <p className="text-sm text-slate-700">{f.note}</p> : null}
            </div>
            {mode ? (
              <Link
                href={failedBmpHref(mode === 'violation' ? '/violations/new' : '/findings/new', { projectId, inspectionId, ...f })}
                className={primaryButtonClass}
              >
                {mode === 'violation' ? 'Open corrective action' : 'Record a finding'}
                <span className="sr-only"> for {f.label}</span>
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
