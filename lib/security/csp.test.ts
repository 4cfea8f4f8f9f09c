import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, storageOrigins } from './csp';

const directive = (policy: string, name: string) =>
  policy
    .split('; ')
    .find((d) => d.startsWith(`${name} `))
    ?.split(' ')
    .slice(1) ?? [];

describe('storageOrigins', () => {
  it('is the endpoint origin in path style (s3rver, MinIO), never its path', () => {
    expect(storageOrigins({ bucket: 'brave-local', region: 'us-east-1', endpoint: 'http://127.0.0.1:4569/x' })).toEqual(['http://127.0.0.1:4569']);
  });
  it('is the bucket host under a custom endpoint in virtual-host style (R2)', () => {
    expect(
      storageOrigins({ bucket: 'b1', region: 'auto', endpoint: 'https://acct.r2.cloudflarestorage.com', forcePathStyle: 'false' }),
    ).toEqual(['https://b1.acct.r2.cloudflarestorage.com']);
  });
  it('is the regional AWS origins without an endpoint, and nothing without a bucket', () => {
    expect(storageOrigins({ bucket: 'b1', region: 'us-west-2' })).toEqual(['https://b1.s3.us-west-2.amazonaws.com', 'https://s3.us-west-2.amazonaws.com']);
    expect(storageOrigins({ region: 'us-east-1' })).toEqual([]);
  });
});

describe('contentSecurityPolicy', () => {
  it('lets browsers upload to and load images from the bucket only, and scripts only by nonce', () => {
    const policy = contentSecurityPolicy('abc', { storage: ['http://127.0.0.1:4569'] });
    expect(directive(policy, 'connect-src')).toEqual(["'self'", 'http://127.0.0.1:4569']);
    expect(directive(policy, 'img-src')).toContain('http://127.0.0.1:4569');
    expect(directive(policy, 'script-src')).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(directive(policy, 'script-src')).not.toContain('http://127.0.0.1:4569');
  });
  it('allows no storage origin when none is configured', () => {
    expect(directive(contentSecurityPolicy('abc'), 'connect-src')).toEqual(["'self'"]);
  });
});
