/**
 * GET /api/v1/projects/:id/inspector-packet against the real database and the local S3: the zip
 * is read back entry by entry (tests/support/read-zip.ts) and checked against the seeded rows,
 * the manifest's digests recomputed over the bytes. Another org's project id: 404 and nothing
 * audited; a role without the permission: 403; nothing of the other org in any file.
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog, correctiveActions, documents, inspections } from '@/db/schema';
import { withTenant } from '@/db/tenant';
import { seedTenant, type TenantGraph } from '@/tests/support/factories';
import { readZip } from '@/tests/support/read-zip';
import { plantObject } from '@/tests/support/storage';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));

const { actAs } = await import('@/tests/support/auth-mock');
const { GET } = await import('@/app/api/v1/projects/[id]/inspector-packet/route');

const packet = (id: string) => GET(new Request(`http://app.test/api/v1/projects/${id}/inspector-packet`), { params: Promise.resolve({ id }) });
const DIGEST = 'a1'.repeat(32);
const SWPPP = Buffer.from('%PDF-1.4 the SWPPP, version 1');

let a: TenantGraph;
let b: TenantGraph;

async function prepare(t: TenantGraph) {
  await withTenant({ orgId: t.orgId, userId: t.userId }, async (tx) => {
    await tx
      .update(inspections)
      .set({ signedAt: new Date('2026-03-02T15:00:00Z'), signedBy: t.userId, signatureName: 'Pat Inspector', signatureStatement: 'I certify.', inspectedAt: new Date('2026-03-02T14:00:00Z'), recordSha256: DIGEST, status: 'submitted' })
      .where(and(eq(inspections.organizationId, t.orgId), eq(inspections.id, t.keys.inspections)));
    await tx.update(documents).set({ kind: 'swppp', status: 'stored', version: 1, storedAt: new Date() }).where(and(eq(documents.organizationId, t.orgId), eq(documents.id, t.keys.documents)));
    await tx.update(correctiveActions).set({ description: '=HYPERLINK("http://evil.test","fix")' }).where(and(eq(correctiveActions.organizationId, t.orgId), eq(correctiveActions.id, t.keys.corrective_actions)));
  });
  await plantObject(`tenants/${t.orgId}/documents/${t.keys.documents}/swppp.pdf`, SWPPP, 'application/pdf', t.orgId);
}

beforeAll(async () => {
  a = await seedTenant('packet-a');
  b = await seedTenant('packet-b');
  await prepare(a);
  await prepare(b);
});

const packetAudits = (t: TenantGraph, projectId: string) =>
  withTenant({ orgId: t.orgId, userId: t.userId }, (tx) =>
    tx.select().from(auditLog).where(and(eq(auditLog.organizationId, t.orgId), eq(auditLog.entityType, 'inspector_packet'), eq(auditLog.entityId, projectId))),
  );

describe('inspector packet', () => {
  it('holds every SWPPP version, each signed report, the corrective-action log, the rain data and a manifest of digests', async () => {
    actAs({ userId: a.userId, orgId: a.orgId, role: 'inspector' });
    const res = await packet(a.keys.projects);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const files = readZip(Buffer.from(await res.arrayBuffer()));
    const names = [...files.keys()];
    expect(names[0]).toBe('README.txt');
    expect(names.at(-1)).toBe('MANIFEST.json');
    expect(names).toContain('swppp/v1-swppp.pdf');
    expect(files.get('swppp/v1-swppp.pdf')).toEqual(SWPPP);
    const reports = names.filter((n) => n.startsWith('reports/'));
    expect(reports).toEqual([`reports/2026-03-02-routine-${a.keys.inspections}.pdf`]);
    expect(files.get(reports[0]!)!.subarray(0, 5).toString()).toBe('%PDF-');

    const actions = files.get('corrective-actions.csv')!.toString();
    expect(actions.split('\n')[0]).toBe('violationId,violationType,violationDescription,location,foundAt,deadline,violationStatus,actionId,action,actionStatus,dueAt,startedAt,fixedAt,verifiedAt');
    expect(actions).toContain(a.keys.corrective_actions);
    // A formula typed into a record stays text in a spreadsheet (escape_formulas).
    expect(actions).toContain(`"'=HYPERLINK(""http://evil.test"",""fix"")"`);
    const rain = files.get('rain-data.csv')!.toString();
    expect(rain).toContain(a.keys.rain_events);
    expect(rain).toContain('0.50');

    const manifest = JSON.parse(files.get('MANIFEST.json')!.toString()) as { files: { file: string; sha256: string; recordSha256?: string }[] };
    expect(manifest.files.map((f) => f.file).sort()).toEqual(names.filter((n) => n !== 'README.txt' && n !== 'MANIFEST.json').sort());
    for (const f of manifest.files) expect(f.sha256).toBe(createHash('sha256').update(files.get(f.file)!).digest('hex'));
    expect(manifest.files.find((f) => f.file === reports[0])?.recordSha256).toBe(DIGEST);

    // Nothing of the other org, in any file.
    const everything = [...files.values()].map((v) => v.toString('latin1')).join('\n');
    for (const id of [b.orgId, ...Object.values(b.keys)]) expect(everything).not.toContain(id);

    expect(await packetAudits(a, a.keys.projects)).toHaveLength(1);
  });

  it('another org’s project id is a 404, and nothing is audited in either org', async () => {
    actAs({ userId: a.userId, orgId: a.orgId, role: 'owner' });
    const res = await packet(b.keys.projects);
    expect(res.status).toBe(404);
    expect(await packetAudits(a, b.keys.projects)).toHaveLength(0);
    expect(await packetAudits(b, b.keys.projects)).toHaveLength(0);
  });

  it('crews and viewers may not download it (403)', async () => {
    for (const role of ['crew', 'viewer'] as const) {
      actAs({ userId: a.userId, orgId: a.orgId, role });
      expect((await packet(a.keys.projects)).status).toBe(403);
    }
  });
});
