import { formatDateTime } from '@/lib/format/when';

const time = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone, timeStyle: 'short' }).format(at);
const day = (at: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(at);

/** "Nov 22, 2026, 7:50 PM – 9:50 PM" (the end's date only when it differs). */
export function formatRainPeriod(start: Date, end: Date | null, timeZone: string): string {
  if (!end) return formatDateTime(start, timeZone);
  const endText = day(start, timeZone) === day(end, timeZone) ? time(end, timeZone) : formatDateTime(end, timeZone);
  return `${formatDateTime(start, timeZone)} – ${endText}`;
}
