'use client';

import { advanceCorrectiveActionAction } from '../actions/advance-corrective-action';
import type { ViolationStatusValue } from '@/lib/zod/schemas/violations';
import { StepButtons } from '@/components/forms/step-buttons';

const VERB: Record<ViolationStatusValue, string> = {
  open: 'Reopen',
  in_progress: 'Start',
  fixed: 'Mark fixed',
  verified: 'Verify',
};

/** Buttons for a corrective action's next steps (the server re-checks who may verify). */
export function CorrectiveActionControls({
  id,
  next,
  label,
}: {
  id: string;
  next: ViolationStatusValue[];
  label: string;
}) {
  return (
    <div className="mt-3">
      <StepButtons
        action={advanceCorrectiveActionAction}
        fields={{ id }}
        name="to"
        options={next.map((s) => ({ value: s, label: VERB[s], ariaLabel: `${VERB[s]}: ${label}`, secondary: true }))}
      />
    </div>
  );
}
