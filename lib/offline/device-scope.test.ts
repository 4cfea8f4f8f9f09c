import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * Tenant data on the device is keyed by org AND user and wiped on an org
 * switch or another user (enterScope) and on sign-out (wipeDevice); the
 * outbox keeps a refused inspection's answers with the server's reason.
 * A Map-backed localStorage stands in for the browser's.
 */
const wipePhotos = vi.fn(async (_keep?: string) => undefined);
vi.mock('./photo-store', () => ({ wipePhotos: (keep?: string) => wipePhotos(keep) }));

const { enterScope, wipeDevice } = await import('./device-scope');
const { enqueue, markConflict, readOutbox, sendItem } = await import('./outbox');

function storage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    key: (i: number) => [...m.keys()][i] ?? null,
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, String(v)),
    removeItem: (k: string) => void m.delete(k),
    clear: () => m.clear(),
  };
}

const A = 'org_acme:user_carlos';
const SWITCHED = 'org_bolt:user_carlos';
const item = (key: string) => ({
  idempotencyKey: key,
  projectId: 'p1',
  projectName: 'Riverside',
  type: 'routine' as const,
  data: { weather: 'Overcast' },
  createdAt: '2026-12-01T12:00:00.000Z',
  state: 'waiting' as const,
});

beforeEach(() => {
  vi.stubGlobal('window', Object.assign(new EventTarget(), { localStorage: storage() }));
  vi.stubGlobal('navigator', {});
  wipePhotos.mockClear();
});
afterEach(() => vi.unstubAllGlobals());

describe('device data is keyed by org and user', () => {
  it('an org switch removes the other scope’s outbox and drafts and its photos; its own stay', () => {
    enterScope(A);
    expect(enqueue(A, item('k1'))).toBe(true);
    window.localStorage.setItem(`brave-forms:draft:rain-event:any:${A}`, '{}');
    expect(enqueue(SWITCHED, item('k2'))).toBe(true);
    expect(enterScope(SWITCHED)).toBe(true);
    expect(readOutbox(A)).toEqual([]);
    expect(window.localStorage.getItem(`brave-forms:draft:rain-event:any:${A}`)).toBeNull();
    expect(readOutbox(SWITCHED).map((i) => i.idempotencyKey)).toEqual(['k2']);
    expect(wipePhotos).toHaveBeenCalledWith(SWITCHED);
  });

  it('control: the same org and user again wipes nothing', () => {
    enterScope(A);
    enqueue(A, item('k1'));
    expect(enterScope(A)).toBe(false);
    expect(readOutbox(A)).toHaveLength(1);
    expect(wipePhotos).not.toHaveBeenCalled();
  });

  it('sign-out wipes every scope and the photos', () => {
    enterScope(A);
    enqueue(A, item('k1'));
    enqueue(SWITCHED, item('k2'));
    wipeDevice();
    expect(readOutbox(A)).toEqual([]);
    expect(readOutbox(SWITCHED)).toEqual([]);
    expect(wipePhotos).toHaveBeenCalledWith(undefined);
  });
});

describe('sending the outbox: conflicts are shown, nothing lost', () => {
  const answer = (status: number, body: unknown) => vi.fn(async () => new Response(JSON.stringify(body), { status }));

  it('a 409 (changed or signed meanwhile) is refused with the server’s message; the answers stay on the device', async () => {
    vi.stubGlobal('fetch', answer(409, { error: { message: 'This inspection was signed meanwhile with other answers.' } }));
    enqueue(A, item('k1'));
    const r = await sendItem(readOutbox(A)[0]!);
    expect(r).toEqual({ kind: 'refused', message: 'This inspection was signed meanwhile with other answers.' });
    markConflict(A, 'k1', r.kind === 'refused' ? r.message : '');
    expect(readOutbox(A)).toEqual([{ ...item('k1'), state: 'conflict', message: 'This inspection was signed meanwhile with other answers.' }]);
  });

  it('control: signed out (401), the server down (503) or no network keep it waiting; 201 is sent', async () => {
    for (const status of [401, 429, 503]) {
      vi.stubGlobal('fetch', answer(status, {}));
      expect(await sendItem(item('k1'))).toEqual({ kind: 'offline' });
    }
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    expect(await sendItem(item('k1'))).toEqual({ kind: 'offline' });
    vi.stubGlobal('fetch', answer(201, { inspectionId: 'i1' }));
    expect(await sendItem(item('k1'))).toEqual({ kind: 'sent', inspectionId: 'i1' });
  });
});
