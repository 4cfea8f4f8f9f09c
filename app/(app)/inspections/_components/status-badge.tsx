import type { InspectionStatus } from '@/lib/zod/schemas/inspections';

const STYLE: Record<InspectionStatus, string> = {
  draft: 'bg-amber-100 text-amber-900',
  submitted: 'bg-sky-100 text-sky-900',
  published: 'bg-emerald-100 text-emerald-900',
};

/** Status pill; "signed" is shown for a submitted row that has been certified, "returned" for a draft sent back by a reviewer. */
export function StatusBadge({ status, signed, returned }: { status: InspectionStatus; signed?: boolean; returned?: boolean }) {
  const label =
    status === 'submitted' && signed
      ? 'Signed'
      : status === 'draft' && returned
        ? 'Returned'
        : status[0]!.toUpperCase() + status.slice(1);
  return (
    <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-sm font-medium ${STYLE[status]}`}>
      {label}
    </span>
  );
}
