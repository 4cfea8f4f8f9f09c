/**
 * The input contract a zod schema declares, read from the schema itself:
 * per field its length and number bounds, and whether unknown keys are
 * refused. From it come the boundary cases (max length + 1, min length − 1,
 * out-of-range numbers, an unknown key next to valid fields) that
 * lib/zod/schemas/contracts.test.ts and tests/proof/input-contracts send.
 * Bounds checked inside a transform (decimal2) are declared with
 * `.meta({ range })` so the walk can see them (lib/zod/field-helpers.ts).
 */
import { z } from 'zod';

interface FieldContract {
  type: string;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  /** Integer fields step by 1; others by a small fraction past the bound. */
  int?: boolean;
}

export interface ObjectContract {
  /** Unknown keys refused (`.strict()` / `z.strictObject`). */
  strict: boolean;
  fields: Record<string, FieldContract>;
}

type Def = { type: string; [k: string]: unknown };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const metaRange = (s: z.ZodType) => (z.globalRegistry.get(s) as { range?: { min: number; max: number } } | undefined)?.range;

/**
 * Strip wrappers that don't change what is accepted at the boundary:
 * optional/nullable/default, a preprocess (pipe from a transform) → its
 * target, a `.transform()` (pipe into a transform) → its source.
 */
function unwrap(s: z.ZodType, seen: { range?: { min: number; max: number } } = {}): { schema: z.ZodType; range?: { min: number; max: number } } {
  let cur = s;
  let range = seen.range;
  for (let i = 0; i < 20; i++) {
    range ??= metaRange(cur);
    const d = defOf(cur);
    if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(d.type)) {
      cur = d.innerType as z.ZodType;
    } else if (d.type === 'pipe') {
      const from = d.in as z.ZodType;
      const to = d.out as z.ZodType;
      cur = defOf(from).type === 'transform' ? to : from;
    } else break;
  }
  return { schema: cur, range };
}

function fieldContract(s: z.ZodType): FieldContract {
  const { schema, range } = unwrap(s);
  const d = defOf(schema);
  const c: FieldContract = { type: d.type };
  if (range) Object.assign(c, { type: 'decimal', min: range.min, max: range.max });
  for (const check of (d.checks as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? []) {
    const cd = check._zod.def;
    if (cd.check === 'max_length') c.maxLength = Number(cd.maximum);
    else if (cd.check === 'min_length') c.minLength = Number(cd.minimum);
    else if (cd.check === 'length_equals') c.minLength = c.maxLength = Number(cd.length);
    else if (cd.check === 'less_than') c.max = Number(cd.value);
    else if (cd.check === 'greater_than') c.min = Number(cd.value);
    else if (cd.check === 'number_format' && /int/.test(String(cd.format))) c.int = true;
  }
  return c;
}

/** The contract of an object schema (after unwrapping), or undefined for any other schema. */
export function objectContract(s: z.ZodType): ObjectContract | undefined {
  const { schema } = unwrap(s);
  const d = defOf(schema);
  if (d.type !== 'object') return undefined;
  const shape = d.shape as Record<string, z.ZodType>;
  const catchall = d.catchall as z.ZodType | undefined;
  return {
    strict: catchall !== undefined && defOf(catchall).type === 'never',
    fields: Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, fieldContract(v)])),
  };
}

export interface BoundaryCase {
  label: string;
  /** The top-level field the refusal must name; `null` for an unknown key (reported on the object). */
  field: string | null;
  patch: Record<string, unknown>;
}

export const UNKNOWN_KEY = 'notAField';

/** Every boundary case of a contract; each must be refused when applied to a valid input. */
export function boundaryCases(contract: ObjectContract): BoundaryCase[] {
  const cases: BoundaryCase[] = [];
  for (const [field, c] of Object.entries(contract.fields)) {
    if (c.maxLength !== undefined)
      cases.push({ label: `${field}: ${c.maxLength + 1} characters`, field, patch: { [field]: 'x'.repeat(c.maxLength + 1) } });
    if (c.minLength !== undefined && c.minLength > 1)
      cases.push({ label: `${field}: ${c.minLength - 1} characters`, field, patch: { [field]: 'x'.repeat(c.minLength - 1) } });
    const step = c.int ? 1 : 0.01;
    if (c.max !== undefined && Number.isFinite(c.max)) cases.push({ label: `${field}: ${c.max + step}`, field, patch: { [field]: c.max + step } });
    if (c.min !== undefined && Number.isFinite(c.min)) cases.push({ label: `${field}: ${c.min - step}`, field, patch: { [field]: c.min - step } });
  }
  if (contract.strict) cases.push({ label: `unknown key ${UNKNOWN_KEY}`, field: null, patch: { [UNKNOWN_KEY]: 'x' } });
  return cases;
}

/** A compact, reviewable line per field (the snapshot the contract test pins). */
export function describeContract(c: ObjectContract): Record<string, string> {
  const out: Record<string, string> = { '(unknown keys)': c.strict ? 'refused' : 'stripped' };
  for (const [k, f] of Object.entries(c.fields)) {
    const parts = [f.type];
    if (f.minLength !== undefined || f.maxLength !== undefined) parts.push(`length ${f.minLength ?? 0}..${f.maxLength ?? '∞'}`);
    if (f.min !== undefined || f.max !== undefined) parts.push(`${f.int ? 'int ' : ''}${f.min ?? '−∞'}..${f.max ?? '∞'}`);
    out[k] = parts.join(' ');
  }
  return out;
}
