/**
 * Rate limits through the real wrappers (tenantRoute, tenantAction) on the
 * embedded default (in-memory), and the limiter itself on Upstash through the
 * bridge on a real redis-server: isolation between orgs, plan tiers, 429 with
 * Retry-After, the form message, the security event on repeats, recovery
 * after the window, and each fail mode with Redis stopped.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { organizations, securityEvents } from '@/db/schema';
import { withTenant } from '@/db/tenant';
import { addMember, createOrganization } from '@/tests/support/factories';
import { reconnected, startTestRedis, type TestRedis } from '@/tests/support/redis';

// vitest.config.ts turns limits off for the bulk suites; this file turns them on.
process.env.RATE_LIMITS = 'on';
vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.9' }) }));

vi.resetModules(); // a fresh lib/env that reads RATE_LIMITS=on (the setup file already loaded one)
const { actAs } = await import('@/tests/support/auth-mock');
const { tenantRoute } = await import('@/lib/api/tenant-route');
const { tenantAction } = await import('@/lib/actions/tenant-action');
const { tenantCache } = await import('@/lib/cache');
const { createLimiter, onceEvery } = await import('./limiter');
const { ORG_WRITES, USER_SENSITIVE, tierOf } = await import('./policies');
const { clientIp, limitPublicRequest, publicRateLimitedResponse } = await import('./public');
const { upstashClient } = await import('@/lib/cache/stores/upstash');

const orgA = { orgId: 'org_rl_a', userId: 'user_rl_a' };
const orgB = { orgId: 'org_rl_b', userId: 'user_rl_b' };
const orgE = { orgId: 'org_rl_e', userId: 'user_rl_e' };
const orgS = { orgId: 'org_rl_s', userId: 'user_rl_s' };

const write = tenantRoute({ permission: 'org:projects:write' }, async () => ({ ok: true }));
const read = tenantRoute({ permission: 'org:data:read' }, async () => ({ ok: true }));
const post = () => write(new Request('http://test/api/v1/things', { method: 'POST' }));
const get = () => read(new Request('http://test/api/v1/things'));
const sign = tenantAction('org:inspections:sign', z.object({}), async function signSomething() {
  return 'signed';
});
const as = (o: { orgId: string; userId: string }, userId = o.userId) => actAs({ orgId: o.orgId, userId, role: 'owner' });

async function setPlan(o: { orgId: string; userId: string }, plan: 'trial' | 'starter' | 'business' | 'enterprise') {
  await withTenant(o, (tx) => tx.update(organizations).set({ plan }).where(eq(organizations.organizationId, o.orgId)));
  await tenantCache(o).invalidate(); // as the webhook does after a plan change
}

async function statuses(n: number, call: () => Promise<Response>) {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await call()).status);
  return out;
}

/** Writes until the first 429 (a sliding window lets a few through again as the previous minute fades). */
async function exhaust() {
  for (let i = 0; i < 2 * ORG_WRITES.trial.tokens; i++) if ((await post()).status === 429) return;
  throw new Error('never limited');
}

beforeAll(async () => {
  for (const o of [orgA, orgB, orgE, orgS]) {
    await createOrganization(o.orgId, o.userId);
    // Writes check the membership row (lib/members/current-membership.ts).
    await addMember(o.orgId, o.userId, 'owner');
  }
  for (const u of ['user_rl_signer1', 'user_rl_signer2']) await addMember(orgE.orgId, u, 'owner');
  await setPlan(orgE, 'enterprise');
  await setPlan(orgS, 'starter');
});
afterAll(() => vi.useRealTimers());

/** The clock stands still 5 s into a minute: a sliding window then counts exactly, however slow this machine is. */
function stillClock() {
  const T = Math.ceil(Date.now() / 60_000) * 60_000 + 5_000;
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T);
  });
  afterAll(() => vi.useRealTimers());
  return T;
}

describe('per organization, by plan tier (embedded default: in-memory)', () => {
  const T = stillClock();

  it('trial: the write after the budget is a 429 with Retry-After; org B is not limited by A; reads have their own budget', async () => {
    as(orgA);
    const budget = ORG_WRITES.trial.tokens;
    const first = await statuses(budget, post);
    expect(first.every((s) => s === 200)).toBe(true);
    const limited = await post();
    expect(limited.status).toBe(429);
    const retry = Number(limited.headers.get('retry-after'));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited', message: expect.stringMatching(/Too many requests/) } });

    as(orgB);
    expect((await post()).status).toBe(200);
    as(orgA);
    expect((await get()).status).toBe(200);
  });

  it('plan tiers: enterprise and professional (starter) get more than trial', async () => {
    expect(tierOf('starter')).toBe('professional');
    expect(tierOf('business')).toBe('professional');
    expect(tierOf('professional')).toBe('professional');
    expect(tierOf('enterprise')).toBe('enterprise');
    expect(tierOf('trial')).toBe('trial');
    for (const o of [orgE, orgS]) {
      as(o);
      const s = await statuses(ORG_WRITES.trial.tokens + 5, post);
      expect(s.filter((x) => x !== 200), o.orgId).toEqual([]);
    }
  });

  it('repeated limiting is recorded once as a RATE_LIMITED security event in the limited org', async () => {
    as(orgA);
    await exhaust(); // the first denial
    for (let i = 0; i < 5; i++) expect((await post()).status).toBe(429);
    const events = await withTenant(orgA, (tx) =>
      tx.select().from(securityEvents).where(and(eq(securityEvents.organizationId, orgA.orgId), eq(securityEvents.kind, 'RATE_LIMITED'))),
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.details).toMatchObject({ limiter: 'org-write-trial', scope: 'organization', tier: 'trial' });
    const inB = await withTenant(orgB, (tx) => tx.select().from(securityEvents).where(eq(securityEvents.kind, 'RATE_LIMITED')));
    expect(inB).toEqual([]);
  });

  it('a form over the limit gets a clear message, not an error page', async () => {
    as(orgA);
    await exhaust();
    const action = tenantAction('org:projects:write', z.object({}), async () => 'done');
    expect(await action(null, {})).toEqual({ ok: false, formError: expect.stringMatching(/^Too many requests\. Please wait \d+ seconds? and try again\.$/) });
  });

  it('recovers after the window', async () => {
    as(orgA);
    expect((await post()).status).toBe(429);
    vi.setSystemTime(T + 2 * ORG_WRITES.trial.windowMs);
    as(orgA);
    expect((await post()).status).toBe(200);
  });
});

