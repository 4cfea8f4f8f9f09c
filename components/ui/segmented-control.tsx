'use client';

export interface SegmentOption {
  value: string;
  label: string;
}

/**
 * Radio buttons drawn as big tappable segments (yes/no/N-A, pass/fail/N-A):
 * real radios (keyboard, screen readers) hidden behind 48 px labels. Controlled
 * (`value` + `onChange`) or, for plain forms, uncontrolled (`defaultValue`).
 * `tone` colours the checked segment per value.
 */
export function SegmentedControl({
  name,
  options,
  value,
  defaultValue,
  onChange,
  describedBy,
  tone,
}: {
  name: string;
  options: SegmentOption[];
  value?: unknown;
  defaultValue?: string;
  onChange?: (v: string) => void;
  describedBy?: string;
  tone?: (v: string) => string;
}) {
  return (
    <div className={`grid gap-2 ${options.length === 2 ? 'grid-cols-2' : 'grid-cols-3'}`}>
      {options.map((o) => (
        <label
          key={o.value}
          className={`flex min-h-12 cursor-pointer items-center justify-center rounded-md border border-slate-300 bg-white px-2 text-center text-base font-medium text-slate-800 has-[:checked]:border-transparent has-[:checked]:text-white has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-[var(--color-focus)] ${tone?.(o.value) ?? 'has-[:checked]:bg-brand-700'}`}
        >
          <input
            type="radio"
            className="sr-only"
            name={name}
            value={o.value}
            {...(onChange
              ? { checked: value === o.value, onChange: () => onChange(o.value) }
              : { defaultChecked: defaultValue === o.value })}
            aria-describedby={describedBy}
          />
          {o.label}
        </label>
      ))}
    </div>
  );
}
