import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { orgTimeZone } from '@/db/queries/dashboard';
import { listViolations, type ViolationStatus } from '@/db/queries/violations';
import { getFileSettings } from '@/db/queries/files';
import { withTenantRead } from '@/db/tenant';
import { CloseOutPhotoSetting } from './_components/close-out-photo-setting';
import { requireTenantPage } from '@/lib/auth/session';
import { hasPermission } from '@/lib/auth/tenant-context';
import { formatDay, formatDistance } from '@/lib/format/when';
import { toPage } from '@/lib/pagination/cursor';
import { readPageQuery, STALE_LINK_NOTICE } from '@/lib/validation/page-query';
import { ALL_VIOLATION_STATUSES, listViolationsQuery, STATUS_LABELS } from '@/lib/zod/schemas/violations';
import { OverdueBadge, StatusBadge } from './_components/status-badge';

export const metadata: Metadata = { title: 'Violations' };

const PAGE_SIZE = 20;
const FILTERS = ['all', 'overdue', ...ALL_VIOLATION_STATUSES] as const;
type Filter = (typeof FILTERS)[number];
const FILTER_LABELS: Record<Filter, string> = { all: 'All', overdue: 'Overdue', ...STATUS_LABELS };

/**
 * GET /api/v1/violations' schema for the project and cursor (the same input is refused the same
 * way), plus the page's own filters; a part that is not valid is left out and the page says so.
 */
const PAGE_QUERY = listViolationsQuery.pick({ projectId: true, cursor: true }).extend({ status: z.enum(FILTERS).default('all') });

function href(q: { status: Filter; projectId?: string; cursor?: string }) {
  const p = new URLSearchParams();
  if (q.status !== 'all') p.set('status', q.status);
  if (q.projectId) p.set('projectId', q.projectId);
  if (q.cursor) p.set('cursor', q.cursor);
  const s = p.toString();
  return s ? `/violations?${s}` : '/violations';
}

export default async function ViolationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireTenantPage();
  const raw = await searchParams;
  const { query: q, invalid } = readPageQuery(PAGE_QUERY, raw, ['status', 'projectId', 'cursor']);
  const cursor = q.cursor;
  const now = new Date();

  const { rows, timeZone, fileSettings } = await withTenantRead(ctx, async (tx) => ({
    rows: await listViolations(tx, ctx.orgId, {
      projectId: q.projectId,
      status: q.status === 'all' || q.status === 'overdue' ? undefined : [q.status as ViolationStatus],
      overdue: q.status === 'overdue',
      now,
      cursor,
      limit: PAGE_SIZE,
    }),
    timeZone: await orgTimeZone(tx, ctx.orgId),
    fileSettings: await getFileSettings(tx, ctx.orgId),
  }));
  const page = toPage(
    rows.map((r) => ({ ...r, id: r.violation.id, createdAt: r.violation.createdAt })),
    PAGE_SIZE,
  );
  const canWrite = hasPermission(ctx, 'org:violations:write');

  return (
    <div className="mx-auto max-w-5xl">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">Violations</h1>
          <p className="mt-1 text-sm text-slate-600">Problems found on site, and how their fixes are going.</p>
        </div>
        {canWrite ? (
          <Link
            href={q.projectId ? `/violations/new?projectId=${q.projectId}` : '/violations/new'}
            className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800"
          >
            Record a violation
          </Link>
        ) : hasPermission(ctx, 'org:findings:report') ? (
          <Link
            href={q.projectId ? `/findings/new?projectId=${q.projectId}` : '/findings/new'}
            className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800"
          >
            Record a finding
          </Link>
        ) : null}
      </div>

      {hasPermission(ctx, 'org:settings:manage') ? (
        <div className="mt-4">
          <CloseOutPhotoSetting initial={fileSettings.fixedRequiresPhoto} />
        </div>
      ) : null}

      {invalid.length ? (
        <p role="status" className="mt-4 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          {STALE_LINK_NOTICE}
        </p>
      ) : null}

      <nav aria-label="Filter by status" className="-mx-4 mt-5 overflow-x-auto px-4 sm:mx-0 sm:px-0">
        <ul className="flex gap-2 pb-1">
          {FILTERS.map((f) => {
            const active = f === q.status;
            return (
              <li key={f} className="shrink-0">
                <Link
                  href={href({ status: f, projectId: q.projectId })}
                  aria-current={active ? 'page' : undefined}
                  className={`inline-flex min-h-11 items-center rounded-full border px-4 text-sm font-medium ${
                    active
                      ? 'border-brand-700 bg-brand-700 text-white'
                      : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50'
                  }`}
                >
                  {FILTER_LABELS[f]}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      {page.items.length ? (
        <ul className="mt-4 space-y-3" aria-label="Violations">
          {page.items.map(({ violation: v, projectName, projectTimeZone, typeName }) => {
            const zone = projectTimeZone ?? timeZone; // the site's day
            const overdue = (v.status === 'open' || v.status === 'in_progress') && v.deadline < now;
            return (
              <li key={v.id}>
                <Link
                  href={`/violations/${v.id}`}
                  className={`block rounded-lg border bg-white p-4 shadow-sm hover:border-brand-600 ${overdue ? 'border-l-4 border-red-300 border-l-red-600' : 'border-slate-200'}`}
                >
                  <div className="flex flex-wrap items-center gap-2">
                    <StatusBadge status={v.status} />
                    {overdue ? <OverdueBadge by={formatDistance(v.deadline, now)} /> : null}
                  </div>
                  <p className="mt-2 font-semibold text-slate-900">{typeName}</p>
                  <p className="text-sm text-slate-700">{projectName}</p>
                  <p className="mt-1 line-clamp-2 text-sm text-slate-600">{v.description}</p>
                  <p className="mt-2 text-xs text-slate-600">
                    Found {formatDay(v.foundAt, zone, now)}
                    {v.location ? ` · ${v.location}` : ''} · Due{' '}
                    <span className={overdue ? 'font-semibold text-red-800' : ''}>
                      {formatDay(v.deadline, zone, now)}
                    </span>
                  </p>
                </Link>
              </li>
            );
          })}
        </ul>
      ) : (
        <div className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">
          <p className="font-medium text-slate-900">
            {q.status === 'all' ? 'No violations recorded.' : `No ${FILTER_LABELS[q.status].toLowerCase()} violations.`}
          </p>
          <p className="mt-1 text-sm text-slate-600">
            {canWrite
              ? 'When an inspection finds a problem — a failed silt fence, sediment at an inlet — record it here so its fix is tracked to a deadline.'
              : 'Inspectors record problems found on site here.'}
          </p>
        </div>
      )}

      {q.cursor || page.nextCursor ? (
        <nav aria-label="Pages" className="mt-6 flex justify-between gap-3">
          {q.cursor ? (
            <Link
              href={href({ status: q.status, projectId: q.projectId })}
              className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold text-slate-800 hover:bg-slate-50"
            >
              ← Newest
            </Link>
          ) : (
            <span />
          )}
          {page.nextCursor ? (
            <Link
              href={href({ status: q.status, projectId: q.projectId, cursor: page.nextCursor })}
              className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold text-slate-800 hover:bg-slate-50"
            >
              Older →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
