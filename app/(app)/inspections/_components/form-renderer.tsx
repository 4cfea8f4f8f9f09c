'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { readLocalDraft, removeLocalDraft, writeLocalDraft } from '@/lib/forms/local-draft-storage';
import type { TemplateDefinition } from '@/lib/forms/template-definition';
import type { FormFieldErrors, FormValues } from '@/lib/zod/schemas/forms';
import { saveInspectionDraftAction } from '../actions/save-inspection-draft';
import { submitInspectionAction } from '../actions/submit-inspection';
import { ErrorSummary, fieldLabels } from '@/components/forms/error-summary';
import { SubmitButton } from '@/components/forms/field';
import { FormProgress } from '@/components/forms/form-progress';
import { SubmitBar } from '@/components/forms/submit-bar';
import { answeredCount } from '@/lib/forms/answered-count';
import { fieldDomId } from './field-shell';
import { TemplateSections } from './template-sections';

type SaveState = 'idle' | 'saving' | 'saved' | 'offline' | 'invalid' | 'error';

/** What this device keeps per open form (keyed by the form's idempotency key). */
interface StoredDraft {
  values: FormValues;
  /** False until the server confirmed this exact version. */
  synced: boolean;
  at: number;
}

const AUTOSAVE_MS = 1200;

const readStored = (key: string) => readLocalDraft<StoredDraft>(key);

function writeStored(key: string, values: FormValues, synced: boolean) {
  // Storage full or blocked (private mode): the server copy is still saved.
  writeLocalDraft(key, { values, synced, at: Date.now() } satisfies StoredDraft);
}

const STATUS_TEXT: Record<SaveState, string> = {
  idle: 'All changes saved',
  saving: 'Saving…',
  saved: 'Saved',
  offline: 'Offline — saved on this device',
  invalid: 'Not saved to the server: check the highlighted fields (kept on this device)',
  error: 'Could not save to the server — kept on this device',
};

/**
 * Renders a form template (every field type) for one draft inspection. Every
 * change is written to localStorage at once and to the server after a short
 * pause, so nothing typed is lost when the signal drops; an unsent copy on this
 * device is restored when the page is opened again. Submit is idempotent on
 * the server; every field error it reports is shown at its field.
 */
export function FormRenderer({
  inspectionId,
  definition,
  initialValues,
  idempotencyKey,
  timeZone,
}: {
  /** The site's zone, for times shown in the form. */
  timeZone: string;
  inspectionId: string;
  definition: TemplateDefinition;
  initialValues: FormValues;
  idempotencyKey: string;
}) {
  const router = useRouter();
  const [values, setValues] = useState<FormValues>(initialValues);
  const [errors, setErrors] = useState<FormFieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [restored, setRestored] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inflight = useRef<Promise<void> | null>(null);
  const latest = useRef(values);
  const done = useRef(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  const save = useCallback(async () => {
    if (done.current) return;
    const snapshot = latest.current;
    if (!navigator.onLine) {
      setSaveState('offline');
      return;
    }
    setSaveState('saving');
    try {
      const res = await saveInspectionDraftAction(null, { inspectionId, data: snapshot });
      if (done.current) return;
      if (res.ok && res.data.status === 'saved') {
        if (latest.current === snapshot) writeStored(idempotencyKey, snapshot, true);
        setSaveState('saved');
      } else if (res.ok) {
        setErrors(res.data.status === 'invalid' ? res.data.fieldErrors : {});
        setSaveState('invalid');
      } else {
        setFormError(res.formError ?? null);
        setSaveState('error');
      }
    } catch {
      setSaveState('offline'); // the request never reached the server
    }
  }, [idempotencyKey, inspectionId]);

  const scheduleSave = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      inflight.current = save().finally(() => (inflight.current = null));
    }, AUTOSAVE_MS);
  }, [save]);

  // Restore an unsent copy from this device (typed offline, or the tab was closed before it synced).
  useEffect(() => {
    const stored = readStored(idempotencyKey);
    if (stored && !stored.synced) {
      latest.current = stored.values;
      setValues(stored.values); // eslint-disable-line react-hooks/set-state-in-effect -- localStorage exists only after hydration
      setRestored(true);
      scheduleSave();
    }
    const online = () => {
      const s = readStored(idempotencyKey);
      if (s && !s.synced) scheduleSave();
    };
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [idempotencyKey, scheduleSave]);

  const change = (key: string, value: unknown) => {
    const next = { ...latest.current, [key]: value };
    if (value === undefined) delete next[key];
    latest.current = next;
    setValues(next);
    writeStored(idempotencyKey, next, false);
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== key && !k.startsWith(`${key}.`))));
    scheduleSave();
  };

  async function submit() {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    await inflight.current;
    setSubmitting(true);
    setFormError(null);
    try {
      const res = await submitInspectionAction(null, { inspectionId, data: latest.current });
      if (res.ok && res.data.status === 'submitted') {
        done.current = true;
        removeLocalDraft(idempotencyKey);
        router.refresh();
        return;
      }
      const fieldErrors = res.ok
        ? res.data.status === 'invalid'
          ? res.data.fieldErrors
          : {}
        : ((res.fieldErrors ?? {}) as FormFieldErrors);
      setErrors(fieldErrors);
      const n = Object.keys(fieldErrors).length;
      setFormError(
        res.ok
          ? `Please fix ${n} ${n === 1 ? 'answer' : 'answers'} before submitting.`
          : (res.formError ?? 'Could not submit.'),
      );
      requestAnimationFrame(() => summaryRef.current?.focus());
    } catch {
      setSaveState('offline');
      setFormError('You are offline. Your answers are saved on this device; submit again when you have signal.');
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setSubmitting(false);
    }
  }

  const labels = fieldLabels(definition);

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      className="space-y-6"
    >
      <p
        role="status"
        aria-live="polite"
        data-testid="save-status"
        className={`text-sm font-medium ${saveState === 'offline' || saveState === 'error' || saveState === 'invalid' ? 'text-amber-800' : 'text-slate-600'}`}
      >
        {restored ? 'Restored your unsent answers from this device. ' : ''}
        {STATUS_TEXT[saveState]}
      </p>

      {formError ? (
        <ErrorSummary ref={summaryRef} message={formError} errors={errors} labels={labels} domId={fieldDomId} />
      ) : null}

      <TemplateSections
        definition={definition}
        values={values}
        errors={errors}
        onChange={change}
        timeZone={timeZone}
      />

      <SubmitBar
        note={
          <>
            Submitting sends the report for an inspector&apos;s certification. Fields marked{' '}
            <span className="text-red-700">*</span> are required.
          </>
        }
      >
        <SubmitButton pending={submitting} pendingLabel="Submitting…">
          Submit inspection
        </SubmitButton>
        <FormProgress {...answeredCount(definition, values)} />
      </SubmitBar>
    </form>
  );
}
