import { describe, expect, it } from 'vitest';
import { isIdentityRoute, isPublicRoute, safeReturnPath } from './routes';

describe('route classes', () => {
  it.each(['/', '/sign-in', '/sign-in/factor-one', '/inspect/abc', '/inspect-file/abc', '/api/webhooks/clerk', '/api/health'])('%s is public', (p) => {
    expect(isPublicRoute(p)).toBe(true);
  });
  it.each(['/dashboard', '/projects', '/sign-inx', '/api/v1/projects', '/inspect', '/inspect-file', '/api/healthz', '/select-org'])(
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

  // Regression: browsers strip TAB/CR/LF before resolving, so `/\t/evil.example` lands on evil.example.
  it.each([
    ['TAB between the slashes', '/\t/evil.example'],
    ['LF between the slashes', '/\n/evil.example'],
    ['CR between the slashes', '/\r/evil.example'],
    ['leading TAB', '\t//evil.example'],
    ['backslash after TAB', '/\t\\evil.example'],
    ['scheme-relative with TAB inside', '/\t/\t/evil.example/x'],
    ['encoded TAB stays a path (never a host)', '/%09/evil.example'],
  ])('%s never leaves the origin', (_label, value) => {
    const out = safeReturnPath(value);
    expect(new URL(out, 'https://app.example.com').origin).toBe('https://app.example.com');
    expect(out.startsWith('/') && !out.startsWith('//') && !out.startsWith('/\\')).toBe(true);
  });

  it('returns a header-safe path: no CR/LF, non-Latin-1 percent-encoded', () => {
    const out = safeReturnPath('/projects\r\nSet-Cookie: x=1?q=Größe 工');
    expect(out).not.toMatch(/[\r\n\t]/);
    expect(out).toMatch(/^[\x21-\x7e]+$/);
    expect(() => new Headers({ location: out })).not.toThrow();
    expect(safeReturnPath('/projects/工')).toBe('/projects/%E5%B7%A5');
  });

  it('keeps a same-origin path with its query and hash', () => {
    expect(safeReturnPath('/projects?page=2#top')).toBe('/projects?page=2#top');
    expect(safeReturnPath('/inspect/abc')).toBe('/inspect/abc');
    expect(safeReturnPath('/./sign-in')).toBe('/dashboard');
    expect(safeReturnPath('projects')).toBe('/dashboard');
    expect(safeReturnPath('/x'.repeat(1001))).toBe('/dashboard');
  });
});
