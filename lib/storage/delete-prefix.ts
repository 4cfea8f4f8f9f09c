import 'server-only';
import { DeleteObjectsCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { storage } from './client';
import { s3Call } from './errors';
import { assertTenantKey, tenantRoot } from './keys';
import type { FileKind } from './rules';

/**
 * Delete every object under the organization's prefix (`tenants/{orgId}/`): a page of
 * ListObjectsV2 (up to 1,000 keys), one DeleteObjects for it, until the listing is empty.
 * Listing again from the start after each page (instead of following the continuation
 * token) is what makes a rerun after a crash just carry on. Returns how many went;
 * throws when S3 reports a key it could not delete, so the job retries.
 */
export async function deleteTenantObjects(orgId: string): Promise<number> {
  const prefix = tenantRoot(orgId);
  const { client, bucket } = storage();
  let deleted = 0;
  for (;;) {
    const page = await s3Call('list', () => client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, MaxKeys: 1000 })));
    const keys = (page.Contents ?? []).map((o) => o.Key).filter((k): k is string => typeof k === 'string' && k.startsWith(prefix));
    if (!keys.length) return deleted;
    const res = await s3Call('delete', () =>
      client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true } })),
    );
    if (res.Errors?.length) throw new Error(`S3 kept ${res.Errors.length} object(s) under ${prefix}: ${res.Errors[0]?.Code ?? 'error'}`);
    deleted += keys.length;
  }
}

/**
 * Delete these objects of the org (the retention purge's project files), 1,000 keys per
 * DeleteObjects. Every key is checked to lie under the tenant's prefix for its kind first
 * (a key read from a row is not trusted). Deleting a key already gone is not an error in S3,
 * so a rerun after a crash just carries on. Returns how many were asked to go.
 */
export async function deleteTenantKeys(orgId: string, keys: Partial<Record<FileKind, readonly string[]>>): Promise<number> {
  const all = (Object.entries(keys) as [FileKind, readonly string[]][]).flatMap(([kind, list]) => list.map((key) => (assertTenantKey(key, orgId, kind), key)));
  const { client, bucket } = storage();
  for (let i = 0; i < all.length; i += 1000) {
    const page = all.slice(i, i + 1000);
    const res = await s3Call('delete', () =>
      client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: page.map((Key) => ({ Key })), Quiet: true } })),
    );
    if (res.Errors?.length) throw new Error(`S3 kept ${res.Errors.length} object(s) of ${orgId}: ${res.Errors[0]?.Code ?? 'error'}`);
  }
  return all.length;
}
