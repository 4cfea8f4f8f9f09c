import 'server-only';
import { S3Client } from '@aws-sdk/client-s3';
import { env } from '@/lib/env';
import { StorageUnavailableError } from './errors';

export interface Storage {
  client: S3Client;
  bucket: string;
  /** Server-side encryption to request on every object, or null (s3rver keeps none). */
  sse: 'AES256' | 'aws:kms' | null;
}

const globals = globalThis as unknown as { __braveStorage?: { config: string; storage: Storage } };

/**
 * The one S3 client, from lib/env.ts. Embedded default: s3rver started by
 * `npm run dev`, the tests and the e2e server (scripts/lib/local-s3.ts).
 * Production: S3_BUCKET, S3_REGION, optional S3_ENDPOINT (R2, MinIO) and
 * credentials (else the AWS default chain). docs/storage.md.
 */
export function storage(): Storage {
  const bucket = env.S3_BUCKET;
  if (!bucket) throw new StorageUnavailableError('S3_BUCKET is not set');
  if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
    throw new Error('Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (AWS default credential chain).');
  }
  const config = JSON.stringify([bucket, env.S3_REGION, env.S3_ENDPOINT, env.S3_FORCE_PATH_STYLE, env.S3_ACCESS_KEY_ID]);
  const cached = globals.__braveStorage;
  if (cached?.config === config) return cached.storage;
  const client = new S3Client({
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    forcePathStyle: env.S3_FORCE_PATH_STYLE ? env.S3_FORCE_PATH_STYLE === 'true' : Boolean(env.S3_ENDPOINT),
    credentials:
      env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
        : undefined,
    // Flexible checksums on by default corrupt streamed uploads on S3-compatible servers
    // (s3rver, some R2/MinIO versions); send and check them only where S3 requires them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // A stopped or hung S3 must become a clear 503 quickly, not a request that hangs.
    requestHandler: { connectionTimeout: 2_000, requestTimeout: 15_000 },
    maxAttempts: 2,
  });
  const value: Storage = { client, bucket, sse: env.S3_SSE === 'none' ? null : env.S3_SSE };
  globals.__braveStorage = { config, storage: value };
  return value;
}
