import { formatCalendarDate, formatDateTime } from '@/lib/format/when';
import type { FieldDefinition, TemplateDefinition } from '@/lib/forms/template-definition';

const YES_NO: Record<string, string> = { yes: 'Yes', no: 'No', na: 'N/A', pass: 'Pass', fail: 'Fail' };

function Answer({ field, value, timeZone }: { field: FieldDefinition; value: unknown; timeZone: string }) {
  // Photos live in the photos table (shown in the page's Photos section), not in the answers.
  if (field.type === 'photo') return <a href="#photos" className="text-brand-700 underline">See Photos</a>;
  if (value === undefined || value === null || value === '') return <span className="text-slate-500">—</span>;
  switch (field.type) {
    case 'yes_no_na':
      return <>{YES_NO[value as string] ?? String(value)}</>;
    case 'date':
      return (
        <>
          {formatCalendarDate(String(value))}
        </>
      );
    case 'choice': {
      const all = Array.isArray(value) ? value : [value];
      return <>{all.map((v) => field.options.find((o) => o.value === v)?.label ?? String(v)).join(', ')}</>;
    }
    case 'number':
      return (
        <>
          {String(value)} {field.unit === 'in' ? 'inches' : field.unit}
        </>
      );
    case 'bmp_checklist': {
      const rows = value as Record<string, { result: string; note?: string } | undefined>;
      return (
        <ul className="mt-1 divide-y divide-slate-100">
          {field.items.map((item) => {
            const r = rows[item.key];
            return (
              <li key={item.key} className="flex flex-wrap items-baseline justify-between gap-x-3 py-1.5">
                <span className="text-slate-800">{item.label}</span>
                <span
                  className={
                    r?.result === 'fail'
                      ? 'font-semibold text-red-700'
                      : r?.result === 'pass'
                        ? 'text-emerald-800'
                        : 'text-slate-600'
                  }
                >
                  {r ? YES_NO[r.result] : '—'}
                </span>
                {r?.note ? <span className="w-full text-sm text-slate-600">Note: {r.note}</span> : null}
              </li>
            );
          })}
        </ul>
      );
    }
    case 'signature': {
      const s = value as { name: string; signedAt: string };
      return (
        <>
          {s.name},{' '}
          <time dateTime={s.signedAt}>{formatDateTime(new Date(s.signedAt), timeZone)}</time>
        </>
      );
    }
    case 'performer': {
      const p = value as { name: string; title?: string };
      return (
        <>
          {p.name}
          {p.title ? `, ${p.title}` : ''}
        </>
      );
    }
    default:
      return <span className="whitespace-pre-wrap">{String(value)}</span>;
  }
}

/** Read-only rendering of a submitted form, section by section. */
export function FormView({
  definition,
  data,
  timeZone,
}: {
  definition: TemplateDefinition;
  data: Record<string, unknown>;
  /** The site's zone: every time in the answers is shown in it. */
  timeZone: string;
}) {
  return (
    <div className="space-y-4">
      {definition.sections.map((section) => (
        <section
          key={section.key}
          aria-labelledby={`view-${section.key}`}
          className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
        >
          <h2 id={`view-${section.key}`} className="text-lg font-semibold text-slate-900">
            {section.title}
          </h2>
          <dl className="mt-3 space-y-3">
            {section.fields.map((field) => (
              <div key={field.key}>
                <dt className="text-sm font-medium text-slate-600">{field.label}</dt>
                <dd className="text-base text-slate-900">
                  <Answer field={field} value={data[field.key]} timeZone={timeZone} />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
