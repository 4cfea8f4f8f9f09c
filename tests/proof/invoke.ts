/**
 * Calling a discovered endpoint in-process as a given tenant: actions with a
 * plain-object input, route handlers with a Request. Next's control-flow
 * throws (redirect, notFound) become outcomes, as the framework would make them.
 */
import type { Json } from './sample-input';

export interface Outcome {
  /** HTTP status, or for an action: 200 ok, 400/403/404/409 by its form error, 303 redirect, 500 generic failure. */
  status: number;
  text: string;
  ok: boolean;
  fieldErrors?: Record<string, string[]>;
}

const GENERIC = 'Something went wrong';

function nextControlFlow(error: unknown): Outcome | undefined {
  const digest = (error as { digest?: unknown })?.digest;
  if (typeof digest !== 'string') return undefined;
  if (digest.startsWith('NEXT_REDIRECT')) return { status: 303, text: digest, ok: true };
  if (digest.includes(';404')) return { status: 404, text: 'not found', ok: false };
  if (digest.includes(';403')) return { status: 403, text: 'forbidden', ok: false };
  return undefined;
}

type ActionFn = (prev: unknown, input: Record<string, Json>) => Promise<unknown>;
type RouteFn = (req: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;

export async function invokeAction(fn: unknown, input: Record<string, Json>): Promise<Outcome> {
  try {
    const result = (await (fn as ActionFn)(null, input)) as
      | { ok: true; data: unknown }
      | { ok: false; formError?: string; fieldErrors?: Record<string, string[]> }
      | null
      | undefined;
    const text = JSON.stringify(result ?? null);
    if (!result || result.ok) return { status: 200, text, ok: true };
    const formError = result.formError ?? '';
    const status = formError.startsWith(GENERIC)
      ? 500
      : /not found/i.test(formError)
        ? 404
        : /permission/i.test(formError)
          ? 403
          : 400;
    return { status, text, ok: false, fieldErrors: result.fieldErrors };
  } catch (error) {
    const flow = nextControlFlow(error);
    if (flow) return flow;
    return { status: 500, text: `thrown: ${String(error)}`, ok: false };
  }
}

export interface RouteCall {
  method: string;
  path: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export async function invokeRoute(fn: unknown, call: RouteCall): Promise<Outcome> {
  const url = new URL(`http://app.test${call.path}`);
  for (const [k, v] of Object.entries(call.query ?? {})) url.searchParams.set(k, v);
  const hasBody = call.method !== 'GET' && call.method !== 'HEAD';
  const req = new Request(url, {
    method: call.method,
    headers: { 'content-type': 'application/json', ...call.headers },
    body: hasBody ? (call.rawBody ?? JSON.stringify(call.body ?? {})) : undefined,
  });
  try {
    const res = await (fn as RouteFn)(req, { params: Promise.resolve(call.params ?? {}) });
    const text = await res.text();
    let fieldErrors: Record<string, string[]> | undefined;
    try {
      fieldErrors = findFieldErrors(JSON.parse(text));
    } catch {
      // not JSON
    }
    return { status: res.status, text, ok: res.status < 300, fieldErrors };
  } catch (error) {
    const flow = nextControlFlow(error);
    if (flow) return flow;
    return { status: 500, text: `thrown: ${String(error)}`, ok: false };
  }
}

function findFieldErrors(body: unknown): Record<string, string[]> | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const o = body as Record<string, unknown>;
  if (o.fieldErrors && typeof o.fieldErrors === 'object') return o.fieldErrors as Record<string, string[]>;
  for (const v of Object.values(o)) {
    const found = findFieldErrors(v);
    if (found) return found;
  }
  return undefined;
}
