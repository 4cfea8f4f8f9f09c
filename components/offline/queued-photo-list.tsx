'use client';

import { dropPhoto, type QueuedPhoto } from '@/lib/offline/photo-store';

const STATE_TEXT: Record<QueuedPhoto['state'], string> = {
  waiting: 'Waiting to send',
  uploading: 'Uploading',
  refused: 'Not attached',
};

/** Each kept photo with its state: waiting (inspection not recorded yet, or no signal), uploading with progress, refused with why. */
export function QueuedPhotoList({ photos }: { photos: QueuedPhoto[] }) {
  if (!photos.length) return null;
  return (
    <ul className="mx-auto mt-2 max-w-3xl space-y-1" aria-label="Photos on this device" data-testid="queued-photos">
      {photos.map((p) => (
        <li key={p.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md bg-white/70 px-2 py-1" data-state={p.state}>
          <span className="min-w-0 flex-1 truncate">{p.name}</span>
          {p.state === 'uploading' ? (
            <progress className="h-2 w-24 accent-brand-700" max={1} value={p.progress ?? 0} aria-label={`Uploading ${p.name}`} />
          ) : null}
          <span className={p.state === 'refused' ? 'font-semibold text-red-800' : 'font-medium'}>
            {p.state === 'uploading' ? `${STATE_TEXT.uploading} ${Math.round((p.progress ?? 0) * 100)}%` : STATE_TEXT[p.state]}
            {p.state === 'waiting' && !p.inspectionId ? ' (after its inspection)' : ''}
          </span>
          {p.state === 'refused' ? (
            <>
              <span role="alert" className="w-full text-red-900">
                {p.message}
              </span>
              <button
                type="button"
                onClick={() => {
                  if (window.confirm('Remove this photo from this device? It was not attached.')) void dropPhoto(p.id);
                }}
                className="min-h-11 rounded-md border border-red-300 px-3 font-semibold text-red-900"
              >
                Discard photo
              </button>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
