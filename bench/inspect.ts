/**
 * (g) The public QR page next to /api/health, loaded side by side in the
 * same `next start`: p50 ratio with 50 published inspections on the project,
 * plus the three wrong-token answers (unknown, revoked, expired), whose p50s
 * should match each other (they do the same work: lib/inspect/open-site.ts).
 */
import { randomBytes } from 'node:crypto';
import { createDatabase } from '@/db/client';
import * as s from '@/db/schema';
import { withTenantOn } from '@/db/tenant';
import { newInspectorToken } from '@/lib/inspect/token';
import { alternate, type CpuMeters, type LoadResult } from './lib/load';

export interface InspectResult {
  inspections: number;
  page: LoadResult;
  health: LoadResult;
  misses: { unknown: LoadResult; revoked: LoadResult; expired: LoadResult };
  /** page p50 / health p50 */
  p50: number;
  /** slowest / fastest p50 of the three wrong-token kinds (1.00× = indistinguishable at p50) */
  missSpread: number;
}

const INSPECTIONS = 50;

/** A fresh org per run with one project, 50 published inspections (with BMP rows and a violation each), three links. */
async function seedSite(appUrl: string) {
  const db = createDatabase(appUrl, { max: 1 });
  const orgId = `org_bench_inspect_${randomBytes(4).toString('hex')}`;
  const tokens = { live: newInspectorToken(), revoked: newInspectorToken(), expired: newInspectorToken() };
  try {
    await withTenantOn(db, { orgId, userId: 'user_bench' }, async (tx) => {
      await tx
        .insert(s.organizations)
        .values({ organizationId: orgId, name: 'Bench Site Works', slug: orgId.toLowerCase() });
      await tx.insert(s.complianceSettings).values({ organizationId: orgId });
      await tx
        .insert(s.bmpCategories)
        .values({ organizationId: orgId, key: 'sediment_control', name: 'Sediment control' });
      const [type] = await tx
        .insert(s.violationTypes)
        .values({ organizationId: orgId, key: 'sediment', name: 'Sediment discharge' })
        .returning();
      const [project] = await tx
        .insert(s.projects)
        .values({
          organizationId: orgId,
          name: 'Bench Riverside',
          npdesPermitId: 'TXR15BENCH',
          permitStart: '2026-01-01',
          noticeContactName: 'Pat Lee',
          noticeContactPhone: '512 555 0100',
          createdBy: 'user_bench',
        })
        .returning();
      const rows = await tx
        .insert(s.inspections)
        .values(
          Array.from({ length: INSPECTIONS }, (_, i) => ({
            organizationId: orgId,
            projectId: project!.id,
            status: 'published' as const,
            inspectedAt: new Date(Date.now() - (i + 1) * 7 * 86_400_000),
            inspectorName: 'Ines Ibarra',
            inspectorTitle: 'Qualified inspector',
            bmpResults: Array.from({ length: 8 }, (_, k) => ({
              bmpCategoryKey: 'sediment_control',
              item: `Item ${k}`,
              result: k % 5 ? 'pass' : 'fail',
              note: k % 5 ? '' : 'Repair',
            })),
            findings: `Week ${i + 1}: silt fence intact; inlet protection cleaned.`,
            signatureName: 'Ines Ibarra',
            signedAt: new Date(Date.now() - (i + 1) * 7 * 86_400_000 + 3_600_000),
            createdBy: 'user_bench',
          })),
        )
        .returning({ id: s.inspections.id });
      const violations = await tx
        .insert(s.violations)
        .values(
          rows.map((r) => ({
            organizationId: orgId,
            projectId: project!.id,
            inspectionId: r.id,
            violationTypeId: type!.id,
            description: 'Fence down',
            deadline: new Date(),
            foundBy: 'user_bench',
          })),
        )
        .returning({ id: s.violations.id });
      await tx.insert(s.correctiveActions).values(
        violations.map((v, i) => ({
          organizationId: orgId,
          violationId: v.id,
          description: 'Re-trench',
          dueAt: new Date(),
          status: i % 2 ? ('fixed' as const) : ('open' as const),
          createdBy: 'user_bench',
        })),
      );
      await tx.insert(s.inspectorLinks).values([
        { organizationId: orgId, projectId: project!.id, tokenHash: tokens.live.tokenHash, createdBy: 'user_bench' },
        {
          organizationId: orgId,
          projectId: project!.id,
          tokenHash: tokens.revoked.tokenHash,
          createdBy: 'user_bench',
          revokedAt: new Date(),
        },
        {
          organizationId: orgId,
          projectId: project!.id,
          tokenHash: tokens.expired.tokenHash,
          createdBy: 'user_bench',
          expiresAt: new Date(Date.now() - 1000),
        },
      ]);
    });
  } finally {
    await db.$pool.end({ timeout: 1 });
  }
  return { live: tokens.live.token, revoked: tokens.revoked.token, expired: tokens.expired.token };
}

export async function measureInspect(o: {
  appUrl: string;
  origin: string;
  load: { connections: number; seconds: number; sliceSeconds: number; warmupSeconds: number };
  meters: CpuMeters;
}): Promise<InspectResult> {
  const t = await seedSite(o.appUrl);
  const page = (token: string) => `${o.origin}/inspect/${token}`;
  const [p, health, unknown, revoked, expired] = await alternate(
    [
      { name: `GET /inspect/<token> (${INSPECTIONS} published inspections)`, url: page(t.live) },
      { name: 'GET /api/health (no auth, no db)', url: `${o.origin}/api/health` },
      { name: 'GET /inspect/<unknown token> (404)', url: page(newInspectorToken().token), status: 404 },
      { name: 'GET /inspect/<revoked token> (404)', url: page(t.revoked), status: 404 },
      { name: 'GET /inspect/<expired token> (404)', url: page(t.expired), status: 404 },
    ],
    o.load,
    o.meters,
  );
  const p50s = [unknown!, revoked!, expired!].map((r) => r.latency.p50);
  return {
    inspections: INSPECTIONS,
    page: p!,
    health: health!,
    misses: { unknown: unknown!, revoked: revoked!, expired: expired! },
    p50: p!.latency.p50 / health!.latency.p50,
    missSpread: Math.max(...p50s) / Math.min(...p50s),
  };
}