describe('per user, on sensitive permissions', () => {
  stillClock();
  it('one user signing too often is limited; another user of the same org is not', async () => {
    const user1 = 'user_rl_signer1';
    const user2 = 'user_rl_signer2';
    as(orgE, user1); // enterprise: the org budget is far away, the user limit is what stops
    for (let i = 0; i < USER_SENSITIVE.tokens; i++) expect(await sign(null, {})).toEqual({ ok: true, data: 'signed' });
    expect(await sign(null, {})).toMatchObject({ ok: false, formError: expect.stringMatching(/Too many requests/) });
    as(orgE, user2);
    expect(await sign(null, {})).toEqual({ ok: true, data: 'signed' });
  });
});

describe('public inspector page limiter (per IP and per token)', () => {
  stillClock();
  it('limits one IP across tokens and one token across IPs; 429 with Retry-After', async () => {
    let ipGate;
    for (let i = 0; i < 61; i++) ipGate = await limitPublicRequest({ ip: '198.51.100.1', token: `tok-${i}` });
    expect(ipGate).toMatchObject({ ok: false, scope: 'ip' });
    expect(await limitPublicRequest({ ip: '198.51.100.2', token: 'tok-x' })).toEqual({ ok: true });
    let tokenGate;
    for (let i = 0; i < 121; i++) tokenGate = await limitPublicRequest({ ip: `192.0.2.${i % 250}`, token: 'tok-busy' });
    expect(tokenGate).toMatchObject({ ok: false, scope: 'token' });
    const res = publicRateLimitedResponse(tokenGate as Extract<typeof tokenGate, { ok: false }>);
    expect(clientIp(new Headers({ 'x-forwarded-for': '203.0.113.7, 10.0.0.1' }))).toBe('203.0.113.7');
    expect(clientIp(new Headers({ 'x-real-ip': '203.0.113.8' }))).toBe('203.0.113.8');
    expect(clientIp(new Headers())).toBeNull();
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});

describe('the limiter on Upstash (bridge + redis-server)', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(() => redis?.close());
  const backend = (log = vi.fn(), timeoutMs = 2_000) => ({
    kind: 'upstash' as const,
    redis: upstashClient({ url: redis.bridge.url, token: redis.bridge.token, timeoutMs }),
    timeoutMs,
    report: onceEvery(60_000, log),
  });

  it('A exhausting its bucket does not limit B; recovery after the window', async () => {
    const log = vi.fn();
    const l = createLimiter(`t-${Date.now()}`, { tokens: 3, windowMs: 1_000, failMode: 'open' }, backend(log));
    // Start just after a window boundary, so the four calls share one window (real time here: it's Redis's clock too).
    await new Promise((r) => setTimeout(r, 1_000 - (Date.now() % 1_000) + 10));
    const a = [];
    for (let i = 0; i < 4; i++) a.push(await l.limit('org:a'));
    expect(log.mock.calls).toEqual([]);
    expect(a.map((d) => [d.success, d.degraded])).toEqual([...Array(3).fill([true, undefined]), [false, undefined]]);
    expect((await l.limit('org:b')).success).toBe(true);
    await new Promise((r) => setTimeout(r, 2_100));
    expect((await l.limit('org:a')).success).toBe(true);
    expect(await redis.direct.keys('rl:*')).not.toEqual([]); // the state really is in Redis
  });

  it('Redis stopped: "open" allows, "local" falls back to a per-server window of the same size; one log line', async () => {
    const log = vi.fn();
    const b = backend(log, 300);
    const open = createLimiter(`open-${Date.now()}`, { tokens: 2, windowMs: 60_000, failMode: 'open' }, b);
    const local = createLimiter(`local-${Date.now()}`, { tokens: 2, windowMs: 60_000, failMode: 'local' }, b);
    await redis.server.stop();
    try {
      const o = [];
      const l = [];
      for (let i = 0; i < 4; i++) o.push(await open.limit('x'));
      for (let i = 0; i < 4; i++) l.push(await local.limit('x'));
      expect(o.map((d) => [d.success, d.degraded])).toEqual(Array(4).fill([true, 'open']));
      expect(l.map((d) => [d.success, d.degraded])).toEqual([
        [true, 'local'],
        [true, 'local'],
        [false, 'local'],
        [false, 'local'],
      ]);
      expect(log).toHaveBeenCalledTimes(1);
    } finally {
      await redis.server.restart();
      await reconnected(redis.direct);
    }
    expect((await open.limit('y')).degraded).toBeUndefined(); // back on Redis by itself
  });
});
