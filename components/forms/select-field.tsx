import { Select } from '@/components/ui/text-input';
import { Field } from './field';

/**
 * A labelled native select with its errors (`Field` + `Select`), for the
 * common case of a list of options; `blank` adds a first empty option ("Any").
 */
export function SelectField({
  name,
  label,
  options,
  defaultValue,
  blank,
  errors,
  idPrefix,
  required,
  markOptional,
}: {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  defaultValue?: string;
  blank?: string;
  errors?: string[];
  idPrefix?: string;
  required?: boolean;
  markOptional?: boolean;
}) {
  return (
    <Field name={name} label={label} errors={errors} idPrefix={idPrefix} required={required} markOptional={markOptional}>
      {(p) => (
        <Select {...p} defaultValue={defaultValue ?? ''}>
          {blank !== undefined ? <option value="">{blank}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}
