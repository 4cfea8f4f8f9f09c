import 'server-only';
import { count, eq } from 'drizzle-orm';
import { backfillObligations } from '@/lib/compliance/backfill-obligations';
import { provisionTenantIn } from '@/lib/tenancy/provision';
import { CERTIFICATION_STATEMENT } from '@/lib/inspections/certification';
import { backfillRecordHashes } from '@/lib/inspections/seal-record';
import { inspections, memberships, projects, rainEvents, users } from '@/db/schema';
import { seedOrganizations, seedProjects, seedUsers } from '@/db/seed-data';
import { seedViolations } from '@/db/seed-violations';
import { withIdentityOn, withTenantOn } from '@/db/tenant';

/** A pool, passed in by the caller (scripts, tests): lib/ never imports db/client itself. */
type Database = Parameters<typeof withTenantOn>[0];

/** A published demo inspection is a signed record (CGP Part 4.7), with BMP results a report can print. */
const DEMO_BMP_RESULTS = [
  { bmpCategoryKey: 'sediment_control', item: 'silt_fence', label: 'Silt fence / perimeter controls intact', result: 'pass' },
  { bmpCategoryKey: 'sediment_control', item: 'inlet_protection', label: 'Storm drain inlet protection in place and clean', result: 'fail', note: 'Sediment at the east inlet; cleaned the same day.' },
  { bmpCategoryKey: 'sediment_control', item: 'construction_entrance', label: 'Stabilized construction entrance; no track-out', result: 'pass' },
  { bmpCategoryKey: 'good_housekeeping', item: 'washout', label: 'Concrete washout contained, not overflowing', result: 'na' },
];

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

/**
 * Demo data through the same door the app uses (brave_app, RLS on): users
 * under their own identity, everything else inside its organization.
 * Idempotent: an organization that already has projects is left alone.
 */
export async function seed(db: Database): Promise<{ created: string[] }> {
  const created: string[] = [];
  for (const u of seedUsers) {
    await withIdentityOn(db, u.id, async (tx) => {
      await tx
        .insert(users)
        .values({
          id: u.id,
          email: u.email,
          emailNormalized: u.email.toLowerCase(),
          firstName: u.firstName,
          lastName: u.lastName,
        })
        .onConflictDoNothing();
    });
  }

  for (const org of seedOrganizations) {
    const owner = seedUsers.find((u) => u.memberships.some((m) => m.org === org.slug && m.role === 'owner'))!;
    await withTenantOn(db, { orgId: org.id, userId: owner.id }, async (tx) => {
      // The same provisioning a Clerk organization.created webhook runs (idempotent).
      await provisionTenantIn(tx, { orgId: org.id, name: org.name, slug: org.slug });
      for (const u of seedUsers) {
        for (const m of u.memberships.filter((x) => x.org === org.slug)) {
          await tx
            .insert(memberships)
            .values({ organizationId: org.id, userId: u.id, role: m.role })
            .onConflictDoNothing();
        }
      }
      // Demo rows signed before record_sha256 existed get their digest (lib/inspections/seal-record.ts).
      await backfillRecordHashes(tx, { orgId: org.id, userId: owner.id });
      const [existing] = await tx.select({ n: count() }).from(projects).where(eq(projects.organizationId, org.id));
      if ((existing?.n ?? 0) > 0) return;

      const inspector = seedUsers.find((u) => u.memberships.some((m) => m.org === org.slug && m.role === 'inspector'))!;
      for (const [i, p] of seedProjects.entries()) {
        const [project] = await tx
          .insert(projects)
          .values({
            organizationId: org.id,
            name: p.name,
            address: `${p.address}, ${org.slug === 'acme' ? 'Austin, TX' : 'Dallas, TX'}`,
            npdesPermitId: `${p.npdesPermitId}${org.slug === 'acme' ? 'A' : 'B'}${100 + i}`,
            permitStart: '2026-03-01',
            disturbedAcres: String(4 + i * 3.5),
            receivingWater: p.receivingWater,
            sensitiveWater: p.sensitiveWater,
            inspectionSchedule: p.schedule,
            // Near downtown Austin / Dallas: the weather provider (a local fixture in development) reads these.
            latitude: ((org.slug === 'acme' ? 30.2672 : 32.7767) + i * 0.02).toFixed(5),
            longitude: ((org.slug === 'acme' ? -97.7431 : -96.797) - i * 0.02).toFixed(5),
            // The posted notice's lines (EPA 2022 CGP Part 1.5), so the demo poster is complete.
            noticeContactName: `${owner.firstName} ${owner.lastName}`,
            noticeContactPhone: org.slug === 'acme' ? '(512) 555-0142' : '(214) 555-0177',
            swpppLocation: 'Site trailer at the main gate, weekdays 7 AM to 3 PM',
            createdBy: owner.id,
          })
          .returning();
        await tx.insert(inspections).values([
          {
            organizationId: org.id,
            projectId: project!.id,
            type: 'routine',
            status: 'published',
            inspectedAt: daysAgo(9 + i * 3),
            inspectorUserId: inspector.id,
            inspectorName: `${inspector.firstName} ${inspector.lastName}`,
            inspectorTitle: 'Certified stormwater inspector',
            bmpResults: DEMO_BMP_RESULTS,
            findings: 'Silt fence intact; inlet protection cleaned.',
            rainGaugeInches: '0.35',
            signedBy: inspector.id,
            signedAt: new Date(daysAgo(9 + i * 3).getTime() + 2 * 3_600_000),
            signatureName: `${inspector.firstName} ${inspector.lastName}`,
            signatureTitle: 'Certified stormwater inspector',
            signatureQualifications: 'EPA Construction General Permit inspector training, 2025',
            signatureStatement: CERTIFICATION_STATEMENT,
            createdBy: inspector.id,
          },
          {
            organizationId: org.id,
            projectId: project!.id,
            type: 'storm_event',
            status: 'draft',
            createdBy: inspector.id,
          },
        ]);
        await backfillRecordHashes(tx, { orgId: org.id, userId: inspector.id });
        await tx.insert(rainEvents).values({
          organizationId: org.id,
          projectId: project!.id,
          amountInches: (0.15 + i * 0.3).toFixed(2),
          startedAt: daysAgo(2 + i),
          recordedBy: inspector.id,
        });
      }
      created.push(org.slug);
    });
    const roleUser = (role: string) =>
      seedUsers.find((u) => u.memberships.some((m) => m.org === org.slug && m.role === role))!.id;
    await withTenantOn(db, { orgId: org.id, userId: owner.id }, (tx) =>
      seedViolations(tx, org, { owner: owner.id, inspector: roleUser('inspector'), crew: roleUser('crew') }),
    );
    // Seeded rows are inserted directly (no request wrapper): their obligations are computed here.
    await withTenantOn(db, { orgId: org.id, userId: owner.id }, (tx) => backfillObligations(tx, org.id));
  }
  return { created };
}
