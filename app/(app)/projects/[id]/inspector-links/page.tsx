import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Card } from '@/components/ui/card';
import { requireTenantPage } from '@/lib/auth/session';
import { hasPermission } from '@/lib/auth/tenant-context';
import { formatDateTimeZone, localDay } from '@/lib/format/when';
import { CGP_NOTICE_CITATION } from '@/lib/inspect/site-notice';
import { CreateLinkForm } from './_components/create-link-form';
import { LinkControls } from './_components/link-controls';
import { PublicSwpppForm } from './_components/public-swppp-form';
import { SiteNoticeForm } from './_components/site-notice-form';
import { loadInspectorLinks } from './load-inspector-links';

export const metadata: Metadata = { title: 'Inspector links' };

const STATE_LABEL = { live: 'Live', revoked: 'Revoked', expired: 'Expired' } as const;

/** The day a stored expiry instant falls on in the site's zone, for the date input. */
const dayIn = localDay;

/**
 * QR links of one project: the public page an inspector opens at the site.
 * Owners, admins and superintendents (org:projects:write) manage them.
 */
export default async function InspectorLinksPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireTenantPage();
  if (!hasPermission(ctx, 'org:projects:write')) notFound();
  const { id } = await params;
  const data = await loadInspectorLinks(ctx, id);
  if (!data) notFound();
  const { project: p, timeZone: tz } = data;

  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <Link
        href={`/projects/${p.id}`}
        className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline"
      >
        ← {p.name}
      </Link>
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Inspector links and site notice</h1>
        <p className="mt-1 text-sm text-slate-600">
          The poster is the notice of permit coverage posted at the site ({CGP_NOTICE_CITATION}). Its QR code opens a
          public, read-only page with the permit and the inspections you have published — nothing unpublished.
        </p>
      </div>

      <Card title="Site notice">
        {data.missing.length ? (
          <p className="mb-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" role="note">
            Part 1.5 asks the notice to show: {data.missing.join(', ')} {data.missing.length === 1 ? 'is' : 'are'} still
            empty{data.missing.includes('NPDES permit ID') ? ' (set the permit ID on the project’s Edit page)' : ''}.
          </p>
        ) : null}
        <SiteNoticeForm
          projectId={p.id}
          noticeContactName={p.noticeContactName}
          noticeContactPhone={p.noticeContactPhone}
          swpppLocation={p.swpppLocation}
        />
      </Card>

      <Card title="SWPPP on the public page">
        <PublicSwpppForm
          projectId={p.id}
          current={
            data.swppp.current
              ? { ...data.swppp.current, storedLabel: formatDateTimeZone(data.swppp.current.storedAt, tz) }
              : null
          }
          shown={data.swppp.shown}
        />
      </Card>

      <Card title="New link and poster">
        <CreateLinkForm projectId={p.id} project={p} />
      </Card>

      <section
        aria-labelledby="links-heading"
        className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
      >
        <h2 id="links-heading" className="text-base font-semibold text-slate-900">
          Links ({data.links.length})
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Each view of the public page is recorded with its time, a hash of the visitor’s IP address and their browser.
          Times in {tz.replaceAll('_', ' ')}.
        </p>
        {data.links.length ? (
          <ul className="mt-3 divide-y divide-slate-200" aria-label="Inspector links">
            {data.links.map((l) => (
              <li key={l.id} className="py-4" data-testid="inspector-link">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <p className="font-semibold text-slate-900">{l.label ?? 'Unlabelled link'}</p>
                  <span className="rounded-full border border-slate-300 px-2 text-xs font-semibold text-slate-800">
                    {STATE_LABEL[l.state]}
                  </span>
                </div>
                <p className="text-sm text-slate-600">
                  Created {formatDateTimeZone(l.createdAt, tz)}
                  {l.expiresAt
                    ? ` · ${l.state === 'expired' ? 'expired' : 'expires'} ${formatDateTimeZone(l.expiresAt, tz)}`
                    : ' · no expiry'}
                  {l.revokedAt ? ` · revoked ${formatDateTimeZone(l.revokedAt, tz)}` : ''}
                </p>
                <p className="text-sm text-slate-800">
                  {l.views} view{l.views === 1 ? '' : 's'}
                  {l.lastViewedAt ? ` · last ${formatDateTimeZone(new Date(l.lastViewedAt), tz)}` : ''}
                </p>
                {l.recentViews.length ? (
                  <details className="mt-1 text-sm">
                    <summary className="min-h-11 cursor-pointer content-center font-medium text-brand-700">
                      Recent views
                    </summary>
                    <ul className="mt-1 space-y-1">
                      {l.recentViews.map((v) => (
                        <li key={`${v.viewedAt.toISOString()}-${v.ipHash}`} className="break-words text-slate-700">
                          {formatDateTimeZone(v.viewedAt, tz)} · IP #{v.ipHash.slice(0, 10)} ·{' '}
                          {v.userAgent ?? 'no browser name'}
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
                {l.state !== 'revoked' ? (
                  <LinkControls
                    linkId={l.id}
                    label={l.label ?? 'Unlabelled link'}
                    expiresOn={l.expiresAt ? dayIn(l.expiresAt, tz) : ''}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-3 text-sm text-slate-600">No links yet.</p>
        )}
      </section>
    </div>
  );
}
