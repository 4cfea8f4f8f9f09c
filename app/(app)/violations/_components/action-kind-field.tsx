import { Radio } from '@/components/ui/choice';
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
export function ActionKindField({ idPrefix, errors }: { idPrefix: string; errors?: string[] }) {
  const errorId = `${idPrefix}-kind-error`;
  return (
    <fieldset aria-describedby={errors?.length ? errorId : undefined}>
      <legend className="text-sm font-medium text-slate-900">Kind of work</legend>
      <div className="mt-1 space-y-2">
        {ACTION_KINDS.map((k) => (
          <label key={k} className="flex min-h-11 items-start gap-2 text-base text-slate-900">
            <Radio name="kind" value={k} defaultChecked={k === 'corrective_action'} aria-describedby={`${idPrefix}-kind-${k}`} className="mt-1" />
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
