import type { CorrectiveAction } from '@/db/queries/corrective-actions';
import { violationTransitions } from '@/db/queries/violations';
import { PhotoUploader } from '@/components/files/photo-uploader';
import type { PhotoView } from '@/lib/files/download';
import { formatDateTime, formatDistance } from '@/lib/format/when';
import { ACTION_KIND_LABELS, ACTION_KIND_PARTS } from '@/lib/zod/schemas/violations';
import { CorrectiveActionControls } from './corrective-action-controls';
import { OverdueBadge, StatusBadge } from './status-badge';

/** Each corrective action with its stamped steps; the buttons offered match what the user may do. */
export function CorrectiveActionList({
  actions,
  names,
  timeZone,
  canFieldWork,
  canVerify,
  now,
  closeOutPhotos,
  canUpload,
  fixedRequiresPhoto,
  userId,
}: {
  actions: CorrectiveAction[];
  names: Map<string, string>;
  timeZone: string;
  canFieldWork: boolean;
  canVerify: boolean;
  now: Date;
  closeOutPhotos: Map<string, PhotoView[]>;
  canUpload: boolean;
  fixedRequiresPhoto: boolean;
  /** The signed-in member: field work moves only the actions assigned to them. */
  userId: string;
}) {
  const who = (id: string | null) => (id ? (names.get(id) ?? id) : '');
  if (!actions.length) {
    return (
      <p className="text-sm text-slate-600">
        {canVerify
          ? 'No corrective actions yet. Add what will be done to fix this, who does it and by when.'
          : 'No corrective actions recorded.'}
      </p>
    );
  }
  return (
    <ul className="space-y-3" aria-label="Corrective actions">
      {actions.map((a) => {
        const overdue = (a.status === 'open' || a.status === 'in_progress') && a.dueAt < now;
        // Field work moves only one's own actions; those who verify may move any.
        const mine = canVerify || a.assignedTo === userId;
        const next = violationTransitions[a.status].filter((s) =>
          s === 'verified' || s === 'open' ? canVerify : canFieldWork && mine,
        );
        const steps = [
          a.startedAt ? `Started by ${who(a.startedBy)}, ${formatDateTime(a.startedAt, timeZone)}` : null,
          a.fixedAt ? `Fixed by ${who(a.fixedBy)}, ${formatDateTime(a.fixedAt, timeZone)}` : null,
          a.verifiedAt ? `Verified by ${who(a.verifiedBy)}, ${formatDateTime(a.verifiedAt, timeZone)}` : null,
        ].filter(Boolean);
        return (
          <li
            key={a.id}
            id={`action-${a.id}`}
            className={`rounded-lg border bg-white p-4 ${overdue ? 'border-red-300' : 'border-slate-200'}`}
          >
            <div className="flex flex-wrap items-center gap-2">
              <StatusBadge status={a.status} />
              <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-800">
                {ACTION_KIND_LABELS[a.kind]} · {ACTION_KIND_PARTS[a.kind]}
              </span>
              {overdue ? <OverdueBadge by={formatDistance(a.dueAt, now)} /> : null}
            </div>
            <p className="mt-2 text-sm whitespace-pre-line text-slate-900">{a.description}</p>
            <p className="mt-1 text-sm text-slate-600">
              Due {formatDateTime(a.dueAt, timeZone)}
              {a.assignedTo ? ` · Assigned to ${who(a.assignedTo)}` : ' · Unassigned'}
            </p>
            {steps.length ? (
              <ul className="mt-2 space-y-0.5 text-sm text-slate-600">
                {steps.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            ) : null}
            <div className="mt-3 border-t border-slate-100 pt-2">
              <h3 className="text-sm font-semibold text-slate-900">Close-out photos</h3>
              {fixedRequiresPhoto && a.status !== 'fixed' && a.status !== 'verified' && !closeOutPhotos.get(a.id)?.length ? (
                <p className="text-sm text-slate-600">A close-out photo is required before this can be marked fixed.</p>
              ) : null}
              <PhotoUploader
                target={{ correctiveActionId: a.id }}
                label={`Close-out photos: ${a.description.slice(0, 60)}`}
                initial={closeOutPhotos.get(a.id) ?? []}
                canUpload={canUpload && a.status !== 'verified'}
              />
            </div>
            <CorrectiveActionControls id={a.id} next={next} label={a.description.slice(0, 60)} />
          </li>
        );
      })}
    </ul>
  );
}
