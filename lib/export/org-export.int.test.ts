/**
 * The organization export (docs/export.md) through the real action, job, routes and S3. The
 * oracle is independent of the code under test: a superuser count per catalog table, a raw S3
 * listing, and the zip read back by the `unzip` binary.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDatabase } from '@/tests/support/database';
import { seedTenant, type TenantGraph } from '@/tests/support/factories';
import { plantObject } from '@/tests/support/storage';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': '198.51.100.9', 'user-agent': 'vitest' }) }));

const { actAs } = await import('@/tests/support/auth-mock');
const { startExportAction } = await import('@/app/(app)/export/actions/start-export');
const fileRoute = await import('@/app/api/v1/exports/[id]/file/route');
const statusRoute = await import('@/app/api/v1/exports/[id]/route');
const { STEP_UP_MESSAGE } = await import('@/lib/actions/tenant-action');
const { runOrganizationExport } = await import('./run-export');
const { exportKey } = await import('./storage');
const { EXPORT_INTERRUPTED_MESSAGE, EXPORT_RUNNING_MESSAGE } = await import('./policy');
const { storage } = await import('@/lib/storage/client');

const su = testDatabase.sql('superuser');
const ROOT = path.resolve(import.meta.dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'export-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const FORMULA = '=HYPERLINK("http://evil.test","x")';
const as = (t: TenantGraph, stepUp: 'fresh' | 'none' | 'stale' = 'fresh', role: 'owner' | 'admin' | 'superintendent' = 'owner') =>
  actAs({ userId: t.userId, orgId: t.orgId, role, stepUp });
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const fileUrl = (id: string) => `http://localhost/api/v1/exports/${id}/file`;

/** Rows of `orgId` in every table of public with an organization_id column, read past RLS. */
async function rowsByTable(orgId: string): Promise<Record<string, number>> {
  const tables = await su<{ name: string }[]>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'organization_id' and not a.attisdropped)`;
  const out: Record<string, number> = {};
  for (const { name } of tables) out[name] = (await su<{ n: number }[]>`select count(*)::int as n from ${su(name)} where organization_id = ${orgId}`)[0]!.n;
  return out;
}

async function objectKeys(prefix: string): Promise<string[]> {
  const { client, bucket } = storage();
  const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  return (page.Contents ?? []).map((o) => o.Key!).sort();
}

async function download(key: string): Promise<string> {
  const { client, bucket } = storage();
  const res = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const file = path.join(tmp, `${randomUUID()}.zip`);
  fs.writeFileSync(file, await res.Body!.transformToByteArray());
  return file;
}
const entries = (zip: string) => execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n').sort();
const entry = (zip: string, name: string) => execFileSync('unzip', ['-p', zip, name], { maxBuffer: 64 * 1024 * 1024 });

const exportsOf = (orgId: string) => su<{ id: string; status: string; error: string | null; object_key: string | null }[]>`
  select id, status, error, object_key from data_exports where organization_id = ${orgId} order by created_at`;
const auditActions = async (orgId: string) => (await su<{ action: string }[]>`select action from audit_log where organization_id = ${orgId} and entity_type = 'data_export'`).map((r) => r.action);

/** A tenant with a row in every tenant table, a formula planted in a cell, and files of each kind. */
async function richTenant(label: string) {
  const t = await seedTenant(label);
  await su`update projects set name = ${FORMULA} where organization_id = ${t.orgId} and id = ${t.keys.projects}`;
  const files = [`tenants/${t.orgId}/photos/${randomUUID()}/site.jpg`, `tenants/${t.orgId}/documents/${randomUUID()}/swppp.pdf`];
  for (const [i, key] of files.entries()) await plantObject(key, new Uint8Array([i, 1, 2, 3, label.length]), 'application/octet-stream', t.orgId);
  // An earlier export's zip: not exported again inside the new one.
  await plantObject(`tenants/${t.orgId}/exports/${randomUUID()}.zip`, new Uint8Array([9]), 'application/zip', t.orgId);
  return { ...t, files };
}

let a: Awaited<ReturnType<typeof richTenant>>;
let b: Awaited<ReturnType<typeof richTenant>>;
beforeAll(async () => {
  a = await richTenant('expa');
  b = await richTenant('expb');
});

describe('starting an export', () => {
  it('is refused without a recent second factor, writing nothing; allowed with one (control)', async () => {
    const before = { exports: await exportsOf(a.orgId), audit: await auditActions(a.orgId) };
    for (const state of ['none', 'stale'] as const) {
      as(a, state);
      expect(await startExportAction(null, new FormData())).toEqual({ ok: false, formError: STEP_UP_MESSAGE, stepUp: true });
    }
    expect({ exports: await exportsOf(a.orgId), audit: await auditActions(a.orgId) }).toEqual(before);
    // Superintendents could export before issue 15; now the permission is owner/admin only.
    as(a, 'fresh', 'superintendent');
    expect(await startExportAction(null, new FormData())).toMatchObject({ ok: false, formError: 'You do not have permission to do that.' });
    expect(await exportsOf(a.orgId)).toEqual(before.exports);
  });

  it('one at a time: a second start is refused while the first is queued', async () => {
    as(a, 'fresh', 'admin');
    const first = await startExportAction(null, new FormData());
    expect(first).toMatchObject({ ok: true });
    expect(await startExportAction(null, new FormData())).toEqual({ ok: false, formError: EXPORT_RUNNING_MESSAGE });
    expect((await exportsOf(a.orgId)).filter((e) => e.status === 'queued')).toHaveLength(1);
    expect(await auditActions(a.orgId)).toContain('request_export');
  });
});

describe('the zip', () => {
  let id = '';
  let zip = '';
  let expected: Record<string, number> = {};
  beforeAll(async () => {
    id = (await exportsOf(a.orgId)).find((e) => e.status === 'queued')!.id;
    // Control of the catalog walk: a tenant table no code knows of, with a row of each org.
    await testDatabase.sql('owner').unsafe(`
      create table public.export_probe_notes (organization_id text not null, id uuid not null default gen_random_uuid(), note text, primary key (organization_id, id));
      create policy tenant_select on public.export_probe_notes for select to brave_app using (organization_id = (select current_setting('app.current_org', true)));
      call brave_admin.secure_tenant_tables();`);
    await su`insert into export_probe_notes (organization_id, note) values (${a.orgId}, 'mine'), (${b.orgId}, 'theirs')`;
    const snapshot = await rowsByTable(a.orgId);
    // The claim writes one audit row before the tables are read; nothing else changes until the zip is done.
    expected = { ...snapshot, audit_log: snapshot.audit_log! + 1 };
    expect(await runOrganizationExport(a.orgId, id, { batchRows: 2 })).toMatchObject({ status: 'succeeded' });
    const [row] = (await exportsOf(a.orgId)).filter((e) => e.id === id);
    expect(row).toMatchObject({ status: 'succeeded', object_key: exportKey(a.orgId, id) });
    zip = await download(row!.object_key!);
  }, 60_000);

  it('holds every row of every tenant table of the org, as JSON and CSV, and no row of another org', () => {
    const bIds = new Set(Object.values(b.keys));
    for (const [table, n] of Object.entries(expected)) {
      const rows = JSON.parse(entry(zip, `tables/${table}.json`).toString('utf8')) as Record<string, unknown>[];
      expect({ table, n: rows.length }).toEqual({ table, n });
      for (const r of rows) {
        expect(r.organization_id).toBe(a.orgId);
        expect(bIds.has(String(r.id))).toBe(false);
      }
      // CSV: a header and one CRLF-terminated record per row (the factories' values hold no line breaks).
      const csv = entry(zip, `tables/${table}.csv`).toString('utf8');
      expect({ table, lines: csv.split('\r\n').filter(Boolean).length }).toEqual({ table, lines: n + 1 });
      expect(csv).not.toContain(b.orgId);
    }
    expect(JSON.parse(entry(zip, 'tables/export_probe_notes.json').toString('utf8'))).toEqual([expect.objectContaining({ organization_id: a.orgId, note: 'mine' })]);
  });

  it('holds every object under the org’s prefix but earlier exports, byte for byte, and none of another org', async () => {
    const names = entries(zip);
    const files = names.filter((n) => n.startsWith('files/'));
    expect(files).toEqual(a.files.map((k) => `files/${k.slice(`tenants/${a.orgId}/`.length)}`).sort());
    for (const key of a.files) {
      const { client, bucket } = storage();
      const stored = await (await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToByteArray();
      expect(new Uint8Array(entry(zip, `files/${key.slice(`tenants/${a.orgId}/`.length)}`))).toEqual(stored);
    }
    expect(names.join('\n')).not.toContain(b.orgId);
    expect(names).toContain('manifest.json');
    expect(JSON.parse(entry(zip, 'manifest.json').toString('utf8'))).toMatchObject({ organizationId: a.orgId, exportId: id, tables: expected, files: 2 });
  });

  it('escapes a formula in the CSV; the JSON keeps the value exactly (control: the planted value reached both)', () => {
    const csv = entry(zip, 'tables/projects.csv').toString('utf8');
    expect(csv).toContain(`'${FORMULA.replace(/"/g, '""')}`);
    expect(csv.split(/[\r\n,]/).some((cell) => /^"?=/.test(cell))).toBe(false);
    const projects = JSON.parse(entry(zip, 'tables/projects.json').toString('utf8')) as { name: string }[];
    expect(projects.map((p) => p.name)).toContain(FORMULA);
  });

  it('is recorded as a bulk-export security event and audited', async () => {
    const events = await su<{ user_id: string; details: { rowCount: number; exportId: string } }[]>`
      select user_id, details from security_events where organization_id = ${a.orgId} and kind = 'BULK_EXPORT'`;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ user_id: a.userId, details: { exportId: id } });
    expect(await auditActions(a.orgId)).toEqual(expect.arrayContaining(['request_export', 'run_export']));
  });

  it('downloads through a short-lived link, audited; another org’s id is a 404; an expired export a 409', async () => {
    as(a);
    const res = await fileRoute.GET(new Request(fileUrl(id)), params(id));
    expect(res.status).toBe(302);
    const location = res.headers.get('location')!;
    expect(location).toContain(encodeURIComponent(exportKey(a.orgId, id)).replace(/%2F/g, '/'));
    expect(location).toMatch(/X-Amz-Expires=300/);
    const body = new Uint8Array(await (await fetch(location)).arrayBuffer());
    expect(body.length).toBe(fs.statSync(zip).size);
    expect(await auditActions(a.orgId)).toContain('download_export');

    as(b);
    expect((await fileRoute.GET(new Request(fileUrl(id)), params(id))).status).toBe(404);
    expect((await statusRoute.GET(new Request(`http://localhost/api/v1/exports/${id}`), params(id))).status).toBe(404);
    // Control: B's own (failed, factory) export is found — and refused, as nothing is downloadable.
    const own = (await exportsOf(b.orgId))[0]!.id;
    expect((await fileRoute.GET(new Request(fileUrl(own)), params(own))).status).toBe(409);

    await su`update data_exports set expires_at = now() - interval '1 minute' where organization_id = ${a.orgId} and id = ${id}`;
    as(a);
    expect((await fileRoute.GET(new Request(fileUrl(id)), params(id))).status).toBe(409);
  });
});

