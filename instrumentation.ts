/**
 * Runs once when a server starts. A server with neither Clerk keys nor
 * AUTH_MODE=local refuses to start, with instructions, instead of answering
 * 500 to every request (lib/auth/config.ts). In the embedded default
 * (JOBS_IN_PROCESS=true, set by scripts/dev.ts) the background worker runs
 * here too; production runs `npm run worker` instead.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkAuthAtStartup } = await import('@/lib/auth/startup-check');
    checkAuthAtStartup();
    const { env } = await import('@/lib/env');
    if (env.JOBS_IN_PROCESS === 'true' && env.DATABASE_URL) {
      const { startWorker } = await import('@/lib/jobs/worker');
      await startWorker(env.DATABASE_URL, { pollingIntervalSeconds: 1 });
    }
  }
}
