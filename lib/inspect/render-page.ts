import { formatCalendarDate, formatDateTimeZone, localDay, zoneName } from '@/lib/format/when';
import { formatBytes } from '@/lib/storage/rules';
import { html, safeHref, type Html } from './html';
import type { PublicPage, PublicPhoto } from './public-files';
import { CGP_NOTICE_CITATION, EPA_REPORT_STATEMENT, EPA_REPORT_URL, swpppStatement, telHref } from './site-notice';

/** "May 4, 2026, 7:30 AM EDT": the site's zone, with its abbreviation. */
function when(at: Date | null, timeZone: string): string {
  return at ? formatDateTimeZone(at, timeZone) : 'not recorded';
}

/** A calendar date column ("2026-03-01" → "Mar 1, 2026"). */
function day(iso: string | null): string {
  if (!iso) return 'not set';
  return formatCalendarDate(iso);
}

const words = (s: string) => s.replaceAll('_', ' ').replace(/^./, (c) => c.toUpperCase());

/** Coverage as of today in the site's zone: before, during or after the permit dates. */
export function coverageStatus(
  p: { permitStart: string | null; permitEnd: string | null },
  now: Date,
  timeZone: string,
) {
  const today = localDay(now, timeZone);
  if (p.permitStart && today < p.permitStart) return 'Coverage not yet started';
  if (p.permitEnd && today > p.permitEnd) return 'Coverage ended';
  return p.permitStart ? 'Covered' : 'Coverage dates not recorded';
}

interface BmpResult {
  bmpCategoryKey?: unknown;
  item?: unknown;
  /** The checklist item's wording, copied with the result (lib/inspections/form-mapping.ts); `item` is its key. */
  label?: unknown;
  result?: unknown;
  note?: unknown;
}

const RESULT_LABEL: Record<string, string> = { pass: 'Pass', fail: 'Needs work', na: 'N/A' };

function bmpTable(results: unknown, names: Map<string, string>): Html {
  const rows = (Array.isArray(results) ? (results as BmpResult[]) : []).filter((r) => r && typeof r === 'object');
  if (!rows.length) return html`<p class="muted">No BMP checklist on this report.</p>`;
  return html`<div class="scroll">
    <table>
      <caption>
        BMP checklist
      </caption>
      <thead>
        <tr>
          <th scope="col">Control (BMP)</th>
          <th scope="col">Result</th>
          <th scope="col">Note</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map((r) => {
          const key = typeof r.bmpCategoryKey === 'string' ? r.bmpCategoryKey : '';
          const result = typeof r.result === 'string' ? r.result : '';
          // Three columns fit a phone without sideways scrolling: the category sits under the item's wording.
          const label = typeof r.label === 'string' && r.label.trim() ? r.label : typeof r.item === 'string' ? words(r.item) : '';
          return html`<tr>
            <td>${label}<span class="muted">${names.get(key) ?? words(key)}</span></td>
            <td class="result result-${RESULT_LABEL[result] ? result : 'na'}">${RESULT_LABEL[result] ?? ''}</td>
            <td>${typeof r.note === 'string' ? r.note : ''}</td>
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}

const CLOSED = new Set(['fixed', 'verified']);

function actionItem(a: PublicPage['correctiveActions'][number], tz: string): Html {
  const closed = CLOSED.has(a.status);
  return html`<li class="${closed ? 'closed' : 'open'}">
    <span class="chip">${closed ? 'Closed' : 'Open'} · ${words(a.status)}</span> ${a.description}
    <span class="muted"
      >Due
      ${when(a.dueAt, tz)}${a.fixedAt ? html` · fixed ${when(a.fixedAt, tz)}` : ''}${a.verifiedAt ? html` · verified ${when(a.verifiedAt, tz)}` : ''}</span
    >
  </li>`;
}

