'use client';

import { useEffect, useRef, type InputHTMLAttributes } from 'react';

/** An instant → `YYYY-MM-DDTHH:mm` in the browser's time zone (what datetime-local shows). */
function toLocalInput(at: Date): string {
  const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/**
 * A datetime-local input whose initial value is an instant shown in the
 * browser's time zone. It is filled after mount (the server can't know the
 * phone's zone, and filling it during render would mismatch on hydration).
 * `initial="now"` starts at the current time.
 */
export function LocalDateTimeInput({
  initial,
  ...props
}: { initial?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'defaultValue'>) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!ref.current || ref.current.value || !initial) return;
    ref.current.value = toLocalInput(initial === 'now' ? new Date() : new Date(initial));
  }, [initial]);
  return <input ref={ref} type="datetime-local" {...props} />;
}
