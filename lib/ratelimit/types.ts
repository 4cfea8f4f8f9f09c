/** One limiter's answer (the fields @upstash/ratelimit returns that we use). */
export interface RateDecision {
  success: boolean;
  limit: number;
  remaining: number;
  /** When the window resets (ms since the epoch). */
  reset: number;
  /** Set when the shared store did not answer and the limiter's fail mode decided. */
  degraded?: 'open' | 'local';
}

export interface Limiter {
  readonly name: string;
  limit(identifier: string): Promise<RateDecision>;
  /** Forget `identifier` and every identifier under it (`identifier:…`): an organization's deletion (docs/deletion.md). */
  purge(identifier: string): Promise<void>;
}

/** Seconds until a denied request may be retried (at least 1). */
export function retryAfterSeconds(d: RateDecision, now = Date.now()): number {
  return Math.max(1, Math.ceil((d.reset - now) / 1000));
}
