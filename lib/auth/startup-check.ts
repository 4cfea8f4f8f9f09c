import { authConfig, AuthConfigError } from './config';

/** Node-only part of instrumentation.ts: refuse to start without an auth mode. */
export function checkAuthAtStartup() {
  try {
    const config = authConfig();
    console.log(`[auth] ${config.mode === 'local' ? 'local identity mode (AUTH_MODE=local, no Clerk account)' : 'Clerk'}`);
  } catch (error) {
    if (!(error instanceof AuthConfigError)) throw error;
    console.error(`\n[auth] ${error.message}\n`);
    process.exit(1);
  }
}
