import { STATUS_LABELS, type AnyViolationStatus } from '@/lib/zod/schemas/violations';

const TONE: Record<AnyViolationStatus, string> = {
  reported: 'bg-orange-100 text-orange-900 ring-orange-300',
  dismissed: 'bg-white text-slate-700 ring-slate-300',
  open: 'bg-amber-100 text-amber-900 ring-amber-300',
  in_progress: 'bg-sky-100 text-sky-900 ring-sky-300',
  fixed: 'bg-emerald-100 text-emerald-900 ring-emerald-300',
  verified: 'bg-slate-100 text-slate-800 ring-slate-300',
};

/** The workflow status of a violation or corrective action, as text (never color alone). */
export function StatusBadge({ status }: { status: AnyViolationStatus }) {
  return (
    <span
      className={`inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${TONE[status]}`}
    >
      {STATUS_LABELS[status]}
    </span>
  );
}

/** Red, with words: an open item past its deadline. */
export function OverdueBadge({ by }: { by: string }) {
  return (
    <span className="inline-flex shrink-0 items-center gap-1 rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900 ring-1 ring-red-300 ring-inset">
      <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5" fill="currentColor">
        <path d="M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13ZM7.25 4.5h1.5v4.25h-1.5V4.5Zm0 5.5h1.5v1.5h-1.5V10Z" />
      </svg>
      Overdue by {by}
    </span>
  );
}
