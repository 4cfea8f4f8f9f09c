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

const globals = globalThis as unknown as { __braveStorage?: Storage };

export interface StorageConfig {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  sse: Storage['sse'];
  /** How long one S3 call may take before it fails (lib/env.ts S3_REQUEST_TIMEOUT_MS); 0 disables the bound. */
  requestTimeoutMs?: number;
}

/** An S3 client for one bucket. */
export function createStorage(config: StorageConfig): Storage {
  const client = new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentials,
    // Flexible checksums on by default corrupt streamed uploads on S3-compatible servers
    // (s3rver, some R2/MinIO versions); send and check them only where S3 requires them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // A stopped or hung S3 must become a clear 503 quickly, not a request that hangs. Without
    // throwOnRequestTimeout the SDK only logs a warning when requestTimeout passes and keeps
    // waiting (lib/files/slow-storage.int.test.ts): a server that accepts and never answers
    // would hold the request, and the transaction around it, for ever.
    requestHandler: { connectionTimeout: 2_000, requestTimeout: config.requestTimeoutMs ?? 15_000, throwOnRequestTimeout: true },
    maxAttempts: 2,
  });
  return { client, bucket: config.bucket, sse: config.sse };
}

/**
 * The app's S3 client, from lib/env.ts (kept per process, like the database
 * pools). Embedded default: s3rver started by `npm run dev`, the tests and the
 * e2e server (scripts/lib/local-s3.ts). Production: S3_BUCKET, S3_REGION,
 * optional S3_ENDPOINT (R2, MinIO) and credentials (else the AWS default
 * chain). docs/storage.md.
 */
export function storage(): Storage {
  if (globals.__braveStorage) return globals.__braveStorage;
  const bucket = env.S3_BUCKET;
  if (!bucket) throw new StorageUnavailableError('S3_BUCKET is not set');
  if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
    throw new Error('Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (AWS default credential chain).');
  }
  globals.__braveStorage = createStorage({
    bucket,
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    forcePathStyle: env.S3_FORCE_PATH_STYLE ? env.S3_FORCE_PATH_STYLE === 'true' : Boolean(env.S3_ENDPOINT),
    credentials:
      env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } : undefined,
    sse: env.S3_SSE === 'none' ? null : env.S3_SSE,
    requestTimeoutMs: env.S3_REQUEST_TIMEOUT_MS,
  });
  return globals.__braveStorage;
}
