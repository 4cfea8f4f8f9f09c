// The public page behind the QR code posted at a site (docs/inspector-page.md): plain server HTML,
// no sign-in, no client JavaScript, read through the brave_public role only.
import { isDatabaseUnavailable } from '@/lib/api/unavailable';
import { publicEndpoint } from '@/lib/endpoints/registry';
import { visitorFrom } from '@/lib/inspect/client-fingerprint';
import { checkInspectLimits } from '@/lib/inspect/limits';
import { openPublicSite } from '@/lib/inspect/open-site';
import { recordMiss, recordView } from '@/lib/inspect/record-visit';
import { NOT_FOUND_PAGE, renderPublicPage } from '@/lib/inspect/render-page';
import { hashToken } from '@/lib/inspect/token';

export const dynamic = 'force-dynamic';

/** On every answer, found or not: never indexed, never cached, never leaking the token in a Referer. */
const HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'private, no-store',
  'X-Robots-Tag': 'noindex, nofollow',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
} as const;

const page = (body: string, status: number, extra: Record<string, string> = {}) =>
  new Response(body, { status, headers: { ...HEADERS, ...extra } });

// GET /inspect/:token - the site's permit notice and its published inspections; one 404 for every wrong token.
export const GET = publicEndpoint(
  'public QR inspector page: its own door (brave_public, token hash only)',
  async (request: Request, { params }: { params: Promise<{ token: string }> }) => {
    const { token } = await params;
    const visitor = visitorFrom(request.headers);
    const limited = await checkInspectLimits(visitor, hashToken(token.slice(0, 256)));
    if (!limited.ok) {
      return page(
        '<!doctype html><title>Too many requests</title><p>Too many requests. Please wait a moment.</p>',
        429,
        {
          'Retry-After': String(limited.retryAfterSeconds),
        },
      );
    }
    try {
      const opened = await openPublicSite(token);
      if (!opened.ok) {
        await recordMiss(visitor);
        return page(NOT_FOUND_PAGE, 404);
      }
      await recordView(opened.link, visitor);
      return page(renderPublicPage(opened.site), 200);
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        return page(
          '<!doctype html><title>Unavailable</title><p>The notice is temporarily unavailable. Please try again in a moment.</p>',
          503,
          { 'Retry-After': '5' },
        );
      }
      throw error;
    }
  },
);
