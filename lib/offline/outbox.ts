/**
 * Inspections completed without signal, waiting on this device to be sent
 * (localStorage `brave-forms:outbox:<orgId>:<userId>`). Each item carries the
 * idempotency key it was created with, so a send whose answer was lost is a
 * replay on the server, never a second record. Browser-only; see docs/offline.md.
 */
import type { FormValues } from '@/lib/zod/schemas/forms';
import type { InspectionType } from '@/lib/zod/schemas/inspections';

type OutboxState = 'waiting' | 'conflict';

export interface OutboxItem {
  idempotencyKey: string;
  projectId: string;
  projectName: string;
  type: InspectionType;
  data: FormValues;
  createdAt: string;
  state: OutboxState;
  /** Why the server refused it (changed or signed meanwhile, form changed): shown to the crew, data kept. */
  message?: string;
}

const EVENT = 'brave-forms:outbox';
const keyOf = (scope: string) => `brave-forms:outbox:${scope}`;

export function readOutbox(scope: string): OutboxItem[] {
  try {
    const raw = window.localStorage.getItem(keyOf(scope));
    const list = raw ? (JSON.parse(raw) as unknown) : [];
    return Array.isArray(list) ? (list as OutboxItem[]) : [];
  } catch {
    return [];
  }
}

function write(scope: string, items: OutboxItem[]): boolean {
  try {
    if (items.length) window.localStorage.setItem(keyOf(scope), JSON.stringify(items));
    else window.localStorage.removeItem(keyOf(scope));
    window.dispatchEvent(new Event(EVENT));
    return true;
  } catch {
    return false;
  }
}

/** Queues an inspection; false when the device can't store it (storage full or blocked). */
export function enqueue(scope: string, item: OutboxItem): boolean {
  const items = readOutbox(scope).filter((i) => i.idempotencyKey !== item.idempotencyKey);
  return write(scope, [...items, item]);
}

export function removeFromOutbox(scope: string, idempotencyKey: string): void {
  write(
    scope,
    readOutbox(scope).filter((i) => i.idempotencyKey !== idempotencyKey),
  );
}

export function markConflict(scope: string, idempotencyKey: string, message: string): void {
  write(
    scope,
    readOutbox(scope).map((i) => (i.idempotencyKey === idempotencyKey ? { ...i, state: 'conflict', message } : i)),
  );
}

/** For useSyncExternalStore: changes in this tab (the event) and in other tabs (storage). */
export function subscribeOutbox(onChange: () => void): () => void {
  window.addEventListener(EVENT, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener('storage', onChange);
  };
}

export type SendResult =
  { kind: 'sent'; inspectionId: string } | { kind: 'refused'; message: string } | { kind: 'offline' };

/**
 * Sends one item to POST /api/v1/inspections/completed (a stable URL, unlike a
 * server action id, so a queue survives a deploy while the phone is offline).
 */
export async function sendItem(item: OutboxItem): Promise<SendResult> {
  let res: Response;
  try {
    res = await fetch('/api/v1/inspections/completed', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        idempotencyKey: item.idempotencyKey,
        projectId: item.projectId,
        type: item.type,
        data: item.data,
      }),
    });
  } catch {
    return { kind: 'offline' };
  }
  if (res.ok) {
    const body = (await res.json()) as { inspectionId: string };
    return { kind: 'sent', inspectionId: body.inspectionId };
  }
  // Signed out or the server is down: keep it waiting, try again later.
  if (res.status === 401 || res.status === 429 || res.status >= 500) return { kind: 'offline' };
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return { kind: 'refused', message: body?.error?.message ?? `The server refused it (${res.status}).` };
}
