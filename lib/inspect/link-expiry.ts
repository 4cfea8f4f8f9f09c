import { startOfDayIn } from '@/lib/format/when';

/** A link that "expires on May 4" works through the end of May 4 in the site's zone. */
export function endOfDayIn(day: string, timeZone: string): Date {
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return startOfDayIn(next, timeZone);
}

/** Not revoked, and not past its expiry. */
export function isLiveLink(link: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): boolean {
  return link.revokedAt === null && (link.expiresAt === null || link.expiresAt > now);
}
