import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { formatCalendarDate, formatDateTime, formatDue } from '@/lib/format/when';
import { INSPECTION_TYPE_LABELS } from '@/lib/zod/schemas/inspections';
import { INSPECTION_SCHEDULE_LABELS } from '@/lib/zod/schemas/projects';
import { RAIN_SOURCE_LABELS } from '@/lib/zod/schemas/rain-events';
import { ArchiveProjectButton } from '../_components/archive-project-button';
import { SensitiveBadge, StatusBadge } from '../_components/badges';
import { formatRainPeriod } from '../_components/format-rain-period';
import { primaryButtonClass, secondaryButtonClass } from '@/components/ui/styles';
import { RainEventForm } from '../_components/rain-event-form';
import { projectPage } from '../load-projects';
import { loadProjectDocuments } from '../load-documents';
import { DocumentUploader } from '@/components/files/document-uploader';
import { formatBytes } from '@/lib/storage/rules';
import { DOCUMENT_KIND_LABELS } from '@/lib/zod/schemas/files';
import { formatDateTimeZone } from '@/lib/format/when';
import { OSHA_RULE_TEXT } from '@/lib/compliance/osha-checklists';
import { SiteConditionsCard } from './conditions/_components/site-conditions-card';
import { RecordsCard } from './_components/records-card';

export const metadata: Metadata = { title: 'Project' };

/** The words before a checklist's time: its due time, or when it was done. */
const SAFETY_STATE = { due: 'due', overdue: 'overdue, was due', met: 'done', met_late: 'done late' } as const;

const words = (s: string) => s.replaceAll('_', ' ').replace(/^./, (c) => c.toUpperCase());

/** A calendar date column (a date, not an instant), or "Not set". */
const formatDate = (iso: string | null) => (iso ? formatCalendarDate(iso) : 'Not set');

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="py-2 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900 sm:col-span-2 sm:mt-0">{children}</dd>
    </div>
  );
}

