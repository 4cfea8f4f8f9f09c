import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { requireTenantPage } from '@/lib/auth/session';
import { fieldLabel } from '@/lib/audit/diff';
import { formatDateTime } from '@/lib/format/when';
import { loadAuditPage, type AuditEntry } from './load-audit-page';

export const metadata: Metadata = { title: 'Audit log' };

const ENTITY_PAGES: Record<string, string> = {
  violation: '/violations',
  project: '/projects',
  inspection: '/inspections',
};
const select =
  'block min-h-11 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 aria-[invalid=true]:border-red-600 sm:text-sm';

/** Every create/update/transition of the organization, newest first, for 'org:audit:read'. */
export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireTenantPage();
  const data = await loadAuditPage(ctx, await searchParams);
  if (data.kind === 'forbidden') forbidden();

  const { values, fieldErrors, entries, nextCursor, members, facets, timeZone } = data;
  const filtered = ['entityType', 'action', 'actor', 'from', 'to'].some((k) => values[k]);
  const nextHref = nextCursor
    ? `/audit?${new URLSearchParams({ ...Object.fromEntries(Object.entries(values).filter(([k, v]) => v && k !== 'cursor')), cursor: nextCursor } as Record<string, string>)}`
    : null;
  const errorFor = (k: string) =>
    fieldErrors[k]?.length ? (
      <p id={`f-${k}-error`} className="mt-1 text-sm font-medium text-red-700">
        {fieldErrors[k]!.join(' ')}
      </p>
    ) : null;
  const invalid = (k: string) => ({
    'aria-invalid': Boolean(fieldErrors[k]?.length),
    'aria-describedby': fieldErrors[k]?.length ? `f-${k}-error` : undefined,
  });

  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Audit log</h1>
      <p className="mt-1 text-sm text-slate-600">
        Who changed what, and when. Times are in {timeZone.replace('_', ' ')}.{' '}
        <Link href="/audit/verify" className="font-medium text-blue-800 underline underline-offset-2">
          Verify the trail
        </Link>
      </p>

      <form
        method="get"
        action="/audit"
        className="mt-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
        aria-label="Filter the audit log"
      >
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
          <div>
            <label htmlFor="f-entityType" className="block text-sm font-medium text-slate-900">
              Record type
            </label>
            <select
              id="f-entityType"
              name="entityType"
              defaultValue={values.entityType ?? ''}
              className={`mt-1 ${select}`}
              {...invalid('entityType')}
            >
              <option value="">Any</option>
              {facets.entityTypes.map((t) => (
                <option key={t} value={t}>
                  {fieldLabel(t)}
                </option>
              ))}
            </select>
            {errorFor('entityType')}
          </div>
          <div>
            <label htmlFor="f-actor" className="block text-sm font-medium text-slate-900">
              Person
            </label>
            <select
              id="f-actor"
              name="actor"
              defaultValue={values.actor ?? ''}
              className={`mt-1 ${select}`}
              {...invalid('actor')}
            >
              <option value="">Anyone</option>
              {members.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name}
                </option>
              ))}
            </select>
            {errorFor('actor')}
          </div>
          <div>
            <label htmlFor="f-action" className="block text-sm font-medium text-slate-900">
              Action
            </label>
            <select
              id="f-action"
              name="action"
              defaultValue={values.action ?? ''}
              className={`mt-1 ${select}`}
              {...invalid('action')}
            >
              <option value="">Any</option>
              {facets.actions.map((a) => (
                <option key={a} value={a}>
                  {fieldLabel(a)}
                </option>
              ))}
            </select>
            {errorFor('action')}
          </div>
          <div>
            <label htmlFor="f-from" className="block text-sm font-medium text-slate-900">
              From
            </label>
            <input
              id="f-from"
              name="from"
              type="date"
              defaultValue={values.from ?? ''}
              className={`mt-1 ${select}`}
              {...invalid('from')}
            />
            {errorFor('from')}
          </div>
          <div>
            <label htmlFor="f-to" className="block text-sm font-medium text-slate-900">
              To
            </label>
            <input
              id="f-to"
              name="to"
              type="date"
              defaultValue={values.to ?? ''}
              className={`mt-1 ${select}`}
              {...invalid('to')}
            />
            {errorFor('to')}
          </div>
        </div>
        {fieldErrors.cursor?.length ? (
          <p className="mt-3 text-sm font-medium text-red-700">{fieldErrors.cursor.join(' ')}</p>
        ) : null}
        <div className="mt-4 flex flex-wrap gap-3">
          <button
            type="submit"
            className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800"
          >
            Apply filters
          </button>
          {filtered ? (
            <Link
              href="/audit"
              className="inline-flex min-h-11 items-center rounded-md px-4 text-sm font-semibold text-slate-700 hover:bg-slate-100"
            >
              Clear
            </Link>
          ) : null}
        </div>
      </form>

      {entries.length ? (
        <ol className="mt-5 space-y-3" aria-label="Audit entries">
          {entries.map((e) => (
            <Entry key={e.id} entry={e} timeZone={timeZone} />
          ))}
        </ol>
      ) : Object.keys(fieldErrors).length ? null : (
        <div className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">
          <p className="font-medium text-slate-900">
            {filtered ? 'No entries match these filters.' : 'Nothing recorded yet.'}
          </p>
          <p className="mt-1 text-sm text-slate-600">
            {filtered
              ? 'Widen the dates or clear a filter.'
              : 'Every change to projects, inspections, violations and rain events will be listed here.'}
          </p>
        </div>
      )}

      {nextHref ? (
        <nav aria-label="Pages" className="mt-6 flex justify-end">
          <Link
            href={nextHref}
            className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold text-slate-800 hover:bg-slate-50"
          >
            Older entries →
          </Link>
        </nav>
      ) : null}
    </div>
  );
}

