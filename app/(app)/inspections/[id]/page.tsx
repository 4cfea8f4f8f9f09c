import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { listPhotos } from '@/db/queries/files';
import { lastSignatureQualifications, listRevisionChain } from '@/db/queries/inspections';
import { orgTimeZone } from '@/db/queries/dashboard';
import { getProject } from '@/db/queries/projects';
import { getUser } from '@/db/queries/users';
import { withTenantRead } from '@/db/tenant';
import { requireTenantPage } from '@/lib/auth/session';
import { hasPermission } from '@/lib/auth/tenant-context';
import { formatDateTime } from '@/lib/format/when';
import { certificationStatementFor } from '@/lib/inspections/certification';
import { getInspectionDetail } from '@/lib/inspections/inspection-form';
import { INSPECTION_TYPE_LABELS, isOshaType } from '@/lib/zod/schemas/inspections';
import { AmendButton, PublishButton, SignForm } from '../_components/certification-forms';
import { ReturnedNotice, ReturnForm } from '../_components/return-to-author';
import { FormRenderer } from '../_components/form-renderer';
import { FormView } from '../_components/form-view';
import { FailedBmpActions } from '../_components/failed-bmp-actions';
import { failedBmps } from '@/lib/inspections/failed-bmps';
import { StatusBadge } from '../_components/status-badge';
import { ReportDownload } from '../_components/report-download';
import { InspectionPhotosProvider } from '../_components/photo-context';
import { PhotoGrid } from '@/components/files/photo-grid';
import { photoViews, type PhotoView } from '@/lib/files/download';

export const metadata: Metadata = { title: 'Inspection' };

