import type { Metadata } from 'next';
import Link from 'next/link';
import { BarChart } from '@/app/(app)/dashboard/_components/bar-chart';
import { storageBytes } from '@/db/queries/files';
import { seatsTaken } from '@/db/queries/members';
import { countProjects } from '@/db/queries/projects';
import { usageSeries } from '@/db/queries/usage';
import { withTenantRead } from '@/db/tenant';
import { requirePagePermission, requireTenantPage } from '@/lib/auth/session';
import { orgLimits } from '@/lib/billing/limits';
import { formatBytes } from '@/lib/usage/format';
import { fillBuckets, usageSince } from '@/lib/usage/series';
import { usageQuerySchema } from '@/lib/zod/schemas/settings';

export const metadata: Metadata = { title: 'Usage' };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Usage per UTC day (30 days) or month (12 months), and the numbers the plan limits count (docs/billing.md). */
export default async function UsagePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireTenantPage();
  requirePagePermission(ctx, 'org:settings:manage');
  const parsed = usageQuerySchema.safeParse(await searchParams);
  const period = parsed.success ? parsed.data.period : 'day';
  const now = new Date();
  const since = usageSince(period, now);
  const { rows, limits, seats, projects, bytes } = await withTenantRead(ctx, async (tx) => ({
    rows: await usageSeries(tx, ctx.orgId, period, since),
    limits: await orgLimits(tx, ctx.orgId),
    seats: await seatsTaken(tx, ctx.orgId, now),
    projects: await countProjects(tx, ctx.orgId),
    bytes: await storageBytes(tx, ctx.orgId),
  }));
  const buckets = fillBuckets(period, since, now, rows);
  const label = (b: string) => (period === 'day' ? String(Number(b.slice(8, 10))) : MONTHS[Number(b.slice(5, 7)) - 1]!);
  const bars = (pick: (r: (typeof buckets)[number]) => number) => buckets.map((r) => ({ label: label(r.bucket), longLabel: r.bucket, value: pick(r) }));
  const every = period === 'day' ? 5 : 1;
  const charts: { title: string; header: string; pick: (r: (typeof buckets)[number]) => number; format?: (v: number) => string }[] = [
    { title: 'Active users', header: 'Users', pick: (r) => r.activeUsers },
    { title: 'API requests', header: 'Requests', pick: (r) => r.apiRequests },
    { title: 'Inspections started', header: 'Inspections', pick: (r) => r.inspections },
    { title: 'Forms submitted', header: 'Submissions', pick: (r) => r.submissions },
    { title: 'Photos stored', header: 'Photos', pick: (r) => r.photos },
    { title: 'Photo storage added', header: 'Bytes', pick: (r) => r.photoBytes, format: formatBytes },
    { title: 'Projects created', header: 'Projects', pick: (r) => r.projects },
  ];
  const limit = (used: string, max: number | null, fmt: (n: number) => string = String) => (max === null ? `${used} (no limit)` : `${used} of ${fmt(max)}`);

  return (
    <div className="mx-auto max-w-5xl space-y-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Usage</h1>
        <p className="mt-1 text-sm text-slate-600">
          {period === 'day' ? 'Last 30 days' : 'Last 12 months'}, in UTC. Active users are people who opened a page or made a request.
        </p>
        <nav aria-label="Period" className="mt-3 flex gap-2">
          {(['day', 'month'] as const).map((p) => (
            <Link
              key={p}
              href={`/usage?period=${p}`}
              aria-current={p === period ? 'page' : undefined}
              className={`inline-flex min-h-11 items-center rounded-md px-4 text-sm font-semibold ${p === period ? 'bg-brand-700 text-white' : 'border border-slate-300 bg-white text-slate-800'}`}
            >
              {p === 'day' ? 'By day' : 'By month'}
            </Link>
          ))}
        </nav>
      </div>

      <section aria-labelledby="limits-heading">
        <h2 id="limits-heading" className="text-lg font-semibold text-slate-900">What your plan limits count</h2>
        <dl className="mt-3 grid gap-3 sm:grid-cols-3">
          {[
            ['Users', limit(String(seats.members + seats.invited), limits.users)],
            ['Projects', limit(String(projects), limits.projects)],
            ['Storage', limit(formatBytes(bytes.total), limits.storageBytes, formatBytes)],
          ].map(([k, v]) => (
            <div key={k} className="rounded-lg border border-slate-200 bg-white p-4">
              <dt className="text-sm text-slate-600">{k}</dt>
              <dd className="mt-1 text-lg font-semibold text-slate-900 tabular-nums" data-testid={`limit-${k!.toLowerCase()}`}>{v}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-label="Usage charts" className="grid gap-4 md:grid-cols-2">
        {charts.map((c) => (
          <div key={c.title} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 className="mb-2 text-base font-semibold text-slate-900">
              {c.title}{' '}
              <span className="text-sm font-normal text-slate-600">({(c.format ?? String)(buckets.reduce((n, r) => n + c.pick(r), 0))} total)</span>
            </h2>
            <BarChart title={c.title} bars={bars(c.pick)} valueHeader={c.header} labelEvery={every} format={c.format} />
          </div>
        ))}
      </section>
    </div>
  );
}
