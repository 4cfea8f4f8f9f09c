import { SelectField } from '@/components/forms/select-field';
import { primaryButtonClass } from '@/components/ui/styles';
import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { requireTenantPage } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format/when';
import { SECURITY_EVENT_KINDS, type AlertSeverity } from '@/lib/security/alert-rules';
import { markAlertsReviewedAction } from './actions/mark-alerts-reviewed';
import { updateSecuritySettingsAction } from './actions/update-security-settings';
import { MarkReviewedButton } from './_components/mark-reviewed-button';
import { SecuritySettingsForm } from './_components/security-settings-form';
import {
  loadSecurityPage,
  SECURITY_EVENTS_LIMIT,
  type SecurityAlertView,
  type SecurityEventRow,
} from './load-security-page';

export const metadata: Metadata = { title: 'Security' };

const KIND_LABEL: Record<string, string> = {
  TENANT_BREACH_ATTEMPT: 'Unknown record requested',
  ACCESS_DENIED: 'Action refused',
  BULK_EXPORT: 'Bulk export',
  OFF_HOURS_ACCESS: 'Off-hours access',
  STORED_OBJECT_CHANGED: 'Stored file changed after upload',
};
const SEVERITY_STYLE: Record<AlertSeverity, string> = {
  critical: 'bg-red-100 text-red-800 ring-red-300',
  warning: 'bg-amber-100 text-amber-900 ring-amber-300',
  info: 'bg-slate-100 text-slate-700 ring-slate-300',
};
const PERIODS = [
  { value: '1', label: 'Last 24 hours' },
  { value: '7', label: 'Last 7 days' },
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' },
];

