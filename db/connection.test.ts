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

describe('sslFor (DATABASE_SSL set)', () => {
  it('verify-full checks the chain and the URL host, even when the host is an IP', () => {
    const ssl = sslFor('postgres://u:p@10.0.0.5/brave', { mode: 'verify-full' }) as { rejectUnauthorized: boolean; checkServerIdentity: (h: string, c: object) => Error | undefined };
    expect(ssl.rejectUnauthorized).toBe(true);
    // A certificate for another address is refused whatever servername Node passes in.
    const cert = { subject: { CN: 'db' }, subjectaltname: 'IP Address:10.0.0.6' };
    expect(ssl.checkServerIdentity('localhost', cert)).toBeInstanceOf(Error);
    expect(ssl.checkServerIdentity('localhost', { ...cert, subjectaltname: 'IP Address:10.0.0.5' })).toBeUndefined();
  });

  it('require and disable apply to loopback too when asked for', () => {
    expect(sslFor('postgres://u:p@127.0.0.1/brave', { mode: 'require' })).toBe('require');
    expect(sslFor('postgres://u:p@db.example.com/brave', { mode: 'disable' })).toBe(false);
  });
});
