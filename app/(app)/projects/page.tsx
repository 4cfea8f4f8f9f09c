import type { Metadata } from 'next';
import Link from 'next/link';
import { requireTenantPage } from '@/lib/auth/session';
import { INSPECTION_SCHEDULE_LABELS, PROJECT_STATUSES } from '@/lib/zod/schemas/projects';
import { SensitiveBadge, StatusBadge } from './_components/badges';
import { primaryButtonClass, secondaryButtonClass } from '@/components/ui/styles';
import { loadProjectList, type SearchParams } from './load-projects';
import { Select, TextInput } from '@/components/ui/text-input';

export const metadata: Metadata = { title: 'Projects' };

const STATUS_OPTIONS: { value: string; label: string }[] = [
  { value: '', label: 'All statuses' },
  ...PROJECT_STATUSES.map((s) => ({ value: s, label: s[0]!.toUpperCase() + s.slice(1) })),
];

/** Job sites of the current organization: search, status filter, keyset pages. A plain GET form: works without JavaScript. */
export default async function ProjectsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await requireTenantPage();
  const data = await loadProjectList(ctx, await searchParams);
  const filtered = Boolean(data.search || data.status);
  const query = (extra: Record<string, string>) => {
    const q = new URLSearchParams({
      ...(data.search ? { search: data.search } : {}),
      ...(data.status ? { status: data.status } : {}),
      ...extra,
    });
    return `/projects?${q}`;
  };

  return (
    <div className="mx-auto max-w-5xl">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Projects</h1>
        {data.canWrite ? (
          <Link href="/projects/new" className={primaryButtonClass}>
            New project
          </Link>
        ) : null}
      </div>

      <form
        method="get"
        action="/projects"
        role="search"
        aria-label="Filter projects"
        className="mt-4 grid gap-3 sm:grid-cols-[1fr_12rem_auto]"
      >
        <div>
          <label htmlFor="project-search" className="sr-only">
            Search by name, address or permit ID
          </label>
          <TextInput
            id="project-search"
            name="search"
            type="search"
            defaultValue={data.search}
            placeholder="Search name, address, permit ID"
            aria-invalid={data.searchError ? true : undefined}
            aria-describedby={data.searchError ? 'project-search-error' : undefined}
          />
          {data.searchError ? (
            <p id="project-search-error" role="alert" className="mt-1 text-sm font-medium text-red-700">
              {data.searchError}
            </p>
          ) : null}
        </div>
        <div>
          <label htmlFor="project-status" className="sr-only">
            Status
          </label>
          <Select id="project-status" name="status" defaultValue={data.status}>
            {STATUS_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </div>
        <button type="submit" className={secondaryButtonClass}>
          Search
        </button>
      </form>

      {data.notice ? (
        <p role="status" className="mt-4 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          {data.notice}
        </p>
      ) : null}

      {data.projects.length ? (
        <ul className="mt-6 grid gap-3 md:grid-cols-2" aria-label="Projects">
          {data.projects.map((p) => (
            <li
              key={p.id}
              className="relative rounded-lg border border-slate-200 bg-white p-4 shadow-sm focus-within:ring-2 focus-within:ring-brand-600 hover:border-brand-600"
            >
              <div className="flex items-start justify-between gap-2">
                <h2 className="text-base font-semibold text-slate-900">
                  {/* The whole card is the tap target; the link text is the project name. */}
                  <Link href={`/projects/${p.id}`} className="after:absolute after:inset-0 focus-visible:outline-none">
                    {p.name}
                  </Link>
                </h2>
                <StatusBadge status={p.status} />
              </div>
              <p className="mt-1 text-sm text-slate-600">{p.address || 'No address'}</p>
              <p className="mt-1 text-sm text-slate-600">
                Permit <span data-testid="permit">{p.npdesPermitId ?? '—'}</span>
                {p.receivingWater ? <> · drains to {p.receivingWater}</> : null}
              </p>
              <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                {p.sensitiveWater ? <SensitiveBadge /> : null}
                <span>{INSPECTION_SCHEDULE_LABELS[p.inspectionSchedule]}</span>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <div className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">
          {filtered ? (
            <p>
              No projects match.{' '}
              <Link href="/projects" className="font-medium text-brand-700 underline">
                Show all projects
              </Link>
            </p>
          ) : (
            <p>
              No projects yet.
              {data.canWrite ? ' Create the first job site to start tracking its permit and inspections.' : ''}
            </p>
          )}
        </div>
      )}

      <nav aria-label="Pages" className="mt-6 flex flex-wrap gap-3">
        {data.nextCursor ? (
          <Link href={query({ cursor: data.nextCursor })} className={secondaryButtonClass} rel="next">
            Next page
          </Link>
        ) : null}
        {(await searchParams).cursor ? (
          <Link href={query({})} className={secondaryButtonClass}>
            Back to first page
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
