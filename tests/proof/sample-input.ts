/**
 * Find an input an endpoint accepts, knowing only what its validation says
 * back. Start from `{}`, and for every field the validator complains about,
 * try the next plausible value (guided by the kind of complaint: a missing
 * enum gets one of its values, a uuid gets one of the requester's own ids).
 * Generic on purpose: new endpoints need no fixture to be fuzzed.
 */
import type { z } from 'zod';
import type { TenantTable } from '@/tests/support/tenants';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type Issue = { path: PropertyKey[]; code?: string; expected?: string; values?: unknown[]; format?: string; minimum?: number | bigint; origin?: string; message?: string };

const GENERIC: Json[] = ['Sample text', 1, true, '2026-11-20', '2026-11-20T10:00:00.000Z', '0.5', 'on', 'ABC-123', 'sample@example.test', [], {}];

/** `projectId` → projects, `violationTypeId` → violation_types, `templateId` → form_templates. */
export function tableForField(field: string): TenantTable | undefined {
  const special: Record<string, TenantTable> = { templateId: 'form_templates', submissionId: 'form_submissions' };
  if (special[field]) return special[field];
  const m = /^(.*)Id$/.exec(field);
  if (!m?.[1]) return undefined;
  const snake = m[1].replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const plural = snake.endsWith('y') ? `${snake.slice(0, -1)}ies` : `${snake}s`;
  return plural as TenantTable;
}

/** `app/(app)/violations/actions/add-corrective-action.ts` → tables an `id` field most likely means. */
export function tablesForFile(file: string): TenantTable[] {
  const order: TenantTable[] = [];
  const hints: [RegExp, TenantTable][] = [
    [/corrective/, 'corrective_actions'],
    [/rain/, 'rain_events'],
    [/violation/, 'violations'],
    [/inspection/, 'inspections'],
    [/submission|form/, 'form_submissions'],
    [/template/, 'form_templates'],
    [/project/, 'projects'],
    [/photo/, 'photos'],
    [/document/, 'documents'],
  ];
  for (const [re, table] of hints) if (re.test(file)) order.push(table);
  return order;
}

/** Values a field's name says it wants, where its validation can't say (a refine, a route's message). */
const BY_NAME: [RegExp, Json[]][] = [
  [/^time_?zone$/i, ['UTC', 'America/Chicago']],
  // A wall-clock time (HH:MM, <input type="time">): the business calendar's close of business.
  [/^closeOfBusiness$/, ['17:00']],
  // The settings logo (a data URL the form reads from the chosen file): a 1×1 PNG.
  [/^logo$/, ['data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=']],
];

/** The values an error message lists ("status must be one of open, fixed"), as an API reports an enum. */
function listedValues(message: string | undefined): string[] {
  const m = /one of:? ([a-z0-9_]+(?:(?:, | or |, or )[a-z0-9_]+)+)/i.exec(message ?? '');
  return m ? m[1]!.split(/, or |, | or /) : [];
}

function candidatesFor(key: string, issue: Issue, ids: (table?: TenantTable) => string[], current: Json | undefined): Json[] {
  if (issue.values?.length) return issue.values.filter((v): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v));
  const listed = listedValues(issue.message);
  if (listed.length) return listed;
  const named = BY_NAME.find(([re]) => re.test(key));
  if (named) return named[1];
  // A number below its minimum (a retention of at least 3 years): the minimum itself, then one above.
  if (issue.code === 'too_small' && issue.origin === 'number' && issue.minimum !== undefined) return [Number(issue.minimum), Number(issue.minimum) + 1];
  // A refine refused a value of the right type (two hours that must differ): try others of that type.
  if (issue.code === 'custom' && typeof current === 'number') return [1, 2, 7, 18, 0, 0.5];
  // The type the validator asked for beats what the name suggests (`businessHoursEnd` is a number).
  if (issue.code === 'invalid_type' && issue.expected === 'number') return [1, 0.5, 0];
  if (issue.code === 'invalid_type' && issue.expected === 'boolean') return [true, false];
  const table = tableForField(key);
  if (issue.format === 'uuid' || /id$/i.test(key)) return [...ids(table), ...ids()];
  if (issue.format === 'date' || /date|start$|end$|^permit/i.test(key)) return ['2026-11-20', '2026-11-20T10:00:00.000Z', '2026-11-20T10:00'];
  if (issue.format === 'datetime' || /At$|deadline|due/i.test(key)) return ['2026-11-20T10:00:00.000Z', '2026-11-20', '2026-11-20T10:00'];
  switch (issue.expected) {
    case 'number':
      return [1, 0.5, 0];
    case 'boolean':
      return [true, false];
    case 'array':
      return [[]];
    case 'object':
      return [{}];
    case 'string':
      return ['Sample text', '1', '2026-11-20'];
  }
  if (issue.code === 'too_small' && issue.origin === 'string') return ['x'.repeat(Number(issue.minimum ?? 1)), 'Sample text'];
  return GENERIC;
}

