'use client';

/* eslint-disable @next/next/no-img-element -- a presigned S3 URL or a local data URL: next/image can't optimize either */
import { useState, type ChangeEvent } from 'react';
import { ActionButton } from '@/components/forms/action-button';
import { Field, FormError } from '@/components/forms/field';
import { useFormAction, type FormAction } from '@/components/forms/use-form-action';
import { primaryButtonClass } from '@/components/ui/styles';

const MAX_BYTES = 512 * 1024;
const TYPES = ['image/png', 'image/jpeg'];

/**
 * The organization's logo: choose a PNG or JPEG (read here as a data URL, so the preview shows before
 * saving), save, or remove. The server checks the bytes again; the browser's check only spares a trip.
 */
export function LogoForm({
  currentUrl,
  upload,
  remove,
}: {
  currentUrl?: string;
  upload: FormAction<{ sizeBytes: number | null; savedAt: string }>;
  remove: FormAction<{ removed: boolean }>;
}) {
  // The chosen file, with the action state it was chosen under: once a save succeeds after it, the
  // page shows the stored logo again (derived here, not reset in an effect).
  const [choice, setChoice] = useState<{ url: string; under: unknown }>();
  const [problem, setProblem] = useState<string>();
  const { state, formRef, onSubmit, pending, formError } = useFormAction(upload, {
    prepare: (data) => {
      data.delete('file');
      if (dataUrl) data.set('logo', dataUrl);
    },
  });
  const dataUrl = choice && !(state?.ok && state !== choice.under) ? choice.url : undefined;

  function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setChoice(undefined);
    setProblem(undefined);
    if (!file) return;
    if (!TYPES.includes(file.type)) return setProblem('Choose a PNG or JPEG image.');
    if (file.size > MAX_BYTES) return setProblem(`The logo is ${Math.ceil(file.size / 1024)} KB; the limit is 512 KB.`);
    const reader = new FileReader();
    reader.onload = () => setChoice({ url: String(reader.result), under: state });
    reader.onerror = () => setProblem('The file could not be read. Choose it again.');
    reader.readAsDataURL(file);
  }

  const shown = dataUrl ?? currentUrl;
  return (
    <div className="grid gap-4 sm:grid-cols-[10rem_1fr] sm:items-start">
      <div className="flex h-28 items-center justify-center rounded-md border border-dashed border-slate-300 bg-slate-50 p-2">
        {shown ? <img src={shown} alt={dataUrl ? 'The chosen logo (not saved yet)' : 'Your organization’s logo'} className="max-h-24 max-w-full object-contain" /> : <span className="text-sm text-slate-600">No logo</span>}
      </div>
      <div className="space-y-3">
        {/* A new key after each save empties the file input. */}
        <form key={state?.ok ? state.data.savedAt : 'logo'} ref={formRef} onSubmit={onSubmit} aria-label="Organization logo" className="space-y-3">
          <FormError message={formError} />
          {state?.ok ? (
            <p role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm font-medium text-green-800">
              Logo saved. Notices and reports use it from now on.
            </p>
          ) : null}
          <Field name="file" idPrefix="logo" label="Logo" markOptional={false} hint="PNG or JPEG, at most 512 KB. Shown on the site notice poster and inspection reports." errors={problem ? [problem] : undefined}>
            {(control) => (
              <input
                {...control}
                type="file"
                accept="image/png,image/jpeg"
                onChange={choose}
                className="block w-full text-sm text-slate-900 file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-4 file:text-sm file:font-semibold file:text-slate-800"
              />
            )}
          </Field>
          <button type="submit" disabled={pending || !dataUrl} className={`${primaryButtonClass} w-full sm:w-auto`}>
            {pending ? 'Saving logo…' : 'Save logo'}
          </button>
        </form>
        {currentUrl && !dataUrl ? <ActionButton action={remove} fields={{}} label="Remove logo" pendingLabel="Removing…" secondary /> : null}
      </div>
    </div>
  );
}
