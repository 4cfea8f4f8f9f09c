/**
 * Hostile inputs, property-based (fast-check), against every registered
 * endpoint: whatever arrives, the answer is never a 5xx, a rejection leaves
 * nothing written, and every rejection says what is wrong.
 *
 * HOSTILE_RUNS sets the total number of cases (default 10,000, spread evenly).
 */
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { withTenantOn } from '@/db/tenant';
import { actAs } from '@/tests/support/auth-mock';
import { testDatabase } from '@/tests/support/database';
import { TENANT_TABLES } from '@/tests/support/tenants';
import { discoverEndpoints, type Endpoint } from './endpoints';
import { hostileBody, hostileInput, hostileValue } from './hostile-values';
import { invokeAction, invokeRoute, type Outcome } from './invoke';
import { sampleInput, tablesForFile, zodValidator, type Json } from './sample-input';
import { buildWorld, type World } from './world';

vi.mock('@clerk/nextjs/server', async () => ({ ...(await import('@/tests/support/auth-mock')), clerkClient: () => ({}) }));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));

const { tenantRoute } = await import('@/lib/api/tenant-route');

const TOTAL_RUNS = Number(process.env.HOSTILE_RUNS ?? 10_000);
let db: Database;
let world: World;
let endpoints: Endpoint[];

// A rejected request records a security event (by design: lib/security); nothing else may change.
// project_search_trigrams holds derived rows a project write makes by trigger (docs/search.md): the project is what is counted.
const COUNTED = TENANT_TABLES.filter((t) => t !== 'security_events' && t !== 'project_search_trigrams');
const totalRows = (t: World['b']) =>
  withTenantOn(db, { orgId: t.orgId, userId: t.ownerId }, async (tx) => {
    const [row] = await tx.execute<{ n: number }>(sql.raw(`select (${COUNTED.map((x) => `(select count(*) from ${x})`).join(' + ')})::int as n`));
    return row!.n;
  });

/** A problem with one answer, or null when the answer is acceptable. */
function verdict(out: Outcome, rowsBefore: number, rowsAfter: number): string | null {
  if (out.status >= 500) return `server error ${out.status}: ${out.text.slice(0, 300)}`;
  if (!out.ok && rowsAfter !== rowsBefore) return `rejected (${out.status}) but wrote ${rowsAfter - rowsBefore} row(s)`;
  if (!out.ok && out.status !== 303) {
    let message = '';
    try {
      const body = JSON.parse(out.text) as { formError?: string; error?: { message?: string } } | null;
      message = body?.formError ?? body?.error?.message ?? '';
    } catch {
      message = '';
    }
    if (out.status !== 404 && !message.trim()) return `rejected (${out.status}) without a message: ${out.text.slice(0, 200)}`;
  }
  return null;
}

async function fuzzEndpoint(e: Endpoint, runs: number): Promise<{ cases: number; failure?: string }> {
  const mine = (table?: Parameters<typeof sampleInput>[1] extends (t?: infer T) => string[] ? T : never) =>
    table ? (world.b.ids[table] ?? []) : [...tablesForFile(e.file).flatMap((t) => world.b.ids[t] ?? []), ...Object.values(world.b.ids).flat()];
  let cases = 0;
  const check = async (call: () => Promise<Outcome>) => {
    const before = await totalRows(world.b);
    const out = await call();
    cases++;
    const problem = verdict(out, before, await totalRows(world.b));
    if (problem) throw new Error(problem);
  };
  try {
    if (e.meta?.kind === 'action') {
      const { input } = await sampleInput(zodValidator(e.meta.schema), mine);
      await assertProperty(fc.asyncProperty(hostileInput(input), (i) => check(() => invokeAction(e.fn, i))), runs);
    } else if (e.kind === 'route' && e.path) {
      const params = Object.fromEntries([...e.path.matchAll(/\[([^\]]+)\]/g)].map((m) => [m[1]!, mine(tablesForFile(e.file)[0])[0] ?? '']));
      const path = e.path.replace(/\[([^\]]+)\]/g, (_, p: string) => params[p] ?? '');
      const method = e.exportName;
      const arb = fc.oneof(
        hostileInput({}).map((body) => ({ body, rawBody: undefined as string | undefined, query: {} as Record<string, string>, params })),
        hostileBody.map((rawBody) => ({ body: undefined, rawBody, query: {}, params })),
        fc.dictionary(fc.constantFrom('cursor', 'limit', 'status', 'search', 'projectId', 'since'), hostileValue.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))).map((query) => ({ body: undefined, rawBody: undefined, query, params })),
        hostileValue.map((v) => {
          const bad = Object.fromEntries(Object.keys(params).map((k) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
          return { body: undefined, rawBody: undefined, query: {}, params: Object.keys(params).length ? bad : params };
        }),
      );
      await assertProperty(
        fc.asyncProperty(arb, (c) => check(() => invokeRoute(e.fn, { method, path, params: c.params, query: c.query, body: c.body as Json, rawBody: c.rawBody }))),
        runs,
      );
    }
    return { cases };
  } catch (error) {
    return { cases, failure: String(error) };
  }
}

