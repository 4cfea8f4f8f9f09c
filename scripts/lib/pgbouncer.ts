/**
 * Debian's PgBouncer in transaction mode in front of a local PostgreSQL, for
 * the tests (tests/setup/global-database.ts), `npm run soak -- --pgbouncer`
 * and the bench: how production runs (README), so the door is tested where a
 * session-level setting would travel to another client. `.ci/run` installs it.
 *
 * Its config and auth file live in a temporary directory of their own; every
 * database of the cluster is reachable under its own name (`* =` fallback).
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface PgBouncer {
  port: number;
  /** `url` (a URL of the PostgreSQL server) pointed at PgBouncer instead. */
  via(url: string): string;
  stop(): Promise<void>;
}

const CANDIDATES = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer', 'pgbouncer'];

function binary(): string | undefined {
  return CANDIDATES.find((b) => spawnSync(b, ['--version'], { stdio: 'ignore' }).status === 0);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

const canConnect = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });

/** PgBouncer refuses to run as root; run it as the OS user PostgreSQL runs as (scripts/lib/embedded-postgres.ts). */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** Quoted for PgBouncer's auth file: `"name" "password"`, a `"` doubled. */
const quoted = (s: string) => `"${s.replaceAll('"', '""')}"`;

export async function startPgBouncer(opts: {
  /** The PostgreSQL server's port on 127.0.0.1. */
  serverPort: number;
  /** Login roles and their passwords (from the server's URLs). */
  users: Record<string, string>;
  /** Server connections per database and role: small, so clients share them. */
  poolSize?: number;
}): Promise<PgBouncer> {
  const bin = binary();
  if (!bin) throw new Error('pgbouncer is not installed: `apt-get install pgbouncer` (.ci/run does it).');
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brave-pgbouncer-'));
  const owner = runAs();
  fs.writeFileSync(
    path.join(dir, 'userlist.txt'),
    Object.entries(opts.users)
      .map(([u, p]) => `${quoted(u)} ${quoted(p)}`)
      .join('\n') + '\n',
    { mode: 0o600 },
  );
  fs.writeFileSync(
    path.join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=127.0.0.1 port=${opts.serverPort}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      "unix_socket_dir = ''",
      'pool_mode = transaction',
      `default_pool_size = ${opts.poolSize ?? 4}`,
      'max_client_conn = 1000',
      'auth_type = scram-sha-256',
      `auth_file = ${path.join(dir, 'userlist.txt')}`,
      // postgres.js sends no other startup parameters PgBouncer doesn't know.
      'ignore_startup_parameters = extra_float_digits',
      'log_connections = 0',
      'log_disconnections = 0',
      '',
    ].join('\n'),
  );
  if (owner) {
    for (const f of ['', 'userlist.txt', 'pgbouncer.ini']) fs.chownSync(path.join(dir, f), owner.uid, owner.gid);
  }
  const child: ChildProcess = spawn(bin, [path.join(dir, 'pgbouncer.ini')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    ...(owner ?? {}),
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const began = Date.now();
  while (!(await canConnect(port))) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited with ${child.exitCode}: ${stderr}`);
    if (Date.now() - began > 10_000) throw new Error(`pgbouncer did not listen within 10 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return {
    port,
    via: (url) => Object.assign(new URL(url), { hostname: '127.0.0.1', port: String(port) }).toString(),
    async stop() {
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(() => child.kill('SIGKILL'), 3_000);
          child.once('exit', () => (clearTimeout(t), resolve()));
          child.kill('SIGINT');
        });
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
