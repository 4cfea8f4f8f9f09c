'use client';

import Link from 'next/link';
import { useRef, useState } from 'react';
import { ErrorSummary, fieldLabels } from '@/components/forms/error-summary';
import { SubmitButton } from '@/components/forms/field';
import { FormProgress } from '@/components/forms/form-progress';
import { SubmitBar } from '@/components/forms/submit-bar';
import { primaryButtonClass, secondaryButtonClass } from '@/components/ui/styles';
import { answeredCount } from '@/lib/forms/answered-count';
import { newIdempotencyKey } from '@/components/forms/use-local-draft';
import { useDeviceScope } from '@/components/offline/device-scope-context';
import { fieldErrorsOf, submissionSchemaFor } from '@/lib/forms/submission-schema';
import type { TemplateDefinition } from '@/lib/forms/template-definition';
import { initialFormData } from '@/lib/inspections/form-mapping';
import { enqueue } from '@/lib/offline/outbox';
import type { FormFieldErrors, FormValues } from '@/lib/zod/schemas/forms';
import { INSPECTION_TYPE_LABELS, type InspectionType } from '@/lib/zod/schemas/inspections';
import { fieldDomId } from './field-shell';
import { OfflinePhotosProvider } from './photo-context';
import { TemplateSections } from './template-sections';

/**
 * A new inspection filled without signal: the same template and the same
 * checks as the server (lib/forms/submission-schema.ts), then queued in the
 * device's outbox with a fresh idempotency key (the cached page's key would be
 * shared by every offline inspection). The outbox sends it when back online.
 */
export function OfflineInspectionForm({
  definition,
  project,
  type,
  onAnother,
}: {
  definition: TemplateDefinition;
  project: { id: string; name: string };
  type: InspectionType;
  onAnother: () => void;
}) {
  const scope = useDeviceScope();
  const [key] = useState(newIdempotencyKey);
  const [values, setValues] = useState<FormValues>(() => initialFormData(definition, type));
  const [errors, setErrors] = useState<FormFieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [queued, setQueued] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const labels = fieldLabels(definition);

  const change = (k: string, v: unknown) => {
    setValues((prev) => {
      const next = { ...prev, [k]: v };
      if (v === undefined) delete next[k];
      return next;
    });
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([x]) => x !== k && !x.startsWith(`${k}.`))));
  };

  function submit() {
    const parsed = submissionSchemaFor(definition, 'submit').safeParse(values);
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error.issues);
      const n = Object.keys(fieldErrors).length;
      setErrors(fieldErrors);
      setFormError(`Please fix ${n} ${n === 1 ? 'answer' : 'answers'} before submitting.`);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    const stored =
      scope !== null &&
      enqueue(scope, {
        idempotencyKey: key,
        projectId: project.id,
        projectName: project.name,
        type,
        data: values,
        createdAt: new Date().toISOString(),
        state: 'waiting',
      });
    if (!stored) {
      setFormError(
        'This device could not store the inspection (storage full or blocked). Keep this page open until you have signal.',
      );
      return;
    }
    setQueued(true);
  }

  if (queued) {
    return (
      <div
        role="status"
        className="space-y-4 rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-emerald-950"
        data-testid="queued"
      >
        <p className="text-base font-semibold">Saved on this device.</p>
        <p className="text-sm">
          The {INSPECTION_TYPE_LABELS[type].toLowerCase()} inspection at {project.name} is sent as soon as you are back
          online — you can close the app.
        </p>
        <div className="flex flex-wrap gap-3">
          <button type="button" onClick={onAnother} className={primaryButtonClass}>
            Start another inspection
          </button>
          <Link href="/dashboard" className={secondaryButtonClass}>
            Dashboard
          </Link>
        </div>
      </div>
    );
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      className="space-y-6"
    >
      <p role="status" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-950">
        You are offline. {INSPECTION_TYPE_LABELS[type]} inspection at <strong>{project.name}</strong>: fill it in and
        submit; it is kept on this device and sent when you are back online.
      </p>
      {formError ? (
        <ErrorSummary ref={summaryRef} message={formError} errors={errors} labels={labels} domId={fieldDomId} />
      ) : null}
      {scope ? (
        <OfflinePhotosProvider value={{ scope, outboxKey: key }}>
          <TemplateSections definition={definition} values={values} errors={errors} onChange={change} />
        </OfflinePhotosProvider>
      ) : (
        <TemplateSections definition={definition} values={values} errors={errors} onChange={change} />
      )}
      <SubmitBar note="Kept on this device and sent when you are back online.">
        <SubmitButton pending={false} pendingLabel="Saving…">
          Submit inspection
        </SubmitButton>
        <FormProgress {...answeredCount(definition, values)} />
      </SubmitBar>
    </form>
  );
}
