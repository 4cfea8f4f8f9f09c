import type { Metadata } from 'next';
import Link from 'next/link';
import { listInspections } from '@/db/queries/inspections';
import { orgTimeZone } from '@/db/queries/dashboard';
import { withTenantRead } from '@/db/tenant';
import { formatDateTime } from '@/lib/format/when';
import { requireTenantPage } from '@/lib/auth/session';
import { hasPermission } from '@/lib/auth/tenant-context';
import { pageQuery, toPage } from '@/lib/pagination/cursor';
import { readPageQuery, STALE_LINK_NOTICE } from '@/lib/validation/page-query';
import { INSPECTION_STATUSES, INSPECTION_TYPE_LABELS, listInspectionsQuery, type InspectionStatus } from '@/lib/zod/schemas/inspections';
import { StatusBadge } from './_components/status-badge';

export const metadata: Metadata = { title: 'Inspections' };

const PAGE_QUERY = listInspectionsQuery.extend({ cursor: pageQuery.shape.cursor });

const PAGE_SIZE = 20;
const FILTERS: { value: InspectionStatus | 'all'; label: string }[] = [
  { value: 'all', label: 'All' },
  ...INSPECTION_STATUSES.map((s) => ({ value: s, label: s[0]!.toUpperCase() + s.slice(1) })),
];


export default async function InspectionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireTenantPage();
  const params = await searchParams;
  // GET /api/v1/inspections' schema: the same input is refused the same way; the page says so.
  const { query, invalid } = readPageQuery(PAGE_QUERY, params, ['status', 'cursor']);
  const status: InspectionStatus | undefined = query.status?.[0];
  const cursor = query.cursor;
  const { rows, orgZone } = await withTenantRead(ctx, async (tx) => ({
    rows: await listInspections(tx, ctx.orgId, { status: status ? [status] : undefined, cursor, limit: PAGE_SIZE }),
    orgZone: await orgTimeZone(tx, ctx.orgId),
  }));
  // Each inspection's day in its own site's zone.
  const page = toPage(
    rows.map((r) => ({ ...r.inspection, projectName: r.projectName, timeZone: r.projectTimeZone ?? orgZone })),
    PAGE_SIZE,
  );
  const qs = (extra: Record<string, string | undefined>) => {
    const entries: [string, string | undefined][] = Object.entries({ status, ...extra });
    const p = new URLSearchParams(entries.filter((e): e is [string, string] => Boolean(e[1])));
    const s = p.toString();
    return s ? `/inspections?${s}` : '/inspections';
  };

  return (
    <div className="mx-auto max-w-3xl">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Inspections</h1>
        {hasPermission(ctx, 'org:forms:submit') ? (
          <Link
            href="/inspections/new"
            className="inline-flex min-h-12 items-center rounded-md bg-brand-700 px-4 text-base font-semibold text-white hover:bg-brand-800"
          >
            New inspection
          </Link>
        ) : null}
      </div>

      {invalid.length ? (
        <p role="status" className="mt-4 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          {STALE_LINK_NOTICE}
        </p>
      ) : null}

      <nav aria-label="Filter by status" className="mt-4 flex gap-2 overflow-x-auto pb-1">
        {FILTERS.map((f) => {
          const active = (f.value === 'all' && !status) || f.value === status;
          return (
            <Link
              key={f.value}
              href={f.value === 'all' ? '/inspections' : `/inspections?status=${f.value}`}
              aria-current={active ? 'page' : undefined}
              className={`inline-flex min-h-11 items-center rounded-full border px-4 text-sm font-medium ${active ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-50'}`}
            >
              {f.label}
            </Link>
          );
        })}
      </nav>

      {page.items.length ? (
        <ul
          className="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
          aria-label="Inspections"
        >
          {page.items.map((i) => (
            <li key={i.id}>
              <Link
                href={`/inspections/${i.id}`}
                className="flex items-center justify-between gap-3 p-4 hover:bg-slate-50"
              >
                <span className="min-w-0">
                  <span className="block truncate font-medium text-slate-900">{i.projectName}</span>
                  <span className="block text-sm text-slate-600">
                    {INSPECTION_TYPE_LABELS[i.type]}
                    {i.inspectedAt
                      ? ` · ${formatDateTime(i.inspectedAt, i.timeZone)}`
                      : ` · started ${formatDateTime(i.createdAt, i.timeZone)}`}
                    {i.revision > 1 ? ` · revision ${i.revision}` : ''}
                  </span>
                </span>
                <StatusBadge status={i.status} signed={Boolean(i.signedAt)} returned={Boolean(i.returnedAt)} />
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-6 text-sm text-slate-600">No inspections{status ? ` with status ${status}` : ''} yet.</p>
      )}

      <div className="mt-4 flex justify-between">
        {cursor ? (
          <Link
            href={qs({})}
            className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline"
          >
            First page
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor ? (
          <Link
            href={qs({ cursor: page.nextCursor })}
            className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline"
          >
            Older inspections
          </Link>
        ) : null}
      </div>
    </div>
  );
}
