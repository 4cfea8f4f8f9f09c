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
import {
  CONCURRENCY,
  describeError,
  enrich,
  inParallel,
  normalize,
  orgFilters,
  plantWithoutOrgFilter,
  QUERIES,
  refsOf,
  rowsOf,
  wroteNothing,
} from '@/tests/support/app-layer-world';

/**
 * Exported functions this suite cannot call as "B with A's ids", and why. A
 * function missing from here that can't be called fails the suite.
 */
const NOT_CALLABLE: Record<string, string> = {
  'webhooks.ts#recordWebhookEvent':
    'svix delivery ids (webhook_events): no tenant rows, no tenant argument; its idempotency is tested in lib/tenancy',
  'webhooks.ts#claimSyncVersion':
    'Clerk entity versions (clerk_sync_state) keyed by the ids of a verified webhook payload, never by request input',
  'public-page.ts#findLinkByHash':
    "the public QR page's door (db/public.ts, as brave_public): the token hash is the scope; its RLS is checked by tests/integration/rls-catalog-public",
  'public-page.ts#loadPublicSite': "the public QR page's door: scoped by the link findLinkByHash returned, as brave_public",
  'public-page.ts#findPublishedPhotoByKey':
    "the public QR page's file route: scoped by the link findLinkByHash returned, as brave_public (app/inspect-file/[seal]/route.int.test.ts)",
  'public-page.ts#findPublishedSwpppByKey':
    "the public QR page's file route: scoped by the link findLinkByHash returned, as brave_public (app/inspect-file/[seal]/route.int.test.ts)",
  'inspector-visits.ts#countPublicAccessEvents': 'public_access_events: counted by IP hash, no organization',
};

/**
 * Explicit filters whose removal no call can observe, because an earlier
 * filtered lookup in the same function already refused A's id. Kept anyway
 * (defence in depth, and a refactor may drop the lookup).
 */
const AFTER_LOOKUP = 'a write of the row an organization-filtered lookup just returned (same function, same id)';
const REDUNDANT_FILTERS: Record<string, string> = {
  'projects.ts#updateProject:1': AFTER_LOOKUP,
  'rain-events.ts#updateRainEvent:1': AFTER_LOOKUP,
  'inspections.ts#change:2': AFTER_LOOKUP,
  'violations.ts#updateViolation:2': AFTER_LOOKUP,
  'corrective-actions.ts#advanceCorrectiveAction:2': AFTER_LOOKUP,
  'files.ts#markDocumentStored:2':
    "the version count of a series in the project the organization-filtered lock just returned (same function): A's projects were refused there",
  'inspector-links.ts#updateInspectorLink:1': AFTER_LOOKUP,
  'site-conditions.ts#endSitePeriod:1': AFTER_LOOKUP,
  'files.ts#advancePublicSwppp:1':
    "the project its only caller (markDocumentStored) just locked by organization and id: A's projects were refused there",
  'findings.ts#confirmFinding:1': AFTER_LOOKUP,
  'findings.ts#dismissFinding:1': AFTER_LOOKUP,
  'violations.ts#listInspectionFindings:2':
    'corrective actions of the violations the organization-filtered query of the same function just returned: their ids are all B’s',
  'weather.ts#recordProviderReading:2':
    "the idempotency key names the project the organization-filtered lookup just returned (same function): no row of A carries it",
  'weather.ts#recordProviderReading:3': AFTER_LOOKUP,
  'my-work.ts#oshaChecklistsSince:2':
    'checklists of the projects the organization-filtered query of the same function just returned: their ids are all B’s',
};

