import 'server-only';
import { orgTimeZone } from '@/db/queries/dashboard';
import { listInspectorLinks } from '@/db/queries/inspector-links';
import { listLinkViews } from '@/db/queries/inspector-visits';
import { getProject } from '@/db/queries/projects';
import { withTenant } from '@/db/tenant';
import type { TenantContext } from '@/lib/auth/tenant-context';
import { missingNoticeFields } from '@/lib/inspect/site-notice';
import { z } from 'zod';

/**
 * The inspector-links page of one project, for the signed-in tenant only:
 * the links (never their hashes), their views, and the notice fields.
 * undefined for a project id that is not this tenant's (the page 404s).
 */
export async function loadInspectorLinks(ctx: TenantContext, projectId: string) {
  if (!z.guid().safeParse(projectId).success) return undefined;
  return withTenant(ctx, async (tx) => {
    const project = await getProject(tx, ctx.orgId, projectId);
    if (!project) return undefined;
    const [links, timeZone] = await Promise.all([
      listInspectorLinks(tx, ctx.orgId, projectId),
      orgTimeZone(tx, ctx.orgId),
    ]);
    const views = await Promise.all(links.map((l) => listLinkViews(tx, ctx.orgId, l.id, 5)));
    const now = new Date();
    return {
      project: {
        id: project.id,
        name: project.name,
        address: project.address,
        npdesPermitId: project.npdesPermitId,
        noticeContactName: project.noticeContactName,
        noticeContactPhone: project.noticeContactPhone,
        swpppLocation: project.swpppLocation,
      },
      missing: missingNoticeFields(project),
      timeZone,
      links: links.map((l, i) => ({
        ...l,
        state: l.revokedAt
          ? ('revoked' as const)
          : l.expiresAt && l.expiresAt <= now
            ? ('expired' as const)
            : ('live' as const),
        recentViews: views[i] ?? [],
      })),
    };
  });
}
