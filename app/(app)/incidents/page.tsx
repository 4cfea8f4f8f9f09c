import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePagePermission, requireTenantPage } from '@/lib/auth/session';
import { hasPermission } from '@/lib/auth/tenant-context';
import { OUTCOME_LABELS } from '@/lib/compliance/osha/incident-clocks';
import { formatDateTime, formatDistance, zoneName } from '@/lib/format/when';
import { MarkReportedForm } from './_components/mark-reported-form';
import { loadIncidents } from './load-incidents';

export const metadata: Metadata = { title: 'Incidents' };

type Row = Awaited<ReturnType<typeof loadIncidents>>['incidents'][number];

/** The 29 CFR 1904.39 clock as a sentence with its deadline in the site's zone. */
function ReportingClock({ row, now }: { row: Row; now: Date }) {
  const { state, reporting, timeZone } = row;
  const tone =
    state.state === 'overdue' || (state.state === 'reported' && state.late)
      ? 'border-red-300 bg-red-50 text-red-900'
      : state.state === 'due'
        ? 'border-amber-300 bg-amber-50 text-amber-950'
        : 'border-slate-200 bg-slate-50 text-slate-800';
  let text: string;
  if (state.state === 'not_required') text = 'No report to OSHA required.';
  else if (state.state === 'reported') text = `Reported to OSHA ${formatDateTime(state.at, timeZone)}${state.late ? ' — late' : ' — on time'}.`;
  else if (state.state === 'due') text = `Report to OSHA by ${formatDateTime(state.dueAt, timeZone)} — ${formatDistance(now, state.dueAt)} left.`;
  else text = `Report to OSHA was due ${formatDateTime(state.dueAt, timeZone)} — overdue by ${formatDistance(state.dueAt, now)}. Report it now.`;
  return (
    <div role="status" className={`rounded-md border p-3 text-sm ${tone}`} data-testid="reporting-clock" data-state={state.state}>
      <p className="font-semibold">{text}</p>
      <p className="mt-1">
        {reporting.reason} <span className="whitespace-nowrap">({reporting.part})</span>
      </p>
    </div>
  );
}

/** Work-related injuries and illnesses with their OSHA clocks (report, log entry, retention). */
export default async function IncidentsPage() {
  const ctx = await requireTenantPage();
  requirePagePermission(ctx, 'org:incidents:read');
  const now = new Date();
  const { incidents } = await loadIncidents(ctx, now);
  const canWrite = hasPermission(ctx, 'org:incidents:write');

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">Incidents</h1>
          <p className="mt-1 text-sm text-slate-600">
            Work-related injuries and illnesses (OSHA 29 CFR 1904) and their clocks, in each site&apos;s time zone.
          </p>
        </div>
        {canWrite ? (
          <Link href="/incidents/new" className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800">
            Report an incident
          </Link>
        ) : null}
      </div>

      {incidents.length === 0 ? <p className="text-sm text-slate-600">No incidents recorded.</p> : null}
      <ul className="space-y-4" aria-label="Incidents">
        {incidents.map((row) => {
          const i = row.incident;
          return (
            <li key={i.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <h2 className="text-lg font-semibold text-slate-900">
                {OUTCOME_LABELS[i.outcome]} · {i.caseType === 'injury' ? 'Injury' : 'Illness'}
              </h2>
              <p className="text-sm text-slate-700">
                {row.projectName} · happened {formatDateTime(i.occurredAt, row.timeZone)} · learned of{' '}
                {formatDateTime(i.learnedAt, row.timeZone)}
              </p>
              <p className="mt-2 text-base whitespace-pre-line text-slate-900">{i.description}</p>
              <div className="mt-3">
                <ReportingClock row={row} now={now} />
              </div>
              <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-2">
                <div>
                  <dt className="text-slate-600">OSHA 300 log entry due ({row.logEntry.part})</dt>
                  <dd className="font-medium text-slate-900">{formatDateTime(row.logEntry.dueAt, row.timeZone)}</dd>
                </div>
                <div>
                  <dt className="text-slate-600">Keep the records through ({row.retention.part})</dt>
                  <dd className="font-medium text-slate-900">
                    Dec 31, {row.retention.calendarYear + 5} — five years after the end of {row.retention.calendarYear}
                  </dd>
                </div>
                {i.reportReference ? (
                  <div>
                    <dt className="text-slate-600">OSHA reference</dt>
                    <dd className="font-medium text-slate-900">{i.reportReference}</dd>
                  </div>
                ) : null}
              </dl>
              {canWrite && row.reporting.required && !i.reportedAt ? (
                <MarkReportedForm incidentId={i.id} timeZone={row.timeZone} zoneLabel={zoneName(row.timeZone)} />
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
