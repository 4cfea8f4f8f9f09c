'use client';

import { FormError, SubmitButton } from '@/components/forms/field';
import { useFormAction } from '@/components/forms/use-form-action';
import { saveReminderPreferencesAction } from '../actions/save-reminder-preferences';
import { Checkbox } from '@/components/ui/choice';

export interface Preferences {
  inspections: boolean;
  reports: boolean;
  email: boolean;
}

const CHOICES: { name: keyof Preferences; label: string; hint: string }[] = [
  { name: 'inspections', label: 'Inspections due or overdue', hint: 'Routine and storm inspections (CGP Part 4).' },
  { name: 'reports', label: 'Inspection reports due or overdue', hint: 'Report completion within 24 hours (Part 4.7).' },
  { name: 'email', label: 'Also send them by email', hint: 'To the address you sign in with.' },
];

/** Which reminders this member gets in this organization. */
export function PreferencesForm({ initial }: { initial: Preferences }) {
  const { state, formRef, onSubmit, pending, formError } = useFormAction(saveReminderPreferencesAction, { errorId: 'prefs-error' });
  return (
    <form ref={formRef} onSubmit={onSubmit} aria-labelledby="prefs-heading" className="space-y-3" noValidate>
      <FormError id="prefs-error" message={formError} />
      {CHOICES.map((c) => (
        <label key={c.name} className="flex min-h-11 items-start gap-3 rounded-lg border border-slate-200 p-3">
          <Checkbox name={c.name} defaultChecked={initial[c.name]} className="mt-1" aria-describedby={`pref-${c.name}-hint`} />
          <span>
            <span className="block font-medium text-slate-900">{c.label}</span>
            <span id={`pref-${c.name}-hint`} className="block text-sm text-slate-600">
              {c.hint}
            </span>
          </span>
        </label>
      ))}
      <div className="flex items-center gap-3">
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Save choices
        </SubmitButton>
        <p role="status" className="text-sm text-green-800">
          {state?.ok ? 'Saved.' : ''}
        </p>
      </div>
    </form>
  );
}
