import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { cachedDashboard } from '@/lib/dashboard/cached-dashboard';
import { RAIN_DAYS } from '@/lib/dashboard/dashboard-data';
import { requireTenantPage } from '@/lib/auth/session';
import type { DueStatus } from '@/lib/compliance/inspection-due';
import { formatDay, formatDistance } from '@/lib/format/when';
import { withTenant } from '@/db/tenant';
import { myWorkData } from '@/lib/my-work/my-work-data';
import { BarChart } from './_components/bar-chart';
import { MyWorkSection } from './_components/my-work';
import { StatCard } from './_components/stat-card';

export const metadata: Metadata = { title: 'Dashboard' };

const DUE_BADGE: Record<DueStatus, { label: string; className: string }> = {
  overdue: { label: 'Overdue', className: 'bg-red-100 text-red-900 ring-red-300' },
  due_soon: { label: 'Due soon', className: 'bg-amber-100 text-amber-900 ring-amber-300' },
  ok: { label: 'On track', className: 'bg-emerald-100 text-emerald-900 ring-emerald-300' },
};

/** The organization's landing page: what needs attention today, from its own data only. */
export default async function DashboardPage() {
  const ctx = await requireTenantPage();
  const now = new Date();
  const d = await cachedDashboard(ctx, now);
  // Per person, so not in the tenant-wide dashboard cache.
  const work = await withTenant(ctx, (tx) => myWorkData(tx, ctx, now));
  const { counts } = d;
  const openActionsTotal = d.actionsByAge.reduce((n, b) => n + b.count, 0);
  const rainTotal = d.rain.reduce((n, r) => n + r.inches, 0);
  const dayLabel = (iso: string) => new Date(`${iso}T12:00:00Z`);

  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Dashboard</h1>
      <p className="mt-1 text-sm text-slate-600">What needs attention across your projects.</p>

      <MyWorkSection work={work} now={now} />

      <h2 className="mt-8 text-lg font-semibold text-slate-900">Across the organization</h2>
      <div className="mt-3 grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard
          label="Inspections overdue"
          value={counts.inspectionsOverdue}
          href="/inspections"
          tone="danger"
          detail="Past the permit's schedule"
        />
        <StatCard
          label="Inspections due soon"
          value={counts.inspectionsDueSoon}
          href="/inspections"
          tone="warning"
          detail="Within 2 days"
        />
        <StatCard
          label="Open violations"
          value={counts.openViolations}
          href={counts.overdueViolations ? '/violations?status=overdue' : '/violations'}
          tone={counts.overdueViolations ? 'danger' : 'warning'}
          detail={counts.overdueViolations ? `${counts.overdueViolations} past deadline` : 'None past deadline'}
        />
        <StatCard
          label="Open corrective actions"
          value={counts.openActions}
          href="/violations"
          tone={counts.overdueActions ? 'danger' : 'warning'}
          detail={counts.overdueActions ? `${counts.overdueActions} past due` : 'None past due'}
        />
      </div>

      <div className="mt-6 grid gap-4 lg:grid-cols-2">
        <Card title="Inspections due" className="lg:col-span-2">
          {d.hasProjects ? (
            <ul
              className="-mx-1 divide-y divide-slate-200"
              aria-label="Inspections due by project"
              data-testid="inspections-due"
            >
              {d.due.slice(0, 8).map((p) => (
                <li key={p.projectId} className="flex items-center justify-between gap-3 px-1 py-2.5">
                  <div className="min-w-0">
                    <p className="truncate font-medium text-slate-900">{p.projectName}</p>
                    <p className="text-xs text-slate-600">
                      {p.reason === 'storm_event' ? 'Storm event' : 'Routine'} ·{' '}
                      {p.status === 'overdue'
                        ? `was due ${formatDay(p.dueAt, d.timeZone, now)} (${formatDistance(p.dueAt, now)} ago)`
                        : `due ${formatDay(p.dueAt, d.timeZone, now)}`}
                    </p>
                  </div>
                  <span
                    className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${DUE_BADGE[p.status].className}`}
                  >
                    {DUE_BADGE[p.status].label}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p>
              No active projects yet.{' '}
              <Link href="/projects" className="font-medium text-brand-700 underline">
                Create a project
              </Link>{' '}
              with its inspection schedule and its inspections will show up here when they are due.
            </p>
          )}
        </Card>

        <Card title="Open corrective actions by age">
          {openActionsTotal ? (
            <BarChart
              title="Open corrective actions by age"
              valueHeader="Open actions"
              bars={d.actionsByAge.map((b) => ({ label: b.label, value: b.count }))}
              barClass="fill-amber-600"
            />
          ) : (
            <p>
              No open corrective actions. When a violation is found, add the fix on its page under{' '}
              <Link href="/violations" className="font-medium text-brand-700 underline">
                Violations
              </Link>{' '}
              and track it here.
            </p>
          )}
        </Card>

        <Card title={`Rain, last ${RAIN_DAYS} days`}>
          {rainTotal > 0 ? (
            <>
              <BarChart
                title={`Rain per day, last ${RAIN_DAYS} days (inches)`}
                valueHeader="Rain (inches)"
                labelEvery={3}
                format={(v) => `${v.toFixed(2)} in`}
                bars={d.rain.map((r) => ({
                  label: formatDay(dayLabel(r.date), 'UTC', now),
                  longLabel: formatDay(dayLabel(r.date), 'UTC', now),
                  value: r.inches,
                }))}
              />
              <p className="mt-1 text-xs text-slate-600">Total {rainTotal.toFixed(2)} in across all projects.</p>
            </>
          ) : (
            <p>
              No rain recorded in the last {RAIN_DAYS} days. Record rain-gauge readings on a project’s page: a storm of
              0.25 in or more can make an inspection due.
            </p>
          )}
        </Card>
      </div>
    </div>
  );
}
