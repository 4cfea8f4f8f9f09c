// The files of the public QR page (docs/inspector-page.md): a published photo, its thumbnail or the
// published SWPPP, behind a sealed 5-minute address instead of a presigned S3 URL, so the page holds no ids.
import { isDatabaseUnavailable } from '@/lib/api/unavailable';
import { publicEndpoint } from '@/lib/endpoints/registry';
import { visitorFrom } from '@/lib/inspect/client-fingerprint';
import { openPublicFile } from '@/lib/inspect/public-files';
import { limitPublicFileRequest } from '@/lib/ratelimit/public';
import { StorageUnavailableError } from '@/lib/storage/errors';
import { contentDisposition } from '@/lib/storage/objects';

export const dynamic = 'force-dynamic';

/** As on the page: never indexed, never cached, no Referer. */
const HEADERS = {
  'Cache-Control': 'private, no-store',
  'X-Robots-Tag': 'noindex, nofollow',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
} as const;

const plain = (text: string, status: number, extra: Record<string, string> = {}) =>
  new Response(text, { status, headers: { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra } });

// GET /inspect-file/:seal - one published file of a live link; one 404 for every seal that does not open one.
export const GET = publicEndpoint(
  'public QR page files: a sealed address, re-checked through brave_public with the sealed token hash',
  async (request: Request, { params }: { params: Promise<{ seal: string }> }) => {
    const { seal } = await params;
    const limited = await limitPublicFileRequest(visitorFrom(request.headers).ipHash);
    if (!limited.ok) return plain('Too many requests.', 429, { 'Retry-After': String(limited.retryAfterSeconds) });
    try {
      const file = await openPublicFile(seal);
      if (!file) return plain('Not found.', 404);
      const headers: Record<string, string> = {
        ...HEADERS,
        'Content-Type': file.contentType,
        'Content-Disposition': contentDisposition(file.download ? 'attachment' : 'inline', file.fileName),
      };
      if (file.size !== undefined) headers['Content-Length'] = String(file.size);
      return new Response(file.body, { status: 200, headers });
    } catch (error) {
      if (error instanceof StorageUnavailableError || isDatabaseUnavailable(error)) {
        return plain('Temporarily unavailable. Please reload the page in a moment.', 503, { 'Retry-After': '5' });
      }
      throw error;
    }
  },
);
