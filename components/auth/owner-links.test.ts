import { describe, expect, it } from 'vitest';
import { permissionsOf } from '@/lib/rbac/permissions';
import { ownerLinks } from './owner-links';

describe('account menu owner links', () => {
  it('an owner sees every owner page; a crew member none', () => {
    expect(ownerLinks(permissionsOf('owner')).map((l) => l.href)).toEqual(['/settings', '/members', '/billing', '/usage']);
    expect(ownerLinks(permissionsOf('crew'))).toEqual([]);
    expect(ownerLinks(permissionsOf('superintendent'))).toEqual([]);
  });
});
