'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useState } from 'react';
import { OSHA_RULE_TEXT } from '@/lib/compliance/osha-checklists';
import type { TemplateDefinition } from '@/lib/forms/template-definition';
import { templateKeyOf } from '@/lib/inspections/form-mapping';
import {
  EPA_INSPECTION_TYPES,
  INSPECTION_TYPE_LABELS,
  INSPECTION_TYPES,
  OSHA_INSPECTION_TYPES,
  type InspectionType,
} from '@/lib/zod/schemas/inspections';
import { createInspectionAction } from '../actions/create-inspection';
import { OfflineInspectionForm } from './offline-inspection-form';
import { Radio } from '@/components/ui/choice';
import { Select } from '@/components/ui/text-input';
import { primaryButtonClass } from '@/components/ui/styles';

type Offline = { ok: false; offline: true; projectId: string; type: string };
type CreateState = Awaited<ReturnType<typeof createInspectionAction>> | Offline | null;

/** The action, except that no signal (the request never left, or never came back) is a state, not a crash. */
async function createOrOffline(_prev: CreateState, formData: FormData): Promise<CreateState> {
  const offline: Offline = {
    ok: false,
    offline: true,
    projectId: String(formData.get('projectId') ?? ''),
    type: String(formData.get('type') ?? ''),
  };
  if (!navigator.onLine) return offline;
  try {
    return await createInspectionAction(null, formData);
  } catch {
    return offline;
  }
}

const TYPE_HELP: Record<(typeof INSPECTION_TYPES)[number], string> = {
  routine: 'The scheduled 7- or 14-day inspection',
  storm_event: 'Within 24 hours of 0.25 in of rain or more',
  corrective_follow_up: 'Checking that a fix was made',
  final: 'Before filing the notice of termination',
  osha_daily: OSHA_RULE_TEXT.osha_daily,
  osha_weekly: OSHA_RULE_TEXT.osha_weekly,
};

const GROUPS = [
  { title: 'EPA stormwater (2022 CGP)', types: EPA_INSPECTION_TYPES },
  { title: 'OSHA safety (29 CFR 1926)', types: OSHA_INSPECTION_TYPES },
] as const;

/**
 * Step 1 of a new inspection: project and type. The idempotency key was made
 * when the page rendered, so a double tap or a retried request opens the same
 * inspection instead of two. The type is asked here only (its form does not ask
 * again). Without signal, the form opens here on the device (`templates`, the
 * organization's current form of each kind, by template key) and is queued to send.
 */
export function NewInspectionForm({
  projects,
  idempotencyKey,
  defaultProjectId,
  templates,
  defaultType,
}: {
  projects: { id: string; name: string }[];
  idempotencyKey: string;
  defaultProjectId?: string;
  templates: Record<string, TemplateDefinition>;
  /** Preselected kind (a My work row for a storm inspection opens with "storm event" chosen). */
  defaultType?: InspectionType;
}) {
  const router = useRouter();
  const [state, action, pending] = useActionState(createOrOffline, null);
  const [offline, setOffline] = useState<{ project: { id: string; name: string }; type: InspectionType } | null>(null);
  useEffect(() => {
    if (state?.ok) router.push(`/inspections/${state.data.inspectionId}`);
    if (state && 'offline' in state) {
      const project = projects.find((p) => p.id === state.projectId);
      const type = INSPECTION_TYPES.find((t) => t === state.type);
      if (project && type) setOffline({ project, type }); // eslint-disable-line react-hooks/set-state-in-effect -- the server was unreachable
    }
  }, [state, router, projects]);
  const errors = state && !state.ok && 'fieldErrors' in state ? (state.fieldErrors ?? {}) : {};

  const offlineTemplate = offline ? templates[templateKeyOf(offline.type)] : undefined;
  if (offline && offlineTemplate) {
    return (
      <OfflineInspectionForm
        key={offline.project.id + offline.type}
        definition={offlineTemplate}
        {...offline}
        onAnother={() => setOffline(null)}
      />
    );
  }

  return (
    <form
      action={action}
      onSubmit={(e) => {
        // No signal: open the form on the device instead of calling the server.
        if (navigator.onLine) return;
        const data = new FormData(e.currentTarget);
        const project = projects.find((p) => p.id === data.get('projectId'));
        const type = INSPECTION_TYPES.find((t) => t === data.get('type'));
        if (!type || !templates[templateKeyOf(type)]) return;
        e.preventDefault();
        if (project) setOffline({ project, type });
      }}
      className="space-y-6"
    >
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {state && !state.ok && 'offline' in state ? (
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-950">
          {templates[templateKeyOf(INSPECTION_TYPES.find((t) => t === state.type) ?? 'routine')]
            ? 'The server could not be reached.'
            : 'No signal, and this device has no copy of the inspection form yet. Open this page once with signal.'}
        </p>
      ) : null}
      {state && !state.ok && 'formError' in state && state.formError ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
          {state.formError}
        </p>
      ) : null}

      <div>
        <label htmlFor="projectId" className="block text-base font-medium text-slate-900">
          Project
        </label>
        <Select
          id="projectId"
          name="projectId"
          defaultValue={defaultProjectId ?? ''}
          required
          aria-invalid={errors.projectId ? true : undefined}
          aria-describedby={errors.projectId ? 'projectId-error' : undefined}
          className="mt-2"
        >
          <option value="" disabled>
            Choose a project…
          </option>
          {projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
        {errors.projectId ? (
          <p id="projectId-error" className="mt-1 text-sm font-medium text-red-700">
            {errors.projectId.join(' ')}
          </p>
        ) : null}
      </div>

      <fieldset aria-describedby={errors.type ? 'type-error' : undefined}>
        <legend className="text-base font-medium text-slate-900">Type of inspection</legend>
        {GROUPS.map((group, g) => (
          <div key={group.title} className="mt-3">
            <p className="text-sm font-semibold tracking-wide text-slate-700 uppercase">{group.title}</p>
            <div className="mt-2 space-y-2">
              {group.types.map((t, i) => (
                <label
                  key={t}
                  className="flex min-h-14 cursor-pointer items-center gap-3 rounded-md border border-slate-300 bg-white px-3 py-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
                >
                  <Radio
                    name="type"
                    value={t}
                    defaultChecked={defaultType ? t === defaultType : g === 0 && i === 0}
                  />
                  <span>
                    <span className="block text-base font-medium text-slate-900">{INSPECTION_TYPE_LABELS[t]}</span>
                    <span className="block text-sm text-slate-600">{TYPE_HELP[t]}</span>
                  </span>
                </label>
              ))}
            </div>
          </div>
        ))}
        {errors.type ? (
          <p id="type-error" className="mt-1 text-sm font-medium text-red-700">
            {errors.type.join(' ')}
          </p>
        ) : null}
      </fieldset>

      <button
        type="submit"
        disabled={pending || state?.ok}
        className={`${primaryButtonClass} w-full sm:w-auto`}
      >
        {pending || state?.ok ? 'Opening the form…' : 'Start inspection'}
      </button>
    </form>
  );
}
