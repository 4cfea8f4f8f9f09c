import { formatDateTime } from '@/lib/format/when';
import { STATUS_LABELS, VIOLATION_STATUSES, type AnyViolationStatus, type ViolationStatusValue } from '@/lib/zod/schemas/violations';

export interface Step {
  status: AnyViolationStatus;
  at: Date;
  by: string;
}

/**
 * open → in progress → fixed → verified, with who and when at each step of
 * the current round (after the last reopen). Earlier rounds are listed below it.
 */
export function StatusStepper({
  current,
  history,
  names,
  timeZone,
}: {
  current: ViolationStatusValue;
  history: Step[];
  names: Map<string, string>;
  timeZone: string;
}) {
  const lastOpen = history.findLastIndex((s) => s.status === 'open');
  const round = lastOpen >= 0 ? history.slice(lastOpen) : history;
  const currentIndex = VIOLATION_STATUSES.indexOf(current);
  const who = (id: string) => names.get(id) ?? id;

  return (
    <div>
      <ol className="space-y-0" aria-label="Status steps">
        {VIOLATION_STATUSES.map((status, i) => {
          const step = round.findLast((s) => s.status === status);
          const done = i <= currentIndex;
          const isCurrent = i === currentIndex;
          return (
            <li
              key={status}
              className="relative flex gap-3 pb-5 last:pb-0"
              aria-current={isCurrent ? 'step' : undefined}
            >
              {i < VIOLATION_STATUSES.length - 1 ? (
                <span
                  aria-hidden="true"
                  className={`absolute top-8 left-[0.9375rem] h-[calc(100%-2rem)] w-0.5 ${i < currentIndex ? 'bg-brand-700' : 'bg-slate-200'}`}
                />
              ) : null}
              <span
                aria-hidden="true"
                className={`relative z-10 flex size-8 shrink-0 items-center justify-center rounded-full text-sm font-bold ${
                  done ? 'bg-brand-700 text-white' : 'border-2 border-slate-300 bg-white text-slate-500'
                }`}
              >
                {done ? '✓' : i + 1}
              </span>
              <div className="min-w-0 pt-1">
                <p className={`text-sm font-semibold ${done ? 'text-slate-900' : 'text-slate-500'}`}>
                  {STATUS_LABELS[status]}
                  {isCurrent ? (
                    <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-800">
                      Current
                    </span>
                  ) : null}
                  <span className="sr-only">{done ? (isCurrent ? ' (current step)' : ' (done)') : ' (not yet)'}</span>
                </p>
                {step && done ? (
                  <p className="text-sm text-slate-600">
                    {who(step.by)} · <time dateTime={step.at.toISOString()}>{formatDateTime(step.at, timeZone)}</time>
                  </p>
                ) : done ? (
                  <p className="text-sm text-slate-500">Skipped</p>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      {history.length > round.length ? (
        <details className="mt-4 text-sm">
          <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-700">
            Full history ({history.length} steps)
          </summary>
          <ol className="mt-2 space-y-1 text-slate-700">
            {history.map((s, i) => (
              <li key={i}>
                {STATUS_LABELS[s.status]} — {who(s.by)},{' '}
                <time dateTime={s.at.toISOString()}>{formatDateTime(s.at, timeZone)}</time>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}
