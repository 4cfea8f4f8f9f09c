'use client';

import type { LocalDraftStatus } from './use-local-draft';

/** The quiet line under a field form saying its draft is kept on this device (with a way to drop a restored one). */
export function LocalDraftNote({ status, onDiscard }: { status: LocalDraftStatus; onDiscard: () => void }) {
  return (
    <p
      role="status"
      aria-live="polite"
      className="flex flex-wrap items-center gap-x-3 text-sm text-slate-600 empty:hidden"
    >
      {status === 'saved' ? 'Draft saved on this device.' : null}
      {status === 'restored' ? (
        <>
          <span>Restored your unsent draft from this device.</span>
          <button
            type="button"
            onClick={onDiscard}
            className="min-h-11 font-semibold text-slate-800 underline underline-offset-2"
          >
            Discard draft
          </button>
        </>
      ) : null}
    </p>
  );
}
