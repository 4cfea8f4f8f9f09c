'use client';

import type { RefObject } from 'react';

/**
 * "Take photo" (the camera) and "Choose photos" (the library), as big labelled
 * buttons over hidden file inputs: the one pair both photo pickers use (online
 * uploads and photos kept on the device while offline).
 */
export function PhotoPickButtons({
  id,
  label,
  onFiles,
  cameraRef,
  pickerRef,
}: {
  id: string;
  label: string;
  onFiles: (files: FileList | null) => void;
  cameraRef?: RefObject<HTMLInputElement | null>;
  pickerRef?: RefObject<HTMLInputElement | null>;
}) {
  return (
    <div className="flex flex-wrap gap-2">
      <input ref={cameraRef} id={`${id}-camera`} type="file" accept="image/*" capture="environment" className="sr-only" onChange={(e) => (onFiles(e.target.files), (e.target.value = ''))} />
      <label htmlFor={`${id}-camera`} className="inline-flex min-h-11 cursor-pointer items-center rounded-md bg-brand-700 px-4 text-sm font-semibold text-white focus-within:ring-2">
        Take photo
      </label>
      <input
        ref={pickerRef}
        id={`${id}-pick`}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/heic,image/heif"
        multiple
        className="sr-only"
        aria-label={`Choose photos for ${label}`}
        onChange={(e) => (onFiles(e.target.files), (e.target.value = ''))}
      />
      <label htmlFor={`${id}-pick`} className="inline-flex min-h-11 cursor-pointer items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold text-brand-700">
        Choose photos
      </label>
    </div>
  );
}
