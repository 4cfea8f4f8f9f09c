/**
 * The organization logo (/settings) against the real database and the local S3: an owner uploads a
 * PNG, it lands under the org's logos/ prefix and the row names it, audited; a replacement removes
 * the old object; files that are not what they say (HTML or SVG named .png, a JPEG declared PNG),
 * too big, or from a member without the right are refused with nothing written; removing deletes
 * the object. The key check in the database refuses a key of another tenant even as the owner's
 * own transaction (defense in depth under the app's own key building).
 */
import { desc, eq, and } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { REQUEST_HEADERS } from '@/app/(app)/projects/_test/support';
import { acme, as, inOrg, seedOrgs } from '@/app/(app)/members/_test/world';
import { bolt, type Org } from '@/app/(app)/projects/_test/support';
import { auditLog, organizations } from '@/db/schema';
import { HTML_AS_JPEG, makeJpeg, makePng, SVG_FILE } from '@/tests/support/photo-fixtures';
import { objectExists } from '@/tests/support/storage';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));
vi.mock('next/headers', () => ({ headers: async () => new Headers(REQUEST_HEADERS) }));

const { updateOrganizationLogoAction } = await import('./actions/update-organization-logo');
const { removeOrganizationLogoAction } = await import('./actions/remove-organization-logo');

beforeAll(seedOrgs);

const dataUrl = (type: string, bytes: Uint8Array) => `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
const logoRow = (org: Org) =>
  inOrg(org, (tx) =>
    tx
      .select({ key: organizations.logoKey, type: organizations.logoContentType, size: organizations.logoSizeBytes })
      .from(organizations)
      .where(eq(organizations.organizationId, org.id))
      .then((r) => r[0]!),
  );
const auditCount = () =>
  inOrg(acme, (tx) => tx.select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.organizationId, acme.id), eq(auditLog.entityType, 'organization'))).then((r) => r.length));

describe('organization logo', () => {
  it('an owner uploads a PNG: stored under the tenant prefix, named by the row, audited', async () => {
    as.owner();
    const png = await makePng();
    const r = await updateOrganizationLogoAction(null, { logo: dataUrl('image/png', png) });
    expect(r).toEqual({ ok: true, data: { sizeBytes: png.length, savedAt: expect.any(String) } });
    const row = await logoRow(acme);
    expect(row.key).toMatch(new RegExp(`^tenants/${acme.id}/logos/[0-9a-f-]{36}/logo\\.png$`));
    expect(row).toMatchObject({ type: 'image/png', size: png.length });
    expect(await objectExists(row.key!)).toBe(true);
    const [audit] = await inOrg(acme, (tx) =>
      tx.select().from(auditLog).where(and(eq(auditLog.organizationId, acme.id), eq(auditLog.entityType, 'organization'))).orderBy(desc(auditLog.createdAt)).limit(1),
    );
    expect(audit).toMatchObject({ action: 'update', actorUserId: 'user_acme_owner', before: { logoKey: null }, after: { logoKey: row.key } });
  });

  it('a replacement JPEG takes its place and the old object is deleted', async () => {
    as.admin();
    const old = (await logoRow(acme)).key!;
    const jpeg = await makeJpeg({ color: '#224466' });
    expect((await updateOrganizationLogoAction(null, { logo: dataUrl('image/jpeg', jpeg) })).ok).toBe(true);
    const row = await logoRow(acme);
    expect(row).toMatchObject({ type: 'image/jpeg', size: jpeg.length });
    expect(row.key).not.toBe(old);
    expect(await objectExists(row.key!)).toBe(true);
    expect(await objectExists(old)).toBe(false);
  });

  it.each([
    ['an HTML page declared PNG', 'image/png', HTML_AS_JPEG, /not a PNG image: its contents match no allowed/],
    ['an SVG declared PNG', 'image/png', SVG_FILE, /not a PNG image/],
  ])('%s is refused, nothing written', async (_name, type, bytes, message) => {
    as.owner();
    const before = await logoRow(acme);
    const audits = await auditCount();
    const r = await updateOrganizationLogoAction(null, { logo: dataUrl(type, bytes) });
    expect(r).toMatchObject({ ok: false, formError: expect.stringMatching(message) });
    expect(await logoRow(acme)).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it('a JPEG declared PNG is refused by its magic bytes (control: the same bytes declared JPEG pass)', async () => {
    as.owner();
    const jpeg = await makeJpeg({ color: '#aa0000' });
    const before = await logoRow(acme);
    expect(await updateOrganizationLogoAction(null, { logo: dataUrl('image/png', jpeg) })).toMatchObject({ ok: false, formError: expect.stringMatching(/looks like image\/jpeg/) });
    expect(await logoRow(acme)).toEqual(before);
    expect((await updateOrganizationLogoAction(null, { logo: dataUrl('image/jpeg', jpeg) })).ok).toBe(true);
  });

  it('a file over 512 KB, a WebP or a non-image value is refused by the schema with a clear message', async () => {
    as.owner();
    const big = await updateOrganizationLogoAction(null, { logo: dataUrl('image/png', new Uint8Array(600 * 1024)) });
    expect(big).toMatchObject({ ok: false, fieldErrors: { logo: ['The logo must be at most 512 KB.'] } });
    const webp = await updateOrganizationLogoAction(null, { logo: 'data:image/webp;base64,UklGRg==' });
    expect(webp).toMatchObject({ ok: false, fieldErrors: { logo: ['Choose a PNG or JPEG image.'] } });
    expect(await updateOrganizationLogoAction(null, { logo: 'javascript:alert(1)' })).toMatchObject({ ok: false, fieldErrors: { logo: ['Choose a PNG or JPEG image.'] } });
  });

  it('a superintendent or crew member cannot change the logo', async () => {
    const before = await logoRow(acme);
    for (const role of [as.superintendent, as.crew]) {
      role();
      expect(await updateOrganizationLogoAction(null, { logo: dataUrl('image/png', await makePng()) })).toMatchObject({ ok: false, formError: 'You do not have permission to do that.' });
      expect(await removeOrganizationLogoAction(null, {})).toMatchObject({ ok: false, formError: 'You do not have permission to do that.' });
    }
    expect(await logoRow(acme)).toEqual(before);
  });

  it('the database refuses a logo key outside the org’s own logos/ prefix', async () => {
    const foreign = `tenants/${bolt.id}/logos/00000000-0000-4000-8000-000000000000/logo.png`;
    await expect(inOrg(acme, (tx) => tx.update(organizations).set({ logoKey: foreign }).where(eq(organizations.organizationId, acme.id)))).rejects.toThrow();
    // Control: a key under the org's own prefix is accepted by the same check.
    const own = `tenants/${acme.id}/logos/00000000-0000-4000-8000-000000000000/logo.png`;
    await expect(inOrg(acme, (tx) => tx.update(organizations).set({ logoKey: own }).where(eq(organizations.organizationId, acme.id)).then(() => { throw new Error('rollback'); }))).rejects.toThrow('rollback');
  });

  it('removing the logo clears the row and deletes the object; the other org never had one', async () => {
    as.owner();
    const key = (await logoRow(acme)).key!;
    expect(await removeOrganizationLogoAction(null, {})).toEqual({ ok: true, data: { removed: true } });
    expect(await logoRow(acme)).toEqual({ key: null, type: null, size: null });
    expect(await objectExists(key)).toBe(false);
    expect((await logoRow(bolt)).key).toBeNull();
  });
});
