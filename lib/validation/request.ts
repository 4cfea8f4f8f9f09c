import { z } from 'zod';
import { PublicError, type ErrorBody } from '@/lib/api/errors';

/**
 * Request parsing for /api/v1 route handlers. Unlike `parseJson`, a failed
 * validation answers with every field error *structured*
 * (`error.fieldErrors`), so an integration can map them to its own fields.
 * Returned, not thrown: `tenantRoute` maps thrown errors to a code and message only.
 */

/** 400 with every field error. */
export function validationFailed(fieldErrors: Record<string, string[]>, formErrors: string[] = []): Response {
  const parts = [...formErrors, ...Object.entries(fieldErrors).map(([k, v]) => `${k}: ${v.join(', ')}`)];
  const body: ErrorBody = {
    error: { code: 'bad_request', message: parts.join('; ') || 'Invalid request.', fieldErrors },
  };
  return Response.json(body, { status: 400, headers: { 'Cache-Control': 'no-store' } });
}

function fromZod(error: z.ZodError): Response {
  const flat = z.flattenError(error);
  return validationFailed(flat.fieldErrors as Record<string, string[]>, flat.formErrors);
}

/** The JSON body parsed by `schema`, or a 400 Response. */
export async function readJsonBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S> | Response> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    return validationFailed({}, ['The request body must be JSON.']);
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return validationFailed({}, ['The request body must be a JSON object.']);
  }
  const parsed = schema.safeParse(body);
  return parsed.success ? parsed.data : fromZod(parsed.error);
}

/** The query string parsed by `schema` (each key's last value), or a 400 Response. */
export function readQuery<S extends z.ZodType>(req: Request, schema: S): z.output<S> | Response {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const parsed = schema.safeParse(params);
  return parsed.success ? parsed.data : fromZod(parsed.error);
}

const idShape = z.guid();

/**
 * A path id. Anything that is not a uuid can't name a row, so it is the same
 * 404 as a missing or foreign id (never a 500 from PostgreSQL's uuid cast).
 */
export function pathId(raw: string | undefined): string {
  const parsed = idShape.safeParse(raw);
  if (!parsed.success) throw PublicError.notFound();
  return parsed.data;
}

/** True when `value` is a Response to return as-is (a validation failure). */
export function isResponse(value: unknown): value is Response {
  return value instanceof Response;
}
