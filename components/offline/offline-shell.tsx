'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { enterScope, registerWorker } from '@/lib/offline/device-scope';
import {
  markConflict,
  readOutbox,
  removeFromOutbox,
  sendItem,
  subscribeOutbox,
  type OutboxItem,
} from '@/lib/offline/outbox';
import { attachToInspection, dropPhoto } from '@/lib/offline/photo-store';
import { INSPECTION_TYPE_LABELS } from '@/lib/zod/schemas/inspections';
import { DeviceScopeContext, useDeviceScope } from './device-scope-context';
import { sendQueuedPhotos } from './photo-sender';
import { QueuedPhotoList } from './queued-photo-list';
import { useQueuedPhotos } from './use-queued-photos';

/** The crew's pages the service worker keeps for offline use (it adds the project pages the list links to). */
const WARM_PAGES = ['/dashboard', '/projects', '/inspections', '/inspections/new'];
const RETRY_MS = 20_000;

const EMPTY: OutboxItem[] = [];

function useOutbox(scope: string): OutboxItem[] {
  // A stable snapshot per stored string, as useSyncExternalStore requires.
  const cache = useRef<{ raw: string; items: OutboxItem[] }>({ raw: '', items: EMPTY });
  return useSyncExternalStore(
    subscribeOutbox,
    () => {
      const items = readOutbox(scope);
      const raw = JSON.stringify(items);
      if (raw !== cache.current.raw) cache.current = { raw, items };
      return cache.current.items;
    },
    () => EMPTY,
  );
}

/**
 * Offline support of every signed-in page: registers the service worker with
 * the member's scope (org + user), wipes another scope's device data, and
 * provides the scope to the forms and the outbox below.
 */
export function OfflineShell({ scope, children }: { scope: string; children: ReactNode }) {
  useEffect(() => {
    enterScope(scope);
    registerWorker(scope, [...WARM_PAGES, window.location.pathname]);
  }, [scope]);
  return <DeviceScopeContext.Provider value={scope}>{children}</DeviceScopeContext.Provider>;
}

/**
 * Sends the outbox when the signal is back — "3 waiting to send" until then,
 * with the server's reason for anything it refused (kept on the device).
 */
export function OutboxBanner() {
  const scope = useDeviceScope() ?? '';
  const router = useRouter();
  const items = useOutbox(scope);
  const photos = useQueuedPhotos(scope || null);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(0);
  const [photosSent, setPhotosSent] = useState(0);
  const busy = useRef(false);

  const flush = useCallback(async () => {
    if (busy.current || !navigator.onLine) return;
    busy.current = true;
    setSending(true);
    let delivered = 0;
    try {
      for (const item of readOutbox(scope).filter((i) => i.state === 'waiting')) {
        const result = await sendItem(item);
        if (result.kind === 'offline') break;
        if (result.kind === 'sent') {
          // Its photos learn the inspection's id before the item leaves the outbox, so none is orphaned.
          await attachToInspection(scope, item.idempotencyKey, result.inspectionId);
          removeFromOutbox(scope, item.idempotencyKey);
          delivered++;
        } else {
          markConflict(scope, item.idempotencyKey, result.message);
        }
      }
      // Then the photos of recorded inspections (also those an earlier visit could not finish).
      if (navigator.onLine) {
        const photosDone = (await sendQueuedPhotos(scope)).sent;
        if (photosDone) {
          setPhotosSent((n) => n + photosDone);
          router.refresh();
        }
      }
    } finally {
      busy.current = false;
      setSending(false);
    }
    if (delivered) {
      setSent((n) => n + delivered);
      router.refresh();
    }
  }, [router, scope]);

  const waiting = items.filter((i) => i.state === 'waiting').length;
  const queuedKeys = new Set(items.map((i) => i.idempotencyKey));
  // Photos of a queued or recorded inspection; those of a form never queued stay hidden until sign-out wipes them.
  const shownPhotos = photos.filter((p) => p.inspectionId || queuedKeys.has(p.outboxKey));
  const photosWaiting = shownPhotos.filter((p) => p.state !== 'refused').length;
  useEffect(() => {
    void flush(); // eslint-disable-line react-hooks/set-state-in-effect -- sends what an earlier visit queued
    const online = () => void flush();
    window.addEventListener('online', online);
    const timer = waiting || photosWaiting ? setInterval(online, RETRY_MS) : undefined;
    return () => {
      window.removeEventListener('online', online);
      if (timer) clearInterval(timer);
    };
  }, [flush, waiting, photosWaiting]);

  const refused = items.filter((i) => i.state === 'conflict');
  if (!(waiting || refused.length || sent || photosSent || shownPhotos.length)) return null;
  return (
    <div className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-950" data-testid="outbox" data-app-chrome>
      <div className="mx-auto flex max-w-3xl flex-wrap items-center gap-x-3 gap-y-1">
        <p role="status" aria-live="polite" className="font-medium">
          {[
            waiting
              ? `${waiting} waiting to send${sending ? ' — sending…' : ' — sent when you are back online'}`
              : sent
                ? `${sent} sent`
                : '',
            photosWaiting
              ? `${photosWaiting} ${photosWaiting === 1 ? 'photo' : 'photos'} waiting to send`
              : photosSent
                ? `${photosSent} ${photosSent === 1 ? 'photo' : 'photos'} attached`
                : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        {(waiting || photosWaiting) && !sending ? (
          <button
            type="button"
            onClick={() => void flush()}
            className="min-h-11 rounded-md border border-amber-400 bg-white px-3 font-semibold"
          >
            Send now
          </button>
        ) : null}
      </div>
      <QueuedPhotoList photos={shownPhotos} />
      {refused.length ? (
        <ul className="mx-auto mt-2 max-w-3xl space-y-2">
          {refused.map((item) => (
            <li
              key={item.idempotencyKey}
              role="alert"
              className="rounded-md border border-red-200 bg-white p-3 text-red-900"
            >
              <p className="font-semibold">
                Not recorded: {INSPECTION_TYPE_LABELS[item.type]} inspection at {item.projectName}
              </p>
              <p>{item.message} Your answers are kept on this device.</p>
              <details className="mt-1">
                <summary className="min-h-11 cursor-pointer content-center font-medium">Show my answers</summary>
                <pre className="mt-1 overflow-x-auto text-xs whitespace-pre-wrap">
                  {JSON.stringify(item.data, null, 2)}
                </pre>
              </details>
              <button
                type="button"
                onClick={() => {
                  if (window.confirm('Remove these answers from this device? They were not recorded.')) {
                    removeFromOutbox(scope, item.idempotencyKey);
                    for (const p of photos) if (p.outboxKey === item.idempotencyKey) void dropPhoto(p.id);
                  }
                }}
                className="mt-1 min-h-11 rounded-md border border-red-300 px-3 font-semibold"
              >
                Discard
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
