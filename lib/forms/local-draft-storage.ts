/**
 * Drafts kept on this device (localStorage), for forms a crew fills where the
 * signal drops. Browser-only; every call tolerates storage that is full,
 * blocked (private mode) or holding something unreadable — the form keeps
 * working, it just can't keep a copy.
 */

const PREFIX = 'brave-forms:draft:';

export function readLocalDraft<T>(key: string): T | null {
  try {
    const raw = window.localStorage.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export function writeLocalDraft(key: string, draft: unknown): boolean {
  try {
    window.localStorage.setItem(PREFIX + key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function removeLocalDraft(key: string): void {
  try {
    window.localStorage.removeItem(PREFIX + key);
  } catch {
    // Blocked storage: nothing was kept either.
  }
}