/** Like fc.assert, but the failure reads "<what went wrong> for <input, abbreviated>". */
async function assertProperty<T>(property: fc.IAsyncProperty<T>, numRuns: number) {
  const r = await fc.check(property, { numRuns, endOnFailure: true });
  if (!r.failed) return;
  const why = r.errorInstance instanceof Error ? r.errorInstance.message : String(r.errorInstance);
  const input = JSON.stringify(r.counterexample, (_k, v: unknown) => (typeof v === 'string' && v.length > 80 ? `${v.slice(0, 40)}…(${v.length} chars)` : v));
  throw new Error(`${why} — input ${input?.slice(0, 600)} (seed ${r.seed})`);
}

beforeAll(async () => {
  db = testDatabase.app({ max: 3 });
  world = await buildWorld(db);
  endpoints = (await discoverEndpoints()).filter((e) => e.meta && e.meta.kind !== 'public');
  actAs({ userId: world.b.ownerId, orgId: world.b.orgId, orgSlug: world.b.slug, role: 'owner' });
}, 120_000);

describe('hostile inputs', () => {
  it(`${TOTAL_RUNS} hostile cases over every endpoint: no 5xx, no partial write, every rejection explained`, async () => {
    const perEndpoint = Math.ceil(TOTAL_RUNS / endpoints.length);
    const failures: string[] = [];
    let cases = 0;
    for (const e of endpoints) {
      const r = await fuzzEndpoint(e, perEndpoint);
      cases += r.cases;
      if (r.failure) failures.push(`${e.file}#${e.exportName}: ${r.failure}`);
    }
    console.log(`hostile inputs: ${cases} cases over ${endpoints.length} endpoints`);
    expect(failures).toEqual([]);
    expect(cases).toBeGreaterThanOrEqual(Math.min(TOTAL_RUNS, 10_000) * 0.95);
  }, 900_000);
});

describe('negative control', () => {
  it('a planted 500 and a planted partial write are found', async () => {
    const crash = tenantRoute({ permission: 'org:data:read' }, async (req) => {
      const body = (await req.json().catch(() => null)) as { name?: unknown } | null;
      return { length: (body?.name as string).length }; // TypeError on anything but a string name
    });
    const partial = tenantRoute({ permission: 'org:projects:write' }, async (req, { tx, ctx }) => {
      // `null` is valid JSON: without the `??` this control would crash (a 500) instead of writing half.
      const body = ((await req.json().catch(() => null)) ?? {}) as Record<string, unknown>;
      await tx.execute(sql`insert into projects (organization_id, name, created_by) values (${ctx.orgId}, 'half', ${ctx.userId})`);
      // Answers an error but commits the insert: a "partial write".
      if (typeof body.name !== 'string') return Response.json({ error: { message: 'name required' } }, { status: 400 });
      return { ok: true };
    });
    const planted = (fn: unknown, exportName: string): Endpoint => ({ file: 'planted/route.ts', exportName, kind: 'route', path: '/planted', fn: fn as Endpoint['fn'], meta: { kind: 'route', permission: 'org:data:read' } });
    expect((await fuzzEndpoint(planted(crash, 'POST'), 100)).failure).toMatch(/server error 500/);
    expect((await fuzzEndpoint(planted(partial, 'POST'), 100)).failure).toMatch(/wrote 1 row/);
  }, 120_000);
});
