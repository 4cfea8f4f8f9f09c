import { describe, expect, it } from 'vitest';
import { classify } from './cpuprofile';

describe('classify (where a profiled frame’s CPU is counted)', () => {
  it('reads URL-encoded source-map paths, so Clerk is not counted as someone else', () => {
    expect(classify('../../node_modules/%40clerk/nextjs/dist/esm/server/utils.js', 'decrypt')).toBe('Clerk (clerkMiddleware, auth())');
    expect(classify('../../node_modules/%40clerk/backend/dist/jwt/verifyJwt.mjs', 'verifyJwt')).toMatch(/^JWT verify/);
    expect(classify('../../../lib/security/off-hours.ts', 'noteOffHoursAccess')).toBe('our app code (app, lib, db)');
    expect(classify('100%done/odd.js', 'f')).toBeNull();
  });
});
