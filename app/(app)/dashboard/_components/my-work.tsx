import Link from 'next/link';
import type { ReactNode } from 'react';
import type { MyWork } from '@/lib/my-work/my-work-data';
import { formatDateTime, formatDistance, formatDue } from '@/lib/format/when';
import { INSPECTION_TYPE_LABELS } from '@/lib/zod/schemas/inspections';
import { STATUS_LABELS } from '@/lib/zod/schemas/violations';

const DUE_KIND: Record<string, { label: string; type: string }> = {
  routine_inspection: { label: 'Routine inspection', type: 'routine' },
  storm_inspection: { label: 'Storm-event inspection', type: 'storm_event' },
  snowmelt_inspection: { label: 'Snowmelt inspection', type: 'storm_event' },
};

const rowLink =
  'flex min-h-11 items-center justify-between gap-3 rounded-md px-2 py-2.5 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-700';

/** Rows a section shows on the phone-first dashboard; the rest are one tap away on their full list. */
const SHOWN = 10;

/** The last row of a section: where the rows it does not show are. */
type More = { href: string; label: string } | null;

/** "N more" under a list longer than SHOWN, linking to its full list. */
const moreOf = (items: readonly unknown[], href: string, where: string): More =>
  items.length > SHOWN ? { href, label: `${items.length - SHOWN} more: see them all on ${where}` } : null;

function Section<T>({
  title,
  id,
  empty,
  items,
  more,
  children,
}: {
  title: string;
  id: string;
  empty: string;
  items: readonly T[];
  more: More;
  children: (item: T) => ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid={id}>
      <h3 id={id} className="text-base font-semibold text-slate-900">
        {title} <span className="font-normal text-slate-600">({items.length})</span>
      </h3>
      {items.length ? (
        <ul className="-mx-2 mt-1 divide-y divide-slate-200">
          {items.slice(0, SHOWN).map(children)}
          {more ? (
            <li>
              <Link href={more.href} className={rowLink}>
                <span className="font-medium text-brand-700">{more.label}</span>
              </Link>
            </li>
          ) : null}
        </ul>
      ) : (
        <p className="mt-1 text-sm text-slate-600">{empty}</p>
      )}
    </section>
  );
}

/**
 * "My work": the first thing on the dashboard, each row a link to the form
 * that does it. Times in each site's zone with its abbreviation.
 */
/** One inspection row of My work: the project, a line of detail, and what tapping it does. */
function InspectionRow({ href, project, detail, action }: { href: string; project: string; detail: string; action: string }) {
  return (
    <li>
      <Link href={href} className={rowLink}>
        <span className="min-w-0">
          <span className="block truncate font-medium text-slate-900">{project}</span>
          <span className="block text-sm text-slate-700">{detail}</span>
        </span>
        <span className="shrink-0 text-xs font-semibold text-slate-700">{action}</span>
      </Link>
    </li>
  );
}

/** One row of what is due today or overdue: the project, what and when, the rule, a badge; opens its form. */
function DueRow(props: {
  href: string;
  project: string;
  what: string;
  rule: string;
  due: { status: string; dueAt: Date; timeZone: string };
  now: Date;
}) {
  const { due } = props;
  return (
    <li>
      <Link href={props.href} className={rowLink}>
        <span className="min-w-0">
          <span className="block truncate font-medium text-slate-900">{props.project}</span>
          <span className="block text-sm text-slate-700">
            {props.what} {due.status === 'overdue' ? 'was due' : 'due'} {formatDue(due.dueAt, due.timeZone)}
          </span>
          <span className="block text-xs text-slate-600">{props.rule}</span>
        </span>
        <DueBadge overdue={due.status === 'overdue'} dueAt={due.dueAt} now={props.now} />
      </Link>
    </li>
  );
}

