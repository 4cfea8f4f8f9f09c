/**
 * RBAC matrix through both wrappers: every role × every permission, against
 * the real database. auth() is replaced by the claims Clerk would have parsed
 * (the middleware tests cover the parsing itself).
 */
import { count, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { auditLog, memberships, organizations } from '@/db/schema';
import { seedOrganizations } from '@/db/seed-data';
import { PublicError } from '@/lib/api/errors';
import type { AuthFields } from '@/lib/auth/tenant-context';
import { can, PERMISSIONS, ROLES, type Role } from '@/lib/rbac/permissions';
import { testDatabase } from '@/tests/support/database';

const authState: { current: AuthFields } = { current: { userId: null } };
vi.mock('@clerk/nextjs/server', () => ({ auth: async () => authState.current }));

const { tenantAction } = await import('./tenant-action');
const { tenantRoute } = await import('@/lib/api/tenant-route');
const { seed } = await import('@/lib/demo/seed');
const { withTenantOn } = await import('@/db/tenant');

const [acme, bolt] = seedOrganizations;
const as = (role: Role, org: { id: string; slug: string } = acme, userId = `user_${role}`) => {
  authState.current = { userId, orgId: org.id, orgSlug: org.slug, orgRole: `org:${role}` };
};

let db: ReturnType<typeof testDatabase.app>;
async function auditRows(orgId: string) {
  return withTenantOn(db, { orgId, userId: 'test' }, async (tx) => {
    const [row] = await tx.select({ n: count() }).from(auditLog).where(eq(auditLog.organizationId, orgId));
    return row?.n ?? 0;
  });
}

const schema = z.object({ note: z.string().min(1, 'Required') });
const writeAudit = (permission: (typeof PERMISSIONS)[number]) =>
  tenantAction(permission, schema, async (input, { tx, ctx }) => {
    await tx.insert(auditLog).values({
      organizationId: ctx.orgId,
      actorUserId: ctx.userId,
      action: 'test',
      entityType: 'note',
      entityId: input.note,
    });
    return { orgId: ctx.orgId, role: ctx.role };
  });

beforeAll(async () => {
  db = testDatabase.app({ max: 2 });
  await seed(db);
  // Writes check the membership row (lib/members/current-membership.ts): each role's actor is a member with that role.
  for (const org of [acme, bolt]) {
    await withTenantOn(db, { orgId: org.id, userId: 'test' }, (tx) =>
      tx.insert(memberships).values(ROLES.map((role) => ({ organizationId: org.id, userId: `user_${role}`, role }))).onConflictDoNothing(),
    );
  }
});
beforeEach(() => {
  authState.current = { userId: null };
});

describe('tenantAction: role × permission', () => {
  for (const role of ROLES) {
    it(`${role}: allowed exactly where the table says, nothing written when denied`, async () => {
      for (const permission of PERMISSIONS) {
        as(role);
        const before = await auditRows(acme.id);
        const result = await writeAudit(permission)(null, { note: `${role}:${permission}` });
        const after = await auditRows(acme.id);
        if (can(role, permission)) {
          expect(result, permission).toEqual({ ok: true, data: { orgId: acme.id, role } });
          expect(after, permission).toBe(before + 1);
        } else {
          expect(result, permission).toEqual({ ok: false, formError: 'You do not have permission to do that.' });
          expect(after, permission).toBe(before);
        }
      }
    });
  }
});

describe('tenantRoute: role × permission', () => {
  for (const role of ROLES) {
    it(`${role}: 200 where the table allows, 403 elsewhere`, async () => {
      for (const permission of PERMISSIONS) {
        as(role);
        const route = tenantRoute({ permission }, async (_req, { ctx }) => ({ orgId: ctx.orgId }));
        const res = await route(new Request('http://localhost/api/x'), { params: Promise.resolve({}) });
        expect(res.status, permission).toBe(can(role, permission) ? 200 : 403);
      }
    });
  }
});

describe('tenantAction', () => {
  it('returns every field error (z.flattenError) from FormData and writes nothing', async () => {
    as('owner');
    const action = tenantAction('org:projects:write', z.object({ name: z.string().min(2), acres: z.coerce.number().positive() }), async () => 1);
    const form = new FormData();
    form.set('name', 'x');
    form.set('acres', '-1');
    const result = await action(null, form);
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.fieldErrors ?? {}).sort()).toEqual(['acres', 'name']);
  });

  it('uses the org from auth(), never one in the input', async () => {
    as('owner');
    const action = tenantAction('org:data:read', z.object({ orgId: z.string().optional() }), async (_input, { ctx }) => ctx.orgId);
    expect(await action(null, { orgId: bolt.id, organizationId: bolt.id })).toEqual({ ok: true, data: acme.id });
  });

  it('signed out and personal accounts get a form error, not data', async () => {
    const action = writeAudit('org:data:read');
    expect(await action(null, { note: 'x' })).toEqual({ ok: false, formError: 'Sign in to continue.' });
    authState.current = { userId: 'user_dana', orgId: null };
    expect(await action(null, { note: 'x' })).toEqual({ ok: false, formError: 'Choose an organization first.' });
  });

  it('shows a PublicError message, hides other errors, and rolls back', async () => {
    as('owner');
    const before = await auditRows(acme.id);
    const fail = (error: Error) =>
      tenantAction('org:data:read', schema, async (input, { tx, ctx }) => {
        await tx.insert(auditLog).values({ organizationId: ctx.orgId, actorUserId: ctx.userId, action: 't', entityType: 'n', entityId: input.note });
        throw error;
      });
    expect(await fail(PublicError.conflict('Already signed.'))(null, { note: 'a' })).toEqual({ ok: false, formError: 'Already signed.' });
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await fail(new Error('duplicate key value violates …'))(null, { note: 'b' })).toEqual({
      ok: false,
      formError: 'Something went wrong. Please try again.',
    });
    spy.mockRestore();
    expect(await auditRows(acme.id)).toBe(before);
  });

  it('refuses an organization our database marks inactive', async () => {
    await withTenantOn(db, { orgId: bolt.id, userId: 'test' }, (tx) =>
      tx.update(organizations).set({ active: false }).where(eq(organizations.organizationId, bolt.id)),
    );
    as('owner', bolt);
    const result = await writeAudit('org:data:read')(null, { note: 'x' });
    expect(result).toMatchObject({ ok: false, formError: expect.stringMatching(/not active/) });
    const route = tenantRoute({ permission: 'org:data:read' }, async () => 'data');
    expect((await route(new Request('http://localhost/api/x'))).status).toBe(403);
    await withTenantOn(db, { orgId: bolt.id, userId: 'test' }, (tx) =>
      tx.update(organizations).set({ active: true }).where(eq(organizations.organizationId, bolt.id)),
    );
  });
});

describe('tenantRoute', () => {
  it('401 signed out, PublicError status and body, 500 generic otherwise', async () => {
    const ok = tenantRoute({ permission: 'org:data:read' }, async () => ({ hello: 'world' }));
    expect((await ok(new Request('http://localhost/api/x'))).status).toBe(401);
    as('viewer');
    const res = await ok(new Request('http://localhost/api/x'));
    expect(await res.json()).toEqual({ hello: 'world' });
    const missing = tenantRoute({ permission: 'org:data:read' }, async () => {
      throw PublicError.notFound();
    });
    const r404 = await missing(new Request('http://localhost/api/x'));
    expect(r404.status).toBe(404);
    expect(await r404.json()).toEqual({ error: { code: 'not_found', message: 'Not found.' } });
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const boom = tenantRoute({ permission: 'org:data:read' }, async () => {
      throw new Error('secret detail');
    });
    const r500 = await boom(new Request('http://localhost/api/x'));
    spy.mockRestore();
    expect(r500.status).toBe(500);
    expect(JSON.stringify(await r500.json())).not.toContain('secret');
  });
});
