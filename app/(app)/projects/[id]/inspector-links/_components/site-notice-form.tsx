'use client';

import { updateSiteNoticeAction } from '../actions/update-site-notice';
import { Field, FormError, SubmitButton } from '@/components/forms/field';
import { useFormAction } from '@/components/forms/use-form-action';
import { TextArea, TextInput } from '@/components/ui/text-input';

/** The contact and SWPPP lines Part 1.5 asks the posted notice to show. */
export function SiteNoticeForm(props: {
  projectId: string;
  noticeContactName: string | null;
  noticeContactPhone: string | null;
  swpppLocation: string | null;
}) {
  const { state, formRef, onSubmit, pending, formError, fieldErrors } = useFormAction(updateSiteNoticeAction, {
    errorId: 'notice-error',
  });
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="projectId" value={props.projectId} />
      <FormError id="notice-error" message={formError} />
      <Field name="noticeContactName" label="Contact name" errors={fieldErrors.noticeContactName} idPrefix="notice">
        {(c) => (
          <TextInput
            {...c}
            type="text"
            maxLength={120}
            defaultValue={props.noticeContactName ?? ''}
          />
        )}
      </Field>
      <Field name="noticeContactPhone" label="Contact phone" errors={fieldErrors.noticeContactPhone} idPrefix="notice">
        {(c) => (
          <TextInput
            {...c}
            type="tel"
            maxLength={40}
            defaultValue={props.noticeContactPhone ?? ''}
          />
        )}
      </Field>
      <Field
        name="swpppLocation"
        label="Where the SWPPP can be read"
        hint="E.g. “Site trailer at the north gate, weekdays 7–3” or a web address. Blank: the poster says to ask the EPA Regional Office."
        errors={fieldErrors.swpppLocation}
        idPrefix="notice"
      >
        {(c) => (
          <TextArea {...c} rows={2} maxLength={300} defaultValue={props.swpppLocation ?? ''} />
        )}
      </Field>
      <div className="flex items-center gap-3">
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Save notice
        </SubmitButton>
        {state?.ok ? (
          <p role="status" className="text-sm text-green-800">
            Saved.
          </p>
        ) : null}
      </div>
    </form>
  );
}
