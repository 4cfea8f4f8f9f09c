/**
 * The local identity mode's keys (docs/design.md §5): an RSA-2048 key pair and a
 * secret under `.data/local-auth/`, generated once. The app verifies session
 * tokens with the public key (CLERK_JWT_KEY, given to clerkMiddleware) and
 * mints them with the private key file. Never used by a deployment.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LOCAL_PUBLISHABLE_KEY } from '@/lib/auth/local-keys';

export interface LocalAuthEnv {
  AUTH_MODE: 'local';
  CLERK_JWT_KEY: string;
  CLERK_SECRET_KEY: string;
  NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: string;
  LOCAL_AUTH_KEY_FILE: string;
  // Clerk must never try to reach its servers in local mode.
  NEXT_PUBLIC_CLERK_TELEMETRY_DISABLED: '1';
  NEXT_PUBLIC_CLERK_KEYLESS_DISABLED: '1';
  CLERK_DISABLE_AUTO_PROXY: '1';
}

export function ensureLocalAuth(dir = '.data/local-auth'): LocalAuthEnv {
  const abs = path.resolve(dir);
  const privateFile = path.join(abs, 'private.pem');
  const publicFile = path.join(abs, 'public.pem');
  const secretFile = path.join(abs, 'secret');
  if (!existsSync(privateFile) || !existsSync(publicFile) || !existsSync(secretFile)) {
    mkdirSync(abs, { recursive: true, mode: 0o700 });
    const { privateKey, publicKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    writeFileSync(privateFile, privateKey, { mode: 0o600 });
    writeFileSync(publicFile, publicKey);
    writeFileSync(secretFile, `sk_live_local_${randomBytes(24).toString('hex')}`, { mode: 0o600 });
    chmodSync(privateFile, 0o600);
  }
  return {
    AUTH_MODE: 'local',
    CLERK_JWT_KEY: readFileSync(publicFile, 'utf8'),
    CLERK_SECRET_KEY: readFileSync(secretFile, 'utf8').trim(),
    NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: LOCAL_PUBLISHABLE_KEY,
    LOCAL_AUTH_KEY_FILE: privateFile,
    NEXT_PUBLIC_CLERK_TELEMETRY_DISABLED: '1',
    NEXT_PUBLIC_CLERK_KEYLESS_DISABLED: '1',
    CLERK_DISABLE_AUTO_PROXY: '1',
  };
}
