import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { publicKeyMaterial } from './client-fingerprint';

/** How long a file address on the public page works (like the presigned GETs it replaces). */
export const FILE_SECONDS = 5 * 60;

/** What a photo address can open: the photo itself or its WebP thumbnail; `swppp` is the published SWPPP. */
type SealedKind = 'photo' | 'thumbnail' | 'swppp';

export interface SealedFile {
  /** SHA-256 of the page's token: the file route re-opens the link with it (brave_public). */
  tokenHash: string;
  kind: SealedKind;
  /** The object key, checked against the row brave_public admits before anything is read. */
  key: string;
  /** Unix seconds. */
  expiresAt: number;
}

const KINDS: readonly SealedKind[] = ['photo', 'thumbnail', 'swppp'];
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** A seal is about 200 characters; anything much longer is not one of ours and is refused before decrypting. */
const MAX_SEAL_CHARS = 1024;

let cached: { material: string; key: Buffer } | undefined;
function sealKey(): Buffer {
  const material = publicKeyMaterial();
  if (cached?.material !== material) {
    // Its own key, derived with its own label: an IP hash and a seal never share key bytes.
    cached = { material, key: Buffer.from(hkdfSync('sha256', material, '', 'brave-forms inspect-file seal v1', 32)) };
  }
  return cached.key;
}

/**
 * The public page's address of one file: AES-256-GCM over the token hash, the
 * kind, the object key and the expiry, in base64url. The HTML therefore holds
 * no object key, organization id or row id (a presigned S3 URL would carry
 * `tenants/{orgId}/photos/{uuid}/…`), and a seal can be neither read nor
 * altered without the key. It is not the authority on its own: the file route
 * (app/inspect-file/[seal]/route.ts) serves the object only while the link is
 * live and brave_public still admits the row.
 */
export function sealFile(file: Omit<SealedFile, 'expiresAt'>, now = new Date()): string {
  const payload: SealedFile = { ...file, expiresAt: Math.floor(now.getTime() / 1000) + FILE_SECONDS };
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', sealKey(), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

/** The sealed file, or undefined when the seal is malformed, forged, altered or expired. */
export function unsealFile(seal: string, now = new Date()): SealedFile | undefined {
  if (seal.length > MAX_SEAL_CHARS || !/^[A-Za-z0-9_-]+$/.test(seal)) return undefined;
  const raw = Buffer.from(seal, 'base64url');
  if (raw.length <= IV_BYTES + TAG_BYTES) return undefined;
  let parsed: unknown;
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealKey(), raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    const text = Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]);
    parsed = JSON.parse(text.toString('utf8'));
  } catch {
    return undefined; // wrong key, altered bytes, not JSON
  }
  const f = parsed as Partial<SealedFile>;
  if (
    typeof f.tokenHash !== 'string' ||
    !/^[0-9a-f]{64}$/.test(f.tokenHash) ||
    typeof f.key !== 'string' ||
    !KINDS.includes(f.kind as SealedKind) ||
    typeof f.expiresAt !== 'number' ||
    f.expiresAt * 1000 <= now.getTime()
  ) {
    return undefined;
  }
  return { tokenHash: f.tokenHash, kind: f.kind as SealedKind, key: f.key, expiresAt: f.expiresAt };
}