function inspectionArticle(site: PublicPage, i: PublicPage['inspections'][number]): Html {
  const tz = site.timeZone;
  const found = site.violations.filter((v) => v.inspectionId === i.id);
  const shots = site.photos.filter((p) => p.inspectionId === i.id);
  return html`<article class="card">
    <h3>${words(i.type)} inspection · ${when(i.inspectedAt, tz)}</h3>
    <dl>
      <dt>Inspector</dt>
      <dd>${i.inspectorName ?? 'not recorded'}${i.inspectorTitle ? html`, ${i.inspectorTitle}` : ''}</dd>
      ${
        i.signatureName
          ? html`<dt>Signed</dt>
              <dd>${i.signatureName}, ${when(i.signedAt, tz)}</dd>`
          : ''
      }
      ${
        i.signatureQualifications
          ? html`<dt>Qualifications</dt>
              <dd>${i.signatureQualifications}</dd>`
          : ''
      }
      ${
        // The digest printed on the signed report's PDF (lib/inspections/record-hash.ts): the two must match.
        i.recordSha256
          ? html`<dt>Record SHA-256 (format v${String(i.recordHashVersion)})</dt>
              <dd><code class="hash">${i.recordSha256}</code></dd>`
          : ''
      }
      ${
        i.rainGaugeInches !== null
          ? html`<dt>Rain gauge</dt>
              <dd>${Number(i.rainGaugeInches).toFixed(2)} in</dd>`
          : ''
      }
      ${
        i.revision > 1
          ? html`<dt>Revision</dt>
              <dd>${i.revision} (amended report)</dd>`
          : ''
      }
    </dl>
    <h4>Findings</h4>
    <p class="text">${i.findings?.trim() || 'No findings recorded.'}</p>
    ${
      i.areasNotInspected?.trim()
        ? html`<h4>Areas not inspected</h4>
            <p class="text">${i.areasNotInspected}</p>`
        : ''
    }
    ${bmpTable(i.bmpResults, site.bmpNames)}
    ${shots.length ? photoList(shots, i, tz) : ''}
    ${
      found.length
        ? html`<h4>Problems found and corrective actions</h4>
            <ul class="violations">
              ${found.map((v) => {
                const actions = site.correctiveActions.filter((a) => a.violationId === v.id);
                return html`<li>
                  <strong>${site.violationTypeNames.get(v.violationTypeId) ?? 'Problem'}</strong>
                  (${words(v.status)})${v.location ? html` at ${v.location}` : ''}: ${v.description}
                  <span class="muted">Found ${when(v.foundAt, tz)} · fix by ${when(v.deadline, tz)}</span>
                  ${
                    actions.length
                      ? html`<ul class="actions">
                          ${actions.map((a) => actionItem(a, tz))}
                        </ul>`
                      : ''
                  }
                </li>`;
              })}
            </ul>`
        : ''
    }
  </article>`;
}

/** Sealed for 5 minutes (lib/inspect/file-seal.ts): a page left open longer shows broken images until it is reloaded. */
function photoList(shots: PublicPhoto[], i: PublicPage['inspections'][number], tz: string): Html {
  return html`<h4>Photos (${shots.length})</h4>
    <ul class="photos">
      ${shots.map((p, n) => {
        // The caption is the figcaption (text); the alt stays ours, so no uploader text sits in an attribute.
        const alt = `Photo ${n + 1} of ${shots.length}, ${words(i.type).toLowerCase()} inspection`;
        return html`<li>
          <figure>
            <a href="${safeHref(p.fullUrl)}"><img src="${safeHref(p.thumbnailUrl)}" alt="${alt}" loading="lazy" /></a>
            <figcaption>
              ${p.caption?.trim() ? html`${p.caption} · ` : ''}<span class="muted"
                >${p.takenAt ? html`Taken ${when(p.takenAt, tz)}` : 'Capture time not recorded'}</span
              >
            </figcaption>
          </figure>
        </li>`;
      })}
    </ul>`;
}

const KIND_LABEL: Record<string, string> = { 'application/pdf': 'PDF' };

