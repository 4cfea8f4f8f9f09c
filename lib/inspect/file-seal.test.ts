import { describe, expect, it } from 'vitest';
import { FILE_SECONDS, sealFile, unsealFile } from './file-seal';

const file = { tokenHash: 'a'.repeat(64), kind: 'photo' as const, key: 'tenants/org_a/photos/0b6c1e9e-1111-4aaa-8bbb-123456789abc/site.jpg' };
const NOW = new Date('2026-07-04T15:30:00Z');

describe('sealed file addresses of the public page', () => {
  it('round-trip, and hide the key, the org and the token hash (a different seal every time)', () => {
    const seal = sealFile(file, NOW);
    expect(unsealFile(seal, NOW)).toEqual({ ...file, expiresAt: NOW.getTime() / 1000 + FILE_SECONDS });
    expect(seal).toMatch(/^[A-Za-z0-9_-]+$/);
    const decoded = Buffer.from(seal, 'base64url').toString('latin1');
    for (const part of ['org_a', 'tenants', '0b6c1e9e', 'aaaaaaaa', 'photo']) {
      expect(seal).not.toContain(part);
      expect(decoded).not.toContain(part);
    }
    expect(sealFile(file, NOW)).not.toBe(seal);
  });

  it('stop working after FILE_SECONDS', () => {
    const seal = sealFile(file, NOW);
    expect(unsealFile(seal, new Date(NOW.getTime() + (FILE_SECONDS - 1) * 1000))).toBeDefined();
    expect(unsealFile(seal, new Date(NOW.getTime() + FILE_SECONDS * 1000))).toBeUndefined();
  });

  it('refuse an altered byte anywhere, a truncated seal, junk and an oversized input', () => {
    const raw = Buffer.from(sealFile(file, NOW), 'base64url');
    for (const at of [0, 12, raw.length - 20, raw.length - 1]) {
      const bent = Buffer.from(raw);
      bent[at] = bent[at]! ^ 1;
      expect(unsealFile(bent.toString('base64url'), NOW)).toBeUndefined();
    }
    expect(unsealFile(raw.subarray(0, raw.length - 1).toString('base64url'), NOW)).toBeUndefined();
    for (const junk of ['', 'A', 'A'.repeat(43), '../../etc/passwd', 'x'.repeat(5000)]) expect(unsealFile(junk, NOW)).toBeUndefined();
  });

  it('control: the unaltered seal passes the same checks', () => {
    const raw = Buffer.from(sealFile(file, NOW), 'base64url');
    expect(unsealFile(Buffer.from(raw).toString('base64url'), NOW)?.key).toBe(file.key);
  });
});
