'use client';

import { useState } from 'react';
import {
  CGP_NOTICE_CITATION,
  EPA_REPORT_STATEMENT,
  EPA_REPORT_URL,
  swpppStatement,
  type NoticeFields,
} from '@/lib/inspect/site-notice';
import { primaryButtonClass, secondaryButtonClass } from '@/components/ui/styles';

export interface PosterProps {
  url: string;
  /** SVG markup made on the server by `qrcode` from our own URL (lib/inspect/poster-qr.ts). */
  qrSvg: string;
  /** swpppPublic: the project shows its current SWPPP on the public page, so the poster says so. */
  project: NoticeFields & { name: string; address: string; swpppPublic?: boolean; operatorName?: string | null; logoUrl?: string };
}

/**
 * The printable notice of permit coverage (EPA 2022 CGP Part 1.5) with the QR
 * code of the public page. Print keeps only this poster (app/globals.css), on
 * US Letter or A4.
 */
export function SiteNoticePoster({ url, qrSvg, project }: PosterProps) {
  const [paper, setPaper] = useState<'letter' | 'a4'>('letter');
  const print = (size: 'letter' | 'a4') => {
    setPaper(size);
    // After React has applied data-paper, so the named @page matches.
    requestAnimationFrame(() => window.print());
  };
  return (
    <div className="mt-4 space-y-3">
      <div className="flex flex-col gap-2 sm:flex-row">
        <button type="button" className={primaryButtonClass} onClick={() => print('letter')}>
          Print poster (US Letter)
        </button>
        <button type="button" className={secondaryButtonClass} onClick={() => print('a4')}>
          Print poster (A4)
        </button>
      </div>
      <article
        className="site-poster mx-auto max-w-[8.5in] rounded-lg border-4 border-black bg-white p-6 text-black"
        data-paper={paper}
        data-testid="site-poster"
        aria-label="Site notice poster"
      >
        {project.logoUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- a presigned storage URL, not an optimizable asset
          <img src={project.logoUrl} alt={project.operatorName ? `${project.operatorName} logo` : 'Operator logo'} className="float-right ml-4 max-h-20 max-w-40 object-contain print:max-h-24" />
        ) : null}
        <p className="text-sm font-bold tracking-widest uppercase print:text-base">Stormwater discharge permit</p>
        <h2 className="mt-1 text-3xl leading-tight font-extrabold print:text-4xl">Notice of NPDES permit coverage</h2>
        <p className="mt-2 text-xl font-bold print:text-2xl">{project.name}</p>
        {project.address ? <p className="text-lg print:text-xl">{project.address}</p> : null}
        <dl className="mt-4 space-y-3 text-lg print:mt-5 print:space-y-3 print:text-xl">
          <div>
            <dt className="font-bold">NPDES permit tracking number</dt>
            <dd className="text-3xl font-extrabold tracking-wide print:text-5xl">
              {project.npdesPermitId ?? 'NOT SET'}
            </dd>
          </div>
          <div>
            <dt className="font-bold">For project information, contact</dt>
            <dd>
              {project.noticeContactName ?? 'NOT SET'}
              {project.noticeContactPhone ? ` · ${project.noticeContactPhone}` : ''}
            </dd>
          </div>
          <div>
            <dt className="font-bold">Stormwater Pollution Prevention Plan (SWPPP)</dt>
            <dd>{swpppStatement(project, project.swpppPublic ? 'poster' : 'none')}</dd>
          </div>
        </dl>
        <p className="mt-4 text-lg font-semibold print:mt-6 print:text-xl">
          {EPA_REPORT_STATEMENT} <span className="[overflow-wrap:anywhere]">{EPA_REPORT_URL}</span>
        </p>
        <div className="mt-5 flex flex-col items-center gap-2 border-t-2 border-black pt-4 sm:flex-row sm:items-start sm:gap-5">
          {/* Server-made SVG of our own URL (lib/inspect/poster-qr.ts): no user text in it. */}
          <div
            className="poster-qr h-56 w-56 shrink-0 [&_svg]:h-full [&_svg]:w-full"
            dangerouslySetInnerHTML={{ __html: qrSvg }}
          />
          <div>
            <p className="text-lg font-bold print:text-xl">
              Scan for this site&apos;s permit status and published inspection reports.
            </p>
            <p className="mt-1 text-xs [overflow-wrap:anywhere]">{url}</p>
          </div>
        </div>
        <p className="mt-4 text-xs">{CGP_NOTICE_CITATION}.</p>
      </article>
    </div>
  );
}
