import { describe, expect, it } from 'vitest';
import { canInviteAs, membershipChangeRefusal } from './rules';

const base = { actorRole: 'owner' as const, actorUserId: 'u_owner', owners: 2 };

describe('membership change rules', () => {
  it('an owner may change an admin or remove a crew member', () => {
    expect(membershipChangeRefusal({ ...base, target: { userId: 'u_a', role: 'admin' }, newRole: 'crew' })).toBeNull();
    expect(membershipChangeRefusal({ ...base, target: { userId: 'u_c', role: 'crew' } })).toBeNull();
  });

  it('nobody changes themself', () => {
    expect(membershipChangeRefusal({ ...base, target: { userId: 'u_owner', role: 'owner' }, newRole: 'viewer' })).toMatch(/your own/);
  });

  it('an admin can’t touch owners or make one', () => {
    const admin = { ...base, actorRole: 'admin' as const, actorUserId: 'u_admin' };
    expect(membershipChangeRefusal({ ...admin, target: { userId: 'u_o', role: 'owner' } })).toMatch(/Only an owner/);
    expect(membershipChangeRefusal({ ...admin, target: { userId: 'u_c', role: 'crew' }, newRole: 'owner' })).toMatch(/Only an owner/);
    expect(membershipChangeRefusal({ ...admin, target: { userId: 'u_c', role: 'crew' }, newRole: 'inspector' })).toBeNull();
  });

  it('the last owner stays an owner', () => {
    expect(membershipChangeRefusal({ ...base, owners: 1, target: { userId: 'u_o2', role: 'owner' } })).toMatch(/at least one owner/);
    expect(membershipChangeRefusal({ ...base, owners: 2, target: { userId: 'u_o2', role: 'owner' } })).toBeNull();
  });

  it('only owners invite owners', () => {
    expect(canInviteAs('admin', 'owner')).toBe(false);
    expect(canInviteAs('owner', 'owner')).toBe(true);
    expect(canInviteAs('admin', 'crew')).toBe(true);
  });
});
