/**
 * (l) The organization export (docs/export.md) of one big tenant: `rows` rows over its tables
 * and `photos` small photos (4 KiB each) in the local S3, exported by scripts/export-run.ts in
 * a process of its own — the worker's code, unmodified — which reports its wall time and its
 * peak RSS (`process.resourceUsage().maxRSS`). The one figure here with a limit: the worker's
 * peak RSS must stay under 300 MB whatever the tenant's size (issue 14), else the section fails.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import postgres from 'postgres';
import { startLocalS3 } from '@/scripts/lib/local-s3';

export const EXPORT_RSS_LIMIT_MB = 300;

export interface ExportBenchResult {
  status: 'measured' | 'failed';
  rows: number;
  photos: number;
  /** Rows the zip holds (the manifest's count, over every tenant table). */
  exportedRows?: number;
  seedSeconds?: number;
  seconds?: number;
  peakRssMB?: number;
  zipMB?: number;
  pass: boolean;
  note?: string;
}

const ORG = 'org_bench_export';

/** Fast bulk rows as the superuser: projects, inspections on them, and the photo rows of the objects. */
async function seed(superuserUrl: string, rows: number, photos: number): Promise<{ keys: string[] }> {
  const su = postgres(superuserUrl, { max: 1, onnotice: () => {} });
  try {
    await su`delete from organizations where organization_id = ${ORG}`;
    await su`insert into organizations (organization_id, name, slug) values (${ORG}, 'Bench Export', 'bench-export')`;
    // Few projects: each one's name also fills project_search_trigrams (a trigger), which the
    // export counts too; the bulk of the rows are inspections.
    const projects = Math.max(1, Math.min(100, Math.floor(rows / 100)));
    const inspections = Math.max(0, rows - photos - projects);
    await su`insert into projects (organization_id, name, address, created_by)
             select ${ORG}, 'Project ' || g, g || ' Bench Rd, Austin, TX', 'bench' from generate_series(1, ${projects}) g`;
    await su`insert into inspections (organization_id, project_id, created_by, findings)
             select ${ORG}, p.id, 'bench', 'Silt fence intact at station ' || g
             from generate_series(1, ${inspections}) g
             join lateral (select id from projects where organization_id = ${ORG} offset (g % ${projects}) limit 1) p on true`;
    const photoRows = await su<{ key: string }[]>`
      with i as (select id, project_id from inspections where organization_id = ${ORG} limit 1),
           ids as (select gen_random_uuid() as id from generate_series(1, ${photos}))
      insert into photos (organization_id, id, project_id, inspection_id, storage_key, file_name, content_type, size_bytes, status, uploaded_by, stored_at)
      select ${ORG}, ids.id, i.project_id, i.id, 'tenants/' || ${ORG} || '/photos/' || ids.id || '/p.jpg', 'p.jpg', 'image/jpeg', 4096, 'stored', 'bench', now()
      from ids, i returning storage_key as key`;
    return { keys: photoRows.map((r) => r.key) };
  } finally {
    await su.end({ timeout: 1 });
  }
}

export async function measureExport(o: { root: string; appUrl: string; superuserUrl: string; rows: number; photos: number; log: (s: string) => void }): Promise<ExportBenchResult> {
  const s3 = await startLocalS3({ dir: path.join(o.root, '.data/bench', `s3-export-${process.pid}`) });
  const base = { rows: o.rows, photos: o.photos, pass: false };
  try {
    const t0 = performance.now();
    const { keys } = await seed(o.superuserUrl, o.rows, o.photos);
    const client = new S3Client({
      region: s3.env.S3_REGION ?? 'us-east-1',
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: s3.env.S3_ACCESS_KEY_ID ?? 'S3RVER', secretAccessKey: s3.env.S3_SECRET_ACCESS_KEY ?? 'S3RVER' },
    });
    // A JPEG's first bytes and noise (photos don't compress): 4 KiB each.
    const head = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
    for (let i = 0; i < keys.length; i += 16) {
      await Promise.all(
        keys.slice(i, i + 16).map((Key) =>
          client.send(new PutObjectCommand({ Bucket: s3.env.S3_BUCKET!, Key, Body: Buffer.concat([head, randomBytes(4092)]), ContentType: 'image/jpeg', Metadata: { 'organization-id': ORG } })),
        ),
      );
    }
    client.destroy();
    const seedSeconds = (performance.now() - t0) / 1000;
    o.log(`(l) seeded ${o.rows.toLocaleString('en')} rows and ${o.photos.toLocaleString('en')} photos in ${seedSeconds.toFixed(1)} s; exporting in a child process…`);

    const su = postgres(o.superuserUrl, { max: 1, onnotice: () => {} });
    const [row] = await su<{ id: string }[]>`insert into data_exports (organization_id, requested_by) values (${ORG}, 'bench') returning id`;
    await su.end({ timeout: 1 });
    const child = spawn(
      process.execPath,
      [path.join(o.root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), '--conditions=react-server', path.join(o.root, 'scripts', 'export-run.ts'), ORG, row!.id],
      { cwd: o.root, env: { ...process.env, ...s3.env, DATABASE_URL: o.appUrl, NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const line = out.trim().split('\n').at(-1) ?? '';
    if (code !== 0 || !line.startsWith('{')) return { ...base, status: 'failed', seedSeconds, note: `export-run exited ${code}: ${out.slice(-300)}` };
    const r = JSON.parse(line) as { outcome: { status: string; rows?: number; bytes?: number }; ms: number; maxRssKiB: number };
    if (r.outcome.status !== 'succeeded') return { ...base, status: 'failed', seedSeconds, note: `export ${JSON.stringify(r.outcome)}` };
    const peakRssMB = (r.maxRssKiB * 1024) / 1e6;
    return {
      ...base,
      status: 'measured',
      exportedRows: r.outcome.rows,
      seedSeconds,
      seconds: r.ms / 1000,
      peakRssMB,
      zipMB: (r.outcome.bytes ?? 0) / 1e6,
      pass: peakRssMB < EXPORT_RSS_LIMIT_MB,
    };
  } finally {
    await s3.stop();
  }
}
