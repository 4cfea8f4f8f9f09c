import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { listMembers } from '@/db/queries/audit';
import { orgTimeZone } from '@/db/queries/dashboard';
import { listCorrectiveActions } from '@/db/queries/corrective-actions';
import {
  getViolationDetail,
  listBmpCategories,
  listViolationTypes,
  violationHistory,
  violationTransitions,
} from '@/db/queries/violations';
import { getFileSettings, listPhotos } from '@/db/queries/files';
import { withTenantRead } from '@/db/tenant';
import { getBusinessCalendar } from '@/db/queries/compliance-settings';
import { closeOfNextBusinessDay } from '@/lib/compliance/engine/business-days';
import { localDate } from '@/lib/compliance/engine/calendar';
import { PhotoUploader } from '@/components/files/photo-uploader';
import { photoViews, type PhotoView } from '@/lib/files/download';
import { requireTenantPage } from '@/lib/auth/session';
import { hasPermission } from '@/lib/auth/tenant-context';
import { formatDateTime, formatDistance } from '@/lib/format/when';
import type { ViolationStatusValue } from '@/lib/zod/schemas/violations';
import { updateViolationAction } from '../actions/update-violation';
import { CorrectiveActionForm } from '../_components/corrective-action-form';
import { CorrectiveActionList } from '../_components/corrective-action-list';
import { OverdueBadge, StatusBadge } from '../_components/status-badge';
import { StatusControls } from '../_components/status-controls';
import { StatusStepper } from '../_components/status-stepper';
import { ViolationForm } from '../_components/violation-form';
import { FindingReview } from '../_components/finding-review';

export const metadata: Metadata = { title: 'Violation' };

const INSPECTION_TYPE: Record<string, string> = {
  routine: 'Routine inspection',
  storm_event: 'Storm-event inspection',
  corrective_follow_up: 'Corrective follow-up',
  final: 'Final inspection',
};

