'use client';

import { postToStorage } from '@/components/files/browser-upload';
import { dropPhoto, listPhotos, updatePhoto, type QueuedPhoto } from '@/lib/offline/photo-store';

type Outcome = 'sent' | 'offline' | 'refused';

async function errorMessage(res: Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? `The server refused it (${res.status}).`;
}

/** 401 (signed out), 429, 5xx and no network: try again later; any other refusal is shown and kept. */
const retryLater = (status: number) => status === 401 || status === 429 || status >= 500;

/**
 * One kept photo through the presigned flow, on stable URLs (a queue made
 * before a deploy still sends after it): POST /api/v1/photos with the
 * device's photo id → the bytes straight to storage → POST …/confirm. Every
 * step may be repeated: the id makes the server find the same row, so the
 * photo is attached once however often the signal drops in between.
 */
async function sendOne(photo: QueuedPhoto & { inspectionId: string }): Promise<Outcome> {
  await updatePhoto(photo.id, { state: 'uploading', progress: 0, message: undefined });
  const refuse = async (message: string) => (await updatePhoto(photo.id, { state: 'refused', message }), 'refused' as const);
  const later = async () => (await updatePhoto(photo.id, { state: 'waiting', progress: 0 }), 'offline' as const);
  try {
    const ticketRes = await fetch('/api/v1/photos', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: photo.id,
        inspectionId: photo.inspectionId,
        ...(photo.itemKey ? { bmpItemKey: photo.itemKey } : {}),
        fileName: photo.name,
        contentType: photo.type,
        sizeBytes: photo.blob.size,
      }),
    });
    if (!ticketRes.ok) return retryLater(ticketRes.status) ? later() : refuse(await errorMessage(ticketRes));
    const ticket = (await ticketRes.json()) as { stored?: true; upload?: { url: string; fields: Record<string, string> } };
    if (!ticket.stored && ticket.upload) {
      let last = 0;
      await postToStorage(ticket.upload, photo.blob, (f) => {
        // A progress event per chunk would be an IndexedDB write per chunk: a step of 10 % is enough to see.
        if (f - last >= 0.1 || f === 1) void updatePhoto(photo.id, { progress: (last = f) });
      });
      const confirmed = await fetch(`/api/v1/photos/${photo.id}/confirm`, { method: 'POST' });
      if (!confirmed.ok) {
        // 409 "no file has arrived yet" is worth another try; 422 (the file itself was refused) is not.
        if (retryLater(confirmed.status) || confirmed.status === 409) return later();
        return refuse(await errorMessage(confirmed));
      }
    }
    await dropPhoto(photo.id);
    return 'sent';
  } catch {
    return later();
  }
}

/** Sends every kept photo whose inspection is recorded, one at a time (a cellular link, not a LAN). */
export async function sendQueuedPhotos(scope: string): Promise<{ sent: number; offline: boolean }> {
  let sent = 0;
  for (const photo of await listPhotos(scope)) {
    if (!photo.inspectionId || photo.state === 'refused') continue;
    const outcome = await sendOne({ ...photo, inspectionId: photo.inspectionId });
    if (outcome === 'offline') return { sent, offline: true };
    if (outcome === 'sent') sent++;
  }
  return { sent, offline: false };
}
