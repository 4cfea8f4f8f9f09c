import 'server-only';
import { and, count, eq } from 'drizzle-orm';
import { bmpCategories, correctiveActions, projects, violations, violationTypes } from './schema';
import type { Tx } from './tenant';
import { advanceCorrectiveAction, createCorrectiveAction } from './queries/corrective-actions';
import { createViolation, updateViolation } from './queries/violations';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

/**
 * Demo violations and corrective actions, so the dashboard and the violation
 * pages have something to show. Written through the query layer, so each step
 * has its audit row (stamped with the seed's time: the log is never backdated).
 * Both orgs get the same story with different details; Bolt has verified
 * the Hillcrest fix that Acme has not. Idempotent: skipped once an org has violations.
 */
export async function seedViolations(
  tx: Tx,
  org: { id: string; slug: string },
  people: { inspector: string; crew: string; owner: string },
) {
  const [existing] = await tx.select({ n: count() }).from(violations).where(eq(violations.organizationId, org.id));
  if ((existing?.n ?? 0) > 0) return;

  const projectIds = new Map(
    (
      await tx
        .select({ id: projects.id, name: projects.name })
        .from(projects)
        .where(eq(projects.organizationId, org.id))
    ).map((p) => [p.name, p.id]),
  );
  const typeId = async (key: string) =>
    (
      await tx
        .select({ id: violationTypes.id })
        .from(violationTypes)
        .where(and(eq(violationTypes.organizationId, org.id), eq(violationTypes.key, key)))
    )[0]?.id;
  const bmpId = async (key: string) =>
    (
      await tx
        .select({ id: bmpCategories.id })
        .from(bmpCategories)
        .where(and(eq(bmpCategories.organizationId, org.id), eq(bmpCategories.key, key)))
    )[0]?.id;
  const inspector = { orgId: org.id, userId: people.inspector };
  const crew = { orgId: org.id, userId: people.crew };
  const acme = org.slug === 'acme';

  const stories = [
    {
      project: 'Riverside Apartments',
      type: 'bmp_not_maintained',
      bmp: 'sediment_control',
      description: 'Silt fence undercut and sagging along the north swale; sediment past the fence line.',
      location: acme ? 'North swale, station 3+50' : 'North swale, station 2+10',
      found: 10,
      deadline: -3,
      status: ['in_progress'] as const,
      action: {
        description: 'Re-trench and backfill the silt fence; remove sediment on the downslope side.',
        age: 9,
        due: -2,
        steps: ['in_progress'] as const,
      },
    },
    {
      project: 'Hillcrest Retail Center',
      type: 'sediment_discharge',
      bmp: 'sediment_control',
      description: 'Sediment tracked onto Hill St from the construction entrance after the storm.',
      location: acme ? 'Main gate, Hill St' : 'East gate, Hill St',
      found: 1,
      deadline: 1,
      status: acme ? ([] as const) : (['fixed', 'verified'] as const),
      action: {
        description: 'Sweep the street, add rock to the construction entrance.',
        age: 1,
        due: 1,
        steps: acme ? ([] as const) : (['in_progress', 'fixed', 'verified'] as const),
      },
    },
    {
      project: 'Oak Park School Expansion',
      type: 'housekeeping',
      bmp: 'good_housekeeping',
      description: 'Concrete washout at capacity and leaking at the liner seam.',
      location: acme ? 'Washout by the east lot' : 'Washout by the west lot',
      found: 20,
      deadline: 13,
      status: ['in_progress', 'fixed'] as const,
      action: {
        description: 'Pump out the washout and replace the liner.',
        age: 19,
        due: 14,
        steps: ['in_progress', 'fixed'] as const,
      },
    },
    {
      project: 'Oak Park School Expansion',
      type: 'osha_ppe',
      bmp: null,
      description: 'Two workers on the framing crew without hard hats.',
      location: acme ? 'Building B framing' : 'Building A framing',
      found: 4,
      deadline: -3,
      status: [] as const,
      action: {
        description: 'Toolbox talk on PPE; hard hats stocked at the gate.',
        age: 4,
        due: -1,
        steps: [] as const,
      },
    },
  ];

  for (const s of stories) {
    const projectId = projectIds.get(s.project);
    const violationTypeId = await typeId(s.type);
    if (!projectId || !violationTypeId) continue;
    const v = await createViolation(tx, inspector, {
      projectId,
      violationTypeId,
      bmpCategoryId: s.bmp ? ((await bmpId(s.bmp)) ?? null) : null,
      description: s.description,
      location: s.location,
      foundAt: daysAgo(s.found),
      deadline: new Date(Date.now() + s.deadline * DAY),
    });
    if (!v) continue;
    const ca = await createCorrectiveAction(tx, inspector, {
      violationId: v.id,
      description: s.action.description,
      assignedTo: people.crew,
      dueAt: new Date(Date.now() + s.action.due * DAY),
    });
    if (!ca) continue;
    // Its age drives the dashboard's "open corrective actions by age" chart.
    await tx
      .update(correctiveActions)
      .set({ createdAt: daysAgo(s.action.age) })
      .where(and(eq(correctiveActions.organizationId, org.id), eq(correctiveActions.id, ca.id)));
    for (const step of s.action.steps)
      await advanceCorrectiveAction(tx, step === 'verified' ? inspector : crew, ca.id, step);
    for (const status of s.status) await updateViolation(tx, inspector, v.id, { status });
  }
}
