/**
 * Tenant data kept on this device (page caches of the service worker, form
 * drafts, the outbox) belongs to one organization AND one user: the "scope"
 * `<orgId>:<userId>`. Browser-only. See docs/offline.md.
 */
import { wipePhotos } from './photo-store';

const SCOPE_KEY = 'brave-forms:scope';
const DATA_PREFIXES = ['brave-forms:draft:', 'brave-forms:outbox:'];

function removeKeys(keep: (key: string) => boolean) {
  try {
    const doomed: string[] = [];
    for (let i = 0; i < window.localStorage.length; i++) {
      const key = window.localStorage.key(i);
      if (key && DATA_PREFIXES.some((p) => key.startsWith(p)) && !keep(key)) doomed.push(key);
    }
    for (const key of doomed) window.localStorage.removeItem(key);
  } catch {
    // Blocked storage kept nothing either.
  }
}

function tellWorker(message: unknown) {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready.then((reg) => reg.active?.postMessage(message)).catch(() => undefined);
}

/**
 * Called on every signed-in page: when the organization or user differs from
 * the last one on this device, the previous scope's drafts and outbox are
 * removed (the worker drops its page caches when it hears the new scope).
 * Returns true when something was wiped.
 */
export function enterScope(scope: string): boolean {
  let previous: string | null = null;
  try {
    previous = window.localStorage.getItem(SCOPE_KEY);
    window.localStorage.setItem(SCOPE_KEY, scope);
  } catch {
    return false;
  }
  if (previous === null || previous === scope) return false;
  removeKeys((key) => key.endsWith(`:${scope}`));
  void wipePhotos(scope);
  return true;
}

/** Sign-out: nothing of anyone stays on the device. */
export function wipeDevice(): void {
  removeKeys(() => false);
  void wipePhotos();
  try {
    window.localStorage.removeItem(SCOPE_KEY);
  } catch {
    // nothing kept
  }
  wipeCachedPages();
}

/**
 * The sign-in page (signed out, or the session ended): the cached pages go.
 * Drafts and the outbox stay, readable only by the same org + user signing in
 * again (enterScope wipes them for anyone else), so an expired session loses
 * no unsent inspection.
 */
export function wipeCachedPages(): void {
  tellWorker({ type: 'wipe' });
  // Also without a worker (or before it answers): the Cache API is reachable from the page.
  if ('caches' in window) {
    void caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((n) => n.startsWith('brave-pages:') || n === 'brave-meta').map((n) => caches.delete(n)),
        ),
      )
      .catch(() => undefined);
  }
}

/** Registers /sw.js and tells it who is signed in, with the pages to keep for offline use. */
export function registerWorker(scope: string, warm: string[]): void {
  if (!('serviceWorker' in navigator)) return;
  const assets = performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((n) => n.includes('/_next/static/'));
  navigator.serviceWorker
    .register('/sw.js', { scope: '/' })
    .then(() => navigator.serviceWorker.ready)
    .then((reg) => reg.active?.postMessage({ type: 'scope', scope, warm, assets }))
    .catch(() => undefined); // no worker (private mode, old browser): the app still works online
}
