import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { cachedDashboard } from '@/lib/dashboard/cached-dashboard';
import { COUNT_CAP, RAIN_DAYS } from '@/lib/dashboard/dashboard-data';
import { requireTenantPage } from '@/lib/auth/session';
import { RainInspectionsChart } from '@/components/charts/rain-inspections-chart';
import { ObligationList } from '@/components/obligations/obligation-list';
import { withTenantRead } from '@/db/tenant';
import { myWorkData } from '@/lib/my-work/my-work-data';
import { BarChart } from './_components/bar-chart';
import { MyWorkSection } from './_components/my-work';
import { StatCard } from './_components/stat-card';

export const metadata: Metadata = { title: 'Dashboard' };

/** The organization's landing page: what needs attention today, from its own data only. */
export default async function DashboardPage() {
  const ctx = await requireTenantPage();
  const now = new Date();
  // One read transaction: the tenant's numbers (cached, or filled here) and, per person so never
  // in the tenant-wide cache, My work; their queries are pipelined on its connection.
  const [d, work] = await withTenantRead(ctx, (tx) => Promise.all([cachedDashboard(ctx, now, tx), myWorkData(tx, ctx, now)]));
  const { counts } = d;
  const openActionsTotal = d.actionsByAge.reduce((n, b) => n + b.count, 0);
  const rainTotal = d.days.reduce((n, r) => n + r.inches, 0);
  const inspectionsTotal = d.days.reduce((n, r) => n + r.inspections, 0);
  const capped = (n: number): number | string => (n > COUNT_CAP ? `${COUNT_CAP}+` : n);

  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Dashboard</h1>
      <p className="mt-1 text-sm text-slate-600">What needs attention across your projects.</p>

      <MyWorkSection work={work} now={now} />

      <h2 className="mt-8 text-lg font-semibold text-slate-900">Across the organization</h2>
      <div className="mt-3 grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard
          label="Inspections overdue"
          value={capped(counts.inspectionsOverdue)}
          href="/calendar"
          tone="danger"
          detail="Past the permit's schedule"
        />
        <StatCard
          label="Inspections due soon"
          value={capped(counts.inspectionsDueSoon)}
          href="/calendar"
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
        <Card title="Due next" className="lg:col-span-2">
          {d.due.length ? (
            <>
              <ObligationList items={d.due} now={now} label="Due next across projects" testId="inspections-due" />
              <p className="mt-2 text-sm">
                <Link href="/calendar" className="font-medium text-brand-700 underline">
                  Compliance calendar
                </Link>{' '}
                — everything overdue, due today, coming up and met.
              </p>
            </>
          ) : d.hasProjects ? (
            <p>
              Nothing open: every inspection and corrective action is met.{' '}
              <Link href="/calendar" className="font-medium text-brand-700 underline">
                Compliance calendar
              </Link>
            </p>
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

        <Card title={`Rain and inspections, last ${RAIN_DAYS} days`}>
          {rainTotal > 0 || inspectionsTotal > 0 ? (
            <>
              <RainInspectionsChart
                title={`Rain per day and inspections done, last ${RAIN_DAYS} days`}
                days={d.days}
                thresholdInches={d.thresholdInches}
                labelEvery={3}
              />
              <p className="mt-1 text-xs text-slate-600">
                Total {rainTotal.toFixed(2)} in of rain and {inspectionsTotal} inspection{inspectionsTotal === 1 ? '' : 's'}{' '}
                across all projects.
              </p>
            </>
          ) : (
            <p>
              No rain and no inspections recorded in the last {RAIN_DAYS} days. Record rain-gauge readings on a
              project’s page: a storm of {d.thresholdInches.toFixed(2)} in or more can make an inspection due.
            </p>
          )}
        </Card>
      </div>
    </div>
  );
}
