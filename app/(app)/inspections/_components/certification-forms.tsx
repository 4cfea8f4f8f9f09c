'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useEffect } from 'react';
import { amendInspectionAction } from '../actions/amend-inspection';
import { publishInspectionAction } from '../actions/publish-inspection';
import { signInspectionAction } from '../actions/sign-inspection';

const input =
  'mt-1 block min-h-12 w-full rounded-md border border-slate-300 bg-white px-3 text-base aria-[invalid=true]:border-red-600';
const primary =
  'min-h-12 w-full rounded-md bg-brand-700 px-4 text-base font-semibold text-white hover:bg-brand-800 disabled:opacity-60 sm:w-auto';

function FormAlert({ message }: { message?: string }) {
  return message ? (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
      {message}
    </p>
  ) : null;
}

/** Certification: typed name and title, the statement shown in full, the server's timestamp. */
export function SignForm({
  inspectionId,
  statement,
  defaultName,
}: {
  inspectionId: string;
  statement: string;
  defaultName: string;
}) {
  const [state, action, pending] = useActionState(signInspectionAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const err = (k: string) => (errors[k]?.length ? { 'aria-invalid': true, 'aria-describedby': `sign-${k}-error` } : {});
  const msg = (k: string) =>
    errors[k]?.length ? (
      <p id={`sign-${k}-error`} className="mt-1 text-sm font-medium text-red-700">
        {errors[k]!.join(' ')}
      </p>
    ) : null;
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <FormAlert message={state && !state.ok ? state.formError : undefined} />
      <blockquote className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-800">
        {statement}
      </blockquote>
      <label className="flex min-h-12 items-start gap-3 text-base text-slate-900">
        <input type="checkbox" name="accept" className="mt-1 size-5 shrink-0 accent-brand-700" {...err('accept')} />
        <span>I have read and make this certification.</span>
      </label>
      {msg('accept')}
      <div>
        <label htmlFor="sign-name" className="block text-base font-medium text-slate-900">
          Full name (your typed signature)
        </label>
        <input
          id="sign-name"
          name="name"
          autoComplete="name"
          defaultValue={defaultName}
          className={input}
          {...err('name')}
        />
        {msg('name')}
      </div>
      <div>
        <label htmlFor="sign-title" className="block text-base font-medium text-slate-900">
          Title or qualification
        </label>
        <input
          id="sign-title"
          name="title"
          autoComplete="organization-title"
          placeholder="e.g. Certified stormwater inspector"
          className={input}
          {...err('title')}
        />
        {msg('title')}
      </div>
      <button type="submit" disabled={pending} className={primary}>
        {pending ? 'Signing…' : 'Sign and certify'}
      </button>
    </form>
  );
}

export function PublishButton({ inspectionId }: { inspectionId: string }) {
  const [state, action, pending] = useActionState(publishInspectionAction, null);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <FormAlert message={state && !state.ok ? state.formError : undefined} />
      <button type="submit" disabled={pending} className={primary}>
        {pending ? 'Publishing…' : 'Publish inspection'}
      </button>
    </form>
  );
}

export function AmendButton({ inspectionId }: { inspectionId: string }) {
  const router = useRouter();
  const [state, action, pending] = useActionState(amendInspectionAction, null);
  useEffect(() => {
    if (state?.ok) router.push(`/inspections/${state.data.inspectionId}`);
  }, [state, router]);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <FormAlert message={state && !state.ok ? state.formError : undefined} />
      <button
        type="submit"
        disabled={pending || state?.ok}
        className="min-h-12 w-full rounded-md border border-slate-300 bg-white px-4 text-base font-semibold text-slate-900 hover:bg-slate-50 disabled:opacity-60 sm:w-auto"
      >
        {pending ? 'Creating amendment…' : 'Amend (new revision)'}
      </button>
    </form>
  );
}
