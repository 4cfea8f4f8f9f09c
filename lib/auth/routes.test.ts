import { describe, expect, it } from 'vitest';
import { isIdentityRoute, isPublicRoute, safeReturnPath } from './routes';

describe('route classes', () => {
  it.each(['/', '/sign-in', '/sign-in/factor-one', '/inspect/abc', '/api/webhooks/clerk', '/api/health'])('%s is public', (p) => {
    expect(isPublicRoute(p)).toBe(true);
  });
  it.each(['/dashboard', '/projects', '/sign-inx', '/api/v1/projects', '/inspect', '/api/healthz', '/select-org'])(
    '%s is not public',
    (p) => {
      expect(isPublicRoute(p)).toBe(false);
    },
  );
  it('identity routes need a user but no org', () => {
    expect(isIdentityRoute('/select-org')).toBe(true);
    expect(isIdentityRoute('/select-orgs')).toBe(false);
  });
  it('only returns to same-origin app paths after sign-in', () => {
    expect(safeReturnPath('/projects?x=1')).toBe('/projects?x=1');
    expect(safeReturnPath('//evil.example')).toBe('/dashboard');
    expect(safeReturnPath('/\\evil.example')).toBe('/dashboard');
    expect(safeReturnPath('https://evil.example')).toBe('/dashboard');
    expect(safeReturnPath('/sign-in')).toBe('/dashboard');
    expect(safeReturnPath(undefined)).toBe('/dashboard');
  });
});
