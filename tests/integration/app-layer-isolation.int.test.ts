/**
 * The application layer alone isolates tenants. Every exported query function
 * of db/queries (discovered, tests/support/query-calls.ts builds the calls) is
 * called as tenant B with tenant A's ids on a connection where RLS does not
 * apply: a BYPASSRLS role made here that is a member of brave_app (so it has
 * exactly the app's grants), inside the real door (withTenantOn /
 * withIdentityOn: same transaction, same settings). Each call must
 *   - return what the same call returns through RLS (brave_app), and no id of A;
 *   - leave every row of A as it was (checked inside the call's transaction,
 *     which is then rolled back).
 * The negative controls rebuild a query module with one explicit
 * organization_id filter removed and show the suite catches it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '@/db/client';
import { withIdentityOn, withTenantOn, type Tx } from '@/db/tenant';
import { testDatabase } from '@/tests/support/database';
import { seedTenant, type TenantGraph } from '@/tests/support/factories';
import {
  argumentLists,
  discoverQueryFunctions,
  type QueryFunction,
  type Refs,
  type Scope,
} from '@/tests/support/query-calls';
import { TENANT_TABLES } from '@/tests/support/tenants';

const ROOT = path.resolve(import.meta.dirname, '../..');
const QUERIES = path.join(ROOT, 'db/queries');

/**
 * Exported functions this suite cannot call as "B with A's ids", and why. A
 * function missing from here that can't be called fails the suite.
 */
const NOT_CALLABLE: Record<string, string> = {
  'webhooks.ts#recordWebhookEvent':
    'svix delivery ids (webhook_events): no tenant rows, no tenant argument; its idempotency is tested in lib/tenancy',
  'webhooks.ts#claimSyncVersion':
    'Clerk entity versions (clerk_sync_state) keyed by the ids of a verified webhook payload, never by request input',
  'organizations.ts#insertOrganization':
    'provisioning inserts the organization named by a verified Clerk event; it takes no id to filter by',
};

/** Attacked, but with nothing to do for B's own data in this world, and why that is fine. */
const IDLE_FOR_OWNER: Record<string, string> = {
  'users.ts#insertUserIfMissing': "the acting user's row exists, so it inserts nothing; it writes only the acting user's own row",
};

class Rollback extends Error {}

interface Outcome {
  result: string;
  /** A's rows as seen inside the call's transaction (bypass door only). */
  victim?: string;
}

let A: TenantGraph;
let B: TenantGraph;
let refsA: Refs;
let refsB: Refs;
let baseline: string;
let baselineB: string;
let bypass: Database;
let rls: Database;
let bypassRole: string;

/** Dates and generated uuids differ between two runs of a create; everything else must match. */
function normalize(value: unknown): string {
  return JSON.stringify(value ?? null, (_k, v: unknown) => {
    if (typeof v === 'string') {
      if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)) return '<uuid>';
      if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(v)) return '<date>';
    }
    return v;
  });
}

function describeError(e: unknown): string {
  for (let cur = e; cur && typeof cur === 'object'; cur = (cur as { cause?: unknown }).cause) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return `threw SQLSTATE ${code}`;
  }
  return `threw ${e instanceof Error ? e.constructor.name : typeof e}`;
}

/** Every row of `g`'s tenant (and its users), as the connection in `tx` sees it. */
async function rowsOf(tx: Pick<Tx, 'execute'>, g: TenantGraph): Promise<string> {
  const parts = TENANT_TABLES.map(
    (t) =>
      sql`select ${t}::text as t, coalesce(jsonb_agg(to_jsonb(x) order by to_jsonb(x)::text), '[]') as rows from ${sql.identifier(t)} x where x.organization_id = ${g.orgId}`,
  );
  parts.push(sql`select 'users', coalesce(jsonb_agg(to_jsonb(u)), '[]') from users u where u.id = ${g.userId}`);
  const rows = await tx.execute<{ t: string; rows: unknown }>(sql.join(parts, sql` union all `));
  return JSON.stringify([...rows].sort((x, y) => x.t.localeCompare(y.t)));
}

/** The ids and keys of a tenant, read as the superuser (no RLS), for aiming at. */
async function refsOf(g: TenantGraph): Promise<Refs> {
  const su = testDatabase.sql('superuser');
  const strings = new Set<string>([g.orgId, g.userId]);
  const byTable: Record<string, string> = {};
  for (const t of TENANT_TABLES) {
    const rows = await su`select to_jsonb(x) as row from ${su(t)} x where organization_id = ${g.orgId}`;
    for (const { row } of rows as unknown as { row: Record<string, unknown> }[]) {
      for (const col of ['id', 'key', 'slug', 'idempotency_key', 'user_id']) {
        if (typeof row[col] === 'string') strings.add(row[col] as string);
      }
      if (typeof row.id === 'string') byTable[t] ??= row.id;
    }
  }
  return { strings: [...strings], byTable, user: g.userId };
}