function Severity({ level }: { level: string }) {
  const style = SEVERITY_STYLE[level as AlertSeverity] ?? SEVERITY_STYLE.info;
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold uppercase ring-1 ring-inset ${style}`}
    >
      {level}
    </span>
  );
}

/** Security alerts (derived from the events by the org's thresholds), the raw events, and the thresholds. */
export default async function SecurityPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireTenantPage();
  const data = await loadSecurityPage(ctx, await searchParams);
  if (data.kind === 'forbidden') forbidden();

  const { values, fieldErrors, days, alerts, events, more, members, settings, canManage, timeZone } = data;
  const open = alerts.filter((a) => a.open);
  const { securityAlertsReviewedAt: _reviewed, timezone, businessHoursStart, businessHoursEnd, ...formValues } = settings;
  const hour = (h: number) => `${String(h).padStart(2, '0')}:00`;
  const businessHours = `${hour(businessHoursStart)}–${hour(businessHoursEnd)} ${timezone.replaceAll('_', ' ')}`;
  const newestOpen = open.reduce<Date | null>((max, a) => (!max || a.lastAt > max ? a.lastAt : max), null);
  const f = (name: string, label: string) => ({
    name,
    label,
    errors: fieldErrors[name],
    idPrefix: 'q',
    markOptional: false,
    defaultValue: values[name],
  });


  return (
    <div className="mx-auto max-w-5xl space-y-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Security</h1>
        <p className="mt-1 text-sm text-slate-600">
          Requests for records that don’t exist here, refused actions, bulk exports and off-hours access. Times are in{' '}
          {timeZone.replaceAll('_', ' ')}.
        </p>
      </div>

      <section aria-labelledby="alerts-heading">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="alerts-heading" className="text-lg font-semibold text-slate-900">
            Alerts{' '}
            <span className="text-sm font-normal text-slate-600">
              ({PERIODS.find((p) => p.value === String(days))?.label.toLowerCase()})
            </span>
          </h2>
          {canManage && newestOpen ? (
            <MarkReviewedButton action={markAlertsReviewedAction} through={newestOpen.toISOString()} />
          ) : null}
        </div>
        {alerts.length ? (
          <ul className="mt-3 space-y-3" aria-label="Alerts">
            {alerts.map((a) => (
              <AlertItem key={a.key} alert={a} timeZone={timeZone} />
            ))}
          </ul>
        ) : (
          <p className="mt-3 rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">
            No alerts in this period.
          </p>
        )}
      </section>

      <section aria-labelledby="events-heading">
        <h2 id="events-heading" className="text-lg font-semibold text-slate-900">
          Events
        </h2>
        <form
          method="get"
          action="/security"
          className="mt-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
          aria-label="Filter security events"
        >
          <div className="grid gap-4 sm:grid-cols-3">
            <SelectField
              {...f('kind', 'Type')}
              blank="Any"
              options={SECURITY_EVENT_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] ?? k }))}
            />
            <SelectField {...f('user', 'Person')} blank="Anyone" options={members.map((m) => ({ value: m.userId, label: m.name }))} />
            <SelectField {...f('days', 'Period')} defaultValue={values.days ?? '7'} options={PERIODS} />
          </div>
          <div className="mt-4 flex flex-wrap gap-3">
            <button type="submit" className={primaryButtonClass}>
              Apply filters
            </button>
            {values.kind || values.user || values.days ? (
              <Link
                href="/security"
                className="inline-flex min-h-11 items-center rounded-md px-4 text-sm font-semibold text-slate-700 hover:bg-slate-100"
              >
                Clear
              </Link>
            ) : null}
          </div>
        </form>
        {events.length ? (
          <ol
            className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
            aria-label="Security events"
          >
            {events.map((e) => (
              <EventItem key={e.id} event={e} timeZone={timeZone} />
            ))}
          </ol>
        ) : Object.keys(fieldErrors).length ? null : (
          <p className="mt-3 rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">
            No events match.
          </p>
        )}
        {more ? (
          <p className="mt-2 text-sm text-slate-600">
            Showing the newest {SECURITY_EVENTS_LIMIT}. Narrow the filters to see older ones.
          </p>
        ) : null}
      </section>

      {canManage ? (
        <section
          aria-labelledby="settings-heading"
          className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
        >
          <h2 id="settings-heading" className="mb-3 text-lg font-semibold text-slate-900">
            Settings
          </h2>
          <SecuritySettingsForm action={updateSecuritySettingsAction} values={formValues} businessHours={businessHours} />
        </section>
      ) : null}
    </div>
  );
}

function AlertItem({ alert: a, timeZone }: { alert: SecurityAlertView; timeZone: string }) {
  const span =
    a.count > 1
      ? `${a.count} events, ${formatDateTime(a.firstAt, timeZone)} – ${formatDateTime(a.lastAt, timeZone)}`
      : formatDateTime(a.lastAt, timeZone);
  return (
    <li
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="security-alert"
      data-severity={a.severity}
    >
      <div className="flex flex-wrap items-center gap-2">
        <Severity level={a.severity} />
        <p className="font-semibold text-slate-900">{a.title}</p>
        {a.open ? <span className="text-xs font-medium text-red-700">open</span> : null}
      </div>
      <p className="mt-1 text-sm break-words text-slate-700">
        {a.subject.type === 'ip' ? 'Address ' : ''}
        <span className="font-medium">{a.subjectName}</span> · {span}
      </p>
    </li>
  );
}

function EventItem({ event: e, timeZone }: { event: SecurityEventRow; timeZone: string }) {
  const where = [e.details.method, e.details.path ?? e.details.page ?? e.details.endpoint].filter(Boolean).join(' ');
  const permission = typeof e.details.permission === 'string' ? e.details.permission : null;
  return (
    <li className="p-3 text-sm" data-testid="security-event">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <p className="font-medium text-slate-900">
          {KIND_LABEL[e.kind] ?? e.kind}{' '}
          <span className="font-normal text-slate-600">by {e.userName ?? e.userId ?? 'unknown'}</span>
        </p>
        <time dateTime={e.at.toISOString()} className="text-xs text-slate-600">
          {formatDateTime(e.at, timeZone)}
        </time>
      </div>
      <p className="mt-0.5 text-xs break-all text-slate-500">
        {[where, permission ? `needs ${permission}` : null, e.ip ? `from ${e.ip}` : null].filter(Boolean).join(' · ') ||
          '—'}
      </p>
    </li>
  );
}
