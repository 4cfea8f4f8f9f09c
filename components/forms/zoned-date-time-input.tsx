'use client';

import { useEffect, useRef, useState, type ComponentProps } from 'react';
import { inputClass } from '@/components/ui/styles';
import { formatDateTime, instantToZonedInput, zoneAbbreviation, zonedInputToInstant } from '@/lib/format/when';

/**
 * A `datetime-local` input typed in the SITE's time zone, never the phone's:
 * it starts at `initial` (an ISO instant) shown in `timeZone` — the same on
 * the server and every phone, so no hydration mismatch — shows the zone's
 * abbreviation for the typed date beside it (CDT in May, CST in January), and
 * `useFormAction` sends it as a UTC instant. A time inside a spring-forward gap
 * is shifted forward by the skipped hour, and the readback says so; the
 * repeated hour of a fall-back is its first (daylight) occurrence
 * (`zonedInputToInstant`, docs/time-zones.md).
 */
export function ZonedDateTimeInput({
  timeZone,
  initial,
  className = '',
  ...props
}: { timeZone: string; initial?: string | null } & Omit<ComponentProps<'input'>, 'type' | 'defaultValue' | 'value'>) {
  const ref = useRef<HTMLInputElement>(null);
  const start = initial ? instantToZonedInput(new Date(initial), timeZone) : '';
  const [typed, setTyped] = useState(start);
  // Native listener: a restored local draft sets the value without React's onChange.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => setTyped(el.value);
    el.addEventListener('input', update);
    el.addEventListener('change', update);
    return () => {
      el.removeEventListener('input', update);
      el.removeEventListener('change', update);
    };
  }, []);
  const at = typed ? zonedInputToInstant(typed, timeZone) : null;
  const shifted = at && instantToZonedInput(at, timeZone) !== typed;
  const readbackId = props.id ? `${props.id}-zone` : undefined;
  const describedBy = [props['aria-describedby'], readbackId].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <div className="flex items-center gap-2">
        <input
          ref={ref}
          type="datetime-local"
          data-time-zone={timeZone}
          defaultValue={start}
          {...props}
          aria-describedby={describedBy}
          className={`${inputClass} ${className}`}
        />
        <span className="shrink-0 text-sm font-semibold text-slate-700" aria-hidden="true">
          {zoneAbbreviation(at ?? new Date(), timeZone)}
        </span>
      </div>
      <p id={readbackId} className="mt-0.5 text-xs text-slate-600">
        {at
          ? `${shifted ? 'That time is skipped when clocks spring forward: saved as ' : 'Site time: '}${formatDateTime(at, timeZone)}`
          : `Site time, ${timeZone.replaceAll('_', ' ')}`}
      </p>
    </div>
  );
}
