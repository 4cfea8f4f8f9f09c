/**
 * Runs once when a server starts. A server with neither Clerk keys nor
 * AUTH_MODE=local refuses to start, with instructions, instead of answering
 * 500 to every request (lib/auth/config.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkAuthAtStartup } = await import('@/lib/auth/startup-check');
    checkAuthAtStartup();
  }
}
