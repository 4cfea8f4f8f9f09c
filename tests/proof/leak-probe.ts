/**
 * The cross-tenant probe of one endpoint: as org B, send it org A's ids in
 * every place an id can go (fields, path, query) and A's org id where a naive
 * handler might read a tenant (body, query, headers, cookies). Findings:
 * - leak: a byte of A's data (an id or a distinctive string) in the answer;
 * - accepted: a write that succeeded while carrying A's id;
 * - error: a 5xx (a crash is never the right answer to a foreign id);
 * - changed: A's data differs afterwards (checked by the caller per endpoint).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Endpoint } from './endpoints';
import { invokeAction, invokeRoute, type Outcome, type RouteCall } from './invoke';
import { idPaths, sampleInput, tableForField, tablesForFile, withValueAt, zodValidator, type Issue, type Json } from './sample-input';
import type { Tenant, World } from './world';
import { completeEpaForm } from '@/tests/support/inspection-fixtures';
import { objectContract } from '@/tests/support/schema-contract';
import type { TenantTable } from '@/tests/support/tenants';

/**
 * Starting points for bodies the search can't build from validation messages
 * alone (reviewed list): a whole form filled in one request, whose answers are
 * checked against the template as one 422. The search still finds every other
 * field (project, type, key) by itself.
 */
const DOMAIN_SEEDS: Record<string, () => Record<string, Json>> = {
  'app/api/v1/inspections/completed/route.ts#POST': () => ({ data: completeEpaForm() as Record<string, Json> }),
  // A photo kept on the device: the sampler fills the ids; the file's own fields it cannot guess together.
  'app/api/v1/photos/route.ts#POST': () => ({ fileName: 'probe.jpg', contentType: 'image/jpeg', sizeBytes: 2048 }),
};

