/**
 * GET /inspect/[token] end to end against the real database: brave_public
 * reads, brave_app records the visit. Two look-alike tenants.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '@/tests/support/database';
import { seedPublicSite, type PublicSiteFixture } from '@/tests/support/public-site';

const { GET } = await import('./route');
const { visitorFrom } = await import('@/lib/inspect/client-fingerprint');
const { unsealFile } = await import('@/lib/inspect/file-seal');
const { hashToken } = await import('@/lib/inspect/token');

const get = (token: string, headers: Record<string, string> = {}, query = '') =>
  GET(
    new Request(`http://site.test/inspect/${encodeURIComponent(token)}${query}`, {
      headers: { 'x-forwarded-for': '203.0.113.9', 'user-agent': 'PhoneBrowser/1.0', ...headers },
    }),
    {
      params: Promise.resolve({ token }),
    },
  );

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

let a: PublicSiteFixture;
let b: PublicSiteFixture;
beforeAll(async () => {
  a = await seedPublicSite('acme');
  b = await seedPublicSite('bolt');
});

/** The page's sealed file addresses (src/href="/inspect-file/<seal>"), opened with the server's key. */
function splitUrls(body: string) {
  const signed = [...body.matchAll(/(?:src|href)="\/inspect-file\/([A-Za-z0-9_-]+)"/g)].map((m) => unsealFile(m[1]!)!);
  return { signed };
}

/** The object key a sealed address reads. */
const keyOf = (f: { key: string }) => f.key;

describe('a live token', () => {
  it('shows its project’s notice and published inspection, nothing unpublished, no ids, no user ids', async () => {
    const res = await get(a.tokens.live);
    expect(res.status).toBe(200);
    const body = await res.text();
    for (const text of a.shown) expect(body).toContain(text);
    expect(body).toContain('TXR15ACME');
    expect(body).toContain('Part 1.5');
    expect(body).toContain('https://www.epa.gov/enforcement/report-environmental-violation');
    for (const secret of [...a.secrets, ...b.secrets, ...b.shown]) expect(body).not.toContain(secret);
    // No internal id anywhere in the HTML, file addresses included: no UUID (org, project, inspection,
    // violation, photo, document), no Clerk org id, no object key, no token hash.
    expect(a.projectId).toMatch(UUID); // control: the ids this fixture would leak are UUIDs the pattern catches
    expect(a.publishedId).toMatch(UUID);
    expect(body).not.toMatch(UUID);
    for (const id of [a.orgId, a.projectId, a.publishedId, a.swppp.v2Id, 'tenants/', hashToken(a.tokens.live)]) {
      expect(body).not.toContain(id);
    }
    expect(body).not.toContain(a.shownPhoto.storageKey.split('/')[3]!); // the photo's own id
    // The sealed addresses open exactly the shown photo, its thumbnail and the published SWPPP, for this token.
    const { signed } = splitUrls(body);
    expect(signed.map(keyOf).sort()).toEqual([a.shownPhoto.thumbnailKey, a.shownPhoto.storageKey, a.swppp.v2Key].sort());
    for (const f of signed) {
      expect(f.tokenHash).toBe(hashToken(a.tokens.live));
      expect(f.expiresAt * 1000 - Date.now()).toBeLessThanOrEqual(300_000);
      expect(f.expiresAt * 1000 - Date.now()).toBeGreaterThan(240_000);
    }
    expect(body).not.toMatch(/<script/i);
  });

  it('renders HTML and javascript: payloads in findings, notes and locations inert', async () => {
    const body = await (await get(a.tokens.live)).text();
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(body).toContain('torn at &lt;b&gt;outfall&lt;/b&gt; 2');
    // The BMP row shows the item's wording (escaped), never its key.
    expect(body).toContain('acme Silt fence intact &lt;i&gt;');
    expect(body).not.toContain('silt_fence');
    // The only images are the presigned photo thumbnails, with our own alt text.
    const imgs = [...body.matchAll(/<img\b[^>]*>/gi)].map((m) => m[0]);
    expect(imgs).toHaveLength(1);
    expect(imgs[0]).toMatch(/^<img src="\/inspect-file\/[A-Za-z0-9_-]+" alt="Photo 1 of 1, routine inspection" loading="lazy" \/>$/);
    expect(body).toContain('acme published photo &lt;img src=x onerror=alert(5)&gt; javascript:alert(7)');
    expect(body).not.toContain('onerror=alert(6)'); // a photo's file name is never published
    expect(body).toContain('Download the current SWPPP: acme Stormwater plan &lt;b&gt;rev&lt;/b&gt;');
    expect(body).not.toContain('<script>alert(8)');
    expect(body).not.toMatch(/href="javascript:/i);
    expect(body).toContain('at javascript:alert(4)'); // shown as text only
  });

  it('sends noindex, no-referrer and private, no-store, with no client script at all', async () => {
    const res = await get(a.tokens.live);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const body = await res.text();
    expect(body).toMatch(/<meta name="robots" content="noindex, nofollow"\s*\/?>/);
    expect(body).not.toMatch(/<script|<[^>]+\son[a-z]+=/i);
  });

  it('the SWPPP link is the published version’s attachment; an org that does not publish it shows none', async () => {
    const { signed } = splitUrls(await (await get(a.tokens.live)).text());
    expect(signed.find((u) => keyOf(u) === a.swppp.v2Key)?.kind).toBe('swppp');
    expect(signed.some((u) => keyOf(u) === a.swppp.v1Key)).toBe(false);
    const quiet = await seedPublicSite('ember', { publishSwppp: false });
    const other = await (await get(quiet.tokens.live)).text();
    expect(other).not.toContain('Download the current SWPPP');
    expect(splitUrls(other).signed.map(keyOf).sort()).toEqual([quiet.shownPhoto.thumbnailKey, quiet.shownPhoto.storageKey].sort());
    expect(other).toContain('ember site trailer at the north gate');
  });

  it('times are in the site’s zone (America/Denver, not the org’s Chicago) with the abbreviation', async () => {
    const body = await (await get(a.tokens.live)).text();
    expect(body).toMatch(/Times in the site’s time zone: America\/Denver, M[SD]T\./);
    expect(body).toContain('Taken Jul 4, 2026, 9:30 AM MDT');
    expect(body).not.toMatch(/\bC[SD]T\b/);
  });

  it('a token for another project of the same org shows that project only', async () => {
    const body = await (await get(a.tokens.otherProject)).text();
    expect(body).not.toContain(`acme fence down at outfall`);
    expect(body).not.toContain('acme Riverside Lots');
  });

  it('org A’s token never shows org B’s data, whatever ids ride in the path or query', async () => {
    for (const query of [`?projectId=${b.projectId}`, `?organization_id=${b.orgId}&inspection=${b.publishedId}`]) {
      const body = await (
        await get(a.tokens.live, { 'x-organization-id': b.orgId, cookie: `org=${b.orgId}` }, query)
      ).text();
      for (const text of [...b.shown, ...b.secrets]) expect(body).not.toContain(text);
    }
    for (const id of [b.projectId, b.publishedId, b.orgId, `${a.tokens.live}/${b.projectId}`]) {
      expect((await get(id)).status).toBe(404);
    }
  });
});

describe('wrong tokens', () => {
  it('unknown, revoked, expired and malformed tokens give byte-identical 404s with identical headers', async () => {
    const answers = await Promise.all(
      [a.tokens.revoked, a.tokens.expired, 'A'.repeat(43), 'short', '<script>', 'x'.repeat(5000)].map(async (t) => {
        const res = await get(t);
        return { status: res.status, headers: [...res.headers.entries()], body: await res.text() };
      }),
    );
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]!.status).toBe(404);
    expect(answers[0]!.body).toContain('Notice not found');
  });

  it('a revoked link stops at once: live, then revoked, then the same 404 as an unknown token', async () => {
    const site = await seedPublicSite('cobalt');
    expect((await get(site.tokens.live)).status).toBe(200);
    const owner = testDatabase.sql('superuser');
    await owner`update inspector_links set revoked_at = now() where organization_id = ${site.orgId}`;
    const revoked = await get(site.tokens.live);
    const unknown = await get('B'.repeat(43));
    expect(revoked.status).toBe(404);
    expect(await revoked.text()).toBe(await unknown.text());
  });
});

