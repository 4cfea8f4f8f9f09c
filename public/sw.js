/*
 * BrAve Forms service worker: the app opens and the crew's pages work without
 * signal. Hand-written on purpose (docs/offline.md says why not Serwist):
 *
 * - /_next/static/* and the root icons: cache first (file names are content
 *   hashes, so a cached copy is never stale).
 * - Page navigations of the crew's pages: network first; each good answer is
 *   kept in a cache named for the signed-in organization AND user
 *   ("brave-pages:<orgId>:<userId>"); offline, that cache answers, else
 *   /offline.html. Nothing of one user is ever served from another's cache.
 * - Everything else (API, server actions, RSC fetches) goes to the network
 *   untouched: an RSC fetch that fails makes Next fall back to a full page
 *   load, which this worker then answers from the page cache.
 *
 * The page tells the worker who is signed in ({type:'scope'}); a different
 * scope deletes every other page cache (user or organization switched), and a
 * navigation redirected to /sign-in (signed out, session expired) or
 * {type:'wipe'} deletes them all.
 */
const VERSION = 'v1';
const STATIC_CACHE = `brave-static-${VERSION}`;
const META_CACHE = 'brave-meta';
const PAGE_PREFIX = 'brave-pages:';
const SCOPE_KEY = '/__brave/scope';
const SHELL = ['/offline.html', '/manifest.webmanifest', '/favicon.ico', '/icon-192.png', '/icon.svg'];
/** Crew pages worth keeping (tenant data, per user). Settings, audit and security pages are not kept. */
const PAGE_PATHS = ['/dashboard', '/projects', '/inspections', '/violations', '/rain-events'];
const ROOT_FILES = /^\/[^/]+\.(?:png|ico|svg|webmanifest)$/;
const ASSET_REF = /\/_next\/static\/[^"'\s)\\<>]+/g;
const MAX_WARM_PAGES = 40;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(STATIC_CACHE)
      .then((c) => c.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('brave-static-') && name !== STATIC_CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

async function currentScope() {
  const hit = await (await caches.open(META_CACHE)).match(SCOPE_KEY);
  return hit ? hit.text() : null;
}

async function wipePages(except) {
  for (const name of await caches.keys()) {
    if (name.startsWith(PAGE_PREFIX) && name !== except) await caches.delete(name);
  }
}

async function setScope(scope) {
  await wipePages(PAGE_PREFIX + scope);
  await (await caches.open(META_CACHE)).put(SCOPE_KEY, new Response(scope));
}

async function wipeAll() {
  await wipePages(null);
  await caches.delete(META_CACHE);
}

function isPagePath(pathname) {
  return PAGE_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/** The page's URL as the cache key: no hash; the query stays (?projectId=…). */
function pageKey(url) {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}

/** Keeps the scripts and styles a page references, so it hydrates offline. */
async function keepAssets(html) {
  const cache = await caches.open(STATIC_CACHE);
  const urls = [...new Set(html.match(ASSET_REF) ?? [])];
  await Promise.all(
    urls.map(async (u) => {
      if (await cache.match(u)) return;
      try {
        const res = await fetch(u);
        if (res.ok) await cache.put(u, res);
      } catch {
        // Offline again: the next online page load fills the gap.
      }
    }),
  );
}

/** Stores a good, signed-in page answer under the current scope. Returns the HTML (for asset scanning). */
async function keepPage(key, res) {
  const scope = await currentScope();
  if (!scope || !res.ok || res.redirected || !(res.headers.get('content-type') ?? '').includes('text/html'))
    return null;
  const html = await res.clone().text();
  await (await caches.open(PAGE_PREFIX + scope)).put(key, res);
  return html;
}

async function page(event) {
  const { request } = event;
  try {
    const res = await fetch(request);
    if (res.redirected && new URL(res.url).pathname.startsWith('/sign-in')) {
      event.waitUntil(wipeAll());
      return res;
    }
    if (isPagePath(new URL(request.url).pathname)) {
      event.waitUntil(keepPage(pageKey(request.url), res.clone()).then((html) => html && keepAssets(html)));
    }
    return res;
  } catch {
    const scope = await currentScope();
    if (scope) {
      const cache = await caches.open(PAGE_PREFIX + scope);
      const hit =
        (await cache.match(pageKey(request.url), { ignoreVary: true })) ??
        (await cache.match(pageKey(request.url), { ignoreVary: true, ignoreSearch: true }));
      if (hit) return hit;
    }
    return (await caches.match('/offline.html')) ?? Response.error();
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(STATIC_CACHE);
  const hit = await cache.match(request, { ignoreVary: true });
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok) await cache.put(request, res.clone());
  return res;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(page(event));
  } else if (url.pathname.startsWith('/_next/static/') || ROOT_FILES.test(url.pathname)) {
    event.respondWith(cacheFirst(request));
  }
});

/**
 * Fetches the crew's pages (and the project pages the list links to) while
 * online, so the app opens offline even on pages not visited yet.
 */
async function warm(paths) {
  const queue = [...new Set(paths)].filter((p) => isPagePath(new URL(p, self.location.origin).pathname));
  const seen = new Set();
  while (queue.length && seen.size < MAX_WARM_PAGES) {
    const path = queue.shift();
    if (seen.has(path)) continue;
    seen.add(path);
    try {
      const res = await fetch(path, { credentials: 'same-origin', headers: { 'x-brave-warm': '1' } });
      if (res.redirected && new URL(res.url).pathname.startsWith('/sign-in')) return wipeAll();
      const html = await keepPage(pageKey(new URL(path, self.location.origin).href), res);
      if (!html) continue;
      await keepAssets(html);
      if (path === '/projects') {
        for (const m of html.matchAll(/href="(\/projects\/[0-9a-f-]{36})"/g)) queue.push(m[1]);
      }
    } catch {
      return; // offline: try again on the next visit
    }
  }
}

self.addEventListener('message', (event) => {
  const msg = event.data ?? {};
  const reply = (data) => event.source?.postMessage(data);
  if (msg.type === 'scope' && typeof msg.scope === 'string' && /^[\w-]{1,64}:[\w-]{1,64}$/.test(msg.scope)) {
    event.waitUntil(
      (async () => {
        await setScope(msg.scope);
        const assets = Array.isArray(msg.assets) ? msg.assets.filter((a) => typeof a === 'string') : [];
        await keepAssets(assets.join(' '));
        await warm(Array.isArray(msg.warm) ? msg.warm.filter((p) => typeof p === 'string' && p.startsWith('/')) : []);
        reply({ type: 'warmed', scope: msg.scope });
      })(),
    );
  } else if (msg.type === 'wipe') {
    event.waitUntil(wipeAll().then(() => reply({ type: 'wiped' })));
  }
});
