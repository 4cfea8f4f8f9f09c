import 'server-only';
import { orgTimeZone } from '@/db/queries/dashboard';
import { listProjects } from '@/db/queries/projects';
import { listBmpCategories, listViolationTypes } from '@/db/queries/violations';
import { withTenantRead } from '@/db/tenant';
import type { TenantContext } from '@/lib/auth/tenant-context';
import { prefillQuery } from '@/lib/violations/prefill';

/**
 * What a new violation or a crew finding starts from (`/violations/new`,
 * `/findings/new`): the active projects with their zones, the org's types and
 * BMP categories, and the prefill from the query string (a failed BMP's link).
 * `missing` says why there is no form to show.
 */
export async function loadNewViolationForm(ctx: TenantContext, searchParams: Record<string, string | string[] | undefined>) {
  const q = prefillQuery.parse(searchParams);
  const { projects, types, bmps, orgZone } = await withTenantRead(ctx, async (tx) => ({
    projects: await listProjects(tx, ctx.orgId, { status: 'active', limit: 200 }),
    types: await listViolationTypes(tx, ctx.orgId),
    bmps: await listBmpCategories(tx, ctx.orgId),
    orgZone: await orgTimeZone(tx, ctx.orgId),
  }));
  return {
    projectId: q.projectId,
    missing: !projects.length ? ('projects' as const) : !types.length ? ('types' as const) : null,
    form: {
      projects: projects.slice(0, 200).map((p) => ({ id: p.id, name: p.name, timeZone: p.timeZone ?? orgZone })),
      timeZone: orgZone,
      now: new Date().toISOString(),
      types: types.map((t) => ({ id: t.id, name: t.name, defaultDeadlineDays: t.defaultDeadlineDays })),
      bmpCategories: bmps.map((b) => ({ id: b.id, name: b.name })),
      initial: {
        projectId: q.projectId,
        inspectionId: q.inspectionId,
        bmpCategoryId: bmps.find((b) => b.key === q.bmp)?.id,
        description: q.description,
      },
    },
  };
}
