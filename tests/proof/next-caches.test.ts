/**
 * Next's own caches never hold tenant data without the org in the key —
 * because the app uses none of them. This scans every app source file and
 * next.config.ts for each cache Next offers; e2e/next-caches.spec.ts checks
 * the build (no tenant route prerendered, dynamic pages answer no-store, an
 * org switch shows the other org's numbers). Adding one of these caches must
 * come with a test that its key holds the org, then an entry below.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Each way of putting a response or a function result into one of Next's caches. */
const NEXT_CACHE_USES: { cache: string; pattern: RegExp }[] = [
  { cache: "'use cache' directive (Cache Components)", pattern: /^\s*['"]use cache(:\s*\w+)?['"]/m },
  { cache: 'unstable_cache (data cache)', pattern: /\bunstable_cache\b/ },
  { cache: 'cacheLife / cacheTag', pattern: /\bcache(Life|Tag)\s*\(/ },
  { cache: 'fetch data cache (force-cache / next.revalidate / next.tags)', pattern: /\bfetch\s*\([^)]*(force-cache|next\s*:)/s },
  { cache: 'fetchCache segment option', pattern: /export\s+const\s+fetchCache\b/ },
  { cache: 'full-route cache: revalidate segment option', pattern: /export\s+const\s+revalidate\b/ },
  { cache: "full-route cache: dynamic = 'force-static' / 'error'", pattern: /export\s+const\s+dynamic\s*=\s*['"](force-static|error)['"]/ },
  { cache: 'full-route cache: generateStaticParams', pattern: /\bgenerateStaticParams\b/ },
];

/** next.config.ts switches that turn caches on or keep pages in the client's router cache. */
const NEXT_CONFIG_CACHES: { cache: string; pattern: RegExp }[] = [
  { cache: 'cacheComponents / useCache / dynamicIO', pattern: /\b(cacheComponents|useCache|dynamicIO)\b/ },
  { cache: 'staleTimes (client router cache of dynamic pages)', pattern: /\bstaleTimes\b/ },
  { cache: 'cacheHandler(s)', pattern: /\bcacheHandlers?\b/ },
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx|js|mjs)$/.test(e.name) && !/\.(test|spec)\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

function findCacheUses(files: { file: string; text: string }[], rules = NEXT_CACHE_USES) {
  return files.flatMap(({ file, text }) => rules.filter((r) => r.pattern.test(text)).map((r) => `${file}: ${r.cache}`));
}

const appFiles = () =>
  [...['app', 'lib', 'components', 'db'].flatMap((d) => sourceFiles(path.join(ROOT, d))), path.join(ROOT, 'proxy.ts'), path.join(ROOT, 'instrumentation.ts')]
    .filter((f) => fs.existsSync(f))
    .map((f) => ({ file: path.relative(ROOT, f), text: fs.readFileSync(f, 'utf8') }));

describe("Next's caches", () => {
  it('app code uses none of them', () => {
    const files = appFiles();
    expect(files.length).toBeGreaterThan(100);
    expect(findCacheUses(files)).toEqual([]);
  });

  it('next.config.ts turns none of them on', () => {
    const text = fs.readFileSync(path.join(ROOT, 'next.config.ts'), 'utf8');
    expect(findCacheUses([{ file: 'next.config.ts', text }], NEXT_CONFIG_CACHES)).toEqual([]);
  });

  it('negative control: each planted use is found', () => {
    const planted = [
      "'use cache';\nexport async function f() {}",
      "import { unstable_cache } from 'next/cache';",
      'cacheLife("hours");',
      "await fetch('https://x', { cache: 'force-cache' });",
      "export const fetchCache = 'force-cache';",
      'export const revalidate = 60;',
      "export const dynamic = 'force-static';",
      'export async function generateStaticParams() {}',
    ].map((text, i) => ({ file: `planted-${i}.ts`, text }));
    expect(findCacheUses(planted)).toHaveLength(NEXT_CACHE_USES.length);
    const config = [{ file: 'next.config.ts', text: 'const c = { cacheComponents: true, experimental: { staleTimes: { dynamic: 30 } }, cacheHandler: "x" }' }];
    expect(findCacheUses(config, NEXT_CONFIG_CACHES)).toHaveLength(NEXT_CONFIG_CACHES.length);
    // Not a cache: React's per-request cache() and the app's own lib/cache.
    expect(findCacheUses([{ file: 'ok.ts', text: "import { cache } from 'react';\nconst x = cache(async () => 1);\ntenantCache(ctx).getOrSet('k', 60, f);" }])).toEqual([]);
  });
});
