'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { OfflinePhotoPicker } from '@/components/files/offline-photo-picker';
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

/** Without signal there is no inspection yet: photos are kept on the device under the queued inspection's key. */
export interface OfflinePhotos {
  scope: string;
  outboxKey: string;
}
const OfflineCtx = createContext<OfflinePhotos | null>(null);

export function OfflinePhotosProvider({ value, children }: { value: OfflinePhotos; children: ReactNode }) {
  return <OfflineCtx.Provider value={value}>{children}</OfflineCtx.Provider>;
}

/** Photos of one failed BMP item (or, with itemKey '', of the inspection as a whole). */
export function InspectionPhotoField({ itemKey, label, max }: { itemKey: string; label: string; max?: number }) {
  const photos = useInspectionPhotos();
  const offline = useContext(OfflineCtx);
  if (offline)
    return <OfflinePhotoPicker scope={offline.scope} outboxKey={offline.outboxKey} itemKey={itemKey} label={label} max={max} />;
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
