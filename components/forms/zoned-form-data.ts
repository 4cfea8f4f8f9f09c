import { zonedInputToInstant } from '@/lib/format/when';

/** A `datetime-local` control of a form and the site zone it is typed in. */
export interface ZonedControl {
  name: string;
  value: string;
  timeZone: string;
}

/**
 * Replace each typed site time in `data` by its UTC ISO instant, read in the
 * control's own zone (the project's, never the phone's). Blank stays blank; a
 * malformed value is left as typed for the server's schema to reject.
 */
export function instantsFromZonedControls(data: FormData, controls: ZonedControl[]): void {
  for (const { name, value, timeZone } of controls) {
    if (!name || value === '') continue;
    const at = zonedInputToInstant(value, timeZone);
    if (at) data.set(name, at.toISOString());
  }
}

/** The zoned controls of a form element (`ZonedDateTimeInput` marks them with `data-time-zone`). */
export function zonedControlsOf(form: HTMLFormElement): ZonedControl[] {
  return [...form.querySelectorAll<HTMLInputElement>('input[data-time-zone]')].map((el) => ({
    name: el.name,
    value: el.value,
    timeZone: el.dataset.timeZone ?? 'UTC',
  }));
}
