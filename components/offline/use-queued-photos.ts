'use client';

import { useEffect, useState } from 'react';
import { listPhotos, subscribePhotos, type QueuedPhoto } from '@/lib/offline/photo-store';

/** This scope's kept photos, re-read whenever the store changes (IndexedDB has no synchronous read). */
export function useQueuedPhotos(scope: string | null): QueuedPhoto[] {
  const [photos, setPhotos] = useState<QueuedPhoto[]>([]);
  useEffect(() => {
    if (!scope) return;
    let live = true;
    const load = () => void listPhotos(scope).then((p) => live && setPhotos(p));
    load();
    const stop = subscribePhotos(load);
    return () => {
      live = false;
      stop();
    };
  }, [scope]);
  return photos;
}