describe('what is recorded', () => {
  it('each view: time, an IP hash (never the IP) and the user agent, in the link’s org only', async () => {
    const site = await seedPublicSite('delta');
    await get(site.tokens.live, { 'x-forwarded-for': '198.51.100.77, 10.0.0.1', 'user-agent': 'InspectorPhone/2' });
    await get(site.tokens.live, { 'x-forwarded-for': '198.51.100.77' });
    const su = testDatabase.sql('superuser');
    const views = await su<{ organization_id: string; ip_hash: string; user_agent: string | null }[]>`
      select organization_id, ip_hash, user_agent from inspector_link_views where organization_id = ${site.orgId} order by viewed_at`;
    expect(views).toHaveLength(2);
    expect(views[0]!.ip_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(views[0]!.ip_hash).toBe(views[1]!.ip_hash);
    expect(JSON.stringify(views)).not.toContain('198.51.100.77');
    expect(views[0]!.user_agent).toBe('InspectorPhone/2');
    const [none] = await su<
      { n: number }[]
    >`select count(*)::int as n from inspector_link_views where organization_id = ${b.orgId}`;
    expect(none!.n).toBe(0);
  });

  it('repeated wrong tokens from one IP become one PUBLIC_TOKEN_PROBING event; fewer, or spread over IPs, do not', async () => {
    const su = testDatabase.sql('superuser');
    for (let i = 0; i < 9; i++) await get(`wrong-${i}`, { 'x-forwarded-for': '192.0.2.50' });
    for (let i = 0; i < 5; i++) await get(`wrong-${i}`, { 'x-forwarded-for': `192.0.2.${100 + i}` });
    const hashOf = (ip: string) => visitorFrom(new Headers({ 'x-forwarded-for': ip })).ipHash;
    const probing = (ip: string) =>
      su<
        { ip_hash: string }[]
      >`select ip_hash from public_access_events where kind = 'PUBLIC_TOKEN_PROBING' and ip_hash = ${hashOf(ip)}`;
    const ips = ['192.0.2.50', ...[0, 1, 2, 3, 4].map((i) => `192.0.2.${100 + i}`)];
    for (const ip of ips) expect(await probing(ip)).toHaveLength(0);
    await get(a.tokens.revoked, { 'x-forwarded-for': '192.0.2.50' }); // the 10th miss: a revoked token counts too
    await get('wrong-11', { 'x-forwarded-for': '192.0.2.50' }); // raised once per crossing, not per miss
    const events = await probing('192.0.2.50');
    expect(events).toHaveLength(1);
    for (const ip of ips.slice(1)) expect(await probing(ip)).toHaveLength(0);
    const [misses] = await su<
      { n: number }[]
    >`select count(*)::int as n from public_access_events where kind = 'TOKEN_MISS' and ip_hash = ${events[0]!.ip_hash}`;
    expect(misses!.n).toBe(11);
  });
});
