'use client';

import { useEffect, useRef, useState } from 'react';
import { LocalDraftNote } from '@/components/forms/local-draft-status';
import { useLocalDraft } from '@/components/forms/use-local-draft';
import { RAIN_SOURCE_LABELS, RAIN_SOURCES } from '@/lib/zod/schemas/rain-events';
import { recordRainEventAction } from '../../rain-events/actions/record-rain-event';
import { Field, FormError, SubmitButton } from '@/components/forms/field';
import { ZonedDateTimeInput } from '@/components/forms/zoned-date-time-input';
import { useFormAction } from '@/components/forms/use-form-action';
import { Select, TextInput } from '@/components/ui/text-input';

/**
 * Record a rain-gauge reading. With `projectId` the project is fixed (project
 * page); otherwise the crew picks one of `projects`. Times are typed in the
 * site's zone (the chosen project's) and sent as ISO instants. What is typed is kept on this
 * device until it is saved; `idempotencyKey` (made when the page rendered)
 * makes a retried save return the first entry instead of a second one.
 */
export function RainEventForm({
  projectId,
  projects,
  idempotencyKey,
  timeZone,
}: {
  projectId?: string;
  /** With the site's zone each: the times typed are read in the chosen project's zone. */
  projects?: { id: string; name: string; timeZone: string }[];
  idempotencyKey: string;
  /** The project's zone (one project), else the organization's. */
  timeZone: string;
}) {
  const { state, formRef, onSubmit, pending, formError, fieldErrors } = useFormAction(recordRainEventAction, {
    errorId: 'rain-form-error',
  });
  const [chosen, setChosen] = useState('');
  const zone = projects?.find((p) => p.id === chosen)?.timeZone ?? timeZone;
  const [savedCount, setSavedCount] = useState(0);
  const amountRef = useRef<HTMLInputElement>(null);
  const lastHandled = useRef<typeof state>(null);
  // The project select is controlled (it picks the zone the times are read in): a restored draft sets it too.
  const draft = useLocalDraft(formRef, `rain-event:${projectId ?? 'any'}`, {
    idempotencyKey,
    onRestore: (values) => setChosen(values.get('projectId') ?? ''),
  });
  const clearDraft = draft.clear;

  // After a save: clear the form for the next reading and say so (role="status").
  useEffect(() => {
    if (state?.ok && lastHandled.current !== state) {
      lastHandled.current = state;
      clearDraft();
      formRef.current?.reset();
      setSavedCount((n) => n + 1);
      amountRef.current?.focus();
    }
  }, [state, formRef, clearDraft]);

  const f = (name: string) => ({ name, errors: fieldErrors[name], idPrefix: 'rain' });

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Record rain">
      <FormError id="rain-form-error" message={formError} />
      <input type="hidden" name="idempotencyKey" value={draft.idempotencyKey} />
      <p role="status" className="text-sm font-medium text-green-800 empty:hidden">
        {savedCount > 0 ? 'Rain entry saved.' : ''}
      </p>
      {projectId ? (
        <input type="hidden" name="projectId" value={projectId} />
      ) : (
        <Field {...f('projectId')} label="Project" required>
          {(p) => (
            <Select {...p} value={chosen} onChange={(e) => setChosen(e.target.value)}>
              <option value="" disabled>
                Choose a project…
              </option>
              {(projects ?? []).map((pr) => (
                <option key={pr.id} value={pr.id}>
                  {pr.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field {...f('amountInches')} label="Rain (inches)" hint="0 to 50, up to 2 decimals." required>
          {(p) => (
            <TextInput
              {...p}
              ref={amountRef}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              placeholder="0.50"
            />
          )}
        </Field>
        <Field {...f('source')} label="Source" required>
          {(p) => (
            <Select {...p} defaultValue="manual">
              {RAIN_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {RAIN_SOURCE_LABELS[s]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field {...f('startedAt')} label="Started" required>
          {(p) => <ZonedDateTimeInput {...p} timeZone={zone} />}
        </Field>
        <Field {...f('endedAt')} label="Ended">
          {(p) => <ZonedDateTimeInput {...p} timeZone={zone} />}
        </Field>
      </div>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save rain entry
      </SubmitButton>
      <LocalDraftNote status={draft.status} onDiscard={draft.discard} />
    </form>
  );
}
