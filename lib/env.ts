import { createEnv } from '@t3-oss/env-nextjs';
import { z } from 'zod';

/**
 * The one place that reads process.env. Third-party keys are optional here and
 * checked where they are used, so the embedded defaults need no configuration.
 */
export const env = createEnv({
  server: {
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    /** brave_app: the role every request runs as (RLS applies). */
    DATABASE_URL: z.string().url().optional(),
    /** brave_owner: migrations and named admin scripts only. */
    DATABASE_OWNER_URL: z.string().url().optional(),
    /** brave_public: the QR inspector page only. */
    DATABASE_PUBLIC_URL: z.string().url().optional(),
    /** TLS for non-local servers is on unless this says `disable`. */
    DATABASE_SSL: z.enum(['require', 'verify-full', 'disable']).optional(),
    /** With `verify-full`: a PEM file of the CA(s) to trust instead of Node's bundle (a managed server's CA). */
    DATABASE_SSL_CA: z.string().min(1).optional(),
    /** `false` behind PgBouncer in transaction mode (no named prepared statements). */
    DATABASE_PREPARE: z.enum(['true', 'false']).default('true'),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    /**
     * `local`: the zero-account identity mode (lib/auth/local, set by `npm run dev` and the tests).
     * `clerk` or unset: real Clerk keys are required. See docs/auth.md.
     */
    AUTH_MODE: z.enum(['local', 'clerk']).optional(),
    CLERK_SECRET_KEY: z.string().startsWith('sk_').optional(),
    CLERK_WEBHOOK_SIGNING_SECRET: z.string().startsWith('whsec_').optional(),
    /** PEM public key (RS256) passed to clerkMiddleware: networkless session verification. */
    CLERK_JWT_KEY: z.string().optional(),
    /** Local mode only: PEM private key file that signs local session tokens (never in a deployment). */
    LOCAL_AUTH_KEY_FILE: z.string().optional(),
    /** Local mode only: lifetime of a minted session token. */
    LOCAL_AUTH_SESSION_SECONDS: z.coerce.number().int().min(5).max(7 * 86_400).default(12 * 3600),
    /** Origins allowed in a session token's `azp`, comma-separated (e.g. https://app.example.com). */
    APP_ORIGINS: z.string().optional(),
    /** `acme.<APP_ROOT_DOMAIN>` selects organization `acme` (optional, lib/auth/subdomain.ts). */
    APP_ROOT_DOMAIN: z.string().optional(),
    /**
     * Break-glass support access (docs/support-access.md): `name=<sha256 hex of that person's key>,…`.
     * Unset: /internal does not exist (404).
     */
    SUPPORT_STAFF: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,30}=[0-9a-f]{64}(,[a-z][a-z0-9-]{1,30}=[0-9a-f]{64})*$/, 'SUPPORT_STAFF: name=<64 hex chars>,…')
      .optional(),
    /** HMAC key of the support session cookie (≥ 32 characters); required with SUPPORT_STAFF. */
    SUPPORT_SESSION_SECRET: z.string().min(32).optional(),
    /** Both set: the cache and the rate limits use Upstash Redis (REST); otherwise in-process (docs/cache.md). */
    UPSTASH_REDIS_REST_URL: z.string().url().optional(),
    UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
    /** `off`: every cache read misses and nothing is stored (the bench's "cache off" side). */
    CACHE: z.enum(['on', 'off']).default('on'),
    /** A Redis call slower than this is abandoned: the cache is bypassed, the request goes on. */
    CACHE_TIMEOUT_MS: z.coerce.number().int().min(5).max(5_000).default(150),
    /** `off` only for the bench and the bulk test suites (the rate-limit tests turn it on). */
    RATE_LIMITS: z.enum(['on', 'off']).default('on'),
    /**
     * File storage (lib/storage, docs/storage.md). `npm run dev`, the tests and the e2e server
     * start s3rver and set these; production names its bucket. Unset bucket ⇒ uploads answer 503.
     */
    S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'not a valid S3 bucket name').optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    /** R2, MinIO, s3rver: the endpoint URL; unset on AWS. The browser uploads to it directly (CSP connect-src). */
    S3_ENDPOINT: z.string().url().optional(),
    S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).optional(),
    /** Optional: without them the AWS SDK's default credential chain applies (AWS_ACCESS_KEY_ID, roles…). */
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** Server-side encryption requested on every object; `none` only for s3rver, which stores none. */
    S3_SSE: z.enum(['AES256', 'aws:kms', 'none']).default('AES256'),
    /** Longest one S3 call may take (two attempts each): past it the upload answers 503 "file storage is unavailable". */
    S3_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
    /**
     * `true`: the background worker (pg-boss, lib/jobs) runs inside the app server — the embedded
     * default sets it. Production runs `npm run worker` instead and leaves it unset.
     */
    JOBS_IN_PROCESS: z.enum(['true', 'false']).default('false'),
    /**
     * The Open-Meteo-compatible forecast endpoint daily precipitation is read from (lib/weather).
     * `npm run dev` and the tests point it at a local fixture server; production reads the public API.
     */
    WEATHER_API_URL: z.string().url().refine((u) => /^https?:/.test(u), 'must be http(s)').default('https://api.open-meteo.com/v1/forecast'),
    /** Longest one weather request may take (AbortSignal.timeout). */
    WEATHER_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(10_000),
    /** First retry delay of a failed weather request; each further attempt doubles it (3 attempts, then the job retries). */
    WEATHER_RETRY_BASE_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
    /**
     * Reminder email (lib/reminders/mailer.ts): `smtp://user:pass@host:587` or `smtps://…`. Unset: each
     * mail is written to the local outbox (OUTBOX_DIR) and listed on /dev/outbox (development only).
     */
    SMTP_URL: z.string().url().refine((u) => /^smtps?:\/\//.test(u), 'must start with smtp:// or smtps://').optional(),
    MAIL_FROM: z.string().min(3).max(200).default('BrAve Forms <reminders@localhost>'),
    OUTBOX_DIR: z.string().min(1).default('.data/outbox'),
    /** Links in reminder emails point here (default: the first of APP_ORIGINS, else http://localhost:3000). */
    APP_URL: z.string().url().optional(),
    /**
     * Key of the HMAC that turns a public visitor's IP into the hash stored with each view of the
     * QR page (lib/inspect/client-fingerprint.ts), and the source of the key that seals the page's
     * file addresses (lib/inspect/file-seal.ts, HKDF with its own label). Set it in production:
     * without it a fixed development key is used, IPv4 hashes under a known key can be reversed by
     * trying them all, and a seal someone saw could be opened and re-made for that link's files.
     */
    IP_HASH_SECRET: z.string().min(32).optional(),
    /** Wrong QR tokens from one IP within INSPECT_MISS_WINDOW_MINUTES that make a PUBLIC_TOKEN_PROBING event. */
    INSPECT_MISS_THRESHOLD: z.coerce.number().int().min(1).max(10_000).default(10),
    INSPECT_MISS_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
  },
  client: {
    NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: z.string().startsWith('pk_').optional(),
  },
  experimental__runtimeEnv: {
    NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY,
  },
  emptyStringAsUndefined: true,
  skipValidation: process.env.SKIP_ENV_VALIDATION === 'true',
});
