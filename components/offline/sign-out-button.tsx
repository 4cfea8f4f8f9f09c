'use client';

import { useRef } from 'react';
import { readOutbox } from '@/lib/offline/outbox';
import { wipeDevice } from '@/lib/offline/device-scope';
import { wipePhotos } from '@/lib/offline/photo-store';
import { useDeviceScope } from './device-scope-context';

/**
 * Sign out wipes this device's copy of the organization's data (cached pages,
 * drafts, the outbox); with inspections still waiting to send it asks first.
 */
export function SignOutButton({ action }: { action: () => Promise<void> }) {
  const scope = useDeviceScope();
  // IndexedDB is asynchronous: the kept photos are deleted before the sign-out request leaves.
  const photosWiped = useRef(false);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (photosWiped.current) return;
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
        e.preventDefault();
        const form = e.currentTarget;
        void wipePhotos().finally(() => {
          photosWiped.current = true;
          form.requestSubmit();
        });
      }}
    >
      <button type="submit" className="block min-h-11 w-full rounded px-2 text-left text-sm hover:bg-slate-100">
        Sign out
      </button>
    </form>
  );
}
