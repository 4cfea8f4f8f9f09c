import { describe, expect, it } from 'vitest';
import { hashSecret, newInvitationToken, parseInvitationToken } from './invite-token';

describe('invitation tokens', () => {
  it('round-trips: the parsed hash is the stored one, and the token carries the secret, not the hash', () => {
    const { token, tokenHash } = newInvitationToken('org_abc');
    expect(parseInvitationToken(token)).toEqual({ orgId: 'org_abc', tokenHash });
    expect(token).not.toContain(tokenHash);
  });

  it('refuses malformed tokens', () => {
    for (const bad of ['', 'org_abc', '.x', 'org_abc.short', `org abc.${'a'.repeat(43)}`, `org_abc.${'a'.repeat(44)}`, `org_abc.${'+'.repeat(43)}`]) {
      expect(parseInvitationToken(bad), bad).toBeNull();
    }
  });

  it('a changed secret gives another hash', () => {
    const { token, tokenHash } = newInvitationToken('org_abc');
    const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect(parseInvitationToken(tampered)?.tokenHash).not.toBe(tokenHash);
    expect(hashSecret('x')).toMatch(/^[0-9a-f]{64}$/);
  });
});
