/**
 * Runs once when a server starts. A server with neither Clerk keys nor
 * AUTH_MODE=local refuses to start, with instructions, instead of answering
 * 500 to every request (lib/auth/config.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { authConfig, AuthConfigError } = await import('@/lib/auth/config');
  try {
    const config = authConfig();
    console.log(`[auth] ${config.mode === 'local' ? 'local identity mode (AUTH_MODE=local, no Clerk account)' : 'Clerk'}`);
  } catch (error) {
    if (!(error instanceof AuthConfigError)) throw error;
    console.error(`\n[auth] ${error.message}\n`);
    process.exit(1);
  }
}
