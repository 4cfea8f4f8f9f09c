import type { PhotoView } from '@/lib/files/download';

/** Stored photos as thumbnails with their capture time; a flag when capture and upload disagree. */
export function PhotoGrid({ photos }: { photos: PhotoView[] }) {
  if (!photos.length) return null;
  return (
    <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3" aria-label="Photos">
      {photos.map((p) => (
        <li key={p.id} className="overflow-hidden rounded-md border border-slate-200 bg-white">
          <a href={p.href} target="_blank" rel="noreferrer" className="block">
            {/* eslint-disable-next-line @next/next/no-img-element -- a presigned storage URL, not an optimizable asset */}
            <img src={p.thumbnailUrl} alt={p.caption ?? `Photo ${p.fileName}`} className="aspect-[4/3] w-full object-cover" loading="lazy" />
          </a>
          <div className="p-2 text-xs">
            {p.takenAtLabel ? (
              <p className="text-slate-800" data-testid="photo-taken-at">
                Taken <time dateTime={p.takenAt ?? undefined}>{p.takenAtLabel}</time>
              </p>
            ) : (
              <p className="text-slate-600">No capture time in the file</p>
            )}
            {p.suspectLabel ? (
              <p className="mt-1 rounded bg-amber-100 px-1 font-semibold text-amber-900" role="note">
                ⚠ {p.suspectLabel}
              </p>
            ) : null}
            {p.latitude !== null && p.longitude !== null ? (
              <p className="text-slate-600">
                {p.latitude.toFixed(5)}, {p.longitude.toFixed(5)}
              </p>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
