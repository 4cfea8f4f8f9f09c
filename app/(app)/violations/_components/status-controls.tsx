'use client';

import { moveViolationStatusAction } from '../actions/move-violation-status';
import { STATUS_LABELS, type ViolationStatusValue } from '@/lib/zod/schemas/violations';
import { StepButtons } from '@/components/forms/step-buttons';

const VERB: Record<ViolationStatusValue, string> = {
  open: 'Reopen',
  in_progress: 'Start work',
  fixed: 'Mark fixed',
  verified: 'Verify fix',
};

/** The next steps a violation may take, as buttons (one form, the pressed button sends `status`). */
export function StatusControls({ id, next }: { id: string; next: ViolationStatusValue[] }) {
  return (
    <StepButtons
      action={moveViolationStatusAction}
      fields={{ id }}
      name="status"
      options={next.map((s) => ({
        value: s,
        label: VERB[s],
        ariaLabel: `${VERB[s]} (move to ${STATUS_LABELS[s]})`,
        secondary: s === 'open',
      }))}
    />
  );
}