/** "Due today" / "Overdue 3 hours" beside a due row. */
function DueBadge({ overdue, dueAt, now }: { overdue: boolean; dueAt: Date; now: Date }) {
  return (
    <span
      className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${overdue ? 'bg-red-100 text-red-900 ring-red-300' : 'bg-amber-100 text-amber-900 ring-amber-300'}`}
    >
      {overdue ? `Overdue ${formatDistance(dueAt, now)}` : 'Due today'}
    </span>
  );
}

export function MyWorkSection({ work, now }: { work: MyWork; now: Date }) {
  const zone = (tz: string | null) => tz ?? work.orgZone;
  return (
    <section aria-labelledby="my-work-h" className="mt-5">
      <h2 id="my-work-h" className="text-lg font-semibold text-slate-900">
        My work
      </h2>
      <div className="mt-3 grid gap-3 lg:grid-cols-2">
        {work.due ? (
          <Section
            title="Inspections due today or overdue"
            id="my-due"
            items={work.due}
            more={moreOf(work.due, '/calendar', 'the compliance calendar')}
            empty="Nothing due today on your projects."
          >
            {(d) => (
              <DueRow
                key={d.projectId}
                href={`/inspections/new?projectId=${d.projectId}&type=${DUE_KIND[d.kind]?.type ?? 'routine'}`}
                project={d.projectName}
                what={`${DUE_KIND[d.kind]?.label ?? 'Inspection'} ·`}
                rule={d.part}
                due={d}
                now={now}
              />
            )}
          </Section>
        ) : null}
        {work.safety ? (
          <Section
            title="Safety checklists due today"
            id="my-safety"
            items={work.safety}
            more={moreOf(work.safety, '/projects', 'the projects page')}
            empty="No OSHA checklist due today."
          >
            {(d) => (
              <DueRow
                key={`${d.projectId}-${d.kind}`}
                href={`/inspections/new?projectId=${d.projectId}&type=${d.kind}`}
                project={d.projectName}
                what={d.kind === 'osha_daily' ? `${INSPECTION_TYPE_LABELS[d.kind]} · before work,` : `${INSPECTION_TYPE_LABELS[d.kind]} ·`}
                rule={d.reference}
                due={d}
                now={now}
              />
            )}
          </Section>
        ) : null}
        {work.actions ? (
          <Section
            title="My corrective actions"
            id="my-actions"
            items={work.actions}
            more={moreOf(work.actions, '/violations', 'the violations page')}
            empty="No corrective actions assigned to you."
          >
            {(a) => (
              <li key={a.id}>
                <Link href={`/violations/${a.violationId}#action-${a.id}`} className={rowLink}>
                  <span className="min-w-0">
                    <span className="block truncate font-medium text-slate-900">{a.description}</span>
                    <span className="block text-sm text-slate-700">
                      {a.projectName} · due {formatDateTime(a.dueAt, zone(a.projectTimeZone))}
                    </span>
                  </span>
                  <span className="shrink-0 text-xs font-semibold text-slate-700">
                    {a.dueAt < now ? 'Overdue' : STATUS_LABELS[a.status]}
                  </span>
                </Link>
              </li>
            )}
          </Section>
        ) : null}
        {work.findings ? (
          <Section
            title={work.reviewsFindings ? 'Findings to review' : 'My findings awaiting review'}
            id="my-findings"
            items={work.findings}
            more={moreOf(work.findings, '/violations?status=reported', 'the violations page')}
            empty={work.reviewsFindings ? 'No findings waiting for review.' : 'None waiting: a superintendent reviewed everything you reported.'}
          >
            {(f) => (
              <li key={f.id}>
                <Link href={`/violations/${f.id}`} className={rowLink}>
                  <span className="min-w-0">
                    <span className="block truncate font-medium text-slate-900">{f.description}</span>
                    <span className="block text-sm text-slate-700">
                      {f.projectName} · {f.typeName} · {formatDateTime(f.foundAt, zone(f.projectTimeZone))}
                    </span>
                  </span>
                  <span className="shrink-0 text-xs font-semibold text-orange-900">{work.reviewsFindings ? 'Review' : 'Reported'}</span>
                </Link>
              </li>
            )}
          </Section>
        ) : null}
        {work.toSign ? (
          <Section
            title="Reports awaiting signature"
            id="my-sign"
            items={work.toSign}
            more={moreOf(work.toSign, '/inspections?status=submitted', 'the inspections page')}
            empty="No submitted reports waiting for a signature."
          >
            {(i) => (
              <InspectionRow
                key={i.id}
                href={`/inspections/${i.id}#certification`}
                project={i.projectName}
                detail={`${INSPECTION_TYPE_LABELS[i.type]} inspection${i.inspectorName ? ` by ${i.inspectorName}` : ''}`}
                action="Sign"
              />
            )}
          </Section>
        ) : null}
        {work.drafts ? (
          <Section title="Drafts I left" id="my-drafts" items={work.drafts}
            more={moreOf(work.drafts, '/inspections?status=draft', 'the inspections page')} empty="No unfinished inspections.">
            {(i) => (
              <InspectionRow
                key={i.id}
                href={`/inspections/${i.id}`}
                project={i.projectName}
                detail={`${INSPECTION_TYPE_LABELS[i.type]} · saved ${formatDateTime(i.updatedAt, zone(i.projectTimeZone))}`}
                action="Continue"
              />
            )}
          </Section>
        ) : null}
      </div>
    </section>
  );
}
