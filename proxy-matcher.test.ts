/**
 * Which paths run proxy.ts (its `config.matcher`, evaluated by Next's own
 * matcher code). A dynamic page whose last segment looks like a file
 * (`/projects/x.png`) used to skip the proxy, so Clerk never ran and auth()
 * threw: 500.
 */
import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server';
import { describe, expect, it } from 'vitest';
import { config } from './proxy';

const runs = (url: string) => unstable_doesMiddlewareMatch({ config, url });

describe('proxy matcher', () => {
  it.each([
    '/projects/x.png',
    '/inspections/x.js',
    '/violations/x.ico',
    '/projects/abc/edit.css',
    '/inspect/tok.html',
    '/robots.txt',
    '/dashboard',
    '/',
    '/api/v1/projects',
    '/api/v1/projects/x.png',
    '/_next/static/chunks/main.js',
  ])('%s runs the proxy', (path) => {
    expect(runs(path)).toBe(true);
  });

  it.each(['/favicon.ico', '/sw.js', '/manifest.webmanifest', '/logo.png', '/_next/image'])(
    '%s (a root-level file, image optimizer) skips it',
    (path) => {
      expect(runs(path)).toBe(false);
    },
  );
});
