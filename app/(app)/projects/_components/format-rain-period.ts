import { formatDateTime, formatTime, localDay } from '@/lib/format/when';

/** "Nov 22, 2026, 7:50 PM CST – 9:50 PM CST" (the end's date only when it differs). */
export function formatRainPeriod(start: Date, end: Date | null, timeZone: string): string {
  if (!end) return formatDateTime(start, timeZone);
  const endText = localDay(start, timeZone) === localDay(end, timeZone) ? formatTime(end, timeZone) : formatDateTime(end, timeZone);
  return `${formatDateTime(start, timeZone)} – ${endText}`;
}
