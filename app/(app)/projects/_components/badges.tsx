import type { Project } from '@/db/queries/projects';

const STATUS_STYLE: Record<Project['status'], string> = {
  active: 'bg-green-100 text-green-900',
  completed: 'bg-slate-200 text-slate-800',
  archived: 'bg-amber-100 text-amber-900',
};

const STATUS_LABEL: Record<Project['status'], string> = {
  active: 'Active',
  completed: 'Completed',
  archived: 'Archived',
};

export function StatusBadge({ status }: { status: Project['status'] }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS_STYLE[status]}`}>
      <span className="sr-only">Status: </span>
      {STATUS_LABEL[status]}
    </span>
  );
}

/** Impaired or Tier 2/3 receiving water: text and an icon, not colour alone. */
export function SensitiveBadge() {
  return (
    <span
      className="inline-flex items-center gap-1 rounded-full bg-sky-100 px-2 py-0.5 text-xs font-semibold text-sky-900"
      title="Impaired or Tier 2/3 water"
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5 fill-current">
        <path d="M8 1.5S3.5 6.6 3.5 9.6a4.5 4.5 0 0 0 9 0C12.5 6.6 8 1.5 8 1.5Z" />
      </svg>
      Sensitive water
    </span>
  );
}
