'use client';

import { PhotoPickButtons } from './photo-pick-buttons';
import { useEffect, useId, useMemo, useState } from 'react';
import { useQueuedPhotos } from '@/components/offline/use-queued-photos';
import { dropPhoto, keepPhoto } from '@/lib/offline/photo-store';
import { preparePhoto } from './browser-upload';

/**
 * Photos for an inspection filled without signal: resized on the phone like
 * any upload, then kept on the device (lib/offline/photo-store.ts) under the
 * queued inspection's key. They are uploaded after the inspection is recorded
 * (components/offline/photo-sender.ts); until then each shows "Kept on this device".
 */
export function OfflinePhotoPicker({
  scope,
  outboxKey,
  itemKey,
  label,
  max = 20,
}: {
  scope: string;
  outboxKey: string;
  itemKey: string;
  label: string;
  max?: number;
}) {
  const all = useQueuedPhotos(scope);
  const mine = useMemo(
    () => all.filter((p) => p.outboxKey === outboxKey && p.itemKey === itemKey),
    [all, outboxKey, itemKey],
  );
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const previews = useMemo(() => new Map(mine.map((p) => [p.id, URL.createObjectURL(p.blob)])), [mine]);
  useEffect(() => () => previews.forEach((u) => URL.revokeObjectURL(u)), [previews]);

  async function add(files: FileList | null) {
    setError(null);
    for (const file of Array.from(files ?? []).slice(0, Math.max(0, max - mine.length))) {
      const blob = await preparePhoto(file);
      const kept = await keepPhoto({
        id: crypto.randomUUID(),
        scope,
        outboxKey,
        itemKey,
        name: file.name || 'photo.jpg',
        type: blob.type || file.type || 'image/jpeg',
        blob,
        createdAt: new Date().toISOString(),
        state: 'waiting',
      });
      if (!kept) setError('This device could not keep the photo (storage full or blocked).');
    }
  }

  return (
    <section aria-label={label} className="mt-2 space-y-2">
      {mine.length ? (
        <ul className="space-y-2">
          {mine.map((p) => (
            <li key={p.id} className="flex items-center gap-3 rounded-md border border-slate-200 bg-white p-2" data-testid="kept-photo">
              {/* eslint-disable-next-line @next/next/no-img-element -- a local blob preview */}
              <img src={previews.get(p.id)} alt={`Photo ${p.name}`} className="size-14 shrink-0 rounded object-cover" />
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm text-slate-900">{p.name}</p>
                <p className="text-xs text-slate-600">Kept on this device — uploaded after the inspection is sent</p>
              </div>
              <button
                type="button"
                onClick={() => void dropPhoto(p.id)}
                className="min-h-11 rounded-md border border-slate-300 px-3 text-sm font-semibold text-slate-800"
                aria-label={`Remove ${p.name}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {mine.length < max ? (
        <PhotoPickButtons id={id} label={label} onFiles={(files) => void add(files)} />
      ) : null}
    </section>
  );
}
