/**
 * The schema contracts (lib/zod/schemas/contracts.test.ts) at the endpoints:
 * every server action, called as a signed-in member with an input its schema
 * accepts plus one boundary case (max length + 1, min − 1, a number past a
 * bound, an unknown key for a strict schema), must answer with an error on
 * that field and write nothing. Actions come from discovery, so a new one is
 * covered the day it lands.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { actAs } from '@/tests/support/auth-mock';
import { testDatabase } from '@/tests/support/database';
import { boundaryCases, objectContract, UNKNOWN_KEY } from '@/tests/support/schema-contract';
import { discoverEndpoints, type Endpoint } from './endpoints';
import { invokeAction } from './invoke';
import { sampleInput, tablesForFile, zodValidator } from './sample-input';
import { buildWorld, fingerprint, type World } from './world';

vi.mock('@clerk/nextjs/server', async () => ({ ...(await import('@/tests/support/auth-mock')), clerkClient: () => ({}) }));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));

let db: Database;
let world: World;
let actions: Endpoint[];

beforeAll(async () => {
  db = testDatabase.app({ max: 3 });
  world = await buildWorld(db);
  actions = (await discoverEndpoints()).filter((e) => e.meta?.kind === 'action');
  actAs({ userId: world.b.ownerId, orgId: world.b.orgId, orgSlug: world.b.slug, role: 'owner' });
}, 120_000);

/** Boundary cases of action `e` that are accepted or refused without naming their field. */
async function contractProblems(e: Endpoint): Promise<{ cases: number; problems: string[] }> {
  if (e.meta?.kind !== 'action') return { cases: 0, problems: [] };
  const contract = objectContract(e.meta.schema);
  if (!contract) return { cases: 0, problems: [`${e.exportName}: schema is not an object`] };
  const preferred = tablesForFile(e.file);
  const ids = (table?: (typeof preferred)[number]) =>
    table ? (world.b.ids[table] ?? []) : [...preferred.flatMap((t) => world.b.ids[t] ?? []), ...Object.values(world.b.ids).flat()];
  const { input, valid } = await sampleInput(zodValidator(e.meta.schema), ids, 20);
  if (!valid) return { cases: 0, problems: [`${e.exportName}: no valid input found`] };
  const problems: string[] = [];
  const cases = boundaryCases(contract);
  for (const c of cases) {
    const out = await invokeAction(e.fn, { ...input, ...(c.patch as Record<string, never>) });
    const label = `${e.file}#${e.exportName} ${c.label}`;
    if (out.ok) problems.push(`${label}: accepted`);
    else if (c.field !== null && !out.fieldErrors?.[c.field]?.length) problems.push(`${label}: ${out.status} without a ${c.field} error (${out.text.slice(0, 160)})`);
    else if (c.field === null && !out.text.includes(UNKNOWN_KEY)) problems.push(`${label}: the unknown key is not named`);
  }
  return { cases: cases.length, problems };
}

describe('input contracts at the endpoints', () => {
  it('every action refuses each boundary case of its schema with that field’s error, and writes nothing', async () => {
    expect(actions.length).toBeGreaterThan(10);
    // A signed-in request outside business hours records one OFF_HOURS_ACCESS per member and day
    // (lib/security/off-hours.ts), a write of the sign-in, not of the input: made first, so the
    // fingerprint compares only what the boundary cases write, whatever the time of day.
    await invokeAction(actions[0]!.fn, {});
    const before = await fingerprint(db, world.b);
    let cases = 0;
    const problems: string[] = [];
    for (const e of actions) {
      const r = await contractProblems(e);
      cases += r.cases;
      problems.push(...r.problems);
    }
    expect(problems).toEqual([]);
    expect(cases, 'boundary cases sent').toBeGreaterThan(actions.length);
    expect(await fingerprint(db, world.b)).toBe(before);
  }, 120_000);

  it('negative control: an action whose handler trims instead of refusing is caught', async () => {
    const { tenantAction } = await import('@/lib/actions/tenant-action');
    const { z } = await import('zod');
    const lax = tenantAction(
      'org:projects:write',
      z.object({ name: z.preprocess((v) => (typeof v === 'string' ? v.slice(0, 10) : v), z.string().min(1).max(10)) }),
      async () => ({ ok: true }),
    );
    const planted: Endpoint = { file: 'planted/lax.ts', exportName: 'laxAction', kind: 'action', fn: lax, meta: { kind: 'action', permission: 'org:projects:write', schema: z.object({ name: z.string().min(1).max(10) }) } };
    expect((await contractProblems(planted)).problems).toEqual(['planted/lax.ts#laxAction name: 11 characters: accepted']);
  });
});
