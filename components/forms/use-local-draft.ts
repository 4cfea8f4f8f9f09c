'use client';

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { readLocalDraft, removeLocalDraft, writeLocalDraft } from '@/lib/forms/local-draft-storage';

/** What this device keeps for one unsent form. */
interface FormDraft {
  /** Every named, visible control's value in document order (checkbox groups repeat a name). */
  values: [string, string][];
  /** The key of the submit this draft belongs to, so a retry after a reload is still the same create. */
  idempotencyKey: string;
  at: number;
}

export type LocalDraftStatus = 'none' | 'saved' | 'restored';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Hidden inputs carry ids the page set (project, violation, the key itself); files can't be stored. */
function kept(el: Element): el is Control {
  if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement)) {
    return false;
  }
  return Boolean(el.name) && !(el instanceof HTMLInputElement && (el.type === 'hidden' || el.type === 'file'));
}

function snapshot(form: HTMLFormElement): [string, string][] {
  const values: [string, string][] = [];
  for (const el of Array.from(form.elements)) {
    if (!kept(el)) continue;
    if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
      if (el.checked) values.push([el.name, el.value]);
    } else {
      values.push([el.name, el.value]);
    }
  }
  return values;
}

function fill(form: HTMLFormElement, values: [string, string][]) {
  const pending = new Map<string, string[]>();
  for (const [name, value] of values) pending.set(name, [...(pending.get(name) ?? []), value]);
  for (const el of Array.from(form.elements)) {
    if (!kept(el)) continue;
    const list = pending.get(el.name) ?? [];
    if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
      el.checked = list.includes(el.value);
    } else if (list.length) {
      el.value = list.shift()!;
      // Controls that show something derived from their value (the site time's zone) listen for it.
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }
}

/** A v4 uuid; `crypto.randomUUID` is missing outside secure contexts (a phone on http://<LAN ip> in testing). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Keeps an uncontrolled create form on this device while it is being filled:
 * every change is written to localStorage under `storageKey` (form + project),
 * an unsent draft is put back when the page is opened again, and `clear()`
 * after a successful create drops it and starts a fresh idempotency key for
 * the next entry. The draft remembers its idempotency key, so a submit that
 * reached the server but whose answer was lost is a replay, not a duplicate,
 * even after a reload. `storageKey: null` turns it off (e.g. edit forms).
 *
 * Render `<input type="hidden" name="idempotencyKey" value={idempotencyKey} />`
 * in the form. `onRestore` lets controlled fields pick up restored values.
 */
export function useLocalDraft(
  formRef: RefObject<HTMLFormElement | null>,
  storageKey: string | null,
  opts: { idempotencyKey: string; onRestore?: (values: URLSearchParams) => void },
) {
  const [idempotencyKey, setIdempotencyKey] = useState(opts.idempotencyKey);
  const [status, setStatus] = useState<LocalDraftStatus>('none');
  const keyRef = useRef(opts.idempotencyKey);
  const onRestore = useRef(opts.onRestore);
  useEffect(() => {
    onRestore.current = opts.onRestore;
  });

  useEffect(() => {
    const form = formRef.current;
    if (!form || !storageKey) return;
    // localStorage exists only after hydration, so restoring happens here, once per key.
    const draft = readLocalDraft<FormDraft>(storageKey);
    if (draft && Array.isArray(draft.values)) {
      fill(form, draft.values);
      onRestore.current?.(new URLSearchParams(draft.values));
      if (draft.idempotencyKey) {
        keyRef.current = draft.idempotencyKey;
        setIdempotencyKey(draft.idempotencyKey); // eslint-disable-line react-hooks/set-state-in-effect -- see above
      }
      setStatus('restored');
    }
    const save = () => {
      const saved = writeLocalDraft(storageKey, {
        values: snapshot(form),
        idempotencyKey: keyRef.current,
        at: Date.now(),
      } satisfies FormDraft);
      if (saved) setStatus('saved');
    };
    form.addEventListener('input', save);
    form.addEventListener('change', save);
    return () => {
      form.removeEventListener('input', save);
      form.removeEventListener('change', save);
    };
  }, [formRef, storageKey]);

  /** After a successful create: forget the draft; the next entry is a new create with a new key. */
  const clear = useCallback(() => {
    if (storageKey) removeLocalDraft(storageKey);
    const next = newIdempotencyKey();
    keyRef.current = next;
    setIdempotencyKey(next);
    setStatus('none');
  }, [storageKey]);

  /** "Discard": empty the form and forget the draft. */
  const discard = useCallback(() => {
    formRef.current?.reset();
    clear();
  }, [clear, formRef]);

  return { idempotencyKey, status, clear, discard };
}
