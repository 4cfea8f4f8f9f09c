import 'server-only';
import { listInspections } from '@/db/queries/inspections';
import { getProject, listProjects, type Project } from '@/db/queries/projects';
import { listRainEvents, type RainEvent } from '@/db/queries/rain-events';
import { listViolations } from '@/db/queries/violations';
import { orgTimeZone } from '@/db/queries/dashboard';
import { notFound } from 'next/navigation';
import { withTenantRead } from '@/db/tenant';
import { requireTenantPage } from '@/lib/auth/session';
import { hasPermission, type TenantContext } from '@/lib/auth/tenant-context';
import { toPage } from '@/lib/pagination/cursor';
import { projectListQuery } from '@/lib/zod/schemas/projects';
import { z } from 'zod';
import { listSiteConditions, type SiteCondition } from '@/db/queries/site-conditions';
import { nextDueByProject, type ProjectNextDue } from '@/lib/compliance/next-due-by-project';
import { oshaDueByProject } from '@/lib/my-work/osha-due';
import type { ProjectChecklistDue } from '@/lib/my-work/osha-sites';

/**
 * Data of the project pages, read through the door for the signed-in tenant
 * only. Kept apart from the JSX so integration tests can call them with two
 * look-alike orgs.
 */

export type SearchParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const PROJECTS_PAGE_SIZE = 20;

export interface ProjectListData {
  projects: Project[];
  nextCursor: string | null;
  search: string;
  status: Project['status'] | '';
  /** Set when the query string could not be read (e.g. a stale cursor): the list starts over. */
  notice?: string;
  /** The search box's error (the API's message for the same input), shown inline; the list is unfiltered. */
  searchError?: string;
  canWrite: boolean;
}

export async function loadProjectList(ctx: TenantContext, searchParams: SearchParams): Promise<ProjectListData> {
  const raw = {
    search: first(searchParams.search),
    status: first(searchParams.status),
    cursor: first(searchParams.cursor),
    limit: String(PROJECTS_PAGE_SIZE),
  };
  // The API's schema (GET /api/v1/projects): the same input is refused with the same message.
  const parsed = projectListQuery.safeParse(raw);
  const errors = parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
  // Keep what was valid (a bad search must not also drop the status filter); start over on a bad cursor.
  const q = parsed.success
    ? parsed.data
    : projectListQuery.parse({
        limit: raw.limit,
        ...(errors.search ? {} : { search: raw.search }),
        ...(errors.status ? {} : { status: raw.status }),
      });
  const rows = await withTenantRead(ctx, (tx) =>
    listProjects(tx, ctx.orgId, {
      search: q.search ?? undefined,
      status: q.status ?? undefined,
      cursor: q.cursor,
      limit: q.limit,
    }),
  );
  const page = toPage(rows, q.limit);
  return {
    projects: page.items,
    nextCursor: page.nextCursor,
    search: q.search ?? '',
    status: q.status ?? '',
    notice: errors.cursor || errors.status ? 'That link was out of date, so the list starts from the top.' : undefined,
    searchError: errors.search?.[0],
    canWrite: hasPermission(ctx, 'org:projects:write'),
  };
}

const idSchema = z.guid();

export interface ProjectDetailData {
  project: Project;
  rain: RainEvent[];
  recentInspections: { id: string; type: string; status: string; inspectedAt: Date | null; createdAt: Date }[];
  inspectionCount: { shown: number; more: boolean };
  openViolations: { count: number; more: boolean };
  timeZone: string;
  canWrite: boolean;
  canRecordRain: boolean;
  canReportFinding: boolean;
  /** The next inspection the permit requires, with why and the permit part (lib/compliance/next-due-by-project.ts). */
  nextDue: ProjectNextDue | null;
  /** The OSHA daily and weekly checklists' due state (lib/my-work/osha-due.ts); empty unless active. */
  safety: ProjectChecklistDue[];
  /** Recorded reduced-frequency periods and snowmelt discharges (db/queries/site-conditions.ts). */
  conditions: SiteCondition[];
}

const VIOLATION_CAP = 99;

/** `null` for a missing, malformed or another tenant's id: the page answers 404 for all three alike. */
export async function loadProjectDetail(ctx: TenantContext, rawId: string): Promise<ProjectDetailData | null> {
  const id = idSchema.safeParse(rawId);
  if (!id.success) return null;
  return withTenantRead(ctx, async (tx) => {
    const project = await getProject(tx, ctx.orgId, id.data);
    if (!project) return null;
    // One transaction is one connection: sequential queries, no parallel fan-out.
    const rain = await listRainEvents(tx, ctx.orgId, { projectId: project.id, limit: 20 });
    const inspections = await listInspections(tx, ctx.orgId, { projectId: project.id, limit: 5 });
    const violations = await listViolations(tx, ctx.orgId, {
      projectId: project.id,
      status: ['open', 'in_progress'],
      limit: VIOLATION_CAP,
    });
    // The site's zone for every time on the page and every time typed on it.
    const timeZone = project.timeZone ?? (await orgTimeZone(tx, ctx.orgId));
    const [nextDue] = await nextDueByProject(tx, ctx.orgId, { projectId: project.id });
    const conditions = await listSiteConditions(tx, ctx.orgId, project.id);
    const safety = project.status === 'active' ? await oshaDueByProject(tx, ctx.orgId, new Date(), project.id) : [];
    return {
      project,
      rain: rain.slice(0, 20).map((r) => r.event),
      recentInspections: inspections.slice(0, 5).map(({ inspection: i }) => ({
        id: i.id,
        type: i.type,
        status: i.status,
        inspectedAt: i.inspectedAt,
        createdAt: i.createdAt,
      })),
      inspectionCount: { shown: Math.min(inspections.length, 5), more: inspections.length > 5 },
      openViolations: { count: Math.min(violations.length, VIOLATION_CAP), more: violations.length > VIOLATION_CAP },
      timeZone,
      canWrite: hasPermission(ctx, 'org:projects:write'),
      canRecordRain: hasPermission(ctx, 'org:forms:submit'),
      canReportFinding: hasPermission(ctx, 'org:findings:report'),
      nextDue: nextDue ?? null,
      safety,
      conditions,
    };
  });
}

/** A project page's tenant and data (`/projects/[id]` and its edit page), else the 404 page. */
export async function projectPage(params: Promise<{ id: string }>) {
  const ctx = await requireTenantPage();
  const data = await loadProjectDetail(ctx, (await params).id);
  if (!data) notFound();
  return { ctx, data };
}
