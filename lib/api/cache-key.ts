import { createHash } from 'node:crypto';

/**
 * A tenant-cache key for a validated query: `prefix:` + a digest of its JSON
 * (zod's output, so equal queries give equal keys whatever the URL's order).
 * The tenant is not part of it: lib/cache binds every key to the org itself.
 */
export function queryCacheKey(prefix: string, query: unknown): string {
  return `${prefix}:${createHash('sha256').update(JSON.stringify(query ?? null)).digest('base64url').slice(0, 32)}`;
}
