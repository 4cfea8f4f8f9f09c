/**
 * S3 unreachable, timing out or misconfigured: answered 503 with a message
 * that says nothing was saved (lib/api/unavailable.ts maps it). Never used for
 * a refused file: that is a PublicError with the reason.
 */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
  readonly code = 'STORAGE_UNAVAILABLE';
}

/** S3's "no such object" answers, as opposed to an outage. */
export function isMissingObject(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
}

/** Run one S3 call; anything but "missing" that fails becomes StorageUnavailableError. */
export async function s3Call<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isMissingObject(error)) throw error;
    throw new StorageUnavailableError(`S3 ${what} failed: ${(error as Error)?.message ?? String(error)}`, { cause: error });
  }
}