const orgScoped = (q: QueryFunction) => q.params.some((p) => p.name === 'orgId' || p.name === 'actor');

/** One call in its own door transaction, always rolled back. */
async function run(db: Database, q: QueryFunction, scope: Scope, args: unknown[], watch?: TenantGraph): Promise<Outcome> {
  let out: Outcome | undefined;
  const body = async (tx: Tx) => {
    let result: string;
    try {
      result = normalize(await q.fn(tx, ...args));
    } catch (e) {
      result = describeError(e);
    }
    let victim: string | undefined;
    // After a database error the transaction is aborted: it rolls back, nothing changed.
    if (watch) victim = await rowsOf(tx, watch).catch(() => (watch === A ? baseline : baselineB));
    out = { result, victim };
    throw new Rollback();
  };
  try {
    if (orgScoped(q)) await withTenantOn(db, scope, body);
    else await withIdentityOn(db, scope.userId, body);
  } catch (e) {
    if (!(e instanceof Rollback)) out = { result: describeError(e), victim: watch === B ? baselineB : baseline };
  }
  return out!;
}

/** What is wrong with `q` when the application layer is all there is (empty: nothing). */
async function attack(q: QueryFunction): Promise<string[]> {
  const scope = { orgId: B.orgId, userId: B.userId };
  const built = argumentLists(q, scope, refsA);
  if ('uncallable' in built) return [`${q.name}: ${built.uncallable}`];
  const markers = refsA.strings;
  const problems: string[] = [];
  for (const args of built.lists) {
    const shown = `${q.file}#${q.name}(${normalize(args).slice(1, 160)})`;
    const alone = await run(bypass, q, scope, args, A);
    const guarded = await run(rls, q, scope, args);
    if (alone.victim !== baseline) problems.push(`${shown} changed tenant A's rows`);
    if (alone.result !== guarded.result)
      problems.push(`${shown} without RLS: ${alone.result.slice(0, 200)} — with RLS: ${guarded.result.slice(0, 200)}`);
    const raw = alone.result;
    const leaked = markers.filter((m) => raw.includes(m) && !normalize(args).includes(m));
    if (leaked.length) problems.push(`${shown} returned A's ${leaked.join(', ')}`);
  }
  return problems;
}

/**
 * Whether `q` does something real with B's own ids — returns a row or changes
 * one of B's — else the attack above would prove nothing.
 */
async function worksForOwner(q: QueryFunction): Promise<boolean> {
  const scope = { orgId: B.orgId, userId: B.userId };
  const built = argumentLists(q, scope, refsB);
  if ('uncallable' in built) return false;
  for (const args of built.lists) {
    const { result, victim } = await run(bypass, q, scope, args, B);
    if (result.startsWith('threw')) continue;
    if (!['null', '[]', 'false'].includes(result) || victim !== baselineB) return true;
  }
  return false;
}

/**
 * A copy of `file` with the first explicit `organization_id = orgId` filter in
 * `fnName` replaced by nothing, written under .data/ and imported.
 */
async function plantWithoutOrgFilter(file: string, fnName: string): Promise<QueryFunction> {
  const src = fs.readFileSync(path.join(QUERIES, file), 'utf8');
  const start = src.search(new RegExp(`export (async )?function ${fnName}\\(`));
  expect(start, `${fnName} in ${file}`).toBeGreaterThan(-1);
  const filter = /eq\(\w+\.organizationId, (actor\.)?orgId\)/;
  const rest = src.slice(start);
  expect(rest.search(filter), `an org filter in ${fnName}`).toBeGreaterThan(-1);
  const mutated = (src.slice(0, start) + rest.replace(filter, 'undefined'))
    .replace(/from '\.\/([\w-]+)'/g, "from '@/db/queries/$1'")
    .replace(/from '\.\.\/([\w-]+)'/g, "from '@/db/$1'");
  const dir = path.join(ROOT, '.data/planted', randomBytes(4).toString('hex'));
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, file), mutated);
  const found = (await discoverQueryFunctions(dir)).find((q) => q.name === fnName);
  fs.rmSync(dir, { recursive: true, force: true });
  return found!;
}

