'use client';

import { useActionState, useEffect, useRef, useTransition, type FormEvent } from 'react';
import type { ActionResult } from '@/lib/actions/tenant-action';
import { instantsFromZonedControls, zonedControlsOf } from './zoned-form-data';

/** A tenant action as a form calls it (`useActionState`). */
export type FormAction<T> = (prev: ActionResult<T> | null, input: FormData) => Promise<ActionResult<T>>;

/**
 * THE hook for a form bound to a tenant action (`useActionState`):
 * - no automatic reset (a crew member whose submit fails keeps what they typed);
 * - the clicked submit button's `name=value` is sent (forms with several buttons);
 * - every `ZonedDateTimeInput` is sent as a UTC ISO instant read in its site's
 *   zone, never the phone's;
 * - after a failed submit, focus moves to the first invalid field, else to the
 *   form error (`errorId`), so the problem is announced.
 * `prepare` may rewrite the FormData last.
 */
export function useFormAction<T>(
  action: FormAction<T>,
  /** `focus: 'error'`: after a failed submit focus the error summary, not the first invalid field (a form that lists every error). */
  opts: { prepare?: (data: FormData) => void; errorId?: string; focus?: 'field' | 'error' } = {},
) {
  const [state, dispatch, actionPending] = useActionState(action, null);
  const [transitioning, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const { prepare, errorId, focus = 'field' } = opts;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    if (submitter instanceof HTMLButtonElement && submitter.name) data.set(submitter.name, submitter.value);
    instantsFromZonedControls(data, zonedControlsOf(form));
    prepare?.(data);
    startTransition(() => dispatch(data));
  }

  useEffect(() => {
    if (!state || state.ok) return;
    const invalid = focus === 'field' ? formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') : null;
    (invalid ?? (errorId ? document.getElementById(errorId) : null))?.focus();
  }, [state, errorId, focus]);

  const failed = state && !state.ok ? state : undefined;
  return {
    state,
    formRef,
    onSubmit,
    pending: actionPending || transitioning,
    formError: failed?.formError,
    fieldErrors: (failed?.fieldErrors ?? {}) as Record<string, string[] | undefined>,
  };
}
