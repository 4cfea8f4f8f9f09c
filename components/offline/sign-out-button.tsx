'use client';

import { readOutbox } from '@/lib/offline/outbox';
import { wipeDevice } from '@/lib/offline/device-scope';
import { useDeviceScope } from './device-scope-context';

/**
 * Sign out wipes this device's copy of the organization's data (cached pages,
 * drafts, the outbox); with inspections still waiting to send it asks first.
 */
export function SignOutButton({ action }: { action: () => Promise<void> }) {
  const scope = useDeviceScope();
  return (
    <form
      action={action}
      onSubmit={(e) => {
        const waiting = scope ? readOutbox(scope).length : 0;
        if (
          waiting &&
          !window.confirm(
            `${waiting} ${waiting === 1 ? 'inspection has' : 'inspections have'} not been sent yet. Signing out removes ${waiting === 1 ? 'it' : 'them'} from this device. Sign out anyway?`,
          )
        ) {
          e.preventDefault();
          return;
        }
        wipeDevice();
      }}
    >
      <button type="submit" className="block min-h-11 w-full rounded px-2 text-left text-sm hover:bg-slate-100">
        Sign out
      </button>
    </form>
  );
}
