'use client';

import { zonedInputToInstant } from '@/lib/format/when';
import { useActionState, useEffect, useRef, useTransition, type FormEvent } from 'react';
import type { ActionResult } from '@/lib/actions/tenant-action';

type Action<T> = (prev: ActionResult<T> | null, input: FormData) => Promise<ActionResult<T>>;

/**
 * A form bound to a tenant action with useActionState, without React's
 * automatic reset of the form (a crew member whose submit fails keeps what
 * they typed). `prepare` may rewrite the FormData before it is sent (e.g. local
 * date-times → ISO instants). After a failed submit, focus moves to the first
 * invalid field, or to the form error when no field is at fault.
 */
export function useFormAction<T>(action: Action<T>, opts: { prepare?: (data: FormData) => void; errorId: string }) {
  const [state, dispatch, actionPending] = useActionState(action, null);
  const [transitioning, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    opts.prepare?.(data);
    startTransition(() => dispatch(data));
  }

  useEffect(() => {
    if (!state || state.ok) return;
    const form = formRef.current;
    const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? document.getElementById(opts.errorId))?.focus();
  }, [state, opts.errorId]);

  const failed = state && !state.ok ? state : undefined;
  return {
    state,
    formRef,
    onSubmit,
    pending: actionPending || transitioning,
    // The generic "Please correct the highlighted fields." is shown too: it is the alert that is announced.
    formError: failed?.formError,
    fieldErrors: (failed?.fieldErrors ?? {}) as Record<string, string[] | undefined>,
  };
}

/**
 * `<input type="datetime-local">` values, typed in the site's `timeZone` (never the phone's) →
 * ISO instants; blank stays blank, a malformed value is left for the server to reject.
 */
export function localToIso(data: FormData, timeZone: string, ...names: string[]) {
  for (const name of names) {
    const v = data.get(name);
    if (typeof v !== 'string' || v === '') continue;
    const d = zonedInputToInstant(v, timeZone);
    if (d) data.set(name, d.toISOString());
  }
}
