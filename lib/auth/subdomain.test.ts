import { describe, expect, it } from 'vitest';
import { normalizeRootDomain, siteOf, switchOrgSlug } from './subdomain';

describe('siteOf', () => {
  const root = 'brave.example';

  it('without a root domain every host is the root (as before)', () => {
    for (const h of ['acme.brave.example', 'a.b.c', 'localhost', '127.0.0.1'])
      expect(siteOf(h, undefined)).toEqual({ kind: 'root' });
  });

  it('the root, www and hosts outside the root are the root', () => {
    for (const h of [
      'brave.example',
      'BRAVE.EXAMPLE',
      'brave.example.',
      'www.brave.example',
      'localhost',
      '10.0.0.5',
      'notbrave.example',
      'brave.example.evil.test',
    ]) {
      expect(siteOf(h, root), h).toEqual({ kind: 'root' });
    }
  });

  it('one DNS label that could be a Clerk slug is a tenant subdomain (lowercased)', () => {
    expect(siteOf('acme.brave.example', root)).toEqual({ kind: 'tenant', slug: 'acme' });
    expect(siteOf('ACME-2.Brave.Example', root)).toEqual({ kind: 'tenant', slug: 'acme-2' });
    expect(siteOf('a.brave.example', root)).toEqual({ kind: 'tenant', slug: 'a' });
  });

  it('anything else under the root is invalid', () => {
    for (const label of ['a.b', '-a', 'a-', 'a_b', 'a b', '%41', '', 'a'.repeat(64), 'é']) {
      expect(siteOf(`${label}.brave.example`, root), label).toEqual({ kind: 'invalid' });
    }
  });

  it('APP_ROOT_DOMAIN is normalized (case, port, dots)', () => {
    expect(normalizeRootDomain(' Brave.Example:3000. ')).toBe('brave.example');
    expect(normalizeRootDomain('.brave.example')).toBe('brave.example');
    expect(normalizeRootDomain('')).toBeUndefined();
    expect(siteOf('acme.brave.example', 'BRAVE.example:443')).toEqual({ kind: 'tenant', slug: 'acme' });
  });
});

describe('switchOrgSlug', () => {
  it('reads a well-formed slug only', () => {
    expect(switchOrgSlug('/switch-org/acme')).toBe('acme');
    expect(switchOrgSlug('/switch-org/acme/')).toBe('acme');
    for (const p of [
      '/switch-org/',
      '/switch-org/a/b',
      '/switch-org/ACME',
      '/switch-org/..',
      '/dashboard',
      '/switch-organization/acme',
    ]) {
      expect(switchOrgSlug(p), p).toBeUndefined();
    }
  });
});
