/**
 * GET /inspect-file/[seal] against the real database and the embedded S3: the
 * public page's sealed file addresses open exactly the published photo, its
 * thumbnail and the published SWPPP of a live link, and nothing else — even a
 * correctly sealed address of another object (the seal is not the authority:
 * brave_public re-checks the row). Every refusal is the same 404.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '@/tests/support/database';
import { seedPublicSite, type PublicSiteFixture } from '@/tests/support/public-site';
import { plantObject } from '@/tests/support/storage';

const { GET } = await import('./route');
const { GET: page } = await import('@/app/inspect/[token]/route');
const { sealFile, unsealFile, FILE_SECONDS } = await import('@/lib/inspect/file-seal');
const { hashToken } = await import('@/lib/inspect/token');

const headers = { 'x-forwarded-for': '203.0.113.21', 'user-agent': 'PhoneBrowser/1.0' };
const getFile = (seal: string) =>
  GET(new Request(`http://site.test/inspect-file/${seal}`, { headers }), { params: Promise.resolve({ seal }) });
const getPage = (token: string) =>
  page(new Request(`http://site.test/inspect/${token}`, { headers }), { params: Promise.resolve({ token }) });

const bytes = (text: string) => new TextEncoder().encode(text);
let a: PublicSiteFixture;
let b: PublicSiteFixture;

/** Every object of the fixture exists, shown or hidden: a 404 below is a refusal, never a missing object. */
async function plantAll(site: PublicSiteFixture) {
  const keys = [site.shownPhoto.storageKey, ...site.hiddenPhotoKeys];
  for (const key of keys) await plantObject(key, bytes(`jpeg ${key}`), 'image/jpeg', site.orgId);
  await plantObject(site.shownPhoto.thumbnailKey, bytes(`webp ${site.shownPhoto.thumbnailKey}`), 'image/webp', site.orgId);
  for (const key of [site.swppp.v1Key, site.swppp.v2Key, ...site.swppp.otherDocKeys]) {
    await plantObject(key, bytes(`%PDF ${key}`), 'application/pdf', site.orgId);
  }
}

beforeAll(async () => {
  a = await seedPublicSite('fig');
  b = await seedPublicSite('grape');
  await plantAll(a);
  await plantAll(b);
});

/** The seals the page of `token` links, by the key each opens. */
async function pageSeals(token: string): Promise<Map<string, string>> {
  const body = await (await getPage(token)).text();
  const seals = [...body.matchAll(/(?:src|href)="\/inspect-file\/([A-Za-z0-9_-]+)"/g)].map((m) => m[1]!);
  return new Map(seals.map((s) => [unsealFile(s)!.key, s]));
}

const NOT_FOUND = async () => {
  const res = await getFile('A'.repeat(60));
  return { status: res.status, body: await res.text() };
};

describe('the page’s own addresses', () => {
  it('serve the photo inline, its WebP thumbnail and the SWPPP as an attachment, uncached and unindexed', async () => {
    const seals = await pageSeals(a.tokens.live);
    const expected = [
      [a.shownPhoto.storageKey, 'image/jpeg', /^inline; filename="photo\.jpeg"/],
      [a.shownPhoto.thumbnailKey, 'image/webp', /^inline; filename="photo\.webp"/],
      [a.swppp.v2Key, 'application/pdf', /^attachment; filename="/],
    ] as const;
    for (const [key, type, disposition] of expected) {
      const res = await getFile(seals.get(key)!);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('content-disposition')).toMatch(disposition);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(res.headers.get('x-robots-tag')).toBe('noindex, nofollow');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toMatch(new RegExp(`^(jpeg|webp|%PDF) ${key}$`));
    }
  });
});

describe('what a seal cannot open', () => {
  it('a correctly sealed address of an unpublished photo, an older SWPPP or another project’s file: 404', async () => {
    const live = hashToken(a.tokens.live);
    const control = await getFile(sealFile({ tokenHash: live, kind: 'photo', key: a.shownPhoto.storageKey }));
    expect(control.status).toBe(200); // control: a seal made here for the shown photo opens it
    const refused = [
      ...a.hiddenPhotoKeys.map((key) => sealFile({ tokenHash: live, kind: 'photo', key })),
      ...a.hiddenPhotoKeys.map((key) => sealFile({ tokenHash: live, kind: 'thumbnail', key })),
      ...[a.swppp.v1Key, ...a.swppp.otherDocKeys].map((key) => sealFile({ tokenHash: live, kind: 'swppp', key })),
      // The right object under the wrong kind: a photo is not a thumbnail, a photo is not the SWPPP.
      sealFile({ tokenHash: live, kind: 'thumbnail', key: a.shownPhoto.storageKey }),
      sealFile({ tokenHash: live, kind: 'swppp', key: a.shownPhoto.storageKey }),
      sealFile({ tokenHash: live, kind: 'photo', key: a.swppp.v2Key }),
    ];
    const expected = await NOT_FOUND();
    for (const seal of refused) {
      const res = await getFile(seal);
      expect({ status: res.status, body: await res.text() }).toEqual(expected);
    }
    expect(expected.status).toBe(404);
  });

  it('org A’s token never opens org B’s files; B’s own token does (control)', async () => {
    const expected = await NOT_FOUND();
    for (const key of [b.shownPhoto.storageKey, b.shownPhoto.thumbnailKey]) {
      const kind = key === b.shownPhoto.thumbnailKey ? 'thumbnail' : 'photo';
      const res = await getFile(sealFile({ tokenHash: hashToken(a.tokens.live), kind, key }));
      expect({ status: res.status, body: await res.text() }).toEqual(expected);
      expect((await getFile(sealFile({ tokenHash: hashToken(b.tokens.live), kind, key }))).status).toBe(200);
    }
  });

  it('revoked, expired and other-project links open nothing, and the page’s own seals stop when the link is revoked', async () => {
    const expected = await NOT_FOUND();
    for (const token of [a.tokens.revoked, a.tokens.expired, a.tokens.otherProject, 'Q'.repeat(43)]) {
      const res = await getFile(sealFile({ tokenHash: hashToken(token), kind: 'photo', key: a.shownPhoto.storageKey }));
      expect({ status: res.status, body: await res.text() }).toEqual(expected);
    }
    const site = await seedPublicSite('kiwi');
    await plantAll(site);
    const seals = await pageSeals(site.tokens.live);
    const seal = seals.get(site.shownPhoto.storageKey)!;
    expect((await getFile(seal)).status).toBe(200);
    await testDatabase.sql('superuser')`update inspector_links set revoked_at = now() where organization_id = ${site.orgId}`;
    const after = await getFile(seal);
    expect({ status: after.status, body: await after.text() }).toEqual(expected);
  });

  it('an expired, altered or made-up seal is the same 404', async () => {
    const expected = await NOT_FOUND();
    const live = hashToken(a.tokens.live);
    const old = sealFile({ tokenHash: live, kind: 'photo', key: a.shownPhoto.storageKey }, new Date(Date.now() - FILE_SECONDS * 1000 - 1000));
    const raw = Buffer.from(sealFile({ tokenHash: live, kind: 'photo', key: a.shownPhoto.storageKey }), 'base64url');
    raw[20] = raw[20]! ^ 1;
    for (const seal of [old, raw.toString('base64url'), 'x', '..', 'A'.repeat(2000)]) {
      const res = await getFile(seal);
      expect({ status: res.status, body: await res.text() }).toEqual(expected);
    }
  });
});
