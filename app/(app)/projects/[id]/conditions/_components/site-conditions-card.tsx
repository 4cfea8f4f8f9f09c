import { ActionButton } from '@/components/forms/action-button';
import type { SiteCondition } from '@/db/queries/site-conditions';
import { formatCalendarDate, formatDateTime } from '@/lib/format/when';
import { SITE_PERIOD_LABELS } from '@/lib/zod/schemas/site-conditions';
import { deleteSiteConditionAction } from '../actions/delete-site-condition';
import { EndPeriodForm, SitePeriodForm, SnowmeltForm } from './site-condition-forms';

const day = formatCalendarDate;

function describe(c: SiteCondition, timeZone: string): { title: string; detail: string } {
  if (c.kind === 'snowmelt')
    return { title: 'Snowmelt discharge (CGP 2022 Part 4.2.2 / 4.3)', detail: `${Number(c.snowInches)} in of snow; discharge started ${formatDateTime(c.dischargeAt!, timeZone)}` };
  const k = SITE_PERIOD_LABELS[c.kind];
  return { title: `${k.label} (${k.part})`, detail: `${day(c.startsOn!)} – ${c.endsOn ? day(c.endsOn) : 'ongoing'}` };
}

/**
 * The project's recorded site conditions that change its inspection schedule:
 * reduced-frequency periods (Part 4.4) and snowmelt discharges. Each save or
 * removal is audited and recomputes the project's deadlines in the same transaction.
 */
export function SiteConditionsCard({
  projectId,
  conditions,
  timeZone,
  canWrite,
  canRecord,
}: {
  projectId: string;
  conditions: SiteCondition[];
  timeZone: string;
  canWrite: boolean;
  canRecord: boolean;
}) {
  return (
    <section aria-labelledby="conditions-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="conditions-heading" className="text-lg font-semibold text-slate-900">
        Site conditions
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Stabilized, dry-season, drought or frozen periods change how often inspections are due; a snowmelt discharge makes one due. Dates are
        the site’s ({timeZone}).
      </p>
      {conditions.length ? (
        <ul className="mt-3 divide-y divide-slate-100" aria-label="Recorded site conditions">
          {conditions.map((c) => {
            const d = describe(c, timeZone);
            return (
              <li key={c.id} className="py-3 text-sm">
                <p className="font-semibold text-slate-900">{d.title}</p>
                <p className="text-slate-700">{d.detail}</p>
                {c.note ? <p className="text-slate-600">{c.note}</p> : null}
                {canWrite ? (
                  <div className="mt-1 flex flex-wrap items-end gap-3" data-print-hide>
                    {c.kind !== 'snowmelt' ? <EndPeriodForm id={c.id} label={d.title} /> : null}
                    <ActionButton action={deleteSiteConditionAction} fields={{ id: c.id }} label="Remove (recorded in error)" pendingLabel="Removing…" secondary />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="mt-3 text-sm text-slate-600">None recorded: the project’s own schedule applies.</p>
      )}
      {canWrite ? (
        <details className="mt-4 border-t border-slate-200 pt-3">
          <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700">Record a period</summary>
          <div className="mt-3">
            <SitePeriodForm projectId={projectId} />
          </div>
        </details>
      ) : null}
      {canRecord ? (
        <details className="mt-2 border-t border-slate-200 pt-3">
          <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700">Record a snowmelt discharge</summary>
          <div className="mt-3">
            <SnowmeltForm projectId={projectId} timeZone={timeZone} />
          </div>
        </details>
      ) : null}
    </section>
  );
}
