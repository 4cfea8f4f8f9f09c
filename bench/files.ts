/**
 * (i) Photos: the app server's memory while 20 phones upload 10 MB photos at
 * once, and the latency of the confirm step (HEAD + first bytes + checks +
 * row update). Side by side: the presigned POST we built (bytes go phone →
 * S3, the server only signs and confirms) against a server that receives the
 * bytes itself and forwards them (the design we did not build).
 * RSS is read from /proc for the server's process tree every 20 ms.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createDatabase } from '@/db/client';
import { inspections, organizations, projects } from '@/db/schema';
import { withTenantOn } from '@/db/tenant';
import { startLocalS3 } from '@/scripts/lib/local-s3';
import { summarize, type Summary } from './lib/stats';

export interface FilesResult {
  phones: number;
  photoMiB: number;
  rounds: number;
  /** RSS growth (peak − idle) of the server's process tree, MiB. */
  direct: { rssGrowthMiB: number; seconds: number };
  proxied: { rssGrowthMiB: number; seconds: number };
  confirmMs: Summary;
}

function treeRssKiB(root: number): number {
  const kids = new Map<number, number[]>();
  let total = 0;
  for (const n of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(n)) continue;
    try {
      const s = fs.readFileSync(`/proc/${n}/stat`, 'utf8');
      const ppid = Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[1]);
      kids.set(ppid, [...(kids.get(ppid) ?? []), Number(n)]);
    } catch {
      // gone
    }
  }
  const walk = (pid: number) => {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += Number(m?.[1] ?? 0);
    } catch {
      return;
    }
    for (const k of kids.get(pid) ?? []) walk(k);
  };
  walk(root);
  return total;
}

/** Peak RSS growth over the idle level while `work` runs. */
async function watchRss(pid: number, work: () => Promise<void>): Promise<{ rssGrowthMiB: number; seconds: number }> {
  const idle: number[] = [];
  for (let i = 0; i < 10; i++) {
    idle.push(treeRssKiB(pid));
    await new Promise((r) => setTimeout(r, 20));
  }
  const base = idle.sort((a, b) => a - b)[5]!;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, treeRssKiB(pid))), 20);
  const t0 = performance.now();
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return { rssGrowthMiB: (peak - base) / 1024, seconds: (performance.now() - t0) / 1000 };
}

export async function measureFiles(o: { root: string; appUrl: string; phones: number; photoMiB: number; rounds: number; log: (s: string) => void }): Promise<FilesResult> {
  const s3 = await startLocalS3({ dir: path.join(o.root, '.data/bench', `s3-${process.pid}`) });
  const org = { orgId: 'org_bench_files', userId: 'user_bench_files' };
  const db = createDatabase(o.appUrl, { max: 1 });
  let child: ChildProcess | undefined;
  try {
    const inspectionId = await withTenantOn(db, org, async (tx) => {
      await tx.insert(organizations).values({ organizationId: org.orgId, name: 'Bench Files', slug: 'bench-files' }).onConflictDoNothing();
      const [p] = await tx.insert(projects).values({ organizationId: org.orgId, name: 'bench photos', createdBy: org.userId }).returning({ id: projects.id });
      const [i] = await tx.insert(inspections).values({ organizationId: org.orgId, projectId: p!.id, createdBy: org.userId }).returning({ id: inspections.id });
      return i!.id;
    });
    child = spawn(process.execPath, [path.join(o.root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), '--conditions=react-server', path.join(o.root, 'bench', 'files-server.ts')], {
      env: { ...process.env, ...s3.env, DATABASE_URL: o.appUrl, DATABASE_POOL_MAX: '10', NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const port = await new Promise<number>((resolve, reject) => {
      child!.stdout!.on('data', (d: Buffer) => {
        const m = /READY (\d+)/.exec(d.toString());
        if (m) resolve(Number(m[1]));
      });
      child!.on('exit', (c) => reject(new Error(`bench files server exited (${c})`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const q = `org=${org.orgId}&user=${org.userId}&inspection=${inspectionId}`;
    // A JPEG's first bytes, then padding: confirm reads only the head; 10 MB on the wire.
    const head = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
    const photo = Buffer.concat([head, Buffer.alloc(o.photoMiB * 1024 * 1024 - head.length, 7)]);
    const confirmMs: number[] = [];

    const phoneDirect = async () => {
      const ticket = (await (await fetch(`${base}/ticket?${q}&size=${photo.length}`, { method: 'POST' })).json()) as { id: string; upload: { url: string; fields: Record<string, string> } };
      const form = new FormData();
      for (const [k, v] of Object.entries(ticket.upload.fields)) form.append(k, v);
      form.append('file', new Blob([photo]));
      const up = await fetch(ticket.upload.url, { method: 'POST', body: form });
      if (up.status !== 204) throw new Error(`upload ${up.status}`);
      const res = await fetch(`${base}/confirm?${q}&id=${ticket.id}`, { method: 'POST' });
      const body = (await res.json()) as { ms?: number; error?: string };
      if (res.status !== 200) throw new Error(`confirm ${res.status} ${body.error}`);
      confirmMs.push(body.ms!);
    };
    const phoneProxied = async () => {
      const res = await fetch(`${base}/proxy?${q}&id=${randomUUID()}`, { method: 'POST', body: photo });
      if (res.status !== 200) throw new Error(`proxy ${res.status}`);
      await res.arrayBuffer();
    };

    await phoneDirect(); // warm-up: connections, JIT
    confirmMs.length = 0;
    const rounds = (phone: () => Promise<void>) => async () => {
      for (let r = 0; r < o.rounds; r++) await Promise.all(Array.from({ length: o.phones }, phone));
    };
    o.log(`(i) ${o.phones} phones × ${o.photoMiB} MiB, presigned POST straight to S3…`);
    const direct = await watchRss(child.pid!, rounds(phoneDirect));
    await new Promise((r) => setTimeout(r, 1000));
    o.log(`(i) the same through the server (bytes via Node)…`);
    const proxied = await watchRss(child.pid!, rounds(phoneProxied));
    return { phones: o.phones, photoMiB: o.photoMiB, rounds: o.rounds, direct, proxied, confirmMs: summarize(confirmMs) };
  } finally {
    child?.kill('SIGTERM');
    await db.$pool.end({ timeout: 1 });
    await s3.stop();
    fs.rmSync(path.join(o.root, '.data/bench', `s3-${process.pid}`), { recursive: true, force: true });
  }
}
