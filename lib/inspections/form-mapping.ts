import type { InspectionType } from '@/lib/zod/schemas/inspections';
import type { TemplateDefinition } from '@/lib/forms/template-definition';

/** The EPA template the inspection flow fills (lib/forms/default-templates.ts). */
export const INSPECTION_TEMPLATE_KEY = 'epa_cgp_inspection';

/** The template's `inspection_type` choice values ↔ the inspections.type enum. */
const FORM_TYPE: Record<InspectionType, string> = {
  routine: 'routine',
  storm_event: 'storm_event',
  corrective_follow_up: 'follow_up',
  final: 'final',
};

export function formTypeOf(type: InspectionType): string {
  return FORM_TYPE[type];
}

function typeFromForm(value: unknown): InspectionType | undefined {
  const hit = Object.entries(FORM_TYPE).find(([, v]) => v === value);
  return hit?.[0] as InspectionType | undefined;
}

/** What a new inspection form starts with: the chosen type and today's date. */
export function initialFormData(type: InspectionType, today = new Date()): Record<string, unknown> {
  return { inspection_type: formTypeOf(type), inspection_date: today.toISOString().slice(0, 10) };
}

interface BmpResultRow {
  bmpCategoryKey: string;
  item: string;
  label: string;
  result: 'pass' | 'fail' | 'na';
  note?: string;
}

export interface InspectionSummary {
  type?: InspectionType;
  inspectedAt?: Date;
  inspectorName?: string;
  bmpResults: BmpResultRow[];
  findings?: string | null;
  rainGaugeInches?: string | null;
  areasNotInspected?: string | null;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/**
 * The inspection's summary columns, copied from its validated form data when
 * it is submitted (so lists, the dashboard and the public page read columns,
 * not JSON): BMP results, findings, rain gauge, areas not inspected, inspector.
 */
export function summaryFromForm(def: TemplateDefinition, data: Record<string, unknown>): InspectionSummary {
  const fields = def.sections.flatMap((s) => s.fields);
  const bmpResults: BmpResultRow[] = [];
  for (const field of fields) {
    if (field.type !== 'bmp_checklist') continue;
    const values = (data[field.key] ?? {}) as Record<
      string,
      { result: BmpResultRow['result']; note?: string } | undefined
    >;
    for (const item of field.items) {
      const v = values[item.key];
      if (v)
        bmpResults.push({
          bmpCategoryKey: item.category,
          item: item.key,
          label: item.label,
          result: v.result,
          ...(v.note ? { note: v.note } : {}),
        });
    }
  }
  const date = str(data.inspection_date);
  const rain = data.rain_gauge_inches;
  const signature = data.signature as { name?: string } | undefined;
  return {
    type: typeFromForm(data.inspection_type),
    inspectedAt: date ? new Date(`${date}T12:00:00Z`) : undefined,
    inspectorName: str(signature?.name) ?? undefined,
    bmpResults,
    findings: str(data.conditions_requiring_action),
    rainGaugeInches: typeof rain === 'number' ? rain.toFixed(2) : null,
    areasNotInspected: str(data.areas_not_inspected),
  };
}

/** Form data without its signature fields: an amendment must be signed again. */
export function withoutSignatures(def: TemplateDefinition, data: Record<string, unknown>): Record<string, unknown> {
  const signatureKeys = new Set(
    def.sections
      .flatMap((s) => s.fields)
      .filter((f) => f.type === 'signature')
      .map((f) => f.key),
  );
  return Object.fromEntries(Object.entries(data).filter(([k]) => !signatureKeys.has(k)));
}
