import { describe, expect, it } from 'vitest';
import { sslFor } from './connection';

describe('sslFor (DATABASE_SSL unset)', () => {
  it('requires TLS for a server that is not on this machine', () => {
    expect(sslFor('postgres://u:p@db.example.com:5432/brave')).toBe('require');
    expect(sslFor('postgres://u:p@10.0.0.5/brave')).toBe('require');
  });

  it('leaves loopback alone (the embedded default)', () => {
    expect(sslFor('postgres://u:p@127.0.0.1:54329/brave')).toBe(false);
    expect(sslFor('postgres://u:p@localhost/brave')).toBe(false);
    expect(sslFor('postgres://u:p@[::1]/brave')).toBe(false);
  });

  it('lets an explicit sslmode in the URL decide', () => {
    expect(sslFor('postgres://u:p@db.example.com/brave?sslmode=verify-full')).toBeUndefined();
    expect(sslFor('postgres://u:p@db.example.com/brave?sslmode=disable')).toBeUndefined();
  });
});
