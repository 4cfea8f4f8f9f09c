import { describe, expect, it } from 'vitest';
import { resolveTenant } from './tenant-context';

describe('resolveTenant', () => {
  it('builds the context from a signed-in user with an org and a known role', () => {
    const r = resolveTenant({ userId: 'user_1', orgId: 'org_1', orgSlug: 'acme', orgRole: 'org:inspector' });
    expect(r).toEqual({
      ok: true,
      ctx: expect.objectContaining({ orgId: 'org_1', orgSlug: 'acme', userId: 'user_1', role: 'inspector' }),
    });
    expect(r.ok && r.ctx.permissions).toContain('org:inspections:sign');
  });

  it('refuses signed-out users, personal accounts and unknown roles', () => {
    expect(resolveTenant({ userId: null })).toMatchObject({ ok: false, reason: 'signed_out' });
    expect(resolveTenant({ userId: 'user_1', orgId: null })).toMatchObject({ ok: false, reason: 'no_organization' });
    expect(resolveTenant({ userId: 'user_1', orgId: 'org_1', orgRole: 'org:member' })).toMatchObject({
      ok: false,
      reason: 'unknown_role',
    });
  });
});
