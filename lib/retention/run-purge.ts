import 'server-only';
import { recordAudit } from '@/db/queries/audit';
import { insertPurgeReport, type PurgeReport } from '@/db/queries/retention';
import { deleteIncident, projectObjectKeys, purgeFacts, purgeProject } from '@/db/retention-purge';
import { withTenant } from '@/db/tenant';
import { JOB_USER } from '@/lib/jobs/queues';
import { deleteTenantKeys } from '@/lib/storage/delete-prefix';
import { planPurge, type PurgePlan } from './plan-purge';

export interface PurgeOptions {
  dryRun?: boolean;
  now?: Date;
  /** Who ran it (the job, or an owner's dry run from the retention page). */
  userId?: string;
  /** The tests plant a wrong planner here to show the database refuses what it plans (drizzle/0044). */
  planner?: typeof planPurge;
}

/**
 * One organization's retention purge (docs/retention.md). Runs as the job user through
 * withTenant for that org: RLS confines every statement to it. The plan comes from the pure
 * planner (lib/retention/plan-purge.ts); each project then goes in its own transaction — marked
 * purging (the database re-checks retention and holds, drizzle/0044), its rows walked from the
 * catalog, its S3 objects deleted before the commit (if S3 fails, the rows stay and the job
 * retries). OSHA incidents past their own retention go one by one. Each removal is audited,
 * and the run ends with a stored report (a dry run stores one too and removes nothing).
 */
export async function runRetentionPurge(orgId: string, opts: PurgeOptions = {}): Promise<PurgeReport> {
  const now = opts.now ?? new Date();
  const actor = { orgId, userId: opts.userId ?? JOB_USER };
  const plan: PurgePlan = await withTenant(actor, async (tx) => {
    const facts = await purgeFacts(tx, orgId);
    return (opts.planner ?? planPurge)({ now, ...facts });
  });

  const counts: Record<string, number> = {};
  const add = (c: Record<string, number>) => {
    for (const [t, n] of Object.entries(c)) counts[t] = (counts[t] ?? 0) + n;
  };
  let objects = 0;
  if (!opts.dryRun) {
    for (const i of plan.incidents) {
      await withTenant(actor, async (tx) => {
        if (!(await deleteIncident(tx, orgId, i.id))) return;
        add({ incidents: 1 });
        await recordAudit(tx, actor, { action: 'purge', entityType: 'incident', entityId: i.id, before: { projectId: i.projectId, retainUntil: i.retainUntil }, after: null });
      });
    }
    for (const p of plan.projects) {
      await withTenant(actor, async (tx) => {
        const keys = await projectObjectKeys(tx, orgId, p.id);
        const removed = await purgeProject(tx, orgId, p.id);
        if (!removed) return;
        objects += await deleteTenantKeys(orgId, keys);
        add(removed);
        await recordAudit(tx, actor, { action: 'purge', entityType: 'project', entityId: p.id, before: { name: p.name, retainUntil: p.retainUntil, rows: removed }, after: null });
      });
    }
  }

  return withTenant(actor, async (tx) => {
    const report = await insertPurgeReport(tx, actor, {
      dryRun: !!opts.dryRun,
      counts,
      removed: { projects: plan.projects, incidents: plan.incidents, objects, kept: plan.kept },
    });
    await recordAudit(tx, actor, {
      action: 'purge',
      entityType: 'purge_report',
      entityId: report.id,
      after: { dryRun: report.dryRun, counts, projects: plan.projects.length, incidents: plan.incidents.length, objects },
    });
    return report;
  });
}
