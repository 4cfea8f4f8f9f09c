import { describe, expect, it } from 'vitest';
import { assertTenantKey, objectKey, sanitizeFileName } from './keys';

const ID = '3f0c9a4e-1b2d-4c5e-8f70-112233445566';

describe('object keys', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\boot.ini', 'boot.ini'],
    ['%2e%2e%2f%2e%2esecret.jpg', '2e-2e-2f-2e-2esecret.jpg'],
    ['....jpg', 'jpg'],
    ['.htaccess', 'htaccess'],
    ['Foto día 1.JPG', 'Foto-dia-1.JPG'],
    ['', 'file'],
    ['<script>.html', 'script-.html'],
  ])('sanitizes %j to %j', (input, out) => {
    expect(sanitizeFileName(input)).toBe(out);
  });

  it('builds tenants/{org}/{kind}/{uuid}/{name} and nothing else of the input climbs out', () => {
    expect(objectKey('org_a', 'photos', ID, '../../tenants/org_b/x.jpg')).toBe(`tenants/org_a/photos/${ID}/x.jpg`);
    expect(() => objectKey('org_a/../org_b', 'photos', ID, 'x.jpg')).toThrow();
    expect(() => objectKey('org_a', 'photos', '../x', 'x.jpg')).toThrow();
  });

  it('accepts only keys under the tenant prefix of the kind', () => {
    expect(() => assertTenantKey(`tenants/org_a/photos/${ID}/x.jpg`, 'org_a', 'photos')).not.toThrow();
    expect(() => assertTenantKey(`tenants/org_b/photos/${ID}/x.jpg`, 'org_a', 'photos')).toThrow();
    expect(() => assertTenantKey(`tenants/org_a/documents/${ID}/x.pdf`, 'org_a', 'photos')).toThrow();
    expect(() => assertTenantKey(`tenants/org_a/photos/${ID}/../../org_b/x.jpg`, 'org_a', 'photos')).toThrow();
    // Negative control of the prefix check itself: a sibling org whose id starts the same.
    expect(() => assertTenantKey(`tenants/org_ab/photos/${ID}/x.jpg`, 'org_a', 'photos')).toThrow();
  });
});
