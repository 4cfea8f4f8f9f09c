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
    'img-src': ["'self'", 'data:', 'blob:', ...(clerk.length ? ['https://img.clerk.com'] : [])],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...clerk, ...(opts.dev ? ['ws:'] : [])],
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
