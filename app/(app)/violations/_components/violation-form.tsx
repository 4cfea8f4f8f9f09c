'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { LocalDraftNote } from '@/components/forms/local-draft-status';
import { useLocalDraft } from '@/components/forms/use-local-draft';
import type { ActionResult } from '@/lib/actions/tenant-action';
import { Field, FormError, SubmitButton } from '@/components/forms/field';
import { Select, TextArea, TextInput } from '@/components/ui/text-input';
import { ZonedDateTimeInput } from '@/components/forms/zoned-date-time-input';
import { useFormAction } from '@/components/forms/use-form-action';

interface Option {
  id: string;
  name: string;
}

export interface ViolationFormProps {
  mode: 'create' | 'edit';
  action: (prev: ActionResult<{ id: string }> | null, input: FormData) => Promise<ActionResult<{ id: string }>>;
  /** Each with its site's zone: the times typed are read in the chosen project's zone. */
  projects: (Option & { timeZone: string })[];
  /** The zone before a project is chosen (the organization's), or the project's in edit mode. */
  timeZone: string;
  types: (Option & { defaultDeadlineDays: number })[];
  bmpCategories: Option[];
  /** "Now" as the server rendered it (ISO): the default of "Found at" in create mode. */
  now?: string;
  initial?: {
    id?: string;
    projectId?: string;
    inspectionId?: string | null;
    violationTypeId?: string;
    bmpCategoryId?: string | null;
    description?: string;
    location?: string | null;
    foundAt?: string;
    deadline?: string;
  };
  cancelHref: string;
  /** Create mode: made when the page rendered, so a retried submit returns the first violation. */
  idempotencyKey?: string;
  /** `finding`: a crew member's report — no deadline (the reviewer sets it when confirming). */
  variant?: 'violation' | 'finding';
}

/**
 * Record (or edit) a violation: big touch targets, every field's errors
 * inline, nothing lost on a failed submit. A new violation is kept on this
 * device until it is recorded (per project/inspection it was opened for).
 */
export function ViolationForm({
  mode,
  action,
  projects,
  types,
  bmpCategories,
  initial = {},
  now,
  timeZone,
  cancelHref,
  idempotencyKey = '',
  variant = 'violation',
}: ViolationFormProps) {
  const finding = variant === 'finding';
  const router = useRouter();
  const { state, formRef, pending, onSubmit, formError, fieldErrors } = useFormAction(action);
  const [typeId, setTypeId] = useState(initial.violationTypeId ?? '');
  const [projectId, setProjectId] = useState(initial.projectId ?? '');
  const zone = projects.find((p) => p.id === projectId)?.timeZone ?? timeZone;
  const type = types.find((t) => t.id === typeId);
  const draft = useLocalDraft(
    formRef,
    mode === 'create' ? `${variant}:${initial.projectId ?? 'any'}:${initial.inspectionId ?? 'none'}` : null,
    { idempotencyKey, onRestore: (values) => {
        setTypeId(values.get('violationTypeId') ?? '');
        setProjectId(values.get('projectId') ?? initial.projectId ?? '');
      },
    },
  );
  const clearDraft = draft.clear;

  useEffect(() => {
    if (!state?.ok || mode !== 'create') return;
    clearDraft();
    router.push(`/violations/${state.data.id}`);
  }, [state, mode, router, clearDraft]);

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      className="space-y-5"
      aria-describedby={formError ? 'violation-form-error' : undefined}
    >
      <div id="violation-form-error">
        <FormError message={formError} />
      </div>
      {state?.ok && mode === 'edit' ? (
        <p
          role="status"
          className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm font-medium text-emerald-900"
        >
          Saved.
        </p>
      ) : null}
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      {mode === 'create' ? <input type="hidden" name="idempotencyKey" value={draft.idempotencyKey} /> : null}
      {initial.inspectionId ? <input type="hidden" name="inspectionId" value={initial.inspectionId} /> : null}

      {mode === 'create' ? (
        <Field id="projectId" label="Project" errors={fieldErrors.projectId} required>
          {(p) => (
            <Select
              {...p}
              name="projectId"
              value={projectId}
              onChange={(e) => setProjectId(e.target.value)}
            >
              <option value="">Choose a project…</option>
              {projects.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
      ) : null}

      <Field id="violationTypeId" label="Violation type" errors={fieldErrors.violationTypeId} required>
        {(p) => (
          <Select
            {...p}
            name="violationTypeId"
            value={typeId}
            onChange={(e) => setTypeId(e.target.value)}
          >
            <option value="">Choose a type…</option>
            {types.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        )}
      </Field>

      <Field id="bmpCategoryId" label="BMP category" errors={fieldErrors.bmpCategoryId}>
        {(p) => (
          <Select {...p} name="bmpCategoryId" defaultValue={initial.bmpCategoryId ?? ''}>
            <option value="">None</option>
            {bmpCategories.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        )}
      </Field>

      <Field id="description" label="What was found" errors={fieldErrors.description} required>
        {(p) => (
          <TextArea {...p} name="description" rows={4} defaultValue={initial.description ?? ''} />
        )}
      </Field>

      <Field
        id="location"
        label="Location on site"
        hint="E.g. north swale near station 3+50, or inlet #4."
        errors={fieldErrors.location}
      >
        {(p) => (
          <TextInput
            {...p}
            name="location"
            type="text"
            autoComplete="off"
            defaultValue={initial.location ?? ''}
          />
        )}
      </Field>

      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="foundAt" label="Found at" errors={fieldErrors.foundAt} required>
          {(p) => (
            <ZonedDateTimeInput {...p} name="foundAt" timeZone={zone} initial={initial.foundAt ?? now} />
          )}
        </Field>
        {finding ? null : <Field
          id="deadline"
          label="Deadline"
          hint={
            mode === 'create'
              ? type
                ? `Empty: ${type.defaultDeadlineDays} days after found (the type's default).`
                : "Empty: the type's default."
              : undefined
          }
          errors={fieldErrors.deadline}
          required={mode === 'edit'}
        >
          {(p) => <ZonedDateTimeInput {...p} name="deadline" timeZone={zone} initial={initial.deadline} />}
        </Field>}
      </div>

      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center">
        <Link
          href={cancelHref}
          className="inline-flex min-h-11 items-center justify-center rounded-md px-4 text-sm font-semibold text-slate-700 hover:bg-slate-100"
        >
          Cancel
        </Link>
        <SubmitButton pending={pending} pendingLabel="Saving…">
          {mode === 'edit' ? 'Save changes' : finding ? 'Report finding' : 'Record violation'}
        </SubmitButton>
      </div>
      <LocalDraftNote status={draft.status} onDiscard={draft.discard} />
    </form>
  );
}
