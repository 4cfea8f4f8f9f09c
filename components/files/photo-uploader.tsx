'use client';

import { PhotoPickButtons } from './photo-pick-buttons';
import { useId, useRef, useState } from 'react';
import { confirmPhotoUploadAction } from '@/app/(app)/photos/actions/confirm-photo-upload';
import { requestPhotoUploadAction } from '@/app/(app)/photos/actions/request-photo-upload';
import type { PhotoView } from '@/lib/files/download';
import { postToStorage, preparePhoto } from './browser-upload';
import { PhotoGrid } from './photo-grid';

export type PhotoTarget = { inspectionId: string; bmpItemKey?: string } | { violationId: string } | { correctiveActionId: string };

type Item = {
  key: string;
  name: string;
  preview: string;
  progress: number;
  phase: 'preparing' | 'uploading' | 'checking' | 'failed';
  error?: string;
  file: File;
};

/**
 * Photos for one place (a failed BMP item, a violation, a close-out): take one
 * with the camera or pick several; each is resized on the phone, sent straight
 * to storage with a progress bar, checked by the server, then shown with its
 * capture time. A failed one keeps its place with the reason and a Retry.
 */
export function PhotoUploader({
  target,
  label,
  initial,
  canUpload,
  max = 20,
}: {
  target: PhotoTarget;
  label: string;
  initial: PhotoView[];
  canUpload: boolean;
  max?: number;
}) {
  const [done, setDone] = useState<PhotoView[]>(initial);
  const [items, setItems] = useState<Item[]>([]);
  const camera = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const id = useId();
  const patch = (key: string, p: Partial<Item>) => setItems((all) => all.map((i) => (i.key === key ? { ...i, ...p } : i)));

  async function send(item: Item) {
    try {
      patch(item.key, { phase: 'preparing', progress: 0, error: undefined });
      const blob = await preparePhoto(item.file);
      const ticket = await requestPhotoUploadAction(null, {
        ...target,
        fileName: item.name,
        contentType: blob.type || item.file.type,
        sizeBytes: blob.size,
      });
      if (!ticket.ok) throw new Error(ticket.formError ?? 'The upload was refused.');
      patch(item.key, { phase: 'uploading' });
      await postToStorage(ticket.data.upload, blob, (f) => patch(item.key, { progress: f }));
      patch(item.key, { phase: 'checking', progress: 1 });
      const confirmed = await confirmPhotoUploadAction(null, { id: ticket.data.id });
      if (!confirmed.ok) throw new Error(confirmed.formError ?? 'The photo was refused.');
      setDone((d) => [...d, confirmed.data]);
      setItems((all) => all.filter((i) => i.key !== item.key));
      URL.revokeObjectURL(item.preview);
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : 'The upload failed.';
      patch(item.key, { phase: 'failed', error: navigator.onLine ? message : 'No signal — retry when you are back online.' });
    }
  }

  function add(files: FileList | null) {
    const room = Math.max(0, max - done.length - items.length);
    const fresh = Array.from(files ?? [])
      .slice(0, room)
      .map((file) => ({
        key: `${file.name}-${file.size}-${Math.random().toString(36).slice(2)}`,
        name: file.name || 'photo.jpg',
        preview: URL.createObjectURL(file),
        progress: 0,
        phase: 'preparing' as const,
        file,
      }));
    setItems((all) => [...all, ...fresh]);
    // Two at a time: several phones' worth of photos shouldn't choke one cellular link.
    void (async () => {
      const queue = [...fresh];
      await Promise.all([0, 1].map(async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await send(next);
      }));
    })();
  }

  return (
    <section aria-label={label} className="mt-2 space-y-2">
      <PhotoGrid photos={done} />
      {items.length ? (
        <ul className="space-y-2" aria-live="polite">
          {items.map((item) => (
            <li key={item.key} className="flex items-center gap-3 rounded-md border border-slate-200 bg-white p-2">
              {/* eslint-disable-next-line @next/next/no-img-element -- a local blob preview */}
              <img src={item.preview} alt="" className="size-14 shrink-0 rounded object-cover" />
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm text-slate-900">{item.name}</p>
                {item.phase === 'failed' ? (
                  <p role="alert" className="text-sm text-red-700">
                    {item.error}
                  </p>
                ) : (
                  <>
                    <progress
                      className="mt-1 h-2 w-full accent-brand-700"
                      max={1}
                      value={item.phase === 'preparing' ? undefined : item.progress}
                      aria-label={`Uploading ${item.name}`}
                    />
                    <p className="text-xs text-slate-600">
                      {item.phase === 'preparing' ? 'Preparing…' : item.phase === 'checking' ? 'Checking…' : `Uploading ${Math.round(item.progress * 100)}%`}
                    </p>
                  </>
                )}
              </div>
              {item.phase === 'failed' ? (
                <button type="button" onClick={() => void send(item)} className="min-h-11 rounded-md border border-slate-300 px-3 text-sm font-semibold text-brand-700">
                  Retry
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canUpload && done.length + items.length < max ? (
        <PhotoPickButtons id={id} label={label} onFiles={(files) => add(files)} cameraRef={camera} pickerRef={picker} />
      ) : null}
    </section>
  );
}