export interface Finding {
  endpoint: string;
  kind: 'leak' | 'accepted' | 'error' | 'changed';
  detail: string;
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const ORG_SMUGGLING_KEYS = ['organizationId', 'organization_id', 'orgId'];
const QUERY_ID_KEYS = ['projectId', 'inspectionId', 'violationId', 'templateId', 'id'];

function idsOf(t: Tenant, preferred: TenantTable[]) {
  return (table?: TenantTable) => {
    if (table) return t.ids[table] ?? [];
    return [...new Set([...preferred.flatMap((p) => t.ids[p] ?? []), ...Object.values(t.ids).flat()])].slice(0, 40);
  };
}

/** A's ids worth trying in a field: its own table's first, then a few of every other kind. */
function foreignIds(world: World, table: TenantTable | undefined): string[] {
  const own = table ? (world.a.ids[table] ?? []).slice(0, 3) : [];
  const others = Object.entries(world.a.ids)
    .filter(([t]) => t !== table && t !== 'organizations' && t !== 'compliance_settings')
    .map(([, ids]) => ids[0])
    .filter((x): x is string => Boolean(x));
  return [...new Set([...own, ...others])];
}

function findSecrets(text: string, world: World): string[] {
  return world.secretsOfA.filter((s) => text.includes(s));
}

function judge(endpoint: string, label: string, out: Outcome, world: World, isWrite: boolean, carriesForeign: boolean): Finding[] {
  const findings: Finding[] = [];
  const secrets = findSecrets(out.text, world);
  if (secrets.length) findings.push({ endpoint, kind: 'leak', detail: `${label}: answer contains ${secrets.slice(0, 3).join(', ')}` });
  if (out.status >= 500) findings.push({ endpoint, kind: 'error', detail: `${label}: ${out.status} ${out.text.slice(0, 200)}` });
  if (isWrite && carriesForeign && out.ok) findings.push({ endpoint, kind: 'accepted', detail: `${label}: accepted (${out.status})` });
  return findings;
}

/**
 * Reviewed: body ids that are not references but the new row's own id, minted on the device
 * (a photo taken offline). Another tenant's id there is a new row of the caller's organization (the
 * key is (organization_id, id)) and is echoed back: no data of A. Covered by
 * app/api/v1/photos/queued-photos.int.test.ts; every other id of the body is still probed.
 */
const CLIENT_MINTED_IDS: Record<string, string[]> = {
  'app/api/v1/photos/route.ts#POST': ['id'],
};

async function routeValidator(e: Endpoint, base: Omit<RouteCall, 'body'>) {
  return async (candidate: Record<string, Json>) => {
    const out = await invokeRoute(e.fn, { ...base, body: candidate });
    if (out.status !== 400) return { ok: true as const };
    // A 400 naming no field (an empty PATCH) is still a refusal: the search then has nothing to fix.
    const issues: Issue[] = Object.entries(out.fieldErrors ?? {}).map(([k, messages]) => ({ path: k.split('.'), message: messages.join('; ') }));
    return { ok: false as const, issues };
  };
}

/**
 * Seeds for a body that must name at least one field (a PATCH answers 400
 * with no field error to `{}`): the fields the same resource's GET returns,
 * one at a time, with the value it returned — "read, then write one field back".
 */
async function seedsFromGet(e: Endpoint, base: Omit<RouteCall, 'body'>): Promise<Record<string, Json>[]> {
  const file = path.join(ROOT, e.file);
  if (!fs.existsSync(file)) return [];
  const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
  if (typeof mod.GET !== 'function') return [];
  const out = await invokeRoute(mod.GET, { ...base, method: 'GET' });
  if (!out.ok) return [];
  return fieldsOf(JSON.parse(out.text) as Record<string, Json>);
}

function fieldsOf(body: Record<string, Json>): Record<string, Json>[] {
  const levels = [body, ...Object.values(body).filter((v): v is Record<string, Json> => !!v && typeof v === 'object' && !Array.isArray(v))];
  const skip = /^(id|organizationId|createdAt|updatedAt|createdBy|.*Id)$/;
  return levels.flatMap((level) =>
    Object.entries(level)
      .filter(([k, v]) => !skip.test(k) && v !== null && typeof v !== 'object')
      .map(([k, v]) => ({ [k]: v })),
  );
}

/**
 * A body the route accepts for `base`'s path; for a route on one row, the
 * first of the requester's rows it accepts a body for (one row may be in a
 * state the GET can't show or the PATCH answers differently).
 */
async function writeInput(e: Endpoint, base: Omit<RouteCall, 'body'>, mine: (table?: TenantTable) => string[], rows: Record<string, string>[]) {
  let first: Awaited<ReturnType<typeof sampleInput>> | undefined;
  for (const params of rows.length ? rows : [base.params ?? {}]) {
    const at = { ...base, params, path: e.path!.replace(/\[([^\]]+)\]/g, (_, p: string) => params[p] ?? '') };
    const validate = await routeValidator(e, at);
    const plain = await sampleInput(validate, mine, 8);
    first ??= plain;
    if (plain.valid) return plain;
    const domain = DOMAIN_SEEDS[`${e.file}#${e.exportName}`];
    for (const seed of [...(domain ? [domain()] : []), ...(await seedsFromGet(e, at))]) {
      const seeded = await sampleInput(validate, mine, 8, seed);
      if (seeded.valid) return seeded;
    }
  }
  return first!;
}

export interface ProbeResult {
  findings: Finding[];
  calls: number;
  /** Whether a valid input was found, so the probes reached the handler and not only validation. */
  validInput: boolean;
  idFields: number;
}

