/**
 * Calls for every exported query function of db/queries, built from the
 * functions' own parameter names, so a new function is covered without a
 * recipe (tests/integration/app-layer-isolation). The parameter names are the
 * contract the queries already follow:
 *   - `tx` first (a function without it touches no database and is skipped);
 *   - `orgId` / `actor`: the tenant scope — always the caller's own;
 *   - `userId` in a function with no org scope: the acting user (the identity
 *     door, `withIdentity`) — the caller's own; with an org scope it is a target;
 *   - other ids (`id`, `projectId`, `key`, `slug`, …): targets — the attack
 *     tries every id and key of the victim tenant in each of them;
 *   - objects (`f`, `values`, `patch`, …): one builder per name below, filled
 *     with the victim's ids wherever a field references another row.
 * A parameter with none of these names and no default makes the function
 * "uncallable": the suite fails until it is declared there with a reason.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';

/** Where one call's arguments come from: the scope's own ids and the ids to aim at. */
export interface Refs {
  /** Every id / key / slug the target tenant has, in every table (the attack tries each). */
  strings: string[];
  /** One id per referenced table of the target tenant, for fields of objects. */
  byTable: Record<string, string>;
  /** The target tenant's user (a member). */
  user: string;
}

export interface Scope {
  orgId: string;
  userId: string;
}

export interface QueryFunction {
  file: string;
  name: string;
  fn: (...args: unknown[]) => unknown;
  params: { name: string; hasDefault: boolean }[];
}

/** Parameter names of a function from its source (TypeScript types are gone after transpiling). */
export function parameterNames(fn: (...args: never[]) => unknown): { name: string; hasDefault: boolean }[] {
  const src = fn.toString();
  const open = src.indexOf('(');
  let depth = 0;
  let close = open;
  for (let i = open; i < src.length; i++) {
    if ('([{'.includes(src[i]!)) depth++;
    else if (')]}'.includes(src[i]!) && --depth === 0) {
      close = i;
      break;
    }
  }
  const inner = src.slice(open + 1, close);
  const parts: string[] = [];
  let cur = '';
  depth = 0;
  for (const ch of inner) {
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) parts.push(cur);
  return parts.map((p) => {
    const [name = '', ...rest] = p.split('=');
    return { name: name.trim(), hasDefault: rest.length > 0 };
  });
}

/** Every exported function of every module in `dir` (test files excluded), with its parameters. */
export async function discoverQueryFunctions(dir: string): Promise<QueryFunction[]> {
  const found: QueryFunction[] = [];
  for (const file of fs.readdirSync(dir).sort()) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
    const mod = (await import(/* @vite-ignore */ path.join(dir, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== 'function') continue;
      const fn = value as QueryFunction['fn'];
      found.push({ file, name, fn, params: parameterNames(fn) });
    }
  }
  return found;
}

const now = () => new Date();
const soon = () => new Date(Date.now() + 7 * 86_400_000);
const ref = (r: Refs, table: string) => r.byTable[table] ?? r.user;

/** Filters: "everything" and "everything about the target's rows". */
const filters = (r: Refs) => [
  { limit: 50 },
  {
    limit: 50,
    projectId: ref(r, 'projects'),
    violationId: ref(r, 'violations'),
    inspectionId: ref(r, 'inspections'),
    userId: r.user,
    actorUserId: r.user,
  },
];

/** A create payload that satisfies any of the create functions; drizzle ignores columns a table lacks. */
const createPayload = (r: Refs) => ({
  name: 'probe',
  projectId: ref(r, 'projects'),
  inspectionId: ref(r, 'inspections'),
  violationTypeId: ref(r, 'violation_types'),
  bmpCategoryId: ref(r, 'bmp_categories'),
  violationId: ref(r, 'violations'),
  templateId: ref(r, 'form_templates'),
  assignedTo: r.user,
  description: 'probe',
  foundAt: now(),
  deadline: soon(),
  dueAt: soon(),
  amountInches: '0.40',
  startedAt: now(),
  data: {},
  submit: false,
  idempotencyKey: randomUUID(),
  timezone: 'UTC',
  businessHoursStart: 7,
  businessHoursEnd: 18,
  breachAttemptThreshold: 5,
  breachAttemptWindowMinutes: 10,
  accessDeniedThreshold: 20,
  accessDeniedWindowMinutes: 10,
  offHoursAlertsEnabled: true,
});

