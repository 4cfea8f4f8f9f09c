/**
 * The Content-Security-Policy of every response, built per request around a
 * fresh nonce (Next 16's documented pattern: proxy.ts sets the policy on the
 * request, where Next reads the nonce for its own scripts, and on the
 * response). `'strict-dynamic'` + nonce: a script runs only if it carries
 * this response's nonce or was loaded by one that does, so markup injected
 * into a page (`<script>`, `onerror=`, `javascript:` URLs) cannot run.
 * See docs/architecture.md "Content-Security-Policy".
 */

interface CspOptions {
  /** Clerk mode: the Frontend API host from the publishable key (clerk-js loads from it and talks to it). */
  clerkFrontendApi?: string;
  /** `next dev` only: React's dev tooling evaluates code (never in a build). */
  dev?: boolean;
  /** Where browsers upload to (presigned POST) and load photos from (presigned GET): storageOrigins(). */
  storage?: string[];
}

/**
 * The bucket's origins as browsers reach them (docs/storage.md): the custom
 * endpoint's origin (s3rver, R2, MinIO) in path style, or the bucket's
 * virtual-host origin under that endpoint; on AWS the regional virtual-host
 * and path-style origins. Nothing when no bucket is configured.
 */
export function storageOrigins(s3: { bucket?: string; region: string; endpoint?: string; forcePathStyle?: string }): string[] {
  if (!s3.bucket) return [];
  if (s3.endpoint) {
    const url = new URL(s3.endpoint);
    const pathStyle = s3.forcePathStyle ? s3.forcePathStyle === 'true' : true;
    return pathStyle ? [url.origin] : [`${url.protocol}//${s3.bucket}.${url.host}`];
  }
  return [`https://${s3.bucket}.s3.${s3.region}.amazonaws.com`, `https://s3.${s3.region}.amazonaws.com`];
}

/** 128 random bits, base64: unguessable, and without the characters (<>&) Clerk refuses in a nonce. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, opts: CspOptions = {}): string {
  const clerk = opts.clerkFrontendApi ? [`https://${opts.clerkFrontendApi}`] : [];
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(opts.dev ? ["'unsafe-eval'"] : [])],
    // Styles: the Tailwind sheet, plus style attributes React renders (a grid's column count) and
    // Clerk's components; CSS can't run script, so inline styles stay allowed.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...(opts.storage ?? []), ...(clerk.length ? ['https://img.clerk.com'] : [])],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...(opts.storage ?? []), ...clerk, ...(opts.dev ? ['ws:'] : [])],
    'frame-src': clerk.length ? ['https://challenges.cloudflare.com'] : ["'none'"],
    'worker-src': ["'self'", 'blob:'],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
