import 'server-only';
import { env } from '@/lib/env';
import { createLimiter } from './limiter';
import { PUBLIC_FILES_PER_IP, PUBLIC_PER_IP, PUBLIC_PER_TOKEN, REPEAT_THRESHOLD } from './policies';
import { repeatDetector } from './repeats';
import { retryAfterSeconds, type Limiter } from './types';

/**
 * Rate limits for the public inspector page (app/inspect/[token]), for
 * anonymous visitors: per client IP and per QR token, checked together.
 *
 *   const gate = await limitPublicRequest({ ip: clientIp(req.headers), token });
 *   if (!gate.ok) {
 *     if (gate.repeated) …record a RATE_LIMITED security event for the token's organization…
 *     return publicRateLimitedResponse(gate);           // 429 + Retry-After
 *   }
 *
 * Both limiters fail "local" (lib/ratelimit/policies.ts): with Upstash down,
 * each server still limits with its own in-memory window, never unlimited.
 * Pass the token as read from the URL: it becomes part of a Redis key, never a log line.
 */
export type PublicGate = { ok: true } | { ok: false; scope: 'ip' | 'token'; retryAfterSeconds: number; repeated: boolean };

const globals = globalThis as unknown as {
  __bravePublicLimiters?: { ip: Limiter; token: Limiter; files: Limiter; repeated: (id: string) => boolean };
};

function limiters() {
  return (globals.__bravePublicLimiters ??= {
    ip: createLimiter('public-ip', PUBLIC_PER_IP),
    token: createLimiter('public-token', PUBLIC_PER_TOKEN),
    files: createLimiter('public-files-ip', PUBLIC_FILES_PER_IP),
    repeated: repeatDetector(REPEAT_THRESHOLD, 60_000),
  });
}

export async function limitPublicRequest(who: { ip: string | null; token: string }): Promise<PublicGate> {
  if (env.RATE_LIMITS === 'off') return { ok: true };
  const l = limiters();
  // An unknown IP (no proxy header) shares one bucket: better than no limit at all.
  const checks = [
    { scope: 'ip' as const, limiter: l.ip, id: `ip:${who.ip ?? 'unknown'}` },
    { scope: 'token' as const, limiter: l.token, id: `token:${who.token}` },
  ];
  for (const c of checks) {
    const d = await c.limiter.limit(c.id);
    if (!d.success) return { ok: false, scope: c.scope, retryAfterSeconds: retryAfterSeconds(d), repeated: l.repeated(`${c.scope}:${c.id}`) };
  }
  return { ok: true };
}

/** The page's files (app/inspect-file/[seal]): per client IP only (a seal is per page view, not a guessable name). */
export async function limitPublicFileRequest(ipHash: string): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  if (env.RATE_LIMITS === 'off') return { ok: true };
  const d = await limiters().files.limit(`ip:${ipHash}`);
  return d.success ? { ok: true } : { ok: false, retryAfterSeconds: retryAfterSeconds(d) };
}

/** The client's IP as the first proxy in front of the app saw it (x-forwarded-for's first entry, or x-real-ip). */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || headers.get('x-real-ip') || null;
}

/** 429 with Retry-After, for a route handler; a page shows `gate.retryAfterSeconds` in its own words. */
export function publicRateLimitedResponse(gate: Extract<PublicGate, { ok: false }>): Response {
  return Response.json(
    { error: { code: 'rate_limited', message: `Too many requests. Please wait ${gate.retryAfterSeconds} seconds and try again.` } },
    { status: 429, headers: { 'Retry-After': String(gate.retryAfterSeconds), 'Cache-Control': 'no-store' } },
  );
}