/**
 * What the factories leave out and some queries look up: idempotency keys, a
 * valid form definition, an amendment, a violation's audit trail. Written as
 * the superuser, outside the app.
 */
async function enrich(su: ReturnType<typeof testDatabase.sql>, g: TenantGraph) {
  const k = g.keys;
  for (const t of ['form_submissions', 'violations', 'corrective_actions', 'rain_events'] as const) {
    await su`update ${su(t)} set idempotency_key = ${`idem_${t}_${k[t]}`} where organization_id = ${g.orgId} and id = ${k[t]}`;
  }
  const definition = {
    title: 'SWPPP inspection',
    sections: [{ key: 'site', title: 'Site', fields: [{ key: 'note', label: 'Note', type: 'text' }] }],
  };
  await su`update form_templates set schema = ${su.json(definition)} where organization_id = ${g.orgId}`;
  await su`insert into inspections (organization_id, project_id, amends_inspection_id, revision, created_by)
           values (${g.orgId}, ${k.projects}, ${k.inspections}, 2, 'factory')`;
  await su`insert into audit_log (organization_id, actor_user_id, action, entity_type, entity_id, after)
           values (${g.orgId}, ${g.userId}, 'create', 'violation', ${k.violations}, ${su.json({ status: 'open' })})`;
}

let functions: QueryFunction[];

beforeAll(async () => {
  A = await seedTenant('a');
  B = await seedTenant('b');
  const su = testDatabase.sql('superuser');
  for (const g of [A, B]) await enrich(su, g);
  refsA = await refsOf(A);
  refsB = await refsOf(B);
  bypassRole = `brave_app_bypass_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  await su.unsafe(`create role ${bypassRole} login bypassrls password '${password}' in role brave_app`);
  const url = new URL(testDatabase.urls.app);
  url.username = bypassRole;
  url.password = password;
  bypass = createDatabase(url.toString(), { max: 2 });
  rls = testDatabase.app({ max: 2 });
  baseline = await rowsOf(bypass, A);
  baselineB = await rowsOf(bypass, B);
  functions = (await discoverQueryFunctions(QUERIES)).filter((q) => q.params[0]?.name === 'tx');
});

afterAll(async () => {
  await bypass?.$pool.end({ timeout: 1 });
  if (bypassRole) await testDatabase.sql('superuser').unsafe(`drop role if exists ${bypassRole}`);
});

describe('the application layer alone (RLS bypassed)', () => {
  it('sees the bypass connection ignore RLS, so the filters below are all that stands', async () => {
    const seen = await withTenantOn(bypass, { orgId: B.orgId, userId: B.userId }, (tx) =>
      tx.execute<{ n: number }>(sql`select count(distinct organization_id)::int as n from projects`),
    );
    expect(seen[0]!.n).toBeGreaterThanOrEqual(2);
  });

  it('discovers the query modules and declares every function it cannot call', () => {
    expect(functions.length).toBeGreaterThan(40);
    const declared = new Set(Object.keys(NOT_CALLABLE));
    const uncallable = functions
      .map((q) => ({ q, built: argumentLists(q, B, refsA) }))
      .filter(({ built }) => 'uncallable' in built)
      .map(({ q }) => `${q.file}#${q.name}`);
    expect(uncallable.sort()).toEqual([...declared].sort());
  });

  it('calls every callable query function as B with A ids: nothing of A returned or changed', async () => {
    const problems: string[] = [];
    for (const q of functions) {
      if (NOT_CALLABLE[`${q.file}#${q.name}`]) continue;
      problems.push(...(await attack(q)));
    }
    expect(problems).toEqual([]);
  });

  it('each attacked function does real work with B’s own ids (the calls above are not vacuous)', async () => {
    const idle: string[] = [];
    for (const q of functions) {
      if (NOT_CALLABLE[`${q.file}#${q.name}`]) continue;
      if (!(await worksForOwner(q))) idle.push(`${q.file}#${q.name}`);
    }
    expect(idle.sort()).toEqual(Object.keys(IDLE_FOR_OWNER).sort());
  });
});

describe('negative controls: one explicit organization_id filter removed', () => {
  it.each([
    ['projects.ts', 'getProject'],
    ['projects.ts', 'listProjects'],
    ['violations.ts', 'getViolation'],
    ['inspections.ts', 'getInspection'],
    ['audit.ts', 'listAudit'],
  ])('%s %s without its filter is caught', async (file, fnName) => {
    const planted = await plantWithoutOrgFilter(file, fnName);
    expect(planted.fn).not.toBe(functions.find((q) => q.name === fnName)?.fn);
    expect(await attack(planted)).not.toEqual([]);
  });
});
