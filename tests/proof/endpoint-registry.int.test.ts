import { describe, expect, it, vi } from 'vitest';
import { discoverEndpoints, endpointFiles, routePath } from './endpoints';

vi.mock('@clerk/nextjs/server', async () => ({ ...(await import('@/tests/support/auth-mock')), clerkClient: () => ({}) }));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));

describe('endpoint registry', () => {
  it('finds the app’s actions and routes', () => {
    const files = endpointFiles();
    expect(files.filter((f) => f.kind === 'route').map((f) => f.file)).toContain('app/api/health/route.ts');
    expect(files.some((f) => f.kind === 'action')).toBe(true);
  });

  it('maps route files to URL patterns', () => {
    expect(routePath('app/api/v1/projects/[id]/route.ts')).toBe('/api/v1/projects/[id]');
    expect(routePath('app/(app)/x/route.ts')).toBe('/x');
  });

  it('every exported action and route handler was built by a wrapper (or is declared public)', async () => {
    const endpoints = await discoverEndpoints();
    const untagged = endpoints.filter((e) => !e.meta).map((e) => `${e.file}#${e.exportName}`);
    expect(untagged, 'wrap these with tenantAction / tenantRoute, or publicEndpoint(reason, fn)').toEqual([]);
    // Tenant actions carry their input schema: the fuzzers generate inputs from it.
    for (const e of endpoints.filter((x) => x.meta?.kind === 'action')) {
      expect(e.kind, `${e.file}#${e.exportName}`).toBe('action');
    }
  });

  it('fails for an untagged endpoint (negative control)', async () => {
    const { endpointMeta } = await import('@/lib/endpoints/registry');
    const bare = async () => new Response('hi');
    expect(endpointMeta(bare)).toBeUndefined();
  });
});
