import 'server-only';
import { orgTimeZone } from '@/db/queries/dashboard';
import { currentSwppp, getStoredDocument } from '@/db/queries/files';
import { listInspectorLinks } from '@/db/queries/inspector-links';
import { listLinkViews } from '@/db/queries/inspector-visits';
import { getOrganization } from '@/db/queries/organizations';
import { getProject } from '@/db/queries/projects';
import { withTenantRead } from '@/db/tenant';
import type { TenantContext } from '@/lib/auth/tenant-context';
import { missingNoticeFields } from '@/lib/inspect/site-notice';
import { logoUrl } from '@/lib/settings/organization-logo';
import { z } from 'zod';

/**
 * The inspector-links page of one project, for the signed-in tenant only:
 * the links (never their hashes), their views, and the notice fields.
 * undefined for a project id that is not this tenant's (the page 404s).
 */
export async function loadInspectorLinks(ctx: TenantContext, projectId: string) {
  if (!z.guid().safeParse(projectId).success) return undefined;
  return withTenantRead(ctx, async (tx) => {
    const project = await getProject(tx, ctx.orgId, projectId);
    if (!project) return undefined;
    const [links, orgZone, swppp, shown, org] = await Promise.all([
      listInspectorLinks(tx, ctx.orgId, projectId),
      orgTimeZone(tx, ctx.orgId),
      currentSwppp(tx, ctx.orgId, projectId),
      project.publicSwpppDocumentId ? getStoredDocument(tx, ctx.orgId, project.publicSwpppDocumentId) : undefined,
      getOrganization(tx, ctx.orgId),
    ]);
    const timeZone = project.timeZone ?? orgZone;
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
        swpppPublic: Boolean(shown),
        operatorName: org?.operatorName ?? org?.name ?? null,
        logoUrl: await logoUrl(ctx.orgId, org),
      },
      swppp: {
        current: swppp ? { title: swppp.title, version: swppp.version ?? 1, storedAt: swppp.storedAt ?? swppp.createdAt } : null,
        shown: shown ? { title: shown.title, version: shown.version ?? 1 } : null,
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
