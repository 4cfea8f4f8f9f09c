'use client';

import { useRef, type RefObject } from 'react';
import { Radio } from '@/components/ui/choice';
import { instantToZonedInput } from '@/lib/format/when';
import { ACTION_KIND_LABELS, ACTION_KIND_PARTS, ACTION_KINDS, type ActionKind } from '@/lib/zod/schemas/violations';

/** What each clock means. */
const KIND_HINTS: Record<ActionKind, string> = {
  corrective_action: 'A BMP is missing, failed or a discharge happened: done within 7 calendar days',
  routine_maintenance: 'The BMP works but needs upkeep: done by the close of the next business day',
};

/**
 * Which permit clock the work runs on. The stored obligation follows the
 * choice; routine maintenance counts the organization's business calendar.
 */
export function ActionKindField({ idPrefix, errors, onKind }: { idPrefix: string; errors?: string[]; onKind?: (kind: ActionKind) => void }) {
  const errorId = `${idPrefix}-kind-error`;
  return (
    <fieldset aria-describedby={errors?.length ? errorId : undefined}>
      <legend className="text-sm font-medium text-slate-900">Kind of work</legend>
      <div className="mt-1 space-y-2">
        {ACTION_KINDS.map((k) => (
          <label key={k} className="flex min-h-11 items-start gap-2 text-base text-slate-900">
            <Radio
              name="kind"
              value={k}
              defaultChecked={k === 'corrective_action'}
              aria-describedby={`${idPrefix}-kind-${k}`}
              className="mt-1"
              onChange={() => onKind?.(k)}
            />
            <span>
              {ACTION_KIND_LABELS[k]}
              <span id={`${idPrefix}-kind-${k}`} className="block text-sm text-slate-600">
                {KIND_HINTS[k]} ({ACTION_KIND_PARTS[k]}).
              </span>
            </span>
          </label>
        ))}
      </div>
      {errors?.length ? (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-700">
          {errors.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}

/**
 * The form's due field follows the kind of work: each kind proposes its own
 * deadline (`dueByKind`, ISO instants computed on the server by the engine's
 * rule: 7 calendar days, or the close of the next business day in the
 * organization's calendar). A due time the person typed is never replaced:
 * only one still showing the previous kind's proposal is.
 */
export function useDueFollowsKind(form: RefObject<HTMLFormElement | null>, field: string, timeZone: string, dueByKind: Record<ActionKind, string>) {
  const last = useRef<ActionKind>('corrective_action');
  return (kind: ActionKind) => {
    const input = form.current?.elements.namedItem(field);
    if (!(input instanceof HTMLInputElement)) return;
    const proposed = (k: ActionKind) => instantToZonedInput(new Date(dueByKind[k]), timeZone);
    if (input.value === proposed(last.current)) {
      input.value = proposed(kind);
      // ZonedDateTimeInput reads the value back from native events (its site-time line).
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    last.current = kind;
  };
}
