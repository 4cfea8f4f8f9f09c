/**
 * checkOrigin with APP_ORIGINS (Clerk mode requires it): the request's own
 * origin must also be a configured one, so a forged X-Forwarded-Host can't
 * make a foreign origin look like ours. (The proxy suite, proxy-screen.int.test.ts,
 * covers local mode through the real middleware.)
 */
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import type { AuthConfig } from '@/lib/auth/config';
import { checkOrigin } from './request-screen';

const config: AuthConfig = { mode: 'clerk', jwtKey: undefined, appOrigins: ['https://app.example.com'], rootDomain: undefined };
const withRoot: AuthConfig = { ...config, appOrigins: ['https://brave.example'], rootDomain: 'brave.example' };

function post(url: string, headers: Record<string, string>) {
  const u = new URL(url);
  return new NextRequest(u, {
    method: 'POST',
    headers: { host: u.host, 'x-forwarded-proto': u.protocol.replace(':', ''), cookie: '__session=t', ...headers },
    body: 'x',
  });
}

describe('checkOrigin with APP_ORIGINS', () => {
  it('our configured origin passes (negative control)', () => {
    expect(checkOrigin(post('https://app.example.com/api/v1/projects', { origin: 'https://app.example.com' }), config)).toBeUndefined();
  });

  it('a forwarded host naming the attacker’s origin is still refused', () => {
    const req = post('https://app.example.com/api/v1/projects', { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' });
    expect(checkOrigin(req, config)?.status).toBe(403);
  });

  it('a Clerk cookie with a suffix counts as the session', () => {
    const req = post('https://app.example.com/x', { origin: 'https://evil.example', cookie: '__session_Abc123=t' });
    expect(checkOrigin(req, config)?.status).toBe(403);
  });

  it('tenant subdomains: each its own origin; a sibling is refused', () => {
    const own = post('https://acme.brave.example/projects', { origin: 'https://acme.brave.example' });
    expect(checkOrigin(own, withRoot)).toBeUndefined();
    const sibling = post('https://acme.brave.example/projects', { origin: 'https://bolt.brave.example' });
    expect(checkOrigin(sibling, withRoot)?.status).toBe(403);
    const root = post('https://brave.example/projects', { origin: 'https://brave.example' });
    expect(checkOrigin(root, withRoot)).toBeUndefined();
  });
});
