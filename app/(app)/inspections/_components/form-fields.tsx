'use client';

import { useState } from 'react';
import type { FieldDefinition } from '@/lib/forms/template-definition';
import { SegmentedControl } from '@/components/ui/segmented-control';
import { formatDateTime } from '@/lib/format/when';
import { InspectionPhotoField } from './photo-context';
import { a11y, ErrorText, errorId, fieldDomId, GroupShell, Help, Labelled, Required } from './field-shell';
import { TextArea, TextInput } from '@/components/ui/text-input';
import { Checkbox, Radio } from '@/components/ui/choice';

/**
 * One input per template field type, mobile-first: labels above inputs, 48px
 * touch targets, radio groups as large buttons, every error tied to its input
 * with aria-describedby. Values are plain JSON (what the server validates).
 */

export interface FieldProps<F extends FieldDefinition = FieldDefinition> {
  field: F;
  value: unknown;
  onChange: (value: unknown) => void;
  /** Errors keyed by path: `field` or `field.item` (BMP rows). */
  errors: Record<string, string[]>;
  /** The site's zone (times shown in the form); UTC, labelled, where none is known (offline). */
  timeZone?: string;
}

const bmpTone = (v: string) =>
  v === 'pass'
    ? 'has-[:checked]:bg-emerald-700'
    : v === 'fail'
      ? 'has-[:checked]:bg-red-700'
      : 'has-[:checked]:bg-slate-700';

