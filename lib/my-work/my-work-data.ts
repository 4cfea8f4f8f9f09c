import 'server-only';
import { orgTimeZone } from '@/db/queries/dashboard';
import {
  correctiveActionsAssignedTo,
  draftInspectionsBy,
  inspectionsAwaitingSignature,
  reportedFindings,
} from '@/db/queries/my-work';
import type { Tx } from '@/db/tenant';
import { hasPermission, type TenantContext } from '@/lib/auth/tenant-context';
import { nextDueByProject } from '@/lib/compliance/next-due-by-project';
import { oshaDueByProject } from './osha-due';

/** Open inspection obligations read for My work's list (one per project, the earliest); the page shows ten of them. */
const DUE_READ = 60;
/** The end of "today" in any zone is less than 38 hours away (UTC−12 … UTC+14). */
const DUE_HORIZON_MS = 38 * 3_600_000;

/**
 * What one person should do next, by what their role allows: inspections due
 * today or overdue (those who fill inspections), corrective actions assigned
 * to them, OSHA safety checklists due today (lib/my-work/osha-due.ts), reports awaiting a signature (those who sign), findings awaiting
 * review (those who review; a crew member sees their own), drafts they left.
 * A section the role can't act on is `null`, so the page leaves it out.
 *
 * Every project of the organization is "my project": projects have no
 * assignment of members yet, and a crew member may work on any site.
 */
export async function myWorkData(tx: Tx, ctx: TenantContext, now = new Date()) {
  const fills = hasPermission(ctx, 'org:forms:submit');
  const signs = hasPermission(ctx, 'org:inspections:sign');
  const reviews = hasPermission(ctx, 'org:findings:review');
  const reports = hasPermission(ctx, 'org:findings:report');
  const none = Promise.resolve(null);
  // Issued together, so postgres.js pipelines them on the transaction's connection: one flight, not eight.
  const [orgZone, dueRows, safety, actions, toSign, findings, drafts] = await Promise.all([
    orgTimeZone(tx, ctx.orgId),
    // Due today (any site's local day ends within 38 h) or overdue, earliest first: a bounded read, a short list.
    fills
      ? nextDueByProject(tx, ctx.orgId, { now, to: new Date(now.getTime() + DUE_HORIZON_MS), limit: DUE_READ }).then(
          (r) => r.filter((d) => d.dueToday),
        )
      : none,
    // OSHA checklists: today's daily one before work starts, the weekly one on the week's last workday.
    fills ? oshaDueByProject(tx, ctx.orgId, now).then((r) => r.filter((d) => d.dueToday)) : none,
    fills ? correctiveActionsAssignedTo(tx, ctx.orgId, ctx.userId) : none,
    signs ? inspectionsAwaitingSignature(tx, ctx.orgId) : none,
    reviews || reports ? reportedFindings(tx, ctx.orgId) : none,
    fills ? draftInspectionsBy(tx, ctx.orgId, ctx.userId) : none,
  ]);
  return {
    orgZone,
    due: dueRows,
    safety,
    actions,
    toSign,
    findings: findings && (reviews ? findings : findings.filter((f) => f.foundBy === ctx.userId)),
    reviewsFindings: reviews,
    drafts,
  };
}

export type MyWork = Awaited<ReturnType<typeof myWorkData>>;
