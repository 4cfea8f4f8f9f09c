import { describe, expect, it } from 'vitest';
import { classify, profileDifference, type ProfileSummary } from './cpuprofile';

describe('classify (where a profiled frame’s CPU is counted)', () => {
  it('reads URL-encoded source-map paths, so Clerk is not counted as someone else', () => {
    expect(classify('../../node_modules/%40clerk/nextjs/dist/esm/server/utils.js', 'decrypt')).toBe('Clerk (clerkMiddleware, auth())');
    expect(classify('../../node_modules/%40clerk/backend/dist/jwt/verifyJwt.mjs', 'verifyJwt')).toMatch(/^JWT verify/);
    expect(classify('../../../lib/security/off-hours.ts', 'noteOffHoursAccess')).toBe('our app code (app, lib, db)');
    expect(classify('100%done/odd.js', 'f')).toBeNull();
  });
});

describe('profileDifference (the route’s CPU over the floor’s, by category)', () => {
  const summary = (requests: number, selfMs: Record<string, number>): ProfileSummary => {
    const busyMs = Object.values(selfMs).reduce((a, b) => a + b, 0);
    const categories = Object.entries(selfMs).map(([category, ms]) => ({ category, inclusiveMs: ms, selfMs: ms, inclusivePct: 0, selfPct: 0 }));
    return { wallMs: busyMs, busyMs, requests, categories };
  };
  it('compares per request, not per profile, and its rows add up to the difference', () => {
    // The route served half as many requests in the same time: per request it costs more even where its totals are equal.
    const d = profileDifference(summary(100, { Clerk: 300, Next: 200, ours: 100 }), summary(200, { Clerk: 400, Next: 400 }));
    expect(d.routeMs).toBe(6);
    expect(d.floorMs).toBe(4);
    expect(d.overMs).toBe(2);
    expect(d.rows.map((r) => [r.category, r.overMs])).toEqual([
      ['Clerk', 1],
      ['ours', 1],
      ['Next', 0],
    ]);
    expect(d.rows.reduce((a, r) => a + r.overMs, 0)).toBeCloseTo(d.overMs, 9);
  });
});
