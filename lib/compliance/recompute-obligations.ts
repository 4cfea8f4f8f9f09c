import 'server-only';
import { drainTouched } from '@/db/obligations-touched';
import {
  activeProjectIds,
  complianceKnobs,
  completedInspectionsOf,
  correctiveActionsOf,
  lockProjectObligations,
  obligationProject,
  projectsOfViolations,
  rainEventsOf,
  replaceProjectObligations,
  type ObligationInsert,
} from '@/db/queries/obligations';
import { siteConditionsOf } from '@/db/queries/site-conditions';
import type { Tx } from '@/db/tenant';
import { isTimeZone } from '@/lib/format/when';
import { countedRain } from './counted-rain';
import { computeObligations, type ComplianceInput, type Obligation } from './engine';
import { localDate } from './engine/calendar';

/** Everything the engine reads for one project; `undefined` when the project is not this tenant's. */
async function obligationInputs(tx: Tx, orgId: string, projectId: string) {
  // Sequential: one transaction is one connection.
  const project = await obligationProject(tx, orgId, projectId);
  if (!project) return undefined;
  const settings = await complianceKnobs(tx, orgId);
  const inspections = await completedInspectionsOf(tx, orgId, projectId);
  const rain = await rainEventsOf(tx, orgId, projectId);
  const actions = await correctiveActionsOf(tx, orgId, projectId);
  const conditions = await siteConditionsOf(tx, orgId, projectId);
  return { project, settings, inspections, rain, actions, conditions };
}

type Inputs = NonNullable<Awaited<ReturnType<typeof obligationInputs>>>;

/** The engine's input from the project's stored records (docs/obligations.md says what maps to what). */
function engineInput(i: Inputs, now: Date): ComplianceInput {
  const zone = [i.project.timeZone, i.settings.timezone].find((z): z is string => !!z && isTimeZone(z)) ?? 'UTC';
  return {
    timeZone: zone,
    now,
    schedule: i.project.schedule,
    sensitiveWater: i.project.sensitiveWater,
    coverageStart: i.project.permitStart ?? localDate(i.project.createdAt, zone),
    rainThresholdInches: i.settings.threshold,
    snowThresholdInches: 3.25,
    // The organization's business calendar (settings) and the project's recorded site conditions.
    business: i.settings.business,
    periods: i.conditions.flatMap((c) => (c.kind !== 'snowmelt' && c.startsOn ? [{ kind: c.kind, start: c.startsOn, end: c.endsOn }] : [])),
    // The gauge on site wins over the provider for the same local day (both rows stay stored).
    storms: countedRain(i.rain, zone).map((r) => ({
      id: r.id,
      startedAt: r.startedAt,
      endedAt: r.endedAt ?? r.startedAt,
      rainInches: Number(r.amount),
    })),
    snowmelts: i.conditions.flatMap((c) =>
      c.kind === 'snowmelt' && c.dischargeAt ? [{ id: c.id, dischargeAt: c.dischargeAt, snowInches: Number(c.snowInches) }] : [],
    ),
    // Completed = submitted or published; the report is complete when the inspector signs it (Part 4.7.1).
    inspections: i.inspections.map((x) => ({ id: x.id, at: x.at, reportCompletedAt: x.signedAt })),
    findings: i.actions.map((a) => ({
      id: a.id,
      kind: a.kind,
      discoveredAt: a.foundAt,
      completedAt: a.fixedAt,
    })),
    noncompliance: [],
  };
}

const ACTION_KINDS = new Set<Obligation['kind']>(['routine_maintenance', 'corrective_action']);

/** One engine obligation as a stored row. */
function toRow(o: Obligation): ObligationInsert {
  const metById = o.metBy?.replace(/:infeasible$/, '') ?? null;
  return {
    kind: o.kind,
    part: o.part,
    reason: o.why,
    sourceId: o.sourceId,
    opensAt: o.opensAt,
    dueAt: o.dueAt,
    metAt: o.metAt,
    metById,
    metByKind: metById ? (ACTION_KINDS.has(o.kind) ? 'corrective_action' : 'inspection') : null,
    metLate: o.status === 'met_late',
  };
}

/**
 * Recompute and store one project's obligations, inside the caller's tenant
 * transaction. Idempotent (the same records give the same rows) and safe when
 * several writes for the project commit at once (a per-project advisory lock).
 * A project that is not active, or not this tenant's, keeps no obligations.
 */
export async function recomputeObligations(tx: Tx, orgId: string, projectId: string, now = new Date()): Promise<number> {
  await lockProjectObligations(tx, orgId, projectId);
  const inputs = await obligationInputs(tx, orgId, projectId);
  const rows = inputs && inputs.project.status === 'active' ? computeObligations(engineInput(inputs, now)).map(toRow) : [];
  await replaceProjectObligations(tx, orgId, projectId, rows);
  return rows.length;
}

/**
 * Recompute every project this transaction's writes touched (recordAudit
 * notes them). The request wrapper calls it after a write's handler and
 * before COMMIT (lib/api/tenant-request.ts); jobs and scripts that write
 * outside it call it themselves. Projects in id order, so two transactions
 * touching the same two projects take their locks in the same order.
 */
export async function recomputeTouchedObligations(tx: Tx, orgId: string, now = new Date()): Promise<string[]> {
  const t = drainTouched(tx);
  if (t.all) return recomputeAllObligations(tx, orgId, now);
  const ids = new Set([...t.projects, ...(await projectsOfViolations(tx, orgId, [...t.violations]))]);
  const sorted = [...ids].sort();
  for (const id of sorted) await recomputeObligations(tx, orgId, id, now);
  return sorted;
}

/**
 * Every active project of the tenant, in keyset pages of ids (id order, as
 * above): after an organization-wide input changed (the rain threshold, the
 * business calendar) and for the seed's backfill. Its cost grows with the
 * tenant — it runs on a settings change, never on a read.
 */
export async function recomputeAllObligations(tx: Tx, orgId: string, now = new Date()): Promise<string[]> {
  const done: string[] = [];
  let after: string | null = null;
  for (;;) {
    const ids = await activeProjectIds(tx, orgId, { after, limit: 500 });
    for (const id of ids) await recomputeObligations(tx, orgId, id, now);
    done.push(...ids);
    if (ids.length < 500) return done;
    after = ids.at(-1)!;
  }
}