/** Attacked, but with nothing to do for B's own data in this world, and why that is fine. */
const IDLE_FOR_OWNER: Record<string, string> = {
  'users.ts#insertUserIfMissing': "the acting user's row exists, so it inserts nothing; it writes only the acting user's own row",
  'inspector-visits.ts#insertPublicAccessEvent':
    'public_access_events has no organization (wrong QR tokens); the probe event is not one of its kinds, and there is no tenant row to reach',
  'exports.ts#insertExport':
    'the world gives each tenant a running export (for the stale sweep), so the one-at-a-time index refuses a second; it writes only a row of the actor’s org, and lib/export/org-export.int.test.ts starts exports for real',
  'inspector-visits.ts#deletePublicAccessEventsBefore':
    'public_access_events has no organization and this world plants no row past the retention; the prune is tested in lib/jobs/prune-public-access.int.test.ts',
  'obligations.ts#lockProjectObligations':
    'takes a transaction-scoped advisory lock keyed by (organization, project); it reads and writes no row',
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
    const unchanged = watch === A ? baseline : baselineB;
    if (watch) victim = (await wroteNothing(tx).catch(() => true)) ? unchanged : await rowsOf(tx, watch).catch(() => unchanged);
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
async function attack(q: QueryFunction, stopAtFirst = false): Promise<string[]> {
  const scope = { orgId: B.orgId, userId: B.userId, refs: refsB };
  const built = argumentLists(q, scope, refsA);
  if ('uncallable' in built) return [`${q.name}: ${built.uncallable}`];
  // What only A has (the shared idempotency keys are B's too).
  const markers = refsA.strings.filter((m) => !refsB.strings.includes(m));
  const problems: string[] = [];
  await inParallel(built.lists, async (args) => {
    if (stopAtFirst && problems.length) return;
    const shown = `${q.file}#${q.name}(${normalize(args).slice(1, 160)})`;
    const alone = await run(bypass, q, scope, args, A);
    const guarded = await run(rls, q, scope, args);
    if (alone.victim !== baseline) problems.push(`${shown} changed tenant A's rows`);
    if (alone.result !== guarded.result)
      problems.push(`${shown} without RLS: ${alone.result.slice(0, 200)} — with RLS: ${guarded.result.slice(0, 200)}`);
    const raw = alone.result;
    const leaked = markers.filter((m) => raw.includes(m) && !normalize(args).includes(m));
    if (leaked.length) problems.push(`${shown} returned A's ${leaked.join(', ')}`);
  });
  return problems.sort();
}

/**
 * Whether `q` does something real with B's own ids — returns a row or changes
 * one of B's — else the attack above would prove nothing.
 */
async function worksForOwner(q: QueryFunction): Promise<boolean> {
  const scope = { orgId: B.orgId, userId: B.userId, refs: refsB };
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
 * Whether the attack finds the planted defect: in `enclosing` when it is an
 * exported function, else (a private helper) in any function of the module.
 */
async function caught(planted: QueryFunction[], enclosing: string): Promise<boolean> {
  const own = planted.filter((q) => q.name === enclosing);
  for (const q of own.length ? own : planted) {
    if (NOT_CALLABLE[`${q.file}#${q.name}`]) continue;
    if ((await attack(q, true)).length) return true;
  }
  return false;
}

let functions: QueryFunction[];

beforeAll(async () => {
  A = await seedTenant('a');
  B = await seedTenant('b');
  const su = testDatabase.sql('superuser');
  for (const g of [A, B]) await enrich(su, g, g === A, g === A ? B : A);
  refsA = await refsOf(A);
  refsB = await refsOf(B);
  bypassRole = `brave_app_bypass_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  await su.unsafe(`create role ${bypassRole} login bypassrls password '${password}' in role brave_app`);
  const url = new URL(testDatabase.urls.app);
  url.username = bypassRole;
  url.password = password;
  bypass = createDatabase(url.toString(), { max: CONCURRENCY });
  rls = testDatabase.app({ max: CONCURRENCY });
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
      .map((q) => ({ q, built: argumentLists(q, { ...B, refs: refsB }, refsA) }))
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
    // Every query function × every foreign id, twice (with and without RLS): minutes on 2 cores.
  }, 900_000);

  it('each attacked function does real work with B’s own ids (the calls above are not vacuous)', async () => {
    const idle: string[] = [];
    for (const q of functions) {
      if (NOT_CALLABLE[`${q.file}#${q.name}`]) continue;
      if (!(await worksForOwner(q))) idle.push(`${q.file}#${q.name}`);
    }
    expect(idle.sort()).toEqual(Object.keys(IDLE_FOR_OWNER).sort());
  }, 400_000);
});

describe('negative controls: one explicit organization_id filter removed', () => {
  it.each([
    ['projects.ts', 'getProject'],
    ['projects.ts', 'listProjects'],
    ['violations.ts', 'getViolation'],
  ])('%s %s without its filter is caught', async (file, fnName) => {
    const filter = orgFilters(file).find((f) => f.label === `${file}#${fnName}:1`)!;
    expect(filter, `an org filter in ${fnName}`).toBeDefined();
    const planted = await plantWithoutOrgFilter(file, filter.at);
    // A private helper (getViolation) is reached through the module's exported functions.
    expect(await caught(planted, fnName)).toBe(true);
  });

  it('every explicit filter in db/queries is load-bearing: removing any one is caught, or it is declared redundant', async () => {
    const survived: string[] = [];
    const labels: string[] = [];
    for (const file of fs.readdirSync(QUERIES).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      for (const filter of orgFilters(file)) {
        labels.push(filter.label);
        if (REDUNDANT_FILTERS[filter.label]) continue;
        const planted = await plantWithoutOrgFilter(file, filter.at);
        if (!(await caught(planted, filter.label.split('#')[1]!.split(':')[0]!))) survived.push(filter.label);
      }
    }
    expect(labels.length).toBeGreaterThan(50);
    expect(survived).toEqual([]);
    // A stale entry (the filter moved or went) must be removed, so the list stays reviewed.
    expect(Object.keys(REDUNDANT_FILTERS).filter((l) => !labels.includes(l))).toEqual([]);
  }, 300_000);
});