export async function probeEndpoint(e: Endpoint, world: World): Promise<ProbeResult> {
  const name = `${e.file}#${e.exportName}`;
  const findings: Finding[] = [];
  let calls = 0;
  const preferred = tablesForFile(e.file);
  const mine = idsOf(world.b, preferred);

  if (e.kind === 'action' && e.meta?.kind === 'action') {
    const validate = zodValidator(e.meta.schema);
    const { input, valid } = await sampleInput(validate, mine);
    // The smallest valid input leaves optional ids out (a hold on "the whole organization"): put
    // each one back with B's own id when the schema takes it, so A's id is tried there too.
    // (A field the schema takes as `unknown` is one the handler ignores, such as the rain form's project.)
    for (const [key, contract] of Object.entries(objectContract(e.meta.schema)?.fields ?? {})) {
      if (!/(^id|Id)$/.test(key) || key in input || contract.type !== 'string') continue;
      const own = mine(tableForField(key))[0];
      if (own && (await validate({ ...input, [key]: own })).ok) input[key] = own;
    }
    const paths = idPaths(input);
    for (const path of paths) {
      for (const foreign of foreignIds(world, tableForField(path.at(-1)!) ?? preferred[0])) {
        const out = await invokeAction(e.fn, withValueAt(input, path, foreign));
        calls++;
        findings.push(...judge(name, `${path.join('.')}=${foreign}`, out, world, true, true));
      }
    }
    for (const key of ORG_SMUGGLING_KEYS) {
      const out = await invokeAction(e.fn, { ...input, [key]: world.a.orgId });
      calls++;
      findings.push(...judge(name, `${key}=A`, out, world, false, false));
    }
    return { findings, calls, validInput: valid, idFields: paths.length };
  }

  if (e.kind !== 'route' || !e.path) return { findings, calls, validInput: false, idFields: 0 };
  const method = e.exportName;
  const isWrite = method !== 'GET' && method !== 'HEAD';
  const paramNames = [...e.path.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!);
  const ownParams = Object.fromEntries(paramNames.map((p) => [p, mine(preferred[0])[0] ?? mine()[0] ?? '']));
  const concrete = (params: Record<string, string>) => e.path!.replace(/\[([^\]]+)\]/g, (_, p: string) => params[p] ?? '');
  const base = { method, path: concrete(ownParams), params: ownParams };
  const candidates = paramNames.length
    ? (mine(preferred[0]).length ? mine(preferred[0]) : mine()).slice(0, 3).map((id) => Object.fromEntries(paramNames.map((p) => [p, id])))
    : [];
  const { input, valid } = isWrite ? await writeInput(e, base, mine, candidates) : { input: {}, valid: true };

  for (const p of paramNames) {
    for (const foreign of foreignIds(world, preferred[0])) {
      const params = { ...ownParams, [p]: foreign };
      const out = await invokeRoute(e.fn, { method, path: concrete(params), params, body: input });
      calls++;
      findings.push(...judge(name, `[${p}]=${foreign}`, out, world, isWrite, true));
      if (out.status !== 404 && out.status !== 400) {
        findings.push({ endpoint: name, kind: 'accepted', detail: `[${p}]=${foreign}: ${out.status} instead of 404` });
      }
    }
  }
  for (const key of QUERY_ID_KEYS) {
    for (const foreign of foreignIds(world, tableForField(key) ?? preferred[0]).slice(0, 4)) {
      const out = await invokeRoute(e.fn, { ...base, query: { [key]: foreign }, body: input });
      calls++;
      findings.push(...judge(name, `?${key}=${foreign}`, out, world, false, false));
    }
  }
  for (const path of idPaths(input).filter((p) => !CLIENT_MINTED_IDS[name]?.includes(p.join('.')))) {
    for (const foreign of foreignIds(world, tableForField(path.at(-1)!))) {
      const out = await invokeRoute(e.fn, { ...base, body: withValueAt(input, path, foreign) });
      calls++;
      findings.push(...judge(name, `body.${path.join('.')}=${foreign}`, out, world, isWrite, true));
    }
  }
  const smuggled = await invokeRoute(e.fn, {
    ...base,
    query: { orgId: world.a.orgId, organizationId: world.a.orgId },
    headers: { 'x-organization-id': world.a.orgId, 'x-clerk-org-id': world.a.orgId, cookie: `__org=${world.a.orgId}; org_id=${world.a.orgId}` },
    body: { ...input, organizationId: world.a.orgId, orgId: world.a.orgId },
  });
  calls++;
  findings.push(...judge(name, 'org id smuggled in query/headers/cookies/body', smuggled, world, false, false));
  return { findings, calls, validInput: valid, idFields: paramNames.length + idPaths(input).length };
}
