/**
 * Is this error the database being unreachable (stopped, restarting, failing
 * over), as opposed to a bug? Such requests answer 503 with Retry-After, and
 * the pool reconnects by itself once the server is back.
 */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down)
  '53300', // too_many_connections
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('08'))) return true;
    // AggregateError from a failed connect to several addresses (localhost → ::1 and 127.0.0.1).
    if (e instanceof AggregateError && e.errors.some((x) => isDatabaseUnavailable(x))) return true;
  }
  return false;
}

export const UNAVAILABLE_MESSAGE = 'The service is temporarily unavailable. Please try again in a moment.';

/**
 * SQLSTATE class 22 (data exception): a value PostgreSQL can't store, such as
 * a NUL character in text or a number out of range. Input a validator let
 * through, not a bug of ours: answered as a 400, never a 500.
 */
export function isUnstorableInput(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) return true;
  }
  return false;
}

export const UNSTORABLE_MESSAGE = 'Some of the text or numbers can’t be stored (for example a NUL character or a number out of range). Please check the input.';

/** lib/storage/errors.ts StorageUnavailableError (by its code: no import of server-only code here). */
export function isStorageUnavailable(error: unknown): boolean {
  return (error as { code?: unknown })?.code === 'STORAGE_UNAVAILABLE';
}

export const STORAGE_UNAVAILABLE_MESSAGE = 'File storage is temporarily unavailable. Nothing was saved; please try again in a moment.';