export default async function ViolationPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireTenantPage();
  const { id } = await params;
  // Not a uuid can't name a row: the same 404 as a missing or another tenant's id.
  if (!z.uuid().safeParse(id).success) notFound();
  const canWrite = hasPermission(ctx, 'org:violations:write');
  const canReview = hasPermission(ctx, 'org:findings:review');

  const data = await withTenantRead(ctx, async (tx) => {
    const detail = await getViolationDetail(tx, ctx.orgId, id);
    if (!detail) return undefined;
    const timeZone = detail.projectTimeZone ?? (await orgTimeZone(tx, ctx.orgId));
    return {
      detail,
      history: await violationHistory(tx, ctx.orgId, id),
      actions: await listCorrectiveActions(tx, ctx.orgId, id),
      members: await listMembers(tx, ctx.orgId),
      // The site's zone: every time on this page (photos too), and the times typed in its forms.
      timeZone,
      types: canWrite ? await listViolationTypes(tx, ctx.orgId) : [],
      bmps: canWrite ? await listBmpCategories(tx, ctx.orgId) : [],
      // Presigned thumbnails minted inside the door, after the row lookup.
      photos: await photoViews(ctx.orgId, await listPhotos(tx, ctx.orgId, { violationId: id }), timeZone),
      fileSettings: await getFileSettings(tx, ctx.orgId),
      // For the forms' "Due" when the work is routine maintenance: the engine's own rule.
      business: canWrite || canReview ? await getBusinessCalendar(tx, ctx.orgId) : null,
    };
  });
  if (!data) notFound();

  const { detail, history, actions, members, timeZone, photos, fileSettings, business } = data;
  const canUpload = hasPermission(ctx, 'org:photos:upload');
  const closeOut = new Map<string, PhotoView[]>();
  for (const p of photos) if (p.correctiveActionId) closeOut.set(p.correctiveActionId, [...(closeOut.get(p.correctiveActionId) ?? []), p]);
  const v = detail.violation;
  const now = new Date();
  const names = new Map(members.map((m) => [m.userId, m.name]));
  const overdue = (v.status === 'open' || v.status === 'in_progress') && v.deadline < now;
  const defaultDue = new Date(Math.max(v.deadline.getTime(), now.getTime() + 86_400_000)).toISOString();
  // Routine maintenance is due by the close of the next business day after the finding (CGP Part
  // 2.1.4; lib/compliance/engine/actions.ts), which is the deadline the stored obligation will carry.
  const dueByKind = {
    corrective_action: defaultDue,
    routine_maintenance: business ? closeOfNextBusinessDay(localDate(v.foundAt, timeZone), business, timeZone).toISOString() : defaultDue,
  };
  const reviewed = v.status === 'reported' || v.status === 'dismissed';

  return (
    <div className="mx-auto max-w-3xl">
      <Link
        href="/violations"
        className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline"
      >
        ← Violations
      </Link>
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge status={v.status} />
        {overdue ? <OverdueBadge by={formatDistance(v.deadline, now)} /> : null}
        <span className="text-xs font-medium tracking-wide text-slate-500 uppercase">{detail.severity} severity</span>
      </div>
      <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900">{detail.typeName}</h1>
      <p className="text-slate-700">{detail.projectName}</p>

      <section
        aria-labelledby="details-h"
        className="mt-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
      >
        <h2 id="details-h" className="text-base font-semibold text-slate-900">
          Details
        </h2>
        <p className="mt-2 text-sm whitespace-pre-line text-slate-900">{v.description}</p>
        <dl className="mt-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          <Item label="Location">{v.location ?? '—'}</Item>
          <Item label="BMP category">{detail.bmpName ?? '—'}</Item>
          <Item label="Found">
            {formatDateTime(v.foundAt, timeZone)} by {names.get(v.foundBy) ?? v.foundBy}
          </Item>
          <Item label="Deadline">
            {reviewed ? (
              v.status === 'reported' ? 'Set when the finding is confirmed' : '—'
            ) : (
              <span className={overdue ? 'font-semibold text-red-800' : ''}>{formatDateTime(v.deadline, timeZone)}</span>
            )}
          </Item>
          <Item label="Found on">
            {detail.inspection?.id
              ? `${INSPECTION_TYPE[detail.inspection.type] ?? 'Inspection'}${detail.inspection.inspectedAt ? `, ${formatDateTime(detail.inspection.inspectedAt, timeZone)}` : ''}`
              : 'Its own (not during an inspection)'}
          </Item>
        </dl>
        {canWrite ? (
          <details className="mt-4 border-t border-slate-200 pt-3">
            <summary className="min-h-11 cursor-pointer py-2 text-sm font-semibold text-brand-700">
              Edit details
            </summary>
            <div className="mt-3">
              <ViolationForm
                mode="edit"
                action={updateViolationAction}
                projects={[]}
                timeZone={timeZone}
                types={data.types.map((t) => ({ id: t.id, name: t.name, defaultDeadlineDays: t.defaultDeadlineDays }))}
                bmpCategories={data.bmps.map((b) => ({ id: b.id, name: b.name }))}
                initial={{
                  id: v.id,
                  violationTypeId: v.violationTypeId,
                  bmpCategoryId: v.bmpCategoryId,
                  description: v.description,
                  location: v.location,
                  foundAt: v.foundAt.toISOString(),
                  deadline: v.deadline.toISOString(),
                }}
                cancelHref={`/violations/${v.id}`}
              />
            </div>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="photos-h" className="mt-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
        <h2 id="photos-h" className="text-base font-semibold text-slate-900">
          Photos
        </h2>
        <PhotoUploader target={{ violationId: v.id }} label="Violation photos" initial={photos.filter((p) => !p.correctiveActionId)} canUpload={canUpload} />
      </section>

      {v.status === 'reported' ? (
        <section aria-labelledby="review-h" className="mt-6 rounded-lg border border-amber-300 bg-amber-50 p-4 shadow-sm sm:p-5">
          <h2 id="review-h" className="text-base font-semibold text-slate-900">
            Finding awaiting review
          </h2>
          <p className="mt-1 text-sm text-slate-800">
            Reported by {names.get(v.foundBy) ?? v.foundBy}. {canReview ? 'Confirm it or dismiss it.' : 'A superintendent will confirm or dismiss it.'}
          </p>
          {canReview ? (
            <div className="mt-4 rounded-md bg-white p-4">
              <FindingReview
                id={v.id}
                members={members.map((m) => ({ userId: m.userId, name: m.name }))}
                reportedBy={v.foundBy}
                defaultDescription={v.description}
                defaultDeadline={defaultDue}
                dueByKind={dueByKind}
                timeZone={timeZone}
                idempotencyKey={randomUUID()}
              />
            </div>
          ) : null}
        </section>
      ) : null}
      {v.status === 'dismissed' ? (
        <section aria-labelledby="review-h" className="mt-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
          <h2 id="review-h" className="text-base font-semibold text-slate-900">
            Dismissed
          </h2>
          <p className="mt-1 text-sm text-slate-800">
            {v.reviewedBy ? `By ${names.get(v.reviewedBy) ?? v.reviewedBy}` : ''}
            {v.reviewedAt ? `, ${formatDateTime(v.reviewedAt, timeZone)}` : ''}: {v.dismissedReason}
          </p>
        </section>
      ) : null}

      {reviewed ? null : <section
        aria-labelledby="status-h"
        className="mt-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
      >
        <h2 id="status-h" className="text-base font-semibold text-slate-900">
          Status
        </h2>
        <div className="mt-4">
          <StatusStepper current={v.status as ViolationStatusValue} history={history} names={names} timeZone={timeZone} />
        </div>
        {canWrite ? (
          <div className="mt-5 border-t border-slate-200 pt-4">
            <StatusControls id={v.id} next={violationTransitions[v.status] as ViolationStatusValue[]} />
          </div>
        ) : null}
      </section>}

      {reviewed ? null : <section aria-labelledby="actions-h" className="mt-6">
        <h2 id="actions-h" className="text-lg font-semibold text-slate-900">
          Corrective actions
        </h2>
        <div className="mt-3">
          <CorrectiveActionList
            actions={actions}
            names={names}
            timeZone={timeZone}
            canFieldWork={hasPermission(ctx, 'org:forms:submit')}
            canVerify={canWrite}
            now={now}
            closeOutPhotos={closeOut}
            canUpload={canUpload}
            fixedRequiresPhoto={fileSettings.fixedRequiresPhoto}
            userId={ctx.userId}
          />
        </div>
        {canWrite && !reviewed && v.status !== 'verified' ? (
          <div className="mt-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
            <h3 className="mb-3 text-base font-semibold text-slate-900">Add a corrective action</h3>
            <CorrectiveActionForm
              violationId={v.id}
              members={members.map((m) => ({ userId: m.userId, name: m.name }))}
              dueByKind={dueByKind}
              timeZone={timeZone}
              idempotencyKey={randomUUID()}
            />
          </div>
        ) : null}
      </section>}
    </div>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="font-medium text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-slate-900">{children}</dd>
    </div>
  );
}
