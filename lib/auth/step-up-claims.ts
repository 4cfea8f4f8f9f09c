/**
 * Step-up verification for sensitive actions (docs/auth.md, "Step-up"): the
 * session must have verified a second factor within STEP_UP_MINUTES.
 *
 * Clerk puts the factor ages in the session token's `fva` claim: [minutes since
 * the first factor, minutes since the second factor], -1 for "never in this
 * session". The ages are as of the token's `iat`: Clerk's tokens live 60 s, so
 * that is "now", but a local-mode token (lib/auth/local-session.ts) can be hours
 * old, so the minutes elapsed since `iat` are added. Stricter than Clerk's
 * `strict_mfa` in one way on purpose: a session with no second factor at all
 * (age -1) never passes, where Clerk would accept a fresh password alone.
 */
export const STEP_UP_MINUTES = 10;

export function secondFactorFresh(claims: unknown, now: Date): boolean {
  if (!claims || typeof claims !== 'object') return false;
  const { fva, iat } = claims as { fva?: unknown; iat?: unknown };
  if (!Array.isArray(fva) || fva.length !== 2 || typeof iat !== 'number' || !Number.isFinite(iat)) return false;
  const [first, second] = fva as unknown[];
  if (!Number.isInteger(first) || !Number.isInteger(second)) return false;
  if ((second as number) < 0 || (first as number) < 0) return false;
  const elapsed = Math.max(0, Math.floor((now.getTime() / 1000 - iat) / 60));
  return (second as number) + elapsed < STEP_UP_MINUTES && (first as number) + elapsed < STEP_UP_MINUTES;
}
