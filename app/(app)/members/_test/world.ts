/**
 * Shared arrangements for the members/settings integration tests: the seeded
 * orgs, the actions under test, and a project create as "a write".
 */
import { and, eq } from 'drizzle-orm';
import { memberships, projects } from '@/db/schema';
import { actAs } from '@/tests/support/auth-mock';
import { acme, form, inOrg } from '@/app/(app)/projects/_test/support';

export { acme, inOrg, seedOrgs } from '@/app/(app)/projects/_test/support';

export const as = {
  owner: () => actAs({ userId: 'user_acme_owner', orgId: acme.id, orgSlug: 'acme', role: 'owner' }),
  admin: () => actAs({ userId: 'user_dana', orgId: acme.id, orgSlug: 'acme', role: 'admin' }),
  superintendent: () => actAs({ userId: 'user_acme_super', orgId: acme.id, orgSlug: 'acme', role: 'superintendent' }),
  inspector: () => actAs({ userId: 'user_acme_inspector', orgId: acme.id, orgSlug: 'acme', role: 'inspector' }),
  crew: () => actAs({ userId: 'user_acme_crew', orgId: acme.id, orgSlug: 'acme', role: 'crew' }),
};

export const projectForm = (name: string) => form({ name, address: '1 Test Rd', inspectionSchedule: 'every_7_days' });

export const membershipOf = (userId: string) =>
  inOrg(acme, (tx) =>
    tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.organizationId, acme.id), eq(memberships.userId, userId)))
      .then((r) => r[0]),
  );

export const projectNamed = (name: string) =>
  inOrg(acme, (tx) =>
    tx
      .select({ id: projects.id })
      .from(projects)
      .where(and(eq(projects.organizationId, acme.id), eq(projects.name, name)))
      .then((r) => r[0]),
  );
