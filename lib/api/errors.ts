import {
  isDatabaseUnavailable,
  isStorageUnavailable,
  isUnstorableInput,
  STORAGE_UNAVAILABLE_MESSAGE,
  UNAVAILABLE_MESSAGE,
  UNSTORABLE_MESSAGE,
} from './unavailable';

/**
 * The one error type whose message a user may see. Everything else is logged
 * and answered with a generic message (never a stack, a SQL error or an id
 * from another tenant).
 */
const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class PublicError extends Error {
  readonly code: ErrorCode;
  override readonly name = 'PublicError';
  /** Every field's errors (400s from zod), so an API client can show all of them at once. */
  readonly fieldErrors?: Record<string, string[]>;

  /** A 429's `Retry-After` (seconds). */
  retryAfterSeconds?: number;

  constructor(code: ErrorCode, message: string, fieldErrors?: Record<string, string[]>) {
    super(message);
    this.code = code;
    if (fieldErrors && Object.keys(fieldErrors).length) this.fieldErrors = fieldErrors;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  static unauthorized(message = 'Sign in to continue.') {
    return new PublicError('unauthorized', message);
  }
  static forbidden(message = 'You do not have permission to do that.') {
    return new PublicError('forbidden', message);
  }
  /** Same body for "missing" and "belongs to another tenant" (docs/design.md §4). */
  static notFound(message = 'Not found.') {
    return new PublicError('not_found', message);
  }
  static badRequest(message: string, fieldErrors?: Record<string, string[]>) {
    return new PublicError('bad_request', message, fieldErrors);
  }
  static conflict(message: string) {
    return new PublicError('conflict', message);
  }
  /** A rate limit (lib/ratelimit): 429 with `Retry-After`, or this message on a form. */
  static rateLimited(retryAfterSeconds: number) {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    const e = new PublicError('rate_limited', `Too many requests. Please wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`);
    e.retryAfterSeconds = seconds;
    return e;
  }
}

export function isPublicError(error: unknown): error is PublicError {
  return error instanceof PublicError;
}

export interface ErrorBody {
  error: { code: ErrorCode | 'internal' | 'unavailable'; message: string; fieldErrors?: Record<string, string[]> };
}

export const GENERIC_MESSAGE = 'Something went wrong. Please try again.';

/** JSON response for an error thrown by a route handler. Unknown errors are logged, not shown. */
export function errorResponse(error: unknown): Response {
  // Checked first: an S3 connection error carries ECONNREFUSED too, but the message must name storage.
  if (isStorageUnavailable(error) || isDatabaseUnavailable(error)) {
    const message = isStorageUnavailable(error) ? STORAGE_UNAVAILABLE_MESSAGE : UNAVAILABLE_MESSAGE;
    if (isStorageUnavailable(error)) console.warn(String(error));
    return Response.json({ error: { code: 'unavailable', message } } satisfies ErrorBody, {
      status: 503,
      headers: { 'Cache-Control': 'no-store', 'Retry-After': '5' },
    });
  }
  if (isUnstorableInput(error)) {
    return Response.json({ error: { code: 'bad_request', message: UNSTORABLE_MESSAGE } } satisfies ErrorBody, {
      status: 400,
      headers: { 'Cache-Control': 'no-store' },
    });
  }
  if (isPublicError(error)) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.fieldErrors) body.error.fieldErrors = error.fieldErrors;
    const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
    if (error.retryAfterSeconds !== undefined) headers['Retry-After'] = String(error.retryAfterSeconds);
    return Response.json(body, { status: error.status, headers });
  }
  console.error(error);
  return Response.json({ error: { code: 'internal', message: GENERIC_MESSAGE } } satisfies ErrorBody, {
    status: 500,
    headers: { 'Cache-Control': 'no-store' },
  });
}