const patchPayload = (r: Refs) => ({
  name: 'probe',
  description: 'probe',
  findings: 'probe',
  location: 'probe',
  amountInches: '0.30',
  inspectionId: ref(r, 'inspections'),
  violationTypeId: ref(r, 'violation_types'),
  bmpCategoryId: ref(r, 'bmp_categories'),
});

const definition = {
  title: 'Probe',
  sections: [{ key: 'main', title: 'Main', fields: [{ key: 'note', label: 'Note', type: 'text' }] }],
};

/** Object parameters by name: each returns the candidate values to try. */
const OBJECTS: Record<string, (target: Refs, scope: Scope) => unknown[]> = {
  f: filters,
  opts: filters,
  values: (r) => [createPayload(r)],
  // `input` may name an existing row to update (form submissions): try the target's.
  input: (r) => [createPayload(r), ...r.strings.map((id) => ({ ...createPayload(r), id }))],
  patch: (r) => [patchPayload(r)],
  fields: (r) => [patchPayload(r)],
  signature: () => [{ name: 'Probe', statement: 'I certify.' }],
  definition: () => [definition],
  entry: (r) => [{ action: 'update', entityType: 'project', entityId: ref(r, 'projects') }],
  event: (r) => [{ kind: 'ACCESS_DENIED', userId: r.user, ip: null, day: '2026-01-01', details: {} }],
  // The acting user's own profile (identity door): never another user's.
  user: (_r, s) => [{ id: s.userId, email: `${s.userId}@example.test`, firstName: 'Probe' }],
};

const SCALARS: Record<string, () => unknown> = {
  role: () => 'viewer',
  to: () => 'in_progress',
  at: now,
};

const TARGET_STRINGS = new Set(['id', 'projectId', 'inspectionId', 'violationId', 'key', 'slug']);

/**
 * The argument lists to call `q` with: scope params from `scope`, every
 * combination of target values from `target`. `null` and the reason when a
 * parameter has no known meaning.
 */
export function argumentLists(q: QueryFunction, scope: Scope, target: Refs): { lists: unknown[][] } | { uncallable: string } {
  const names = q.params.map((p) => p.name);
  const orgScoped = names.includes('orgId') || names.includes('actor');
  const choices: unknown[][] = [];
  let trailingDefaults = false;
  for (const [i, p] of q.params.entries()) {
    if (i === 0) {
      if (p.name !== 'tx') return { uncallable: 'first parameter is not tx' };
      continue;
    }
    let values: unknown[] | undefined;
    if (p.name === 'orgId') values = [scope.orgId];
    else if (p.name === 'actor') values = [{ orgId: scope.orgId, userId: scope.userId, ip: '192.0.2.1', userAgent: 'probe' }];
    else if (p.name === 'userId') values = orgScoped ? [target.user, ...target.strings] : [scope.userId];
    else if (TARGET_STRINGS.has(p.name)) values = target.strings;
    else if (OBJECTS[p.name]) values = OBJECTS[p.name]!(target, scope);
    else if (SCALARS[p.name]) values = [SCALARS[p.name]!()];
    if (values) {
      if (trailingDefaults) return { uncallable: `parameter ${p.name} follows a defaulted one` };
      choices.push(values);
    } else if (p.hasDefault) trailingDefaults = true;
    else return { uncallable: `no rule for parameter "${p.name}"` };
  }
  let lists: unknown[][] = [[]];
  for (const values of choices) lists = lists.flatMap((l) => values.map((v) => [...l, v]));
  return { lists };
}
