'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { INSPECTION_SCHEDULE_LABELS, INSPECTION_SCHEDULES, PROJECT_STATUSES } from '@/lib/zod/schemas/projects';
import { createProjectAction } from '../actions/create-project';
import { updateProjectAction } from '../actions/update-project';
import { Field, FormError, SubmitButton } from '@/components/forms/field';
import { useFormAction } from '@/components/forms/use-form-action';
import { Select, TextInput } from '@/components/ui/text-input';
import { Checkbox } from '@/components/ui/choice';

export interface ProjectFormValues {
  id?: string;
  name: string;
  address: string;
  npdesPermitId: string;
  permitStart: string;
  permitEnd: string;
  disturbedAcres: string;
  receivingWater: string;
  sensitiveWater: boolean;
  inspectionSchedule: string;
  /** '' = the organization's zone. */
  timeZone: string;
  status: string;
  /** Decimal degrees; '' = not recorded (no weather provider readings). */
  latitude: string;
  longitude: string;
}

/** US zones first (the permits are EPA's); any IANA zone is accepted by the API. */
const SITE_TIME_ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/Puerto_Rico',
  'Pacific/Guam',
];

const STATUS_LABELS: Record<(typeof PROJECT_STATUSES)[number], string> = {
  active: 'Active',
  completed: 'Completed',
  archived: 'Archived',
};

/** Create (no `id`) or edit a project. On success, opens the project's page. */
export function ProjectForm({ initial }: { initial: ProjectFormValues }) {
  const router = useRouter();
  const editing = Boolean(initial.id);
  const { state, formRef, onSubmit, pending, formError, fieldErrors } = useFormAction(
    editing ? updateProjectAction : createProjectAction,
    {
      errorId: 'project-form-error',
    },
  );

  useEffect(() => {
    if (state?.ok) router.push(`/projects/${state.data.id}`);
  }, [state, router]);

  const f = (name: keyof ProjectFormValues) => ({ name, errors: fieldErrors[name], idPrefix: 'project' });

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      className="space-y-5"
      aria-describedby={formError ? 'project-form-error' : undefined}
    >
      <FormError id="project-form-error" message={formError} />
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}

      <Field {...f('name')} label="Project name" required>
        {(p) => (
          <TextInput
            {...p}
            type="text"
            defaultValue={initial.name}
            autoComplete="off"
            maxLength={200}
          />
        )}
      </Field>
      <Field {...f('address')} label="Site address">
        {(p) => (
          <TextInput
            {...p}
            type="text"
            defaultValue={initial.address}
            autoComplete="street-address"
            maxLength={500}
          />
        )}
      </Field>

      <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-900">Stormwater permit</legend>
        <Field {...f('npdesPermitId')} label="NPDES permit ID" hint="As on the permit coverage letter, e.g. TXR15ABCD.">
          {(p) => (
            <TextInput
              {...p}
              type="text"
              defaultValue={initial.npdesPermitId}
              autoCapitalize="characters"
              autoComplete="off"
            />
          )}
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field {...f('permitStart')} label="Coverage start">
            {(p) => <TextInput {...p} type="date" defaultValue={initial.permitStart} />}
          </Field>
          <Field {...f('permitEnd')} label="Termination">
            {(p) => <TextInput {...p} type="date" defaultValue={initial.permitEnd} />}
          </Field>
        </div>
        <Field {...f('disturbedAcres')} label="Disturbed area (acres)" hint="0 or more, up to 2 decimals.">
          {(p) => (
            <TextInput
              {...p}
              type="text"
              inputMode="decimal"
              defaultValue={initial.disturbedAcres}
            />
          )}
        </Field>
      </fieldset>

      <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-900">Receiving water</legend>
        <Field {...f('receivingWater')} label="Receiving water" hint="The creek, lake or river the site drains to.">
          {(p) => <TextInput {...p} type="text" defaultValue={initial.receivingWater} />}
        </Field>
        <div>
          {/* The hidden "false" makes an unchecked box an explicit "no" (the last value wins). */}
          <input type="hidden" name="sensitiveWater" value="false" />
          <label className="flex min-h-11 items-start gap-3 text-sm text-slate-900">
            <Checkbox
              name="sensitiveWater"
              value="on"
              defaultChecked={initial.sensitiveWater}
              aria-describedby="project-sensitiveWater-hint"
              className="mt-0.5"
            />
            <span>
              <span className="font-medium">Sensitive water</span>
              <span id="project-sensitiveWater-hint" className="block text-slate-600">
                Impaired, or Tier 2 / 3 — tighter inspection and stabilization rules apply.
              </span>
            </span>
          </label>
          {fieldErrors.sensitiveWater?.length ? (
            <p className="mt-1 text-sm font-medium text-red-700">{fieldErrors.sensitiveWater.join(' ')}</p>
          ) : null}
        </div>
      </fieldset>

      <Field {...f('inspectionSchedule')} label="Inspection schedule" required>
        {(p) => (
          <Select {...p} defaultValue={initial.inspectionSchedule}>
            {INSPECTION_SCHEDULES.map((s) => (
              <option key={s} value={s}>
                {INSPECTION_SCHEDULE_LABELS[s]}
              </option>
            ))}
          </Select>
        )}
      </Field>

      <Field
        {...f('timeZone')}
        label="Site time zone"
        hint="Every time at this site is shown, and typed, in this zone."
      >
        {(p) => (
          <Select {...p} defaultValue={initial.timeZone}>
            <option value="">The organization&apos;s time zone</option>
            {[...new Set([...SITE_TIME_ZONES, ...(initial.timeZone ? [initial.timeZone] : [])])].map((z) => (
              <option key={z} value={z}>
                {z.replaceAll('_', ' ')}
              </option>
            ))}
          </Select>
        )}
      </Field>

      <fieldset className="grid grid-cols-2 gap-3">
        <legend className="col-span-2 mb-1 text-sm text-slate-600">
          Site location (decimal degrees), for the daily rain reading from the weather service. A gauge entry on site wins for the same day.
        </legend>
        <Field {...f('latitude')} label="Latitude">
          {(p) => <TextInput {...p} type="text" inputMode="decimal" placeholder="30.26720" defaultValue={initial.latitude} />}
        </Field>
        <Field {...f('longitude')} label="Longitude">
          {(p) => <TextInput {...p} type="text" inputMode="decimal" placeholder="-97.74310" defaultValue={initial.longitude} />}
        </Field>
      </fieldset>

      {editing ? (
        <Field {...f('status')} label="Status" required>
          {(p) => (
            <Select {...p} defaultValue={initial.status}>
              {PROJECT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </Select>
          )}
        </Field>
      ) : null}

      <div className="flex flex-col gap-3 pt-2 sm:flex-row">
        <SubmitButton pending={pending} pendingLabel={editing ? 'Saving…' : 'Creating…'}>
          {editing ? 'Save changes' : 'Create project'}
        </SubmitButton>
      </div>
    </form>
  );
}
