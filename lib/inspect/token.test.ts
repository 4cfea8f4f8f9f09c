import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashToken, newInspectorToken, sameHash, TOKEN_PATTERN } from './token';

describe('inspector tokens', () => {
  it('are 32 random bytes in base64url (43 characters), different every time', () => {
    const tokens = Array.from({ length: 200 }, () => newInspectorToken().token);
    expect(new Set(tokens).size).toBe(200);
    for (const t of tokens) {
      expect(t).toMatch(TOKEN_PATTERN);
      expect(Buffer.from(t, 'base64url')).toHaveLength(32);
    }
  });

  it('are stored as their SHA-256 in hex, never as themselves', () => {
    const { token, tokenHash } = newInspectorToken();
    expect(tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(tokenHash).not.toContain(token);
    expect(hashToken(token)).toBe(tokenHash);
  });

  it('sameHash: equal digests only; a missing row never matches, not even the decoy’s own hash', () => {
    const h = hashToken('a');
    expect(sameHash(h, h)).toBe(true);
    expect(sameHash(hashToken('b'), h)).toBe(false);
    expect(sameHash(undefined, h)).toBe(false);
    expect(sameHash(undefined, hashToken('brave-forms:no-such-inspector-link'))).toBe(false);
    expect(sameHash('short', h)).toBe(false);
  });
});
