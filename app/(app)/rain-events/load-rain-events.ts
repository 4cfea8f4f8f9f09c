import 'server-only';
import { orgTimeZone, recentRain } from '@/db/queries/dashboard';
import { listProjects } from '@/db/queries/projects';
import type { RainEvent } from '@/db/queries/rain-events';
import { withTenantRead } from '@/db/tenant';
import { hasPermission, type TenantContext } from '@/lib/auth/tenant-context';
import { rainByDay, type RainDay } from '@/lib/dashboard/rain-by-day';
import { rainEventPage } from '@/lib/projects/rain-event-page';
import { rainEventListQuery } from '@/lib/zod/schemas/rain-events';
import type { SearchParams } from '../projects/load-projects';

export const CHART_DAYS = 14;
const PAGE_SIZE = 25;

export interface RainEventsData {
  /** Each with its project's zone (null: the organization's), the zone its times are shown in. */
  events: (RainEvent & { projectName: string; projectTimeZone: string | null })[];
  nextCursor: string | null;
  projectId: string;
  days: RainDay[];
  timeZone: string;
  /** Active projects, for the filter and the "record rain" form. */
  projects: { id: string; name: string; timeZone: string }[];
  canRecord: boolean;
  notice?: string;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Every project's rain entries (this tenant only), newest first, and rain per day for the chart. */
export async function loadRainEvents(
  ctx: TenantContext,
  searchParams: SearchParams,
  now = new Date(),
): Promise<RainEventsData> {
  const raw = {
    projectId: first(searchParams.projectId),
    cursor: first(searchParams.cursor),
    limit: String(PAGE_SIZE),
  };
  const parsed = rainEventListQuery.safeParse(raw);
  const q = parsed.success ? parsed.data : rainEventListQuery.parse({ limit: raw.limit });
  return withTenantRead(ctx, async (tx) => {
    const page = await rainEventPage(tx, ctx.orgId, q);
    const timeZone = await orgTimeZone(tx, ctx.orgId);
    const recent = await recentRain(tx, ctx.orgId, CHART_DAYS, now);
    const projects = await listProjects(tx, ctx.orgId, { status: 'active', limit: 200 });
    const filtered = q.projectId ? recent.filter((r) => r.projectId === q.projectId) : recent;
    return {
      events: page.items,
      nextCursor: page.nextCursor,
      projectId: q.projectId ?? '',
      days: rainByDay(filtered, { days: CHART_DAYS, now, timeZone }),
      timeZone,
      projects: projects
        .slice(0, 200)
        .map((p) => ({ id: p.id, name: p.name, timeZone: p.timeZone ?? timeZone }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      canRecord: hasPermission(ctx, 'org:forms:submit'),
      notice: parsed.success ? undefined : 'That link was out of date, so the list starts from the top.',
    };
  });
}
