import 'server-only';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { storage } from './client';
import { isMissingObject, s3Call } from './errors';
import { assertTenantKey } from './keys';
import { FILE_RULES, isInlineType, type FileKind } from './rules';

/** The metadata every object carries; confirm refuses an object whose value differs. */
const ORG_METADATA = 'organization-id';
const UPLOAD_SECONDS = 15 * 60;
const DOWNLOAD_SECONDS = 5 * 60;

export interface PresignedUpload {
  url: string;
  fields: Record<string, string>;
  maxBytes: number;
  expiresAt: string;
}

/**
 * A presigned POST bound to one key, one Content-Type, the org metadata and
 * the kind's size range: on S3 the policy enforces all of it (a PUT URL could
 * not bound the size). s3rver checks none of it, which is why confirm checks
 * everything again (lib/files/confirm-upload.ts).
 */
export async function presignUpload(orgId: string, kind: FileKind, key: string, contentType: string): Promise<PresignedUpload> {
  assertTenantKey(key, orgId, kind);
  const { client, bucket, sse } = storage();
  const maxBytes = FILE_RULES[kind].maxBytes;
  const fields: Record<string, string> = { 'Content-Type': contentType, [`x-amz-meta-${ORG_METADATA}`]: orgId };
  if (sse) fields['x-amz-server-side-encryption'] = sse;
  const post = await s3Call('presign', () =>
    createPresignedPost(client, {
      Bucket: bucket,
      Key: key,
      Fields: fields,
      Conditions: [
        ['content-length-range', 1, maxBytes],
        ...Object.entries(fields).map(([k, v]) => ['eq', `$${k}`, v] as ['eq', string, string]),
      ],
      Expires: UPLOAD_SECONDS,
    }),
  );
  return { url: post.url, fields: post.fields, maxBytes, expiresAt: new Date(Date.now() + UPLOAD_SECONDS * 1000).toISOString() };
}

export interface ObjectFacts {
  size: number;
  contentType: string | undefined;
  orgMetadata: string | undefined;
  etag: string | undefined;
  /** The first bytes of the object: magic bytes, EXIF. */
  head: Uint8Array;
}

/** HEAD plus a ranged GET of the first `headBytes`; undefined when nothing was uploaded. */
export async function inspectObject(orgId: string, kind: FileKind, key: string, headBytes = 128 * 1024): Promise<ObjectFacts | undefined> {
  assertTenantKey(key, orgId, kind);
  const { client, bucket } = storage();
  try {
    const head = await s3Call('head', () => client.send(new HeadObjectCommand({ Bucket: bucket, Key: key })));
    const size = head.ContentLength ?? 0;
    let bytes: Uint8Array = new Uint8Array();
    if (size > 0) {
      const part = await s3Call('get', () =>
        client.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${Math.min(size, headBytes) - 1}` })),
      );
      bytes = (await part.Body?.transformToByteArray()) ?? new Uint8Array();
    }
    return { size, contentType: head.ContentType, orgMetadata: head.Metadata?.[ORG_METADATA], etag: head.ETag, head: bytes };
  } catch (error) {
    if (isMissingObject(error)) return undefined;
    throw error;
  }
}

/** The whole object, for the thumbnail job (photos are resized in the browser first). */
export async function readObject(orgId: string, kind: FileKind, key: string): Promise<Uint8Array | undefined> {
  assertTenantKey(key, orgId, kind);
  const { client, bucket } = storage();
  try {
    const res = await s3Call('get', () => client.send(new GetObjectCommand({ Bucket: bucket, Key: key })));
    return (await res.Body?.transformToByteArray()) ?? new Uint8Array();
  } catch (error) {
    if (isMissingObject(error)) return undefined;
    throw error;
  }
}

/** The object as a stream (the public page's file route); undefined when it is missing. */
export async function openObject(
  orgId: string,
  kind: FileKind,
  key: string,
): Promise<{ body: ReadableStream<Uint8Array>; size: number | undefined } | undefined> {
  assertTenantKey(key, orgId, kind);
  const { client, bucket } = storage();
  try {
    const res = await s3Call('get', () => client.send(new GetObjectCommand({ Bucket: bucket, Key: key })));
    if (!res.Body) return undefined;
    return { body: res.Body.transformToWebStream() as ReadableStream<Uint8Array>, size: res.ContentLength };
  } catch (error) {
    if (isMissingObject(error)) return undefined;
    throw error;
  }
}

export async function putObject(orgId: string, kind: FileKind, key: string, body: Uint8Array, contentType: string): Promise<void> {
  assertTenantKey(key, orgId, kind);
  const { client, bucket, sse } = storage();
  await s3Call('put', () =>
    client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: body,
        ContentType: contentType,
        Metadata: { [ORG_METADATA]: orgId },
        ServerSideEncryption: sse ?? undefined,
      }),
    ),
  );
}

export async function deleteObject(orgId: string, kind: FileKind, key: string): Promise<void> {
  assertTenantKey(key, orgId, kind);
  const { client, bucket } = storage();
  await s3Call('delete', () => client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })));
}

/** RFC 6266 / 5987: an ASCII fallback and the exact UTF-8 name. */
export function contentDisposition(type: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, '_').slice(0, 150) || 'file';
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName.slice(0, 200))}`;
}

/**
 * A short-lived GET for a row the caller has just looked up inside the tenant
 * door. Content-Type and Content-Disposition are fixed by the response
 * overrides (from the row, not from what the object says): images inline,
 * everything else as an attachment.
 */
export async function presignDownload(
  orgId: string,
  kind: FileKind,
  key: string,
  file: { fileName: string; contentType: string },
  opts: { download?: boolean } = {},
): Promise<string> {
  assertTenantKey(key, orgId, kind);
  const { client, bucket } = storage();
  const inline = isInlineType(file.contentType) && !opts.download;
  return s3Call('presign', () =>
    getSignedUrl(
      client,
      new GetObjectCommand({
        Bucket: bucket,
        Key: key,
        ResponseContentType: file.contentType,
        ResponseContentDisposition: contentDisposition(inline ? 'inline' : 'attachment', file.fileName),
        ResponseCacheControl: 'private, max-age=300',
      }),
      { expiresIn: DOWNLOAD_SECONDS },
    ),
  );
}