function valueAt(obj: Record<string, Json>, path: PropertyKey[]): Json | undefined {
  let cur: Json | undefined = obj;
  for (const key of path) cur = cur && typeof cur === 'object' && !Array.isArray(cur) ? cur[String(key)] : undefined;
  return cur;
}

function setAt(obj: Record<string, Json>, path: PropertyKey[], value: Json) {
  let cur: Record<string, Json> = obj;
  for (const [i, key] of path.entries()) {
    const k = String(key);
    if (i === path.length - 1) cur[k] = value;
    else {
      const next = cur[k];
      cur = (next && typeof next === 'object' && !Array.isArray(next) ? next : (cur[k] = {})) as Record<string, Json>;
    }
  }
}

export type Validate = (candidate: Record<string, Json>) => Promise<{ ok: true } | { ok: false; issues: Issue[] }>;

/** A validator from a zod schema (actions carry theirs in the endpoint registry). */
export function zodValidator(schema: z.ZodType): Validate {
  return async (candidate) => {
    const r = await schema.safeParseAsync(candidate);
    return r.success ? { ok: true } : { ok: false, issues: r.error.issues as unknown as Issue[] };
  };
}

/**
 * The smallest input `validate` accepts, found by search from `seed` (a body
 * that must name at least one field, like a PATCH, starts from one); or the
 * best effort after `rounds`, reported as not valid.
 */
export async function sampleInput(
  validate: Validate,
  ids: (table?: TenantTable) => string[],
  rounds = 12,
  seed: Record<string, Json> = {},
) {
  const input: Record<string, Json> = structuredClone(seed);
  // Per field, every value tried so far: the next one is the first untried candidate for the current complaint.
  const tried = new Map<string, Set<string>>();
  for (let round = 0; round < rounds; round++) {
    const r = await validate(input);
    if (r.ok) return { input, valid: true };
    let changed = false;
    for (const issue of r.issues) {
      const path = issue.path.length ? issue.path : [];
      if (!path.length) continue;
      const key = path.map(String).join('.');
      const options = candidatesFor(String(path.at(-1)), issue, ids, valueAt(input, path));
      const seen = tried.get(key) ?? new Set<string>();
      tried.set(key, seen);
      const next = options.find((o) => !seen.has(JSON.stringify(o)));
      if (next === undefined) continue;
      seen.add(JSON.stringify(next));
      setAt(input, path, next);
      changed = true;
    }
    if (!changed) break;
  }
  return { input, valid: false };
}

/** Every uuid-looking field of an input (top level and nested), as paths. */
export function idPaths(input: Record<string, Json>, prefix: string[] = []): string[][] {
  const out: string[][] = [];
  for (const [k, v] of Object.entries(input)) {
    if (typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)) out.push([...prefix, k]);
    else if (v && typeof v === 'object' && !Array.isArray(v)) out.push(...idPaths(v, [...prefix, k]));
  }
  return out;
}

export function withValueAt(input: Record<string, Json>, path: string[], value: Json): Record<string, Json> {
  const copy = structuredClone(input);
  setAt(copy, path, value);
  return copy;
}
