/**
 * Photos taken without signal, kept on this device (IndexedDB: photos are
 * blobs, too big for localStorage) until their inspection is recorded and the
 * photo is uploaded through the presigned flow. Each record carries the scope
 * `<orgId>:<userId>` (lib/offline/device-scope.ts) and the idempotency key of
 * the queued inspection it belongs to; another scope's records are deleted on
 * scope change and everything on sign-out. Browser-only; see docs/offline.md.
 */

type QueuedPhotoState = 'waiting' | 'uploading' | 'refused';

export interface QueuedPhoto {
  /** Made on the device when the photo was taken; the server's photo id (a resend finds the same row). */
  id: string;
  scope: string;
  /** The outbox item (its idempotency key) the photo belongs to. */
  outboxKey: string;
  /** Set once the inspection is recorded: the photo can be sent. */
  inspectionId?: string;
  /** '' for the inspection's general photos, else the BMP checklist item. */
  itemKey: string;
  name: string;
  type: string;
  blob: Blob;
  createdAt: string;
  state: QueuedPhotoState;
  /** Upload progress 0–1 while uploading. */
  progress?: number;
  /** Why the server refused it (shown, photo kept until discarded). */
  message?: string;
}

const DB_NAME = 'brave-forms-photos';
const STORE = 'photos';
const EVENT = 'brave-forms:photos';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      const store = req.result.createObjectStore(STORE, { keyPath: 'id' });
      store.createIndex('scope', 'scope');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'));
  });
}

/** One transaction on the store; resolves with the request's result once the transaction committed. */
async function run<T>(mode: IDBTransactionMode, op: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  const db = await open();
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = op(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req ? req.result : undefined);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
    });
  } finally {
    db.close();
  }
}

const changed = () => window.dispatchEvent(new Event(EVENT));

/** Keeps a photo; false when the device can't (storage full, private mode without IndexedDB). */
export async function keepPhoto(photo: QueuedPhoto): Promise<boolean> {
  try {
    await run('readwrite', (s) => s.put(photo));
    changed();
    return true;
  } catch {
    return false;
  }
}

/** This scope's photos, oldest first (nothing when IndexedDB is unavailable). */
export async function listPhotos(scope: string): Promise<QueuedPhoto[]> {
  try {
    const all = (await run<QueuedPhoto[]>('readonly', (s) => s.index('scope').getAll(scope))) ?? [];
    return all.sort((x, y) => x.createdAt.localeCompare(y.createdAt));
  } catch {
    return [];
  }
}

export async function updatePhoto(id: string, patch: Partial<QueuedPhoto>): Promise<void> {
  try {
    const db = await open();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      const get = store.get(id);
      get.onsuccess = () => {
        if (get.result) store.put({ ...(get.result as QueuedPhoto), ...patch });
      };
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
    });
    db.close();
    changed();
  } catch {
    // Kept as it was; the next send tries again.
  }
}

export async function dropPhoto(id: string): Promise<void> {
  try {
    await run('readwrite', (s) => s.delete(id));
    changed();
  } catch {
    // nothing to drop
  }
}

/** The photos of a queued inspection now recorded as `inspectionId`: from here on they can be sent. */
export async function attachToInspection(scope: string, outboxKey: string, inspectionId: string): Promise<void> {
  for (const p of await listPhotos(scope)) {
    if (p.outboxKey === outboxKey && !p.inspectionId) await updatePhoto(p.id, { inspectionId });
  }
}

/**
 * Deletes every kept photo not in `keepScope` (all of them without one): on a
 * scope change and on sign-out, like the drafts and the outbox.
 */
export async function wipePhotos(keepScope?: string): Promise<void> {
  try {
    if (!keepScope) {
      await run('readwrite', (s) => s.clear());
    } else {
      const db = await open();
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(STORE, 'readwrite');
        const cursor = tx.objectStore(STORE).openCursor();
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (!c) return;
          if ((c.value as QueuedPhoto).scope !== keepScope) c.delete();
          c.continue();
        };
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB wipe failed'));
      });
      db.close();
    }
    changed();
  } catch {
    // No IndexedDB: nothing was kept.
  }
}

export function subscribePhotos(onChange: () => void): () => void {
  window.addEventListener(EVENT, onChange);
  return () => window.removeEventListener(EVENT, onChange);
}