/** One job site: permit, schedule, receiving water, recent work and its rain-gauge entries. 404 for another org's id. */
export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const { ctx, data } = await projectPage(params);
  const { project: p, timeZone } = data;
  const docs = await loadProjectDocuments(ctx, p.id);
  const rain = [...data.rain].sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());

  return (
    <div className="mx-auto max-w-5xl">
      <Link
        href="/projects"
        className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline"
      >
        ← Projects
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold tracking-tight break-words text-slate-900">{p.name}</h1>
          <p className="mt-1 text-sm text-slate-600">{p.address || 'No address'}</p>
          <div className="mt-2 flex flex-wrap gap-2">
            <StatusBadge status={p.status} />
            {p.sensitiveWater ? <SensitiveBadge /> : null}
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          {data.canRecordRain && p.status === 'active' ? (
            <Link href={`/inspections/new?projectId=${p.id}`} className={primaryButtonClass}>
              Start inspection
            </Link>
          ) : null}
          {data.canReportFinding && p.status === 'active' ? (
            <Link href={`/findings/new?projectId=${p.id}`} className={secondaryButtonClass}>
              Record a finding
            </Link>
          ) : null}
          {data.canWrite ? (
            <>
              <Link href={`/projects/${p.id}/inspector-links`} className={secondaryButtonClass}>
                Site notice and QR
              </Link>
              <Link href={`/projects/${p.id}/edit`} className={secondaryButtonClass}>
                Edit
              </Link>
            </>
          ) : null}
        </div>
      </div>

      <div className="mt-6 grid gap-4 lg:grid-cols-2">
        <Card title="Permit">
          <dl className="divide-y divide-slate-100">
            <Detail label="NPDES permit ID">
              <span data-testid="permit">{p.npdesPermitId ?? 'Not set'}</span>
            </Detail>
            <Detail label="Coverage">
              {formatDate(p.permitStart)} – {p.permitEnd ? formatDate(p.permitEnd) : 'open'}
            </Detail>
            <Detail label="Disturbed area">
              {p.disturbedAcres === null ? 'Not set' : `${Number(p.disturbedAcres)} acres`}
            </Detail>
            <Detail label="Inspection schedule">{INSPECTION_SCHEDULE_LABELS[p.inspectionSchedule]}</Detail>
            {p.status === 'active' ? (
              <Detail label="Next inspection due">
                {data.nextDue ? (
                  <span data-testid="next-due">
                    <span className={data.nextDue.status === 'overdue' ? 'font-semibold text-red-800' : 'font-semibold'}>
                      {data.nextDue.status === 'overdue' ? 'Overdue: was due ' : ''}
                      {formatDue(data.nextDue.dueAt, data.nextDue.timeZone)}
                    </span>
                    <span className="mt-0.5 block text-slate-700">{data.nextDue.why}</span>
                    <span className="block text-xs text-slate-600">{data.nextDue.part}</span>
                  </span>
                ) : (
                  'Nothing due (inspections suspended)'
                )}
              </Detail>
            ) : null}
            {data.safety.length ? (
              <Detail label="OSHA safety checklists">
                <ul data-testid="safety-due" className="space-y-1">
                  {data.safety.map((c) => (
                    <li key={c.kind}>
                      <span className={c.status === 'overdue' ? 'font-semibold text-red-800' : 'font-semibold'}>
                        {INSPECTION_TYPE_LABELS[c.kind]}: {SAFETY_STATE[c.status]} {c.metAt ? formatDateTime(c.metAt, c.timeZone) : formatDue(c.dueAt, c.timeZone)}
                      </span>
                      <span className="block text-xs text-slate-600">
                        {OSHA_RULE_TEXT[c.kind]}
                      </span>
                    </li>
                  ))}
                </ul>
              </Detail>
            ) : null}
            <Detail label="Receiving water">
              {p.receivingWater ?? 'Not set'}
              {p.sensitiveWater ? (
                <span className="block text-slate-600">Impaired or Tier 2/3: tighter rules apply.</span>
              ) : null}
            </Detail>
          </dl>
        </Card>

        <Card title="Inspections and violations">
          <p>
            <span className="text-2xl font-bold text-slate-900">
              {data.openViolations.count}
              {data.openViolations.more ? '+' : ''}
            </span>{' '}
            open violation{data.openViolations.count === 1 ? '' : 's'}
          </p>
          {data.recentInspections.length ? (
            <>
              <h3 className="mt-3 text-sm font-semibold text-slate-900">Latest inspections</h3>
              <ul className="mt-1 divide-y divide-slate-100">
                {data.recentInspections.map((i) => (
                  <li key={i.id}>
                    <Link
                      href={`/inspections/${i.id}`}
                      className="flex min-h-11 items-center justify-between gap-2 py-1 hover:text-brand-700"
                    >
                      <span>{words(i.type)}</span>
                      <span className="text-xs text-slate-600">
                        {words(i.status)} · {formatDateTime(i.inspectedAt ?? i.createdAt, timeZone)}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="mt-2">No inspections yet.</p>
          )}
        </Card>
      </div>

      <section
        aria-labelledby="rain-heading"
        className="mt-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
      >
        <h2 id="rain-heading" className="text-base font-semibold text-slate-900">
          Rain events
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Rain-gauge readings at this site. Times in {timeZone.replaceAll('_', ' ')}.
        </p>
        {rain.length ? (
          <ul className="mt-3 divide-y divide-slate-100" aria-label="Rain events">
            {rain.map((e) => (
              <li key={e.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2 text-sm">
                <span className="font-semibold text-slate-900">{Number(e.amountInches).toFixed(2)} in</span>
                <span className="text-slate-600">
                  {formatRainPeriod(e.startedAt, e.endedAt, timeZone)} · {RAIN_SOURCE_LABELS[e.source]}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-3 text-sm text-slate-600">No rain recorded yet.</p>
        )}
        {data.canRecordRain && p.status !== 'archived' ? (
          <div className="mt-5 border-t border-slate-200 pt-4">
            <h3 className="text-sm font-semibold text-slate-900">Add a rain entry</h3>
            <div className="mt-3">
              <RainEventForm projectId={p.id} idempotencyKey={randomUUID()} timeZone={timeZone} />
            </div>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="documents-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
        <h2 id="documents-heading" className="text-base font-semibold text-slate-900">
          Documents
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          SWPPP, permit / NOI, inspection reports. A new version keeps the old ones. Your organization stores{' '}
          {formatBytes(docs.usage.total)} in total.
        </p>
        {docs.series.length ? (
          <ul className="mt-3 divide-y divide-slate-100" aria-label="Documents">
            {docs.series.map((s) => {
              const [latest, ...older] = s.versions;
              return (
                <li key={`${s.kind}-${s.title}`} className="py-3 text-sm">
                  <p className="font-semibold text-slate-900">
                    {s.title} <span className="font-normal text-slate-600">· {DOCUMENT_KIND_LABELS[s.kind]}</span>
                  </p>
                  {latest ? (
                    <p className="mt-0.5">
                      <a href={latest.href} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
                        Version {latest.version} (current): {latest.fileName}
                      </a>
                      <span className="text-slate-600">
                        {' '}
                        · {formatBytes(latest.sizeBytes)} · {latest.uploadedBy}, {formatDateTimeZone(latest.storedAt, timeZone)}
                      </span>
                    </p>
                  ) : null}
                  {older.length ? (
                    <details className="mt-1">
                      <summary className="inline-flex min-h-11 cursor-pointer items-center text-brand-700">
                        {older.length} earlier version{older.length === 1 ? '' : 's'}
                      </summary>
                      <ul className="space-y-1 pl-3">
                        {older.map((v) => (
                          <li key={v.id}>
                            <a href={v.href} className="text-brand-700 underline">
                              Version {v.version}: {v.fileName}
                            </a>{' '}
                            <span className="text-slate-600">
                              · {v.uploadedBy}, {formatDateTimeZone(v.storedAt, timeZone)}
                            </span>
                          </li>
                        ))}
                      </ul>
                    </details>
                  ) : null}
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="mt-3 text-sm text-slate-600">No documents yet.</p>
        )}
        {docs.canUpload && p.status !== 'archived' ? (
          <div className="mt-5 border-t border-slate-200 pt-4">
            <h3 className="text-sm font-semibold text-slate-900">Upload a document or a new version</h3>
            <div className="mt-3">
              <DocumentUploader projectId={p.id} titles={docs.series.map((s) => s.title)} />
            </div>
          </div>
        ) : null}
      </section>

      {p.status === 'active' || data.conditions.length ? (
        <SiteConditionsCard
          projectId={p.id}
          conditions={data.conditions}
          timeZone={timeZone}
          canWrite={data.canWrite && p.status === 'active'}
          canRecord={data.canRecordRain && p.status === 'active'}
        />
      ) : null}

      <RecordsCard ctx={ctx} project={p} />

      {data.canWrite && p.status !== 'archived' ? (
        <div className="mt-8 flex border-t border-slate-200 pt-6">
          <ArchiveProjectButton projectId={p.id} projectName={p.name} />
        </div>
      ) : null}
    </div>
  );
}