function BmpChecklist({
  field,
  value,
  onChange,
  errors,
}: FieldProps<Extract<FieldDefinition, { type: 'bmp_checklist' }>>) {
  const rows = (value ?? {}) as Record<string, { result?: string; note?: string } | undefined>;
  const set = (item: string, patch: { result?: string; note?: string }) => {
    const next = { ...rows, [item]: { ...rows[item], ...patch } };
    if (!next[item]?.note) delete next[item]!.note;
    onChange(next);
  };
  return (
    <GroupShell field={field} errors={errors[field.key]}>
      <ul className="divide-y divide-slate-200 rounded-md border border-slate-200">
        {field.items.map((item) => {
          const key = `${field.key}.${item.key}`;
          const rowErrors = errors[key];
          const row = rows[item.key];
          // One note control, shown open for a failed item and behind "Add a note" otherwise.
          const noteInput = (
            <TextInput
              id={`${fieldDomId(key)}-note`}
              value={row?.note ?? ''}
              maxLength={1000}
              onChange={(e) => set(item.key, { note: e.target.value })}
            />
          );
          return (
            <li key={item.key} className="p-3">
              <fieldset id={fieldDomId(key)} tabIndex={-1} className="outline-none">
                <legend className="text-base text-slate-900">{item.label}</legend>
                <div className="mt-2">
                  <SegmentedControl
                    name={key}
                    value={row?.result}
                    onChange={(result) => set(item.key, { result })}
                    describedBy={rowErrors?.length ? errorId(key) : undefined}
                    tone={bmpTone}
                    options={[
                      { value: 'pass', label: 'Pass' },
                      { value: 'fail', label: 'Fail' },
                      { value: 'na', label: 'N/A' },
                    ]}
                  />
                </div>
                <ErrorText id={errorId(key)} messages={rowErrors} />
                {row?.result === 'fail' || row?.note ? (
                  <div className="mt-2">
                    <label htmlFor={`${fieldDomId(key)}-note`} className="text-sm text-slate-700">
                      Note {row?.result === 'fail' ? '(what needs fixing, where)' : '(optional)'}
                    </label>
                    <div className="mt-1">{noteInput}</div>
                  </div>
                ) : null}
                {row?.result === 'fail' ? <InspectionPhotoField itemKey={item.key} label={`Photos: ${item.label}`} /> : null}
                {row?.result === 'fail' || row?.note ? null : row?.result ? (
                  <details className="mt-1">
                    <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700">
                      Add a note
                    </summary>
                    <label htmlFor={`${fieldDomId(key)}-note`} className="sr-only">
                      Note for {item.label}
                    </label>
                    {noteInput}
                  </details>
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ul>
    </GroupShell>
  );
}

function NumberField({ field, value, onChange, errors }: FieldProps<Extract<FieldDefinition, { type: 'number' }>>) {
  const [text, setText] = useState(typeof value === 'number' ? String(value) : '');
  const [local, setLocal] = useState<string | null>(null);
  const all = [...(local ? [local] : []), ...(errors[field.key] ?? [])];
  return (
    <Labelled field={field} errors={all.length ? all : undefined}>
      <div className="flex items-center gap-2">
        <TextInput
          {...a11y(field.key, all.length ? all : undefined, field.required)}
          className="max-w-40"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          onChange={(e) => {
            const t = e.target.value;
            setText(t);
            const n = Number(t.replace(',', '.'));
            if (t.trim() === '') {
              setLocal(null);
              onChange(undefined);
            } else if (Number.isFinite(n)) {
              setLocal(null);
              onChange(n);
            } else {
              setLocal('Enter a number, like 0.25');
              onChange(undefined);
            }
          }}
        />
        {field.unit ? (
          <span className="text-base text-slate-700">{field.unit === 'in' ? 'inches' : field.unit}</span>
        ) : null}
      </div>
    </Labelled>
  );
}

function SignatureField({
  field,
  value,
  onChange,
  errors,
  timeZone = 'UTC',
}: FieldProps<Extract<FieldDefinition, { type: 'signature' }>>) {
  const sig = value as { name?: string; signedAt?: string } | undefined;
  const fieldErrors = [
    ...(errors[field.key] ?? []),
    ...(errors[`${field.key}.name`] ?? []),
    ...(errors[`${field.key}.signedAt`] ?? []),
  ];
  return (
    <Labelled field={field} errors={fieldErrors.length ? fieldErrors : undefined}>
      <p className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700">{field.statement}</p>
      <p className="mt-3 text-sm text-slate-700">Type your full name to sign this statement:</p>
      <TextInput
        {...a11y(field.key, fieldErrors.length ? fieldErrors : undefined, field.required)}
        className="mt-1"
        autoComplete="name"
        value={sig?.name ?? ''}
        onChange={(e) =>
          onChange(e.target.value.trim() ? { name: e.target.value, signedAt: new Date().toISOString() } : undefined)
        }
      />
      {sig?.name?.trim() && sig.signedAt ? (
        <p className="mt-1 text-sm text-slate-600">
          Signed as <span className="font-medium">{sig.name}</span> at{' '}
          <time dateTime={sig.signedAt}>{formatDateTime(new Date(sig.signedAt), timeZone)}</time>
        </p>
      ) : null}
    </Labelled>
  );
}

/** Who performed the inspection: name and title, typed by the crew. Not a signature (that is the certification). */
function PerformerField({
  field,
  value,
  onChange,
  errors,
}: FieldProps<Extract<FieldDefinition, { type: 'performer' }>>) {
  const v = (value ?? {}) as { name?: string; title?: string };
  const nameErrors = [...(errors[field.key] ?? []), ...(errors[`${field.key}.name`] ?? [])];
  const titleErrors = errors[`${field.key}.title`];
  const set = (next: { name?: string; title?: string }) =>
    onChange(next.name || next.title ? { name: next.name ?? '', ...(next.title ? { title: next.title } : {}) } : undefined);
  return (
    <fieldset>
      <legend className="text-base font-medium text-slate-900">
        {field.label}
        <Required on={field.required} />
      </legend>
      <Help text={field.help} />
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={fieldDomId(field.key)} className="block text-sm font-medium text-slate-800">
            Name
          </label>
          <TextInput
            {...a11y(field.key, nameErrors.length ? nameErrors : undefined, field.required)}
            className="mt-1"
            autoComplete="name"
            value={v.name ?? ''}
            onChange={(e) => set({ ...v, name: e.target.value })}
          />
          <ErrorText id={errorId(field.key)} messages={nameErrors.length ? nameErrors : undefined} />
        </div>
        <div>
          <label htmlFor={fieldDomId(`${field.key}.title`)} className="block text-sm font-medium text-slate-800">
            Title or qualification
          </label>
          <TextInput
            {...a11y(`${field.key}.title`, titleErrors, false)}
            className="mt-1"
            autoComplete="organization-title"
            value={v.title ?? ''}
            onChange={(e) => set({ ...v, title: e.target.value })}
          />
          <ErrorText id={errorId(`${field.key}.title`)} messages={titleErrors} />
        </div>
      </div>
    </fieldset>
  );
}

/** The input for one template field. */
export function Field(props: FieldProps) {
  const { field, value, onChange, errors } = props;
  const own = errors[field.key];
  switch (field.type) {
    case 'text':
      return (
        <Labelled field={field} errors={own}>
          {field.multiline ? (
            <TextArea
              {...a11y(field.key, own, field.required)}
              rows={4}
              maxLength={field.maxLength}
              value={(value as string) ?? ''}
              onChange={(e) => onChange(e.target.value)}
            />
          ) : (
            <TextInput
              {...a11y(field.key, own, field.required)}
              maxLength={field.maxLength}
              value={(value as string) ?? ''}
              onChange={(e) => onChange(e.target.value)}
            />
          )}
        </Labelled>
      );
    case 'number':
      return <NumberField {...props} field={field} />;
    case 'date':
      return (
        <Labelled field={field} errors={own}>
          <TextInput
            {...a11y(field.key, own, field.required)}
            type="date"
            className="max-w-56"
            value={(value as string) ?? ''}
            onChange={(e) => onChange(e.target.value)}
          />
        </Labelled>
      );
    case 'yes_no_na':
      return (
        <GroupShell field={field} errors={own}>
          <SegmentedControl
            name={field.key}
            value={value}
            onChange={onChange}
            options={[
              { value: 'yes', label: 'Yes' },
              { value: 'no', label: 'No' },
              { value: 'na', label: 'N/A' },
            ]}
          />
        </GroupShell>
      );
    case 'choice': {
      const selected = field.multiple ? ((value as string[] | undefined) ?? []) : [value];
      const Choice = field.multiple ? Checkbox : Radio;
      return (
        <GroupShell field={field} errors={own}>
          <div className="space-y-2">
            {field.options.map((o) => (
              <label
                key={o.value}
                className="flex min-h-12 cursor-pointer items-center gap-3 rounded-md border border-slate-300 bg-white px-3 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
              >
                <Choice
                  name={field.key}
                  value={o.value}
                  checked={selected.includes(o.value)}
                  onChange={(e) =>
                    onChange(
                      field.multiple
                        ? e.target.checked
                          ? [...selected, o.value]
                          : selected.filter((v) => v !== o.value)
                        : o.value,
                    )
                  }
                />
                <span className="text-base text-slate-900">{o.label}</span>
              </label>
            ))}
          </div>
        </GroupShell>
      );
    }
    case 'bmp_checklist':
      return <BmpChecklist {...props} field={field} />;
    case 'photo':
      return (
        <GroupShell field={field} errors={own}>
          <InspectionPhotoField itemKey="" label={field.label} max={field.maxPhotos} />
        </GroupShell>
      );
    case 'signature':
      return <SignatureField {...props} field={field} />;
    case 'performer':
      return <PerformerField {...props} field={field} />;
  }
}
