'use client';

import { StepUpPrompt } from '@/components/auth/step-up-prompt';
import { createInspectorLinkAction } from '../actions/create-inspector-link';
import { Field, FormError, SubmitButton } from '@/components/forms/field';
import { useFormAction } from '@/components/forms/use-form-action';
import { SiteNoticePoster, type PosterProps } from './site-notice-poster';
import { TextInput } from '@/components/ui/text-input';

/**
 * Create a QR link. The token exists only in this response: the page shows
 * the URL and the poster now, and says so — afterwards only its hash is kept.
 */
export function CreateLinkForm({ projectId, project }: { projectId: string; project: PosterProps['project'] }) {
  const { state, formRef, onSubmit, pending, formError, fieldErrors } = useFormAction(createInspectorLinkAction, {
    errorId: 'create-link-error',
  });
  const created = state?.ok ? state.data : null;
  return (
    <div>
      <form ref={formRef} onSubmit={onSubmit} className="space-y-4" noValidate>
        <input type="hidden" name="projectId" value={projectId} />
        <FormError id="create-link-error" message={formError} />
        <StepUpPrompt show={state?.ok === false && state.stepUp === true} />
        <Field
          name="label"
          label="Label"
          hint="Where the poster hangs, e.g. “Main gate”."
          errors={fieldErrors.label}
          idPrefix="link"
        >
          {(c) => <TextInput {...c} type="text" maxLength={80} />}
        </Field>
        <Field
          name="expiresOn"
          label="Last day"
          hint="Leave blank for a link that works until revoked."
          errors={fieldErrors.expiresOn}
          idPrefix="link"
        >
          {(c) => <TextInput {...c} type="date" />}
        </Field>
        <SubmitButton pending={pending} pendingLabel="Creating…">
          Create link and poster
        </SubmitButton>
      </form>
      {created ? (
        <section
          aria-labelledby="new-link"
          className="mt-6 rounded-lg border border-amber-300 bg-amber-50 p-4"
          data-testid="new-link"
        >
          <h3 id="new-link" className="font-semibold text-slate-900">
            New link — shown only now
          </h3>
          <p className="mt-1 text-sm text-slate-800">
            Print the poster or copy the address now: only a hash of it is stored, so it can&apos;t be shown again. A
            lost poster means revoking this link and creating a new one.
          </p>
          <label htmlFor="new-link-url" className="mt-3 block text-sm font-medium text-slate-900">
            Public address
          </label>
          <TextInput
            id="new-link-url"
            readOnly
            value={created.url}
            className="mt-1 font-mono"
            data-testid="new-link-url"
          />
          <SiteNoticePoster url={created.url} qrSvg={created.qrSvg} project={project} />
        </section>
      ) : null}
    </div>
  );
}
