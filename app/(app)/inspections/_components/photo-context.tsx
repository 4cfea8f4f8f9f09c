'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { PhotoUploader } from '@/components/files/photo-uploader';
import type { PhotoView } from '@/lib/files/download';

export interface InspectionPhotos {
  inspectionId: string;
  /** Photos of one BMP checklist item, by item key; `''` for the inspection's general photos. */
  byItem: Record<string, PhotoView[]>;
  canUpload: boolean;
}

const Ctx = createContext<InspectionPhotos | null>(null);

/** The page's stored photos, for the form fields deep inside the renderer. */
export function InspectionPhotosProvider({ value, children }: { value: InspectionPhotos; children: ReactNode }) {
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

function useInspectionPhotos(): InspectionPhotos | null {
  return useContext(Ctx);
}

/** Photos of one failed BMP item (or, with itemKey '', of the inspection as a whole). */
export function InspectionPhotoField({ itemKey, label, max }: { itemKey: string; label: string; max?: number }) {
  const photos = useInspectionPhotos();
  if (!photos) return null;
  return (
    <PhotoUploader
      target={itemKey ? { inspectionId: photos.inspectionId, bmpItemKey: itemKey } : { inspectionId: photos.inspectionId }}
      label={label}
      initial={photos.byItem[itemKey] ?? []}
      canUpload={photos.canUpload}
      max={max}
    />
  );
}