function Entry({ entry: e, timeZone }: { entry: AuditEntry; timeZone: string }) {
  const page = ENTITY_PAGES[e.entityType];
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="audit-entry">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <p className="text-sm text-slate-900">
          <span className="font-semibold">{e.actorName}</span>{' '}
          <span className="font-medium text-brand-800">{e.action}</span>{' '}
          {page ? (
            <Link
              href={`${page}/${e.entityId}`}
              className="underline decoration-slate-300 underline-offset-2 hover:decoration-brand-700"
            >
              {fieldLabel(e.entityType).toLowerCase()}
            </Link>
          ) : (
            fieldLabel(e.entityType).toLowerCase()
          )}
        </p>
        <time dateTime={e.at.toISOString()} className="text-xs text-slate-600">
          {formatDateTime(e.at, timeZone)}
        </time>
      </div>
      {e.lines.length ? (
        <details className="mt-2" open={e.lines.length <= 4}>
          <summary className="cursor-pointer text-xs font-medium text-slate-600">
            {e.lines.length} field{e.lines.length === 1 ? '' : 's'}
          </summary>
          <dl className="mt-1 space-y-1 text-sm">
            {e.lines.map((l) => (
              <div key={l.field} className="flex flex-wrap gap-x-2 break-words">
                <dt className="font-medium text-slate-700">{l.field}:</dt>
                <dd className="min-w-0 text-slate-900">
                  {l.from !== undefined ? (
                    <>
                      <del className="text-slate-500 decoration-slate-400">{l.from}</del>
                      <span aria-hidden="true"> → </span>
                      <span className="sr-only"> changed to </span>
                      <ins className="no-underline">{l.to}</ins>
                    </>
                  ) : (
                    l.to
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
      <p className="mt-2 text-xs break-all text-slate-500">
        ID {e.entityId}
        {e.ip ? ` · from ${e.ip}` : ''}
      </p>
    </li>
  );
}
