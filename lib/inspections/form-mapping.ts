import type { InspectionType } from '@/lib/zod/schemas/inspections';
import type { TemplateDefinition } from '@/lib/forms/template-definition';

/** The EPA template the stormwater inspections fill (lib/forms/default-templates.ts). */
const INSPECTION_TEMPLATE_KEY = 'epa_cgp_inspection';

/** Which template each kind of inspection opens: the four EPA types share one report; each OSHA checklist is its own. */
const TEMPLATE_KEY: Record<InspectionType, string> = {
  routine: INSPECTION_TEMPLATE_KEY,
  storm_event: INSPECTION_TEMPLATE_KEY,
  corrective_follow_up: INSPECTION_TEMPLATE_KEY,
  final: INSPECTION_TEMPLATE_KEY,
  osha_daily: 'osha_daily',
  osha_weekly: 'osha_weekly',
};

export function templateKeyOf(type: InspectionType): string {
  return TEMPLATE_KEY[type];
}

/**
 * Older EPA template versions (before the type was asked only once) carry an
 * `inspection_type` choice. Its value is the inspection's type, set by the
 * server and never shown as a question: the row's type is the only answer.
 */
export const LEGACY_TYPE_FIELD = 'inspection_type';
const FORM_TYPE: Partial<Record<InspectionType, string>> = {
  routine: 'routine',
  storm_event: 'storm_event',
  corrective_follow_up: 'follow_up',
  final: 'final',
};

export function formTypeOf(type: InspectionType): string | undefined {
  return FORM_TYPE[type];
}

const fieldsOf = (def: TemplateDefinition) => def.sections.flatMap((s) => s.fields);

/** `data` with the template's legacy type question (if it has one) answered from the inspection row. */
export function withRowType(def: TemplateDefinition, type: InspectionType, data: Record<string, unknown>) {
  if (!fieldsOf(def).some((f) => f.key === LEGACY_TYPE_FIELD)) return data;
  return { ...data, [LEGACY_TYPE_FIELD]: formTypeOf(type) };
}

/** What a new form starts with: today's date in the template's first date field (and the legacy type answer). */
export function initialFormData(
  def: TemplateDefinition,
  type: InspectionType,
  today = new Date(),
): Record<string, unknown> {
  const dateField = fieldsOf(def).find((f) => f.type === 'date');
  return withRowType(def, type, dateField ? { [dateField.key]: today.toISOString().slice(0, 10) } : {});
}

interface BmpResultRow {
  bmpCategoryKey: string;
  item: string;
  label: string;
  result: 'pass' | 'fail' | 'na';
  note?: string;
}

export interface InspectionSummary {
  inspectedAt?: Date;
  inspectorName?: string;
  inspectorTitle?: string;
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
  const fields = fieldsOf(def);
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
  const dateField = fields.find((f) => f.type === 'date');
  const date = dateField ? str(data[dateField.key]) : null;
  const rain = data.rain_gauge_inches;
  // Who performed it: the performer field; a legacy template's in-form signature names the same person.
  const performerField = fields.find((f) => f.type === 'performer') ?? fields.find((f) => f.type === 'signature');
  const performer = (performerField ? data[performerField.key] : undefined) as
    | { name?: string; title?: string }
    | undefined;
  return {
    inspectedAt: date ? new Date(`${date}T12:00:00Z`) : undefined,
    inspectorName: str(performer?.name) ?? undefined,
    inspectorTitle: str(performer?.title) ?? undefined,
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
