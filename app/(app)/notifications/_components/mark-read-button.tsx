'use client';

import { useActionState } from 'react';
import { secondaryButtonClass } from '@/components/ui/styles';
import { markNotificationsReadAction } from '../actions/mark-notifications-read';

export function MarkReadButton() {
  const [state, action, pending] = useActionState(markNotificationsReadAction, null);
  return (
    <form action={action}>
      <button type="submit" disabled={pending} className={secondaryButtonClass}>
        {pending ? 'Marking…' : 'Mark all as read'}
      </button>
      {state && !state.ok ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {state.formError}
        </p>
      ) : null}
    </form>
  );
}