/** The notice's SWPPP line: where to read it, and the current version's link when the org publishes it. */
function swpppLine(site: PublicPage): Html {
  const s = site.swppp;
  const p = site.project;
  if (!s) return html`${swpppStatement(p)}`;
  const facts = [
    s.version ? `version ${s.version}` : null,
    KIND_LABEL[s.contentType] ?? null,
    s.sizeBytes ? formatBytes(s.sizeBytes) : null,
    s.storedAt ? `uploaded ${when(s.storedAt, site.timeZone)}` : null,
  ].filter(Boolean);
  return html`${swpppStatement(p, 'page')}
    <a class="swppp" href="${safeHref(s.url)}" download>Download the current SWPPP: ${s.title}</a>
    <span class="muted">${facts.join(' · ')}. The link works for 5 minutes: reload this page for a new one.</span>`;
}

const HEAD = (title: string) =>
  html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="no-referrer" />
        <title>${title}</title>
        <link rel="stylesheet" href="/inspect.css" />
      </head>
    </html>`;

/** The whole public page for one live link: notice, permit, published inspections, corrective actions. */
export function renderPublicPage(site: PublicPage, now = new Date()): string {
  const p = site.project;
  const tz = site.timeZone;
  const open = site.correctiveActions.filter((a) => !CLOSED.has(a.status));
  const closed = site.correctiveActions.filter((a) => CLOSED.has(a.status));
  return html`${HEAD(`${p.name} — stormwater permit notice`)}
<body><main>
<header><p class="eyebrow">Stormwater permit notice</p><h1>${p.name}</h1>
<p>${p.address || ''}</p><p class="muted">Operator: ${site.companyName}</p></header>

<section aria-labelledby="notice" class="card notice">
<h2 id="notice">Notice of permit coverage</h2>
<dl>
<dt>NPDES permit tracking number</dt><dd class="big">${p.npdesPermitId ?? 'not recorded'}</dd>
<dt>Project information</dt><dd>${p.noticeContactName ?? 'not recorded'}${p.noticeContactPhone ? html` · <a href="${safeHref(telHref(p.noticeContactPhone))}">${p.noticeContactPhone}</a>` : ''}</dd>
<dt>Stormwater Pollution Prevention Plan (SWPPP)</dt><dd>${swpppLine(site)}</dd>
</dl>
<p class="report">${EPA_REPORT_STATEMENT} <a href="${EPA_REPORT_URL}">${EPA_REPORT_URL}</a></p>
<p class="cite">${CGP_NOTICE_CITATION}</p>
</section>

<section aria-labelledby="permit" class="card">
<h2 id="permit">Permit</h2>
<dl>
<dt>Status</dt><dd><span class="chip">${coverageStatus(p, now, tz)}</span> · project ${words(p.status)}</dd>
<dt>Coverage</dt><dd>${day(p.permitStart)} to ${p.permitEnd ? day(p.permitEnd) : 'open'}</dd>
</dl>
</section>

<section aria-labelledby="actions" class="card">
<h2 id="actions">Corrective actions</h2>
<p><strong>${open.length}</strong> open · <strong>${closed.length}</strong> closed</p>
${
  open.length
    ? html`<h3>Open</h3>
        <ul class="actions">
          ${open.map((a) => actionItem(a, tz))}
        </ul>`
    : ''
}
${
  closed.length
    ? html`<h3>Closed</h3>
        <ul class="actions">
          ${closed.map((a) => actionItem(a, tz))}
        </ul>`
    : ''
}
</section>

<section aria-labelledby="inspections">
<h2 id="inspections">Published inspections (${site.inspections.length})</h2>
<p class="muted">Times in the site’s time zone: ${zoneName(tz, now)}.</p>
${site.filesUnavailable ? html`<p class="muted">Photos and documents are temporarily unavailable. Please reload in a moment.</p>` : ''}
${site.inspections.length ? site.inspections.map((i) => inspectionArticle(site, i)) : html`<p>No published inspections yet.</p>`}
</section>
<footer class="muted">Read-only copy of the reports this site's operator has published.</footer>
</main></body></html>`.value;
}

/** One answer for every token that does not open a page: unknown, revoked, expired or malformed. */
export const NOT_FOUND_PAGE = html`${HEAD('Notice not found')}
<body><main><section class="card"><h1>Notice not found</h1>
<p>This link does not open a site notice. It may have been replaced or withdrawn: check the code posted at the site.</p>
</section></main></body></html>`.value;
