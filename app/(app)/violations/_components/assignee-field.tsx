import { Field } from '@/components/forms/field';
import { Select } from '@/components/ui/text-input';

/** Who fixes it: a member of the organization, or nobody yet (corrective actions, confirming a finding). */
export function AssigneeField({
  id,
  members,
  errors,
  defaultValue = '',
}: {
  id: string;
  members: { userId: string; name: string }[];
  errors?: string[];
  defaultValue?: string;
}) {
  return (
    <Field id={id} label="Assigned to" errors={errors}>
      {(p) => (
        <Select {...p} name="assignedTo" defaultValue={defaultValue}>
          <option value="">Nobody yet</option>
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}
