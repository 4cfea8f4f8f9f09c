import 'server-only';
import { randomUUID } from 'node:crypto';
import { setOrganizationLogo } from '@/db/queries/organizations';
import type { Tx } from '@/db/tenant';
import { PublicError } from '@/lib/api/errors';
import { objectProblem } from '@/lib/files/check-object';
import { objectKey } from '@/lib/storage/keys';
import { deleteObject, presignDownload, putObject, readObject } from '@/lib/storage/objects';

/** A data URL as the logo form sends it (lib/zod/schemas/settings.ts has checked its shape). */
export function decodeLogo(dataUrl: string): { contentType: string; bytes: Uint8Array } {
  const comma = dataUrl.indexOf(',');
  const contentType = dataUrl.slice('data:'.length, dataUrl.indexOf(';'));
  return { contentType, bytes: new Uint8Array(Buffer.from(dataUrl.slice(comma + 1), 'base64')) };
}

/**
 * Store a new logo: the bytes are checked like any upload (size, magic bytes: an HTML page or an SVG
 * named .png is refused), put under the tenant's logos/ prefix, then the row points at it. If the row
 * can't be written the new object is removed again; the old object goes once the row no longer names it.
 */
export async function replaceLogo(tx: Tx, orgId: string, logo: { contentType: string; bytes: Uint8Array }) {
  const facts = { size: logo.bytes.byteLength, contentType: logo.contentType, orgMetadata: orgId, etag: undefined, head: logo.bytes.subarray(0, 128 * 1024) };
  const problem = await objectProblem('logos', orgId, { contentType: logo.contentType }, facts);
  if (problem) throw PublicError.badRequest(problem);
  const key = objectKey(orgId, 'logos', randomUUID(), logo.contentType === 'image/png' ? 'logo.png' : 'logo.jpg');
  await putObject(orgId, 'logos', key, logo.bytes, logo.contentType);
  try {
    const saved = await setOrganizationLogo(tx, orgId, { logoKey: key, logoContentType: logo.contentType, logoSizeBytes: logo.bytes.byteLength });
    if (!saved) throw PublicError.notFound();
    await dropOldLogo(orgId, saved.before.logoKey);
    return saved;
  } catch (error) {
    await deleteObject(orgId, 'logos', key).catch(() => undefined);
    throw error;
  }
}

/** Clear the logo and delete its object. */
export async function removeLogo(tx: Tx, orgId: string) {
  const saved = await setOrganizationLogo(tx, orgId, null);
  if (!saved) throw PublicError.notFound();
  await dropOldLogo(orgId, saved.before.logoKey);
  return saved;
}

/**
 * Deleted inside the transaction, after the row changed: should the commit still fail, the row keeps
 * naming an object that is gone, which shows as "no logo" (logoUrl and logoBytes answer undefined) and
 * heals with the next upload — never a logo of another tenant, never an orphan that counts as storage.
 */
async function dropOldLogo(orgId: string, key: string | null) {
  if (key) await deleteObject(orgId, 'logos', key);
}

type LogoRow = { logoKey: string | null; logoContentType: string | null } | undefined;

/** A 5-minute URL for the settings page and the poster (minted right after the row was read in the door). */
export async function logoUrl(orgId: string, org: LogoRow): Promise<string | undefined> {
  if (!org?.logoKey || !org.logoContentType) return undefined;
  return presignDownload(orgId, 'logos', org.logoKey, { fileName: 'logo', contentType: org.logoContentType });
}

/** The logo's bytes for the report PDF, or undefined when there is none (or its object is gone). */
export async function logoBytes(orgId: string, org: LogoRow): Promise<Uint8Array | undefined> {
  if (!org?.logoKey) return undefined;
  return readObject(orgId, 'logos', org.logoKey);
}
