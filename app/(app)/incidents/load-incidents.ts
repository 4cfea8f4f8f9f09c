import 'server-only';
import { orgTimeZone } from '@/db/queries/dashboard';
import { listIncidents } from '@/db/queries/incidents';
import { listProjects } from '@/db/queries/projects';
import { withTenantRead } from '@/db/tenant';
import type { TenantContext } from '@/lib/auth/tenant-context';
import { clockState, oshaLogEntryDue, oshaReportingClock, oshaRetention } from '@/lib/compliance/osha/incident-clocks';

/** The tenant's incidents with every clock computed at `now`, each in its site's zone. */
export async function loadIncidents(ctx: TenantContext, now: Date) {
  return withTenantRead(ctx, async (tx) => {
    const fallback = await orgTimeZone(tx, ctx.orgId);
    const rows = await listIncidents(tx, ctx.orgId, { limit: 200 });
    const projects = await listProjects(tx, ctx.orgId, { status: 'active', limit: 200 });
    return {
      incidents: rows.map(({ incident: i, projectName, projectTimeZone }) => {
        const timeZone = projectTimeZone ?? fallback;
        return {
          incident: i,
          projectName,
          timeZone,
          reporting: oshaReportingClock(i),
          state: clockState(i, now),
          logEntry: oshaLogEntryDue(i),
          retention: oshaRetention(i.occurredAt, timeZone),
        };
      }),
      projects: projects.slice(0, 200).map((p) => ({ id: p.id, name: p.name, timeZone: p.timeZone ?? fallback })),
    };
  });
}
