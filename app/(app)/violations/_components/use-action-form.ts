'use client';

import { useActionState, useTransition, type FormEvent } from 'react';
import type { ActionResult } from '@/lib/actions/tenant-action';

type Action<T> = (prev: ActionResult<T> | null, input: FormData) => Promise<ActionResult<T>>;

/**
 * A form bound to a tenant action without React's automatic form reset: a
 * crew member whose submit fails validation keeps everything they typed.
 * Adds the browser's time-zone offset (`tzOffset`) so typed local times mean
 * local times.
 */
export function useActionForm<T>(action: Action<T>) {
  const [state, dispatch, pending] = useActionState(action, null);
  const [transitioning, startTransition] = useTransition();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    if (submitter instanceof HTMLButtonElement && submitter.name) data.set(submitter.name, submitter.value);
    data.set('tzOffset', String(new Date().getTimezoneOffset()));
    startTransition(() => dispatch(data));
  }
  const errors = state && !state.ok ? state : undefined;
  return {
    state,
    pending: pending || transitioning,
    onSubmit,
    formError: errors?.formError,
    fieldErrors: (errors?.fieldErrors ?? {}) as Record<string, string[] | undefined>,
  };
}