/** View, continue a draft, sign, publish or amend. Missing, malformed and other tenants' ids are one 404. */
export default async function InspectionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireTenantPage();
  if (!z.uuid().safeParse(id).success) notFound();
  const found = await withTenantRead(ctx, async (tx) => {
    const detail = await getInspectionDetail(tx, ctx.orgId, id);
    if (!detail) return undefined;
    const project = await getProject(tx, ctx.orgId, detail.inspection.projectId);
    const chain = await listRevisionChain(tx, ctx.orgId, id);
    const me = await getUser(tx, ctx.userId);
    const myQualifications = await lastSignatureQualifications(tx, ctx.orgId, ctx.userId);
    const returner = detail.inspection.returnedBy ? await getUser(tx, detail.inspection.returnedBy) : undefined;
    // Times at the site's zone (the project's, else the organization's), with its abbreviation.
    const timeZone = project?.timeZone ?? (await orgTimeZone(tx, ctx.orgId));
    // Presigned thumbnails are minted here, inside the door, right after the row lookup.
    const photos = await photoViews(ctx.orgId, await listPhotos(tx, ctx.orgId, { inspectionId: id }), timeZone);
    return {
      ...detail,
      project,
      chain,
      photos,
      timeZone,
      myName: me ? [me.firstName, me.lastName].filter(Boolean).join(' ') : '',
      myQualifications,
      returnerName: returner ? [returner.firstName, returner.lastName].filter(Boolean).join(' ') || returner.email : null,
    };
  });
  if (!found) notFound();
  const { inspection: i, form, project, chain, myName, myQualifications, photos, timeZone, returnerName } = found;
  const osha = isOshaType(i.type);
  // Rows signed before signature_title existed kept the signer's title in inspector_title.
  const legacySignerTitle = Boolean(i.signedAt && !i.signatureTitle);
  const signerTitle = i.signatureTitle ?? (legacySignerTitle ? i.inspectorTitle : null);
  const byItem: Record<string, PhotoView[]> = {};
  for (const p of photos) (byItem[p.bmpItemKey ?? ''] ??= []).push(p);
  const canSubmit = hasPermission(ctx, 'org:forms:submit');
  const canSign = hasPermission(ctx, 'org:inspections:sign');
  const canWrite = hasPermission(ctx, 'org:inspections:write');
  const canReview = hasPermission(ctx, 'org:inspections:review');
  const hasAmendment = chain.some((r) => r.amendsInspectionId === i.id);

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <Link href="/inspections" data-print-hide className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700">
          ← Inspections
        </Link>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">
            {INSPECTION_TYPE_LABELS[i.type]} {osha ? 'checklist' : 'inspection'}
          </h1>
          <StatusBadge status={i.status} signed={Boolean(i.signedAt)} returned={Boolean(i.returnedAt)} />
        </div>
        <p className="mt-1 text-base text-slate-700">
          {project?.name}
          {project?.npdesPermitId ? <span className="text-slate-500"> · Permit {project.npdesPermitId}</span> : null}
          {i.revision > 1 ? <span className="text-slate-500"> · Revision {i.revision}</span> : null}
        </p>
      </div>

      {i.status === 'submitted' && !i.signedAt ? (
        <p role="status" className="rounded-md border border-sky-200 bg-sky-50 p-3 text-sm text-sky-900">
          Submitted{i.inspectorName ? ` by ${i.inspectorName}` : ''}.{' '}
          {canSign ? (
            <a href="#certification" className="font-semibold underline">
              Review and sign it below
            </a>
          ) : (
            'Waiting for an inspector to certify it.'
          )}
        </p>
      ) : null}

      {i.status === 'draft' && i.returnedAt && i.returnComment ? (
        <ReturnedNotice
          by={returnerName ?? 'A reviewer'}
          at={formatDateTime(i.returnedAt, timeZone)}
          atIso={i.returnedAt.toISOString()}
          comment={i.returnComment}
          canEdit={canSubmit}
        />
      ) : null}

      {i.status === 'draft' && form && canSubmit ? (
        <InspectionPhotosProvider value={{ inspectionId: i.id, byItem, canUpload: hasPermission(ctx, 'org:photos:upload') }}>
          <FormRenderer
            inspectionId={i.id}
            definition={form.template.schema}
            initialValues={form.submission.data as Record<string, unknown>}
            idempotencyKey={form.submission.idempotencyKey ?? form.submission.id}
            timeZone={timeZone}
          />
        </InspectionPhotosProvider>
      ) : form ? (
        <>
          {i.status === 'draft' ? (
            <p className="text-sm text-slate-600">Draft in progress (read-only for your role).</p>
          ) : null}
          <FormView
            definition={form.template.schema}
            data={form.submission.data as Record<string, unknown>}
            timeZone={timeZone}
          />
        </>
      ) : (
        <p className="text-sm text-slate-600">{i.findings ?? 'No form recorded for this inspection.'}</p>
      )}

      {i.status !== 'draft' && form ? (
        <FailedBmpActions
          failed={failedBmps(form.template.schema, form.submission.data as Record<string, unknown>)}
          projectId={i.projectId}
          inspectionId={i.id}
          mode={hasPermission(ctx, 'org:violations:write') ? 'violation' : hasPermission(ctx, 'org:findings:report') ? 'finding' : null}
        />
      ) : null}

      {i.status !== 'draft' && photos.length ? (
        <section aria-labelledby="photos" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id="photos" className="text-lg font-semibold text-slate-900">
            Photos
          </h2>
          <div className="mt-3">
            <PhotoGrid photos={photos} />
          </div>
        </section>
      ) : null}

      {i.status !== 'draft' ? (
        <section aria-labelledby="certification" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id="certification" className="text-lg font-semibold text-slate-900">
            {osha ? 'Competent person review' : 'Certification (40 CFR 122.22(d))'}
          </h2>
          {i.inspectorName ? (
            <p className="mt-1 text-sm text-slate-600">
              Inspected by {i.inspectorName}
              {i.inspectorTitle && !legacySignerTitle ? `, ${i.inspectorTitle}` : ''}
            </p>
          ) : null}
          <div className="mt-3 space-y-4">
            {i.signedAt ? (
              <div data-testid="signature">
                <p className="text-base text-slate-900">
                  Signed by <span className="font-semibold">{i.signatureName}</span>
                  {signerTitle ? `, ${signerTitle}` : ''} on{' '}
                  <time dateTime={i.signedAt.toISOString()}>{formatDateTime(i.signedAt, timeZone)}</time>
                </p>
                {i.signatureQualifications ? (
                  <p className="mt-1 text-sm text-slate-700">Qualifications: {i.signatureQualifications}</p>
                ) : null}
                <blockquote className="mt-2 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700">
                  {i.signatureStatement}
                </blockquote>
                <p className="mt-2 text-sm text-slate-600">
                  This record can no longer change. Corrections are made as an amendment.
                </p>
                {i.recordSha256 ? <ReportDownload inspectionId={i.id} recordSha256={i.recordSha256} /> : null}
              </div>
            ) : canSign ? (
              <SignForm inspectionId={i.id} statement={certificationStatementFor(i.type)} defaultName={myName} defaultQualifications={myQualifications} />
            ) : (
              <p className="text-sm text-slate-600">An inspector with signing rights certifies it here.</p>
            )}
            {!i.signedAt && i.status === 'submitted' && canReview ? <ReturnForm inspectionId={i.id} /> : null}
            {i.signedAt && i.status === 'submitted' && canSign && !osha ? <PublishButton inspectionId={i.id} /> : null}
            {i.signedAt && canWrite && !hasAmendment ? <AmendButton inspectionId={i.id} /> : null}
          </div>
        </section>
      ) : null}

      {chain.length > 1 ? (
        <section aria-labelledby="revisions" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id="revisions" className="text-lg font-semibold text-slate-900">
            Revisions
          </h2>
          <ol className="mt-3 space-y-2">
            {chain.map((r) => (
              <li key={r.id}>
                <Link
                  href={`/inspections/${r.id}`}
                  aria-current={r.id === i.id ? 'page' : undefined}
                  className={`flex min-h-11 items-center justify-between gap-3 rounded-md px-3 ${r.id === i.id ? 'bg-brand-50 font-semibold' : 'hover:bg-slate-50'}`}
                >
                  <span>
                    Revision {r.revision}
                    {r.amendsInspectionId ? ' (amendment)' : ' (original)'}
                  </span>
                  <StatusBadge status={r.status} signed={Boolean(r.signedAt)} />
                </Link>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
