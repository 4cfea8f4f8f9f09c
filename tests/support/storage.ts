/**
 * Test helpers for the embedded S3: send bytes the way a browser sends them
 * (the presigned POST form), or plant an object directly, as an attacker who
 * ignores the policy could on a server that enforces none (s3rver).
 */
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { storage } from '@/lib/storage/client';

export async function postUpload(
  upload: { url: string; fields: Record<string, string> },
  body: Uint8Array,
  override: Record<string, string> = {},
): Promise<number> {
  const form = new FormData();
  for (const [k, v] of Object.entries({ ...upload.fields, ...override })) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(body)]), 'upload');
  const res = await fetch(upload.url, { method: 'POST', body: form });
  await res.arrayBuffer();
  return res.status;
}

export async function plantObject(key: string, body: Uint8Array, contentType: string, orgMetadata: string) {
  const { client, bucket } = storage();
  await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType, Metadata: { 'organization-id': orgMetadata } }));
}

export async function objectExists(key: string): Promise<boolean> {
  const { client, bucket } = storage();
  try {
    await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch {
    return false;
  }
}
