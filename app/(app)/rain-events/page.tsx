import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { requireTenantPage } from '@/lib/auth/session';
import { formatDay } from '@/lib/format/when';
import { formatRainPeriod } from '../projects/_components/format-rain-period';
import { RAIN_SOURCE_LABELS } from '@/lib/zod/schemas/rain-events';
import { BarChart } from '../dashboard/_components/bar-chart';
import { secondaryButtonClass } from '@/components/ui/styles';
import { RainEventForm } from '../projects/_components/rain-event-form';
import type { SearchParams } from '../projects/load-projects';
import { CHART_DAYS, loadRainEvents } from './load-rain-events';
import { Select } from '@/components/ui/text-input';

export const metadata: Metadata = { title: 'Rain events' };

/** Rain-gauge entries across the organization's projects, with rain per day for the last two weeks. */
export default async function RainEventsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await requireTenantPage();
  const sp = await searchParams;
  const now = new Date();
  const data = await loadRainEvents(ctx, sp, now);
  const total = data.days.reduce((n, d) => n + d.inches, 0);
  const dayLabel = (iso: string) => formatDay(new Date(`${iso}T12:00:00Z`), 'UTC', now);
  const next = new URLSearchParams({
    ...(data.projectId ? { projectId: data.projectId } : {}),
    ...(data.nextCursor ? { cursor: data.nextCursor } : {}),
  });

  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Rain events</h1>
      <p className="mt-1 text-sm text-slate-600">
        Rain-gauge readings from every site. A storm of 0.25 in or more can make an inspection due. Each time is
        in its site&apos;s zone (the chart&apos;s days: the organization&apos;s, {data.timeZone.replaceAll('_', ' ')}).
      </p>

      <form
        method="get"
        action="/rain-events"
        aria-label="Filter rain events"
        className="mt-4 grid gap-3 sm:grid-cols-[1fr_auto]"
      >
        <div>
          <label htmlFor="rain-filter-project" className="sr-only">
            Project
          </label>
          <Select id="rain-filter-project" name="projectId" defaultValue={data.projectId}>
            <option value="">All projects</option>
            {data.projects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </div>
        <button type="submit" className={secondaryButtonClass}>
          Show
        </button>
      </form>

      {data.notice ? (
        <p role="status" className="mt-4 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          {data.notice}
        </p>
      ) : null}

      <div className="mt-6 grid gap-4 lg:grid-cols-2">
        <Card title={`Last ${CHART_DAYS} days`}>
          <BarChart
            title={`Rain per day, last ${CHART_DAYS} days (inches)`}
            valueHeader="Rain (inches)"
            format={(v) => `${v.toFixed(2)} in`}
            // Every 4th day counted back from today, so the last label never collides with its neighbour.
            bars={data.days.map((d, i) => ({
              label: (data.days.length - 1 - i) % 4 === 0 ? dayLabel(d.date) : '',
              longLabel: dayLabel(d.date),
              value: d.inches,
            }))}
          />
          <p className="mt-1 text-xs text-slate-600">
            {total > 0 ? `Total ${total.toFixed(2)} in.` : `No rain recorded in the last ${CHART_DAYS} days.`}
          </p>
        </Card>

        {data.canRecord ? (
          <Card title="Record rain">
            {data.projects.length ? (
              <div className="mt-2">
                <RainEventForm projects={data.projects} idempotencyKey={randomUUID()} timeZone={data.timeZone} />
              </div>
            ) : (
              <p>Add an active project first.</p>
            )}
          </Card>
        ) : null}
      </div>

      <h2 className="mt-8 text-lg font-semibold text-slate-900">Entries</h2>
      {data.events.length ? (
        <ul
          className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
          aria-label="Rain events"
        >
          {data.events.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 p-4">
              <div className="min-w-0">
                <Link
                  href={`/projects/${e.projectId}`}
                  className="inline-flex min-h-11 items-center font-medium text-slate-900 hover:text-brand-700 hover:underline"
                >
                  {e.projectName}
                </Link>
                <p className="text-sm text-slate-600">
                  {formatRainPeriod(e.startedAt, e.endedAt, e.projectTimeZone ?? data.timeZone)} · {RAIN_SOURCE_LABELS[e.source]}
                </p>
              </div>
              <span className="text-lg font-bold text-slate-900">{Number(e.amountInches).toFixed(2)} in</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-3 text-sm text-slate-600">No rain entries{data.projectId ? ' for this project' : ''} yet.</p>
      )}

      <nav aria-label="Pages" className="mt-6 flex flex-wrap gap-3">
        {data.nextCursor ? (
          <Link href={`/rain-events?${next}`} className={secondaryButtonClass} rel="next">
            Next page
          </Link>
        ) : null}
        {sp.cursor ? (
          <Link
            href={data.projectId ? `/rain-events?projectId=${data.projectId}` : '/rain-events'}
            className={secondaryButtonClass}
          >
            Back to first page
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
