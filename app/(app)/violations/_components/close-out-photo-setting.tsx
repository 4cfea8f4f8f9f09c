'use client';

import { useActionState } from 'react';
import { StepUpPrompt } from '@/components/auth/step-up-prompt';
import { setCloseOutPhotoRuleAction } from '../actions/set-close-out-photo-rule';
import { Checkbox } from '@/components/ui/choice';

/** Owners/admins: whether "fixed" needs a close-out photo in this organization. */
export function CloseOutPhotoSetting({ initial }: { initial: boolean }) {
  const [state, dispatch, pending] = useActionState(setCloseOutPhotoRuleAction, null);
  const current = state?.ok ? state.data.fixedRequiresPhoto : initial;
  return (
    <form action={dispatch} className="flex flex-wrap items-center gap-3 rounded-md border border-slate-200 bg-white p-3 text-sm">
      <input type="hidden" name="fixedRequiresPhoto" value="false" />
      <label className="flex min-h-11 items-center gap-2">
        <Checkbox name="fixedRequiresPhoto" defaultChecked={current} />
        Require a close-out photo before a corrective action is marked fixed
      </label>
      <button type="submit" disabled={pending} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 px-3 font-semibold text-brand-700 disabled:opacity-60">
        {pending ? 'Saving…' : 'Save'}
      </button>
      {state ? (
        <p role={state.ok ? 'status' : 'alert'} className={state.ok ? 'text-slate-600' : 'text-red-700'}>
          {state.ok ? 'Saved.' : state.formError}
        </p>
      ) : null}
      <StepUpPrompt show={state?.ok === false && state.stepUp === true} />
    </form>
  );
}
