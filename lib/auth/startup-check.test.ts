/**
 * Startup refusals (lib/auth/config.ts through checkAuthAtStartup, which
 * instrumentation.ts runs once per server): the process exits with a message
 * saying what to set instead of serving with a check silently off.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const CLERK = {
  AUTH_MODE: 'clerk',
  NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: `pk_live_${Buffer.from('clerk.brave.example$').toString('base64')}`,
  CLERK_SECRET_KEY: 'sk_live_startup_test',
  IP_HASH_SECRET: 'x'.repeat(40),
};
const KEYS = ['IP_HASH_SECRET', 'AUTH_MODE', 'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY', 'CLERK_SECRET_KEY', 'APP_ORIGINS', 'CLERK_JWT_KEY', 'LOCAL_AUTH_KEY_FILE'];
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));

async function start(env: Record<string, string>) {
  for (const k of KEYS) delete process.env[k];
  Object.assign(process.env, env);
  vi.resetModules(); // lib/env and the cached config must read this env
  const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
  const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const { checkAuthAtStartup } = await import('./startup-check');
  checkAuthAtStartup();
  return { exited: exit.mock.calls.length > 0, message: error.mock.calls.flat().join(' ') };
}

beforeEach(() => vi.restoreAllMocks());
afterEach(() => {
  vi.restoreAllMocks();
  for (const k of KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

describe('Clerk mode refuses to start without APP_ORIGINS', () => {
  it('unset: exits, naming the variable and an example', async () => {
    const r = await start(CLERK);
    expect(r.exited).toBe(true);
    expect(r.message).toMatch(/APP_ORIGINS/);
    expect(r.message).toMatch(/APP_ORIGINS=https:\/\/app\.example\.com/);
  });

  it('blank or only commas: the same refusal', async () => {
    for (const value of [' ', ' , ']) {
      const r = await start({ ...CLERK, APP_ORIGINS: value });
      expect(r.exited, JSON.stringify(value)).toBe(true);
      expect(r.message).toMatch(/APP_ORIGINS/);
    }
  });

  it('not an origin: a clear refusal, not a stack trace', async () => {
    const r = await start({ ...CLERK, APP_ORIGINS: 'app.example.com' });
    expect(r.exited).toBe(true);
    expect(r.message).toMatch(/APP_ORIGINS.*app\.example\.com/);
  });

  // Negative control: the refusal is about APP_ORIGINS, not Clerk mode as such.
  it('set: starts', async () => {
    const r = await start({ ...CLERK, APP_ORIGINS: 'https://app.example.com, https://admin.example.com' });
    expect(r.exited).toBe(false);
    expect(r.message).toBe('');
  });

  it('Clerk mode without IP_HASH_SECRET: exits, naming it (control: the "set: starts" case above has it)', async () => {
    const { IP_HASH_SECRET: _unset, ...withoutSecret } = CLERK;
    const r = await start({ ...withoutSecret, APP_ORIGINS: 'https://app.example.com' });
    expect(r.exited).toBe(true);
    expect(r.message).toMatch(/IP_HASH_SECRET is not set/);
  });

  it('local mode needs no APP_ORIGINS (the request’s own origin is the azp)', async () => {
    const r = await start({
      AUTH_MODE: 'local',
      CLERK_JWT_KEY: 'unused-here',
      LOCAL_AUTH_KEY_FILE: '/dev/null',
      CLERK_SECRET_KEY: 'sk_live_local',
      NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: (await import('./local-keys')).LOCAL_PUBLISHABLE_KEY,
    });
    expect(r.exited).toBe(false);
  });
});