describe('a worker killed mid-export', () => {
  it('leaves no zip, nothing downloadable, and a failed export with a clear message', async () => {
    as(b);
    const started = await startExportAction(null, new FormData());
    expect(started.ok).toBe(true);
    const id = (started as { data: { id: string } }).data.id;
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', path.join(ROOT, 'scripts/export-run.ts'), b.orgId, id, '--pause-after-table', 'inspections'],
      { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const lines = createInterface({ input: child.stdout! });
    for await (const line of lines) if (line.includes('"paused"')) break;
    child.kill('SIGKILL');
    await once(child, 'exit');
    const [row] = (await exportsOf(b.orgId)).filter((e) => e.id === id);
    expect(row).toMatchObject({ status: 'running', object_key: null });
    // Part of the zip was uploaded as multipart parts: no object exists until an upload completes.
    expect(await objectKeys(`tenants/${b.orgId}/exports/${id}`)).toEqual([]);
    expect((await fileRoute.GET(new Request(fileUrl(id)), params(id))).status).toBe(409);

    // Control: while its heartbeat is fresh the export counts as running: a new one is refused.
    expect(await startExportAction(null, new FormData())).toEqual({ ok: false, formError: EXPORT_RUNNING_MESSAGE });
    expect(await (await statusRoute.GET(new Request(`http://localhost/api/v1/exports/${id}`), params(id))).json()).toMatchObject({ state: 'running' });

    // Minutes pass without a heartbeat: shown failed at once, and failed in the database by the next start.
    await su`update data_exports set heartbeat_at = now() - interval '3 minutes' where organization_id = ${b.orgId} and id = ${id}`;
    expect(await (await statusRoute.GET(new Request(`http://localhost/api/v1/exports/${id}`), params(id))).json()).toMatchObject({
      state: 'failed',
      error: EXPORT_INTERRUPTED_MESSAGE,
      downloadHref: null,
    });
    expect((await fileRoute.GET(new Request(fileUrl(id)), params(id))).status).toBe(409);
    const again = await startExportAction(null, new FormData());
    expect(again.ok).toBe(true);
    const rows = await exportsOf(b.orgId);
    expect(rows.find((e) => e.id === id)).toMatchObject({ status: 'failed', error: EXPORT_INTERRUPTED_MESSAGE, object_key: null });
    // pg-boss's retry of the killed job finds it failed and does nothing; the new one runs to the end.
    expect(await runOrganizationExport(b.orgId, id)).toEqual({ status: 'not_queued' });
    const next = (again as { data: { id: string } }).data.id;
    expect(await runOrganizationExport(b.orgId, next)).toMatchObject({ status: 'succeeded' });
    expect(await objectKeys(`tenants/${b.orgId}/exports/`)).toContain(exportKey(b.orgId, next));
  }, 120_000);

  it('a retried job that finds its export still running fails it with the message (it can’t resume mid-zip)', async () => {
    const [row] = await su<{ id: string }[]>`
      insert into data_exports (organization_id, status, requested_by, started_at, heartbeat_at)
      values (${a.orgId}, 'running', ${a.userId}, now(), now()) returning id`;
    expect(await runOrganizationExport(a.orgId, row!.id)).toEqual({ status: 'interrupted' });
    expect((await exportsOf(a.orgId)).find((e) => e.id === row!.id)).toMatchObject({ status: 'failed', error: EXPORT_INTERRUPTED_MESSAGE });
  });
});
