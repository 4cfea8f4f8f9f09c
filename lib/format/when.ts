/**
 * Dates as crews read them, in the organization's time zone (compliance
 * settings), rendered on the server so every phone shows the same thing.
 */

/** "May 4, 2026, 7:30 AM" */
export function formatDateTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** "May 4" (or "May 4, 2025" outside the current year). */
export function formatDay(at: Date, timeZone: string, now = new Date()): string {
  const sameYear =
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(at) ===
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(now);
  return new Intl.DateTimeFormat('en-US', { timeZone, month: 'short', day: 'numeric', ...(sameYear ? {} : { year: 'numeric' }) }).format(at);
}

/** "3 days" / "5 hours" / "less than an hour": the distance between two instants, for "overdue by …". */
export function formatDistance(from: Date, to: Date): string {
  const ms = Math.abs(to.getTime() - from.getTime());
  const hours = Math.floor(ms / 3_600_000);
  if (hours < 1) return 'less than an hour';
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'}`;
  const days = Math.floor(hours / 24);
  return `${days} days`;
}
