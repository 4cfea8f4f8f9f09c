/**
 * "Same work for every wrong token" (lib/inspect/open-site.ts), shown without
 * a clock (timings belong in `npm run bench`, which prints the p50 of each miss
 * kind): unknown, revoked, expired and malformed tokens make the same calls, in
 * the same order, with the same number of database statements. Control: a
 * live token's trace differs (it goes on to load the site and record a view).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { seedPublicSite, type PublicSiteFixture } from '@/tests/support/public-site';

const { trace, traced } = vi.hoisted(() => {
  const trace: string[] = [];
  const traced =
    <A extends unknown[], R>(name: string, fn: (...args: A) => R) =>
    (...args: A): R => {
      trace.push(name);
      return fn(...args);
    };
  return { trace, traced };
});

vi.mock('@/db/queries/public-page', async (original) => {
  const m = await original<typeof import('@/db/queries/public-page')>();
  return { ...m, findLinkByHash: traced('find', m.findLinkByHash), loadPublicSite: traced('load', m.loadPublicSite) };
});
vi.mock('@/lib/inspect/token', async (original) => {
  const m = await original<typeof import('@/lib/inspect/token')>();
  return { ...m, hashToken: traced('hash', m.hashToken), sameHash: traced('compare', m.sameHash) };
});
vi.mock('@/lib/inspect/record-visit', async (original) => {
  const m = await original<typeof import('@/lib/inspect/record-visit')>();
  return { ...m, recordMiss: traced('miss', m.recordMiss), recordView: traced('view', m.recordView) };
});
vi.mock('@/db/public', async (original) => {
  const m = await original<typeof import('@/db/public')>();
  return {
    ...m,
    // Each statement the callback runs inside the brave_public transaction is counted.
    withInspectorLink: traced('open', <T>(hash: string, fn: Parameters<typeof m.withInspectorLink<T>>[1]) =>
      m.withInspectorLink(hash, (tx) => {
        const execute = tx.execute.bind(tx);
        const select = tx.select.bind(tx);
        Object.assign(tx, {
          execute: (...a: Parameters<typeof execute>) => (trace.push('sql'), execute(...a)),
          select: (...a: Parameters<typeof select>) => (trace.push('sql'), select(...a)),
        });
        return fn(tx);
      }),
    ),
  };
});

const { GET } = await import('@/app/inspect/[token]/route');
const get = async (token: string) => {
  trace.length = 0;
  const res = await GET(new Request(`http://site.test/inspect/${token}`, { headers: { 'x-forwarded-for': '203.0.113.60' } }), {
    params: Promise.resolve({ token }),
  });
  await res.text();
  return { status: res.status, trace: [...trace] };
};

let site: PublicSiteFixture;
beforeAll(async () => {
  site = await seedPublicSite('lime');
});

describe('wrong tokens do the same work', () => {
  it('unknown, revoked, expired and malformed: one hash, one open, one lookup, one comparison, one miss record', async () => {
    const unknown = await get('U'.repeat(43));
    expect(unknown.status).toBe(404);
    expect(unknown.trace).toEqual(['hash', 'hash', 'open', 'find', 'sql', 'compare', 'miss']);
    for (const token of [site.tokens.revoked, site.tokens.expired, 'short', '<script>']) {
      expect(await get(token)).toEqual(unknown);
    }
  });

  it('control: a live token’s trace differs (the site is loaded and the view recorded)', async () => {
    const live = await get(site.tokens.live);
    expect(live.status).toBe(200);
    expect(live.trace).toContain('load');
    expect(live.trace).toContain('view');
    expect(live.trace).not.toContain('miss');
    expect(live.trace.slice(0, 6)).toEqual(['hash', 'hash', 'open', 'find', 'sql', 'compare']);
  });
});
