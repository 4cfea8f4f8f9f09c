/**
 * The cache in the app's own flows (in-process backend, the embedded default):
 * an org switch and a membership change never show a value of the previous
 * org; a write through tenantAction invalidates what it changed; the Clerk
 * webhook invalidates the org's cached status. A planted org-blind cache
 * shows the switch scenario can fail.
 */
import type { ClerkEvent } from '@/lib/tenancy/clerk-events';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { projects } from '@/db/schema';
import { withTenant } from '@/db/tenant';
import { actAs } from '@/tests/support/auth-mock';
import { addMember, createOrganization, createUser, seedProjects } from '@/tests/support/factories';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));
vi.mock('next/headers', () => ({ headers: async () => new Headers() }));

const { cachedDashboard } = await import('@/lib/dashboard/cached-dashboard');
const { createProjectAction } = await import('@/app/(app)/projects/actions/create-project');
const { applyClerkEvent } = await import('@/lib/tenancy/clerk-sync');
const { organizationStatus } = await import('@/lib/auth/organization-status');
const { permissionsOf } = await import('@/lib/rbac/permissions');
const { backfillObligations } = await import('@/lib/compliance/backfill-obligations');
const { recomputeObligations } = await import('@/lib/compliance/recompute-obligations');
import type { TenantContext } from '@/lib/auth/tenant-context';

const dana = 'user_switch_dana';
const A = 'org_switch_a';
const B = 'org_switch_b';
const ctx = (orgId: string): TenantContext => ({ orgId, orgSlug: null, userId: dana, role: 'owner', permissions: permissionsOf('owner') });

/**
 * A project written straight through the door, with its obligations: no action, so no cache
 * invalidation — shows what is cached.
 */
const sneakProject = (orgId: string) =>
  withTenant({ orgId, userId: dana }, async (tx) => {
    const [row] = await tx.insert(projects).values({ organizationId: orgId, name: `sneaked ${Math.random()}`, createdBy: dana }).returning();
    await recomputeObligations(tx, orgId, row!.id);
  });

const membershipDeleted = (orgId: string, userId: string) =>
  ({
    type: 'organizationMembership.deleted',
    object: 'event',
    timestamp: Date.now(),
    instance_id: 'ins_test',
    data: {
      object: 'organization_membership',
      id: `orgmem_${orgId}_${userId}`,
      role: 'org:admin',
      permissions: [],
      created_at: 1,
      updated_at: Date.now(),
      organization: { object: 'organization', id: orgId, name: 'Switch A', slug: 'switch-a', created_at: 1, updated_at: 1 },
      public_user_data: { user_id: userId, identifier: `${userId}@example.test`, first_name: 'Dana', last_name: 'Reyes', image_url: '', has_image: false },
    },
  }) as unknown as ClerkEvent;

beforeAll(async () => {
  await createUser(dana, A);
  await seedProjects(A, 3, dana); // creates the organization too
  await seedProjects(B, 1, dana);
  for (const org of [A, B]) await addMember(org, dana, 'owner');
  // Factory rows skip the writes that recompute obligations: compute them once, as the seed does.
  for (const org of [A, B]) await withTenant({ orgId: org, userId: dana }, (tx) => backfillObligations(tx, org));
});

/** What Dana sees in B right after seeing A: the scenario a planted org-blind cache fails. */
async function switchScenario(dashboard: (c: TenantContext) => Promise<{ due: unknown[] }>) {
  const inA = (await dashboard(ctx(A))).due.length;
  const inB = (await dashboard(ctx(B))).due.length;
  return { inA, inB };
}

describe('the tenant cache across orgs and writes', () => {
  it('an org switch shows the new org’s numbers, never the previous org’s', async () => {
    const now = new Date();
    expect(await switchScenario((c) => cachedDashboard(c, now))).toEqual({ inA: 3, inB: 1 });
  });

  it('negative control: an org-blind cache fails the same scenario', async () => {
    const blind = new Map<string, unknown>();
    const leaky = async (c: TenantContext) => {
      if (!blind.has('dashboard')) blind.set('dashboard', await cachedDashboard(c, new Date()));
      return blind.get('dashboard') as { due: unknown[] };
    };
    expect(await switchScenario(leaky)).toEqual({ inA: 3, inB: 3 });
  });

  it('the dashboard is cached, and a write through an action invalidates it', async () => {
    const now = new Date();
    await cachedDashboard(ctx(A), now);
    await sneakProject(A);
    expect((await cachedDashboard(ctx(A), now)).due).toHaveLength(3); // served from the cache
    actAs({ userId: dana, orgId: A, role: 'owner' });
    const created = await createProjectAction(null, { name: 'Through the action', inspectionSchedule: 'every_7_days' });
    expect(created).toMatchObject({ ok: true });
    expect((await cachedDashboard(ctx(A), now)).due).toHaveLength(5); // the sneaked one and the new one
    expect((await cachedDashboard(ctx(B), now)).due).toHaveLength(1); // B untouched
  });

  it('a membership change (webhook) invalidates the org; the user then sees only the org they are in', async () => {
    const now = new Date();
    await cachedDashboard(ctx(A), now);
    await sneakProject(A);
    expect(await applyClerkEvent(`msg_${Math.random()}`, membershipDeleted(A, dana))).toBe('applied');
    expect((await cachedDashboard(ctx(A), now)).due).toHaveLength(6); // refilled after the webhook
    expect((await cachedDashboard(ctx(B), now)).due).toHaveLength(1);
  });

  it('organization.deleted (webhook) makes the cached "active" status inactive at once', async () => {
    const org = 'org_switch_gone';
    await createOrganization(org, dana);
    expect(await organizationStatus({ orgId: org, userId: dana })).toBe('active');
    expect(await organizationStatus({ orgId: org, userId: dana })).toBe('active'); // cached now
    const deleted = { type: 'organization.deleted', object: 'event', timestamp: Date.now(), instance_id: 'ins_test', data: { object: 'organization', id: org, deleted: true } };
    expect(await applyClerkEvent(`msg_${Math.random()}`, deleted as unknown as ClerkEvent)).toBe('applied');
    expect(await organizationStatus({ orgId: org, userId: dana })).toBe('inactive');
  });
});
