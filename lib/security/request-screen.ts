import { NextResponse, type NextRequest } from 'next/server';
import { authorizedPartiesFor, browserOrigin, type AuthConfig } from '@/lib/auth/config';
import { isApiRoute } from '@/lib/auth/routes';

/**
 * Cheap checks the proxy makes before Clerk and the framework see a request,
 * each answered with a clear 4xx instead of what the framework would do with
 * it (often a 500). See docs/architecture.md "What the proxy screens".
 */

/** Next's default server-action body limit (next.config `serverActions.bodySizeLimit` is not changed). */
const ACTION_BODY_LIMIT = 1024 * 1024;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The request header Next's client sends with a server action call. */
const ACTION_HEADER = 'next-action';
/** What a server action id looks like (hex, Next 16: 40–42 chars). */
const ACTION_ID = /^[0-9a-f]{2,64}$/i;

function refuse(req: NextRequest, status: 400 | 403 | 405 | 413 | 415, code: string, message: string, headers: Record<string, string> = {}) {
  const init = { status, headers: { 'Cache-Control': 'no-store', ...headers } };
  if (isApiRoute(req.nextUrl.pathname)) {
    return NextResponse.json({ error: { code, message } }, init);
  }
  return new NextResponse(`${message}\n`, { ...init, headers: { ...init.headers, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** A Clerk session cookie (`__session`, or a suffixed `__session_<x>` in Clerk mode) or its client_uat sibling. */
function carriesSession(req: NextRequest): boolean {
  return req.cookies.getAll().some(({ name }) => /^__(session|client_uat)(_|$)/.test(name));
}

/**
 * The origins a state-changing request may come from: the request's own
 * origin (scheme, host and port, as the browser addressed us), and with
 * APP_ORIGINS only if that origin is one of the configured ones. A sibling
 * tenant subdomain is another origin, so it is refused too.
 */
function sameOrigin(req: NextRequest, config: AuthConfig, origin: string): boolean {
  const own = browserOrigin(req);
  if (origin !== own.origin) return false;
  return !config.appOrigins.length || authorizedPartiesFor(config, own).includes(origin);
}

/**
 * CSRF, enforced for every state-changing request (any method but GET, HEAD,
 * OPTIONS) that carries the session cookie — server actions, the JSON API
 * (whatever its content type, `text/plain` included), sign-in and sign-out —
 * before the framework runs. `SameSite=Lax` alone does not stop a sibling
 * subdomain, and Next's own action check compares the host only (not the
 * scheme) and answers a mismatch with 500.
 *
 * A browser sends `Origin` with every such request; one without it is not a
 * browser (curl, a script holding the cookie), which CSRF is not about —
 * unless Fetch Metadata says the request came from another site.
 */
export function checkOrigin(req: NextRequest, config: AuthConfig): Response | undefined {
  if (SAFE_METHODS.has(req.method) || !carriesSession(req)) return undefined;
  const origin = req.headers.get('origin');
  const site = req.headers.get('sec-fetch-site');
  const ok = origin === null ? site === null || site === 'same-origin' || site === 'none' : sameOrigin(req, config, origin);
  if (ok) return undefined;
  return refuse(req, 403, 'forbidden', 'Cross-origin request refused.');
}

/**
 * Server-action requests the framework would answer with 500 while decoding,
 * screened by what the headers already say. What remains (a body that lies
 * about its length, malformed JSON or multipart inside a well-formed
 * envelope, deep nesting) is a framework limit, pinned by
 * e2e/framework-limits.spec.ts.
 */
export function screenServerAction(req: NextRequest): Response | undefined {
  if (req.method !== 'POST') return undefined;
  const actionId = req.headers.get(ACTION_HEADER);
  const type = (req.headers.get('content-type') ?? '').toLowerCase();
  const multipart = type.startsWith('multipart/form-data');
  if (actionId === null && !multipart) return undefined; // not a server action (route handlers take any POST)
  if (isApiRoute(req.nextUrl.pathname)) return undefined; // route handlers parse their own bodies

  if (actionId !== null) {
    if (!ACTION_ID.test(actionId)) return refuse(req, 400, 'bad_request', 'Malformed server action id.');
    if (!multipart && !type.startsWith('text/plain')) {
      return refuse(req, 415, 'unsupported_media_type', 'A server action body is text/plain or multipart/form-data.');
    }
  }
  if (multipart && !/;\s*boundary=("?)[^";]{1,70}\1\s*(;|$)/i.test(type)) {
    return refuse(req, 400, 'bad_request', 'multipart/form-data without a valid boundary.');
  }
  const length = req.headers.get('content-length');
  if (length !== null) {
    const bytes = Number(length);
    if (!Number.isSafeInteger(bytes) || bytes < 0) return refuse(req, 400, 'bad_request', 'Invalid Content-Length.');
    if (bytes === 0) return refuse(req, 400, 'bad_request', 'Empty server action body.');
    if (bytes > ACTION_BODY_LIMIT) return refuse(req, 413, 'payload_too_large', 'The request body is larger than 1 MB.');
  }
  if (isPageWithoutActions(req.nextUrl.pathname)) {
    return refuse(req, 405, 'method_not_allowed', 'This page has no server actions.', { Allow: 'GET, HEAD' });
  }
  return undefined;
}

/** Pages that define no server action (a POST there can only be forged): the landing page, the public QR page. */
function isPageWithoutActions(pathname: string): boolean {
  return pathname === '/' || pathname.startsWith('/inspect/') || pathname === '/robots.txt';
}

/** Deepest nesting of `[`/`{` in a JSON text, outside strings. */
function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') max = Math.max(max, ++depth);
    else if (c === ']' || c === '}') depth--;
  }
  return max;
}

/** The body, read up to `limit` bytes; `undefined` when it is longer (a chunked body has no Content-Length to check). */
async function readCapped(req: NextRequest, limit: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const reader = req.clone().body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Nesting deeper than any argument our actions take; the framework's decoder fails far below V8's limit. */
const ACTION_MAX_DEPTH = 32;

/**
 * The body of a server-action request, read (a copy; the framework gets its
 * own) and checked for what makes the framework's decoder throw (500): a
 * body over the limit without a Content-Length, `text/plain` that is not a
 * JSON array or nests deeper than ACTION_MAX_DEPTH, multipart that does not
 * parse. (A well-formed array holding references the decoder can't resolve,
 * e.g. `["$Q1"]`, is a framework limit: e2e/framework-limits.spec.ts.) Runs
 * after screenServerAction, so only well-formed envelopes get here.
 */
export async function screenServerActionBody(req: NextRequest): Promise<Response | undefined> {
  if (req.method !== 'POST' || isApiRoute(req.nextUrl.pathname)) return undefined;
  const type = (req.headers.get('content-type') ?? '').toLowerCase();
  const multipart = type.startsWith('multipart/form-data');
  if (req.headers.get(ACTION_HEADER) === null && !multipart) return undefined;

  const body = await readCapped(req, ACTION_BODY_LIMIT);
  if (!body) return refuse(req, 413, 'payload_too_large', 'The request body is larger than 1 MB.');
  if (!body.byteLength) return refuse(req, 400, 'bad_request', 'Empty server action body.');
  if (multipart) {
    try {
      const original = req.headers.get('content-type') ?? ''; // the boundary is case-sensitive
      await new Request('http://body.invalid/', { method: 'POST', headers: { 'content-type': original }, body }).formData();
    } catch {
      return refuse(req, 400, 'bad_request', 'The multipart body does not parse.');
    }
    return undefined;
  }
  let text: string;
  let args: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    args = JSON.parse(text);
  } catch {
    return refuse(req, 400, 'bad_request', 'A server action body must be JSON.');
  }
  // React encodes an action's arguments as one array (encodeReply(args)); anything else is forged.
  if (!Array.isArray(args)) return refuse(req, 400, 'bad_request', 'A server action body must be an array of arguments.');
  if (jsonDepth(text) > ACTION_MAX_DEPTH) return refuse(req, 400, 'bad_request', 'The request body nests too deeply.');
  return undefined;
}

/** What pages answer (route handlers declare their own methods, and Next answers 405 for the rest). */
const PAGE_METHODS = new Set(['GET', 'HEAD', 'POST', 'OPTIONS']);

/**
 * Methods a page does not take: Next renders the page for PUT/DELETE/PATCH
 * (200). 405 instead. (TRACE never gets here: the Fetch API refuses to build a
 * request with it, and Next answers 500 before the proxy runs — a framework
 * limit, pinned in e2e/framework-limits.spec.ts.)
 */
export function screenMethod(req: NextRequest): Response | undefined {
  if (isApiRoute(req.nextUrl.pathname) || PAGE_METHODS.has(req.method)) return undefined;
  return refuse(req, 405, 'method_not_allowed', 'Method not allowed.', { Allow: 'GET, HEAD, POST' });
}

/**
 * `/_next/static/*` is files: GET and HEAD. Next answers other methods there
 * with 500 (an open Next.js issue); answer 405 instead.
 */
export function screenStaticAsset(req: NextRequest): Response | undefined {
  if (!req.nextUrl.pathname.startsWith('/_next/static/')) return undefined;
  if (req.method === 'GET' || req.method === 'HEAD') return NextResponse.next();
  return refuse(req, 405, 'method_not_allowed', 'Method not allowed.', { Allow: 'GET, HEAD' });
}
