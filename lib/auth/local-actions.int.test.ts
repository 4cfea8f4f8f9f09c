/**
 * The local sign-in and org-switch server actions called the way an attacker
 * can call any server action: with hand-crafted arguments. Every call ends in
 * a form error or a redirect to a same-origin, header-safe path — never a
 * throw (which the framework answers with 500).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { seedOrganizations } from '@/db/seed-data';
import { setLocalAuthEnv, testKeyPair } from '@/tests/support/session-tokens';
import { testDatabase } from '@/tests/support/database';

const keys = testKeyPair();
const keyFile = path.join(mkdtempSync(path.join(tmpdir(), 'brave-local-actions-')), 'private.pem');
writeFileSync(keyFile, keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), { mode: 0o600 });
setLocalAuthEnv(keys.publicPem, { keyFile });

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
const jar = new Map<string, string>();
vi.mock('next/headers', () => ({
  cookies: async () => ({ set: (name: string, value: string) => jar.set(name, value), get: (n: string) => jar.get(n) }),
  headers: async () => new Headers({ host: 'localhost:3000' }),
}));

const [acme, bolt] = seedOrganizations;
type Action = (prev?: unknown, form?: unknown) => Promise<unknown>;
let signIn: Action;
let switchOrg: Action;
let actAs: (typeof import('@/tests/support/auth-mock'))['actAs'];

beforeAll(async () => {
  vi.resetModules(); // lib/env must read the env set above
  const { seed } = await import('@/lib/demo/seed');
  await seed(testDatabase.app({ max: 2 }));
  actAs = (await import('@/tests/support/auth-mock')).actAs; // the instance local-actions sees
  const mod = await import('./local-actions');
  signIn = mod.signInLocallyAction as Action;
  switchOrg = mod.switchOrganizationAction as Action;
});

/** What the framework would answer: a redirect (its target), a returned form state, or a throw (500). */
async function outcome(call: () => Promise<unknown>) {
  try {
    return { kind: 'returned' as const, value: await call() };
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) {
      // NEXT_REDIRECT;<type>;<url>;<status>;
      const target = digest.split(';').slice(2, -2).join(';');
      return { kind: 'redirect' as const, target };
    }
    return { kind: 'thrown' as const, error: String(error) };
  }
}

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

const hostile = [
  '/\t/evil.example',
  '/projects\r\nSet-Cookie: a=b',
  '/projects\n',
  '/projekte/größe/工事',
  '/\u2028x',
  '\u0000',
];

describe('sign-in action', () => {
  it.each([
    ['no argument', () => signIn()],
    ['null', () => signIn(null, null)],
    ['a plain object as the only argument', () => signIn({ as: 'user_acme_crew' })],
    ['a plain object with a bad shape', () => signIn(null, { as: ['user_acme_crew'], redirectUrl: 5 })],
    ['a string', () => signIn(null, 'as=user_acme_crew')],
    ['an id outside the charset', () => signIn(null, form({ as: `user_acme_crew ${acme.id}'--` }))],
    ['an unknown user', () => signIn(null, form({ as: 'user_nobody' }))],
  ])('%s: a form error, not a 500', async (_label, call) => {
    const r = await outcome(call);
    expect(r.kind, JSON.stringify(r)).toBe('returned');
    expect(r).toMatchObject({ value: { ok: false } });
  });

  it.each(hostile)('return path %j: a same-origin, header-safe redirect', async (redirectUrl) => {
    const r = await outcome(() => signIn(null, form({ as: `user_acme_crew ${acme.id}`, redirectUrl })));
    expect(r.kind, JSON.stringify(r)).toBe('redirect');
    const target = (r as { target: string }).target;
    expect(() => new Headers({ location: target })).not.toThrow();
    expect(new URL(target, 'http://localhost:3000').origin).toBe('http://localhost:3000');
  });

  // Negative control: a good call really signs in and goes where it was asked.
  it('a valid plain-object call signs in', async () => {
    jar.clear();
    const r = await outcome(() => signIn(null, { as: `user_acme_crew ${acme.id}`, redirectUrl: '/projects?page=2' }));
    expect(r).toEqual({ kind: 'redirect', target: '/projects?page=2' });
    expect(jar.get('__session')).toBeTruthy();
  });
});

describe('org-switch action', () => {
  it.each([
    ['no argument', () => switchOrg()],
    ['null', () => switchOrg(null, null)],
    ['a plain object as the only argument', () => switchOrg({ orgId: bolt.id })],
    ['an org id outside the charset', () => switchOrg(null, { orgId: 'org_x\r\n' })],
  ])('%s: a form error, not a 500', async (_label, call) => {
    actAs({ userId: 'user_dana', orgId: acme.id, role: 'crew' });
    const r = await outcome(call);
    expect(r.kind, JSON.stringify(r)).toBe('returned');
    expect(r).toMatchObject({ value: { ok: false } });
  });

  it.each(hostile)('return path %j: a same-origin, header-safe redirect', async (redirectUrl) => {
    actAs({ userId: 'user_dana', orgId: acme.id, role: 'crew' });
    const r = await outcome(() => switchOrg(null, form({ orgId: bolt.id, redirectUrl })));
    expect(r.kind, JSON.stringify(r)).toBe('redirect');
    const target = (r as { target: string }).target;
    expect(() => new Headers({ location: target })).not.toThrow();
    expect(new URL(target, 'http://localhost:3000').origin).toBe('http://localhost:3000');
    expect(target).not.toMatch(/^\/sign-in/); // switched, not bounced for being signed out
  });

  it('a valid call switches and goes where it was asked (negative control)', async () => {
    actAs({ userId: 'user_dana', orgId: acme.id, role: 'crew' });
    jar.clear();
    const r = await outcome(() => switchOrg(null, { orgId: bolt.id, redirectUrl: '/violations' }));
    expect(r).toEqual({ kind: 'redirect', target: '/violations' });
    expect(jar.get('__session')).toBeTruthy();
  });
});
