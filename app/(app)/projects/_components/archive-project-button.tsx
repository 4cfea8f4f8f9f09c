'use client';

import { useEffect, useRef, useState } from 'react';
import { archiveProjectAction } from '../actions/archive-project';
import { FormError } from '@/components/forms/field';
import { secondaryButtonClass } from '@/components/ui/styles';
import { useFormAction } from '@/components/forms/use-form-action';

/**
 * Archive with a confirm step in the page (no browser dialog): the first tap
 * asks, the second archives. Focus moves to the question and back on cancel.
 */
export function ArchiveProjectButton({ projectId, projectName }: { projectId: string; projectName: string }) {
  const [confirming, setConfirming] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const { formRef, onSubmit, pending, formError } = useFormAction(archiveProjectAction, { errorId: 'archive-error' });

  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) questionRef.current?.focus();
    else if (wasConfirming.current) openerRef.current?.focus(); // back to the button after "Cancel"
    wasConfirming.current = confirming;
  }, [confirming]);

  if (!confirming) {
    return (
      <button
        ref={openerRef}
        type="button"
        onClick={() => setConfirming(true)}
        className={`${secondaryButtonClass} text-red-800`}
      >
        Archive project
      </button>
    );
  }
  return (
    <form ref={formRef} onSubmit={onSubmit} className="w-full space-y-3 rounded-lg border border-red-200 bg-red-50 p-4">
      <input type="hidden" name="id" value={projectId} />
      <p ref={questionRef} tabIndex={-1} className="text-sm text-red-900">
        Archive <strong>{projectName}</strong>? It leaves the active list; its inspections and rain records stay in the
        permit file.
      </p>
      <FormError id="archive-error" message={formError} />
      <div className="flex flex-col gap-2 sm:flex-row">
        <button
          type="submit"
          disabled={pending}
          className="inline-flex min-h-11 items-center justify-center rounded-md bg-red-700 px-4 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-70"
        >
          {pending ? 'Archiving…' : 'Yes, archive'}
        </button>
        <button type="button" onClick={() => setConfirming(false)} disabled={pending} className={secondaryButtonClass}>
          Cancel
        </button>
      </div>
    </form>
  );
}
