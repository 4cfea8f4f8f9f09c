/**
 * What the posted notice of permit coverage shows, per EPA's 2022 Construction
 * General Permit, Part 1.5 (as recalled, not checked against the permit text
 * offline: see docs/inspector-page.md). Shared by the printed poster and the
 * public page so the two never say different things.
 */

export const CGP_NOTICE_CITATION =
  'EPA 2022 Construction General Permit (CGP), Part 1.5 — posting notice of permit coverage';

export const EPA_REPORT_URL = 'https://www.epa.gov/enforcement/report-environmental-violation';

/** Part 1.5's statement on reporting indicators of stormwater pollutants (recalled wording). */
export const EPA_REPORT_STATEMENT =
  'If you observe indicators of stormwater pollutants in the stormwater discharge from this site, contact the EPA through the following website:';

export interface NoticeFields {
  npdesPermitId: string | null;
  noticeContactName: string | null;
  noticeContactPhone: string | null;
  swpppLocation: string | null;
}

/** Where an online copy of the SWPPP is, when the org shows its current version on the public page. */
export type SwpppOnline = 'none' | 'poster' | 'page';

const ONLINE: Record<Exclude<SwpppOnline, 'none'>, string> = {
  poster: 'The current SWPPP can be read online: scan the QR code on this notice.',
  page: 'The current SWPPP can be read online: see the link below.',
};

/**
 * Where the SWPPP can be read: the location the org typed, plus the online copy
 * when it publishes one (the QR code's page on the poster, the link on that
 * page), or Part 1.5's fallback statement when neither is there.
 */
export function swpppStatement(p: NoticeFields, online: SwpppOnline = 'none'): string {
  const typed = p.swpppLocation?.trim();
  // The typed location ends a sentence before the online line follows it.
  const location = typed && online !== 'none' && !/[.!?]$/.test(typed) ? `${typed}.` : typed;
  const parts = [location, online === 'none' ? undefined : ONLINE[online]].filter(Boolean);
  return parts.length
    ? parts.join(' ')
    : 'If you would like to obtain a copy of the Stormwater Pollution Prevention Plan (SWPPP) for this site, contact the EPA Regional Office for this state.';
}

/** Fields Part 1.5 requires that are still empty: the links page warns before a poster is printed. */
export function missingNoticeFields(p: NoticeFields): string[] {
  const missing: string[] = [];
  if (!p.npdesPermitId?.trim()) missing.push('NPDES permit ID');
  if (!p.noticeContactName?.trim()) missing.push('contact name');
  if (!p.noticeContactPhone?.trim()) missing.push('contact phone');
  return missing;
}

/** `tel:` form of a phone number as typed ("(555) 010-2000" → "tel:5550102000"). */
export function telHref(phone: string): string {
  const digits = phone.replace(/[^0-9+]/g, '');
  return digits ? `tel:${digits}` : '#';
}
