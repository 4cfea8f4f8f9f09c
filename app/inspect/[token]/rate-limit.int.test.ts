/**
 * The public page's per-IP and per-token limits through the real route
 * (in-memory limiter, the embedded default): a guesser from one IP trips the
 * IP limit with wrong tokens, another IP is unaffected, a token hammered from
 * many IPs trips its own limit, and both recover after the window.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedPublicSite, type PublicSiteFixture } from '@/tests/support/public-site';

// vitest.config.ts turns limits off for the bulk suites; this file turns them on.
process.env.RATE_LIMITS = 'on';
vi.resetModules();
const { GET } = await import('./route');
const { GET: getFileRoute } = await import('@/app/inspect-file/[seal]/route');
const { PUBLIC_FILES_PER_IP, PUBLIC_PER_IP, PUBLIC_PER_TOKEN } = await import('@/lib/ratelimit/policies');

const get = (token: string, ip: string) =>
  GET(new Request(`http://site.test/inspect/${token}`, { headers: { 'x-forwarded-for': ip } }), {
    params: Promise.resolve({ token }),
  });

let site: PublicSiteFixture;
// A still clock 5 s into a minute: the sliding windows count exactly however slow the machine is.
const T = Math.ceil(Date.now() / 60_000) * 60_000 + 5_000;
beforeAll(async () => {
  site = await seedPublicSite('acme');
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T);
});
afterAll(() => vi.useRealTimers());

describe('per IP', () => {
  it('wrong tokens from one IP are limited with 429 + Retry-After; another IP still gets the page', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < PUBLIC_PER_IP.tokens + 1; i++) statuses.push((await get(`wrong-${i}-${'x'.repeat(40)}`, '198.51.100.7')).status);
    expect(statuses.slice(0, PUBLIC_PER_IP.tokens).every((s) => s === 404)).toBe(true);
    const limited = await get(site.tokens.live, '198.51.100.7');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('cache-control')).toBe('private, no-store');
    expect((await get(site.tokens.live, '198.51.100.8')).status).toBe(200);
  });

  it('recovers after the window', async () => {
    vi.setSystemTime(T + 2 * PUBLIC_PER_IP.windowMs);
    expect((await get(site.tokens.live, '198.51.100.7')).status).toBe(200);
  });
});

describe('per token', () => {
  it('one token read from many IPs is limited on its own budget', async () => {
    vi.setSystemTime(T + 10 * PUBLIC_PER_TOKEN.windowMs);
    const statuses: number[] = [];
    for (let i = 0; i < PUBLIC_PER_TOKEN.tokens + 1; i++) statuses.push((await get(site.tokens.live, `192.0.2.${i % 250}`)).status);
    expect(statuses.slice(0, PUBLIC_PER_TOKEN.tokens).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('the page’s files (app/inspect-file/[seal]), per IP', () => {
  const file = (seal: string, ip: string) =>
    getFileRoute(new Request(`http://site.test/inspect-file/${seal}`, { headers: { 'x-forwarded-for': ip } }), {
      params: Promise.resolve({ seal }),
    });

  it('made-up seals from one IP are limited with 429 + Retry-After, on a budget of their own; another IP is not; it recovers', async () => {
    vi.setSystemTime(T + 20 * PUBLIC_FILES_PER_IP.windowMs);
    const statuses: number[] = [];
    for (let i = 0; i < PUBLIC_FILES_PER_IP.tokens + 1; i++) statuses.push((await file(`made-up-${i}`, '198.51.100.30')).status);
    expect(statuses.slice(0, PUBLIC_FILES_PER_IP.tokens).every((s) => s === 404)).toBe(true);
    const limited = await file('made-up-last', '198.51.100.30');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await file('made-up-last', '198.51.100.31')).status).toBe(404);
    // The page's own budget is untouched by the files.
    expect((await get(site.tokens.live, '198.51.100.30')).status).toBe(200);
    vi.setSystemTime(T + 22 * PUBLIC_FILES_PER_IP.windowMs);
    expect((await file('made-up-again', '198.51.100.30')).status).toBe(404);
  });
});
