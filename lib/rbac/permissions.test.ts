import { describe, expect, it } from 'vitest';
import { can, parseRole, PERMISSIONS, ROLES, type Permission, type Role } from './permissions';

// The expected matrix, written out by hand so a change to the table is a visible diff here.
const Y = true;
const N = false;
// prettier-ignore
const expected: Record<Permission, Record<Role, boolean>> = {
  //                       owner admin super insp  crew  viewer
  'org:data:read':         { owner: Y, admin: Y, superintendent: Y, inspector: Y, crew: Y, viewer: Y },
  'org:projects:write':    { owner: Y, admin: Y, superintendent: Y, inspector: N, crew: N, viewer: N },
  'org:inspections:write': { owner: Y, admin: Y, superintendent: Y, inspector: Y, crew: N, viewer: N },
  'org:inspections:sign':  { owner: Y, admin: Y, superintendent: Y, inspector: Y, crew: N, viewer: N },
  'org:inspections:review':{ owner: Y, admin: Y, superintendent: Y, inspector: Y, crew: N, viewer: N },
  'org:forms:submit':      { owner: Y, admin: Y, superintendent: Y, inspector: Y, crew: Y, viewer: N },
  'org:photos:upload':     { owner: Y, admin: Y, superintendent: Y, inspector: Y, crew: Y, viewer: N },
  'org:violations:write':  { owner: Y, admin: Y, superintendent: Y, inspector: Y, crew: N, viewer: N },
  'org:findings:report':   { owner: Y, admin: Y, superintendent: Y, inspector: Y, crew: Y, viewer: N },
  'org:findings:review':   { owner: Y, admin: Y, superintendent: Y, inspector: N, crew: N, viewer: N },
  'org:templates:manage':  { owner: Y, admin: Y, superintendent: N, inspector: N, crew: N, viewer: N },
  'org:settings:manage':   { owner: Y, admin: Y, superintendent: N, inspector: N, crew: N, viewer: N },
  'org:members:manage':    { owner: Y, admin: Y, superintendent: N, inspector: N, crew: N, viewer: N },
  'org:audit:read':        { owner: Y, admin: Y, superintendent: N, inspector: N, crew: N, viewer: N },
  'org:export:run':        { owner: Y, admin: Y, superintendent: N, inspector: N, crew: N, viewer: N },
  'org:billing:manage':    { owner: Y, admin: N, superintendent: N, inspector: N, crew: N, viewer: N },
  'org:organization:delete':{ owner: Y, admin: N, superintendent: N, inspector: N, crew: N, viewer: N },
  'org:incidents:read':    { owner: Y, admin: Y, superintendent: Y, inspector: N, crew: N, viewer: N },
  'org:incidents:write':   { owner: Y, admin: Y, superintendent: Y, inspector: N, crew: N, viewer: N },
  'org:retention:manage':  { owner: Y, admin: Y, superintendent: N, inspector: N, crew: N, viewer: N },
  'org:packets:download':  { owner: Y, admin: Y, superintendent: Y, inspector: Y, crew: N, viewer: N },
};

describe('role → permission matrix', () => {
  it('covers every permission', () => {
    expect(Object.keys(expected).sort()).toEqual([...PERMISSIONS].sort());
  });

  for (const permission of PERMISSIONS) {
    for (const role of ROLES) {
      const allow = expected[permission][role];
      it(`${role} ${allow ? 'may' : 'may not'} ${permission}`, () => {
        expect(can(role, permission)).toBe(allow);
      });
    }
  }
});

describe('parseRole', () => {
  it('accepts Clerk role keys with and without the org: prefix', () => {
    expect(parseRole('org:admin')).toBe('admin');
    expect(parseRole('crew')).toBe('crew');
  });
  it('refuses roles outside the table', () => {
    expect(parseRole('org:member')).toBeNull();
    expect(parseRole('org:superadmin')).toBeNull();
    expect(parseRole('')).toBeNull();
    expect(parseRole(undefined)).toBeNull();
  });
});
