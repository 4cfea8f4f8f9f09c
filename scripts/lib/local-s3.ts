/**
 * Starts the embedded S3 default (s3rver, data under a folder of .data/) in a
 * child process and returns the env the app needs to reach it. Used by
 * `npm run dev`, the e2e server, the test setup and the bench.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const LOCAL_S3_BUCKET = 'brave-local';
/** s3rver's fixed credentials; it accepts any signature anyway. */
const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface LocalS3 {
  port: number;
  endpoint: string;
  /** The S3_* variables lib/env.ts reads. */
  env: Record<string, string>;
  stop(): Promise<void>;
  /** Start again on the same port and folder (the fault harness). */
  restart(): Promise<void>;
}

const SCRIPT = path.join(import.meta.dirname, 's3-server.cjs');

function launch(dir: string, port: number, origins: string[]): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--openssl-legacy-provider', SCRIPT, dir, String(port), LOCAL_S3_BUCKET, origins.join(',')], {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      const m = /READY (\d+)/.exec(d.toString());
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.on('exit', (code) => reject(new Error(`s3rver exited (${code}): ${err.trim()}`)));
  });
}

export async function startLocalS3(opts: { dir: string; port?: number; origins?: string[] }): Promise<LocalS3> {
  fs.mkdirSync(opts.dir, { recursive: true });
  const origins = opts.origins ?? ['*'];
  const started = await launch(opts.dir, opts.port ?? 0, origins);
  const port = started.port;
  let child = started.child;
  const endpoint = `http://127.0.0.1:${port}`;
  const stopChild = (c: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (c.exitCode !== null) return resolve();
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
    });
  return {
    port,
    endpoint,
    env: {
      S3_BUCKET: LOCAL_S3_BUCKET,
      S3_REGION: 'us-east-1',
      S3_ENDPOINT: endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      // s3rver keeps no encryption; real buckets get SSE (S3_SSE default AES256).
      S3_SSE: 'none',
    },
    stop: () => stopChild(child),
    async restart() {
      ({ child } = await launch(opts.dir, port, origins));
    },
  };
}
