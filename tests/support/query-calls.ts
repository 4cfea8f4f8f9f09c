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
import { randomBytes, randomUUID } from 'node:crypto';

/** Where one call's arguments come from: the scope's own ids and the ids to aim at. */
export interface Refs {
  /** Every id / key / slug the target tenant has, in every table (the attack tries each). */
  strings: string[];
  /** One id per referenced table of the target tenant, for fields of objects. */
  byTable: Record<string, string>;
  /** The target tenant's keys (idempotency keys, template keys, slugs): a retry may name one. */
  keys: string[];
  /** The target tenant's user (a member). */
  user: string;
  /** The target tenant's documents, as a confirm step receives one (the row its lock returned). */
  documents: { id: string; projectId: string; kind: string; title: string }[];
  /** The target tenant's invitation token hashes (db/queries/members.ts lockInvitationByHash). */
  invitationHashes: string[];
}

export interface Scope {
  orgId: string;
  userId: string;
  /** The scope's own ids, for the valid parts of a request that smuggles one foreign id. */
  refs: Refs;
}

export interface QueryFunction {
  file: string;
  name: string;
  fn: (...args: unknown[]) => unknown;
  params: { name: string; hasDefault: boolean }[];
}

/** Parameter names of a function from its source (TypeScript types are gone after transpiling). */
function parameterNames(fn: (...args: never[]) => unknown): { name: string; hasDefault: boolean }[] {
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
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const soon = () => new Date(Date.now() + 7 * 86_400_000);
const ref = (r: Refs, table: string) => r.byTable[table] ?? r.user;

/** Fields that reference another row, and the table (or `user`) each points into. */
const REFERENCES = {
  projectId: 'projects',
  inspectionId: 'inspections',
  violationTypeId: 'violation_types',
  bmpCategoryId: 'bmp_categories',
  violationId: 'violations',
  correctiveActionId: 'corrective_actions',
  templateId: 'form_templates',
  assignedTo: 'user',
  userId: 'user',
  actorUserId: 'user',
} as const;
type RefField = keyof typeof REFERENCES;
type Pick = (field: RefField) => string;

const from = (r: Refs): Pick => (field) => (REFERENCES[field] === 'user' ? r.user : ref(r, REFERENCES[field]));

/**
 * Whose ids fill the reference fields: all the target's, all one's own, and
 * one's own except a single field that points at the target (the attack that
 * slips one foreign id into an otherwise valid request).
 */
function mixes(own: Refs, target: Refs): Pick[] {
  const mine = from(own);
  const theirs = from(target);
  const fields = Object.keys(REFERENCES) as RefField[];
  return [theirs, mine, ...fields.map((f): Pick => (field) => (field === f ? theirs(field) : mine(field)))];
}

const refs = (pick: Pick, fields: RefField[]) => Object.fromEntries(fields.map((f) => [f, pick(f)]));

/** Filters: "everything", and narrowed by references. */
const filters = (own: Refs, target: Refs) => [
  { limit: 50 },
  ...mixes(own, target).map((pick) => ({
    limit: 50,
    ...refs(pick, ['projectId', 'violationId', 'inspectionId', 'userId', 'actorUserId']),
  })),
];

/** A create payload that satisfies any of the create functions; drizzle ignores columns a table lacks. */
const createPayload = (pick: Pick, idempotencyKey: string = randomUUID()) => ({
  name: 'probe',
  ...refs(pick, ['projectId', 'inspectionId', 'violationTypeId', 'bmpCategoryId', 'violationId', 'correctiveActionId', 'templateId', 'assignedTo']),
  description: 'probe',
  foundAt: now(),
  deadline: soon(),
  dueAt: soon(),
  amountInches: '0.40',
  startedAt: now(),
  data: {},
  submit: false,
  idempotencyKey,
  timezone: 'UTC',
  businessHoursStart: 7,
  businessHoursEnd: 18,
  breachAttemptThreshold: 5,
  breachAttemptWindowMinutes: 10,
  accessDeniedThreshold: 20,
  accessDeniedWindowMinutes: 10,
  offHoursAlertsEnabled: true,
  tokenHash: randomBytes(32).toString('hex'),
  label: 'probe',
  expiresAt: soon(),
  // A photo or document upload (the object's key is the caller's, under its own tenant prefix).
  storageKey: 'tenants/probe/probe.jpg',
  fileName: 'probe.jpg',
  contentType: 'image/jpeg',
  sizeBytes: 1024,
  title: 'Probe',
  caption: 'probe',
  // An OSHA incident (db/queries/incidents.ts).
  caseType: 'injury',
  outcome: 'amputation',
  occurredAt: now(),
  learnedAt: now(),
  // An invitation (db/queries/members.ts createInvitation).
  email: 'probe@example.test',
  role: 'viewer',
});

/** Creates: each mix of references, and one's own valid create retried with each key the target holds. */
const creates = (own: Refs, target: Refs) => [
  ...mixes(own, target).map((pick) => createPayload(pick)),
  ...target.keys.map((k) => createPayload(from(own), k)),
];

const patches = (own: Refs, target: Refs) =>
  mixes(own, target).map((pick) => ({
    name: 'probe',
    description: 'probe',
    findings: 'probe',
    location: 'probe',
    amountInches: '0.30',
    expiresAt: soon(),
    ...refs(pick, ['inspectionId', 'violationTypeId', 'bmpCategoryId']),
  }));

const definition = {
  title: 'Probe',
  sections: [{ key: 'main', title: 'Main', fields: [{ key: 'note', label: 'Note', type: 'text' }] }],
};

/** Object parameters by name: each returns the candidate values to try. */
const OBJECTS: Record<string, (own: Refs, target: Refs, scope: Scope) => unknown[]> = {
  f: filters,
  opts: filters,
  values: creates,
  // `input` may also name an existing row to update (form submissions): try each of the target's ids.
  input: (own, target) => [...creates(own, target), ...target.strings.map((id) => ({ ...createPayload(from(own)), id }))],
  patch: patches,
  fields: patches,
  // A row the caller read before writing it (lockSubmission → updateSubmission): try every id of the target.
  before: (_own, target) => target.strings.map((id) => ({ id })),
  state: () => [{ data: {}, status: 'draft', submittedAt: null }],
  view: (own, target) =>
    [target, own].map((r) => ({ linkId: ref(r, 'inspector_links'), ipHash: 'probe-ip-hash', userAgent: 'probe' })),
  signature: () => [{ name: 'Probe', statement: 'I certify.' }],
  // sealInspectionRecord: a well-formed digest (drizzle/0015's CHECK) and a known layout (0037's CHECK).
  seal: () => [{ digest: 'f'.repeat(64), version: 2 }],
  // db/queries/site-conditions.ts: a drought period and a snowmelt discharge on each mix of project ids.
  period: (own, target) => mixes(own, target).map((pick) => ({ projectId: pick('projectId'), kind: 'drought', startsOn: '2026-03-01', endsOn: null, note: 'probe' })),
  snowmelt: (own, target) => mixes(own, target).map((pick) => ({ projectId: pick('projectId'), dischargeAt: NOW, snowInches: '4.00', note: 'probe' })),
  definition: () => [definition],
  entry: (own, target) => [{ action: 'update', entityType: 'project', entityId: ref(target, 'projects') }],
  event: (own, target) =>
    [own.user, target.user].flatMap((userId) =>
      ['2026-01-01', '2026-01-02'].map((day) => ({ kind: 'ACCESS_DENIED', userId, ip: null, day, details: {} })),
    ),
  // What an upload's confirm step read from the object (HEAD and EXIF); drizzle ignores fields a table lacks.
  facts: () => [
    { sizeBytes: 4096, etag: '"probe-etag"', storedAt: NOW, takenAt: NOW, latitude: 39.74, longitude: -104.99, takenAtSuspect: false },
  ],
  /**
   * A document to confirm: the target's as they are, one's own with the
   * target's series (project, kind, title), and the target's id in one's own series.
   */
  doc: (own, target) => {
    const series = (row: Refs['documents'][number], from: Refs['documents'][number]) => ({ ...row, projectId: from.projectId, kind: from.kind, title: from.title });
    return [
      ...target.documents,
      ...own.documents,
      ...own.documents.flatMap((mine) => target.documents.map((theirs) => series(mine, theirs))),
      ...target.documents.flatMap((theirs) => own.documents.map((mine) => series(theirs, mine))),
    ];
  },
  // Where a photo goes or is listed: each of the target's ids as each kind of parent.
  target: (_own, target) =>
    (['inspectionId', 'violationId', 'correctiveActionId'] as const).flatMap((field) => target.strings.map((id) => ({ [field]: id }))),
  // markIncidentReported: the report to OSHA that stops the clock.
  report: () => [{ reportedAt: NOW, reportReference: 'probe' }],
  // Every kind of file (db/queries/files.ts FileKind).
  kind: () => ['photos', 'documents'],
  // Violations whose projects' obligations a write touched (lib/compliance/recompute-obligations.ts).
  violationIds: (_own, target) => [[ref(target, 'violations')], target.strings.filter((v) => UUID.test(v))],
  // One project's recomputed obligations: none, or one (written under the caller's org).
  rows: () => [[], [{ kind: 'routine_inspection', part: 'CGP 2022 Part 4.2.1', reason: 'probe', opensAt: NOW, dueAt: soon() }]],
  // A reminder for a member (db/queries/notifications.ts): for one's own user and for the target's.
  notice: (own, target) =>
    [own, target].flatMap((r) =>
      [own.user, target.user].map((userId) => ({
        userId,
        category: 'inspections',
        stage: 'due_soon',
        dedupKey: 'probe',
        projectId: ref(r, 'projects'),
        title: 'Probe',
        body: 'probe',
        dueAt: soon(),
      })),
    ),
  prefs: () => [{ inspections: false, reports: true, email: false }],
  // One provider day (db/queries/weather.ts).
  reading: () => [{ localDate: '2026-01-01', startedAt: new Date('2026-01-01T05:00:00Z'), endedAt: new Date('2026-01-02T05:00:00Z'), amountInches: '0.40', snowfallInches: null }],
  // A member's email (db/queries/members.ts memberWithEmail): the target's member, as factories name them.
  email: (_own, target) => [`${target.user}@example.test`],
  // The acting user's own profile (identity door): never another user's.
  user: (_own, _target, s) => [{ id: s.userId, email: `${s.userId}@example.test`, firstName: 'Probe' }],
  // projectZonesOf (the audit page): entries naming the target's records of every kind it resolves.
  refs: (_own, target) => [
    [
      { entityType: 'project', entityId: ref(target, 'projects') },
      { entityType: 'violation', entityId: ref(target, 'violations') },
      { entityType: 'inspection', entityId: ref(target, 'inspections') },
      { entityType: 'rain_event', entityId: ref(target, 'rain_events') },
      { entityType: 'corrective_action', entityId: ref(target, 'corrective_actions') },
    ],
  ],
  // setOrganizationLogo: cleared, or a key under the caller's own logos/ prefix (the database checks the prefix).
  logo: (_own, _target, s) => [null, { logoKey: `tenants/${s.orgId}/logos/${randomUUID()}/logo.png`, logoContentType: 'image/png', logoSizeBytes: 68 }],
  // placeLegalHold (db/queries/retention.ts): on the whole org, and on each mix of project ids.
  hold: (own, target) => [{ projectId: null, reason: 'probe hold' }, ...mixes(own, target).map((pick) => ({ projectId: pick('projectId'), reason: 'probe hold' }))],
  // insertPurgeReport: a dry run that names the target's project (what a wrong planner could write into one's own report).
  summary: (_own, target) => [{ dryRun: true, counts: {}, removed: { projects: [{ id: ref(target, 'projects'), name: 'probe', retainUntil: '2020-01-01' }], incidents: [], objects: 0, kept: [] } }],
  grant: () => [{ staff: 'probe', reason: 'A probe grant with a long enough reason.', expiresAt: new Date(NOW.getTime() + 600_000) }],
};

/** Both tenants' inspector links get this token hash (unique per org only), so a lookup by hash can reach the other's. */
export const SHARED_LINK_TOKEN_HASH = 'ab'.repeat(32);

/** One clock for every call, so two runs of a time-dependent query compute the same answer. */
export const NOW = new Date();

const SCALARS: Record<string, () => unknown> = {
  role: () => 'viewer',
  to: () => 'in_progress',
  at: () => NOW,
  now: () => NOW,
  days: () => 14,
  action: () => 'update',
  // returnInspection: the reviewer's comment.
  comment: () => 'probe comment',
  // After the world was made, so every pending upload counts as expired.
  createdBefore: () => new Date(NOW.getTime() + 86_400_000),
  // A thumbnail the caller just wrote under its own tenant prefix (lib/storage/keys.ts).
  thumbnailKey: () => 'tenants/probe/photos/probe/thumb.webp',
  bytes: () => 2048,
  // auditChainAfter: from the first link of the chain.
  afterSeq: () => 0,
  // activeGrantOf: the world's factory grant (tests/support/factories.ts).
  staff: () => 'factory',
  limit: () => 50,
  // setFixedRequiresPhoto: the world's settings have it off, so turning it on is a change.
  value: () => true,
  // dismissFinding: why a finding is not a violation.
  reason: () => 'probe',
  // endSitePeriod: a last day after the factory period's start (tests/support/factories.ts).
  endsOn: () => '2026-02-01',
  // findLiveProjectLink: the token hash both tenants' links carry in the world (app-layer-world enrich).
  linkTokenHash: () => SHARED_LINK_TOKEN_HASH,
  // Usage (db/queries/usage.ts): a day series over the last year, so the worlds' rows fall in it.
  period: () => 'day',
  since: () => new Date(NOW.getTime() - 400 * 86_400_000),
  requests: () => 2,
  apiRequests: () => 1,
  // failStaleExports: after the world was made, so every running export of the world counts as stale.
  heartbeatBefore: () => new Date(NOW.getTime() + 86_400_000),
  error: () => 'probe',
};

/** Candidates that differ only in a generated idempotency key are one candidate. */
function dedupe(values: unknown[]): unknown[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = JSON.stringify(v, (k, x: unknown) => (k === 'idempotencyKey' && typeof x === 'string' && x.length === 36 ? '' : x));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const TARGET_STRINGS = new Set(['id', 'projectId', 'inspectionId', 'violationId', 'correctiveActionId', 'linkId', 'key', 'slug']);

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
    else if (p.name === 'invitationHash') values = target.invitationHashes;
    else if (OBJECTS[p.name]) values = OBJECTS[p.name]!(scope.refs, target, scope);
    else if (SCALARS[p.name]) values = [SCALARS[p.name]!()];
    if (values) {
      values = dedupe(values);
      if (trailingDefaults) return { uncallable: `parameter ${p.name} follows a defaulted one` };
      choices.push(values);
    } else if (p.hasDefault) trailingDefaults = true;
    else return { uncallable: `no rule for parameter "${p.name}"` };
  }
  let lists: unknown[][] = [[]];
  for (const values of choices) lists = lists.flatMap((l) => values.map((v) => [...l, v]));
  return { lists };
}
