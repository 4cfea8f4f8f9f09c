import { env } from '@/lib/env';
import { authConfig, AuthConfigError } from './config';

/** Node-only part of instrumentation.ts: refuse to start without an auth mode. */
export function checkAuthAtStartup() {
  try {
    const config = authConfig();
    // A deployment's public QR page must not hash IPs and seal file addresses with the development
    // key, which is in this repository (lib/inspect/client-fingerprint.ts): refuse, never fall back.
    if (config.mode === 'clerk' && !env.IP_HASH_SECRET) {
      throw new AuthConfigError('IP_HASH_SECRET is not set: set it to 32 or more random characters (e.g. `openssl rand -base64 48`); the public inspector page hashes IPs and seals file addresses with it (docs/inspector-page.md).');
    }
    console.log(`[auth] ${config.mode === 'local' ? 'local identity mode (AUTH_MODE=local, no Clerk account)' : 'Clerk'}`);
  } catch (error) {
    if (!(error instanceof AuthConfigError)) throw error;
    console.error(`\n[auth] ${error.message}\n`);
    process.exit(1);
  }
}
