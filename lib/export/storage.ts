import 'server-only';
import type { Readable } from 'node:stream';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { storage } from '@/lib/storage/client';
import { s3Call } from '@/lib/storage/errors';
import { tenantRoot } from '@/lib/storage/keys';
import { EXPORT_DOWNLOAD_SECONDS } from './policy';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Where the exports of an org live: under its prefix (deleted with it), never inside another export. */
function exportsPrefix(orgId: string): string {
  return `${tenantRoot(orgId)}exports/`;
}

export function exportKey(orgId: string, id: string): string {
  if (!UUID.test(id)) throw new Error('refusing to build a key from an unvalidated id');
  return `${exportsPrefix(orgId)}${id}.zip`;
}

/**
 * Every object of the org but its earlier exports (a zip inside each new zip would grow without
 * end), a page of ListObjectsV2 at a time: keys only, never bodies.
 */
export async function* tenantObjects(orgId: string): AsyncGenerator<{ key: string; size: number }[]> {
  const prefix = tenantRoot(orgId);
  const skip = exportsPrefix(orgId);
  const { client, bucket } = storage();
  let token: string | undefined;
  do {
    const page = await s3Call('list', () => client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token, MaxKeys: 1000 })));
    const keys = (page.Contents ?? [])
      .filter((o): o is { Key: string; Size?: number } => typeof o.Key === 'string' && o.Key.startsWith(prefix) && !o.Key.startsWith(skip))
      .map((o) => ({ key: o.Key, size: o.Size ?? 0 }));
    if (keys.length) yield keys;
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}

/** One object's body as a stream (the zip reads it as the upload drains). */
export async function objectStream(orgId: string, key: string): Promise<Readable> {
  if (!key.startsWith(tenantRoot(orgId)) || key.includes('..')) throw new Error('object key outside the tenant prefix');
  const { client, bucket } = storage();
  const res = await s3Call('get', () => client.send(new GetObjectCommand({ Bucket: bucket, Key: key })));
  return res.Body as Readable;
}

/**
 * A multipart upload fed by `body`. S3 makes the object appear only when the upload completes:
 * a run that dies midway leaves no object under the key, only parts that `abort` (or the
 * bucket's lifecycle rule for incomplete uploads) removes.
 */
export function uploadExport(orgId: string, id: string, body: Readable): Upload {
  const { client, bucket, sse } = storage();
  return new Upload({
    client,
    queueSize: 2,
    partSize: 5 * 1024 * 1024,
    leavePartsOnError: false,
    params: {
      Bucket: bucket,
      Key: exportKey(orgId, id),
      Body: body,
      ContentType: 'application/zip',
      Metadata: { 'organization-id': orgId },
      ServerSideEncryption: sse ?? undefined,
    },
  });
}

/** A short-lived GET of a finished export, for a row just read inside the tenant's door. */
export function presignExport(orgId: string, id: string, key: string, fileName: string): Promise<string> {
  if (key !== exportKey(orgId, id)) throw new Error('export key does not belong to this export');
  const { client, bucket } = storage();
  return s3Call('presign', () =>
    getSignedUrl(
      client,
      new GetObjectCommand({
        Bucket: bucket,
        Key: key,
        ResponseContentType: 'application/zip',
        ResponseContentDisposition: `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
        ResponseCacheControl: 'private, no-store',
      }),
      { expiresIn: EXPORT_DOWNLOAD_SECONDS },
    ),
  );
}
