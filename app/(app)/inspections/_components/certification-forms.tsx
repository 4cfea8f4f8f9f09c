'use client';

import { useRouter } from 'next/navigation';
import { useCallback } from 'react';
import { ActionButton } from '@/components/forms/action-button';
import { Field, FormError, SubmitButton } from '@/components/forms/field';
import { useFormAction } from '@/components/forms/use-form-action';
import { TextInput } from '@/components/ui/text-input';
import { amendInspectionAction } from '../actions/amend-inspection';
import { publishInspectionAction } from '../actions/publish-inspection';
import { signInspectionAction } from '../actions/sign-inspection';
import { Checkbox } from '@/components/ui/choice';

/** Certification: typed name, title and qualifications, the statement shown in full, the server's timestamp. */
export function SignForm({
  inspectionId,
  statement,
  defaultName,
  defaultQualifications,
}: {
  inspectionId: string;
  statement: string;
  defaultName: string;
  /** What this signer gave last time in this organization: qualifications rarely change between reports. */
  defaultQualifications: string;
}) {
  const { formRef, onSubmit, pending, formError, fieldErrors } = useFormAction(signInspectionAction, {
    errorId: 'sign-form-error',
  });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <FormError id="sign-form-error" message={formError} />
      <blockquote className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-800">
        {statement}
      </blockquote>
      <label className="flex min-h-12 items-start gap-3 text-base text-slate-900">
        <Checkbox
          name="accept"
          className="mt-1"
          aria-invalid={Boolean(fieldErrors.accept?.length)}
          aria-describedby={fieldErrors.accept?.length ? 'sign-accept-error' : undefined}
        />
        <span>I have read and make this certification.</span>
      </label>
      {fieldErrors.accept?.length ? (
        <p id="sign-accept-error" className="mt-1 text-sm font-medium text-red-700">
          {fieldErrors.accept.join(' ')}
        </p>
      ) : null}
      <Field name="name" idPrefix="sign" label="Full name (your typed signature)" errors={fieldErrors.name} required>
        {(p) => <TextInput {...p} autoComplete="name" defaultValue={defaultName} />}
      </Field>
      <Field name="title" idPrefix="sign" label="Title" errors={fieldErrors.title} required>
        {(p) => <TextInput {...p} autoComplete="organization-title" placeholder="e.g. Site superintendent" />}
      </Field>
      <Field
        name="qualifications"
        idPrefix="sign"
        label="Qualifications"
        hint="What makes you a qualified person under CGP Part 4.1.1: training, certification and its number. Printed on the report."
        errors={fieldErrors.qualifications}
        required
      >
        {(p) => <TextInput {...p} defaultValue={defaultQualifications} placeholder="e.g. EPA CGP inspector training, 2025; CPESC #1234" />}
      </Field>
      <SubmitButton pending={pending} pendingLabel="Signing…">
        Sign and certify
      </SubmitButton>
    </form>
  );
}

export function PublishButton({ inspectionId }: { inspectionId: string }) {
  return (
    <ActionButton
      action={publishInspectionAction}
      fields={{ inspectionId }}
      label="Publish inspection"
      pendingLabel="Publishing…"
    />
  );
}

export function AmendButton({ inspectionId }: { inspectionId: string }) {
  const router = useRouter();
  const done = useCallback((data: { inspectionId: string }) => router.push(`/inspections/${data.inspectionId}`), [router]);
  return (
    <ActionButton
      action={amendInspectionAction}
      fields={{ inspectionId }}
      label="Amend (new revision)"
      pendingLabel="Creating amendment…"
      secondary
      onDone={done}
    />
  );
}
