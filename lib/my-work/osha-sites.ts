import {
  siteChecklistsIn,
  zoneChecklistWindows,
  type SiteChecklistDue,
  type ZoneChecklistWindows,
} from '@/lib/compliance/osha-checklists';
import { isTimeZone } from '@/lib/format/when';

export interface ProjectChecklistDue extends SiteChecklistDue {
  projectId: string;
  projectName: string;
  timeZone: string;
}

/**
 * Each site's checklists at `now`, in the site's zone (the organization's
 * when the site has none or an unknown one), met only by that site's own
 * submitted checklists. Sites share a handful of zones, so each zone's
 * calendar is worked out once: done for each of 50 sites it was ~7 ms of the
 * dashboard's ~130 ms of CPU (bench/dashboard-scale.md).
 */
export function checklistsOfSites(input: {
  now: Date;
  orgZone: string;
  sites: readonly { id: string; name: string; timeZone: string | null }[];
  done: readonly { projectId: string; type: string; submittedAt: Date | null }[];
}): ProjectChecklistDue[] {
  const submitted = new Map<string, { type: string; at: Date }[]>();
  for (const d of input.done) {
    if (!d.submittedAt) continue;
    const list = submitted.get(d.projectId);
    if (list) list.push({ type: d.type, at: d.submittedAt });
    else submitted.set(d.projectId, [{ type: d.type, at: d.submittedAt }]);
  }
  const zones = new Map<string, ZoneChecklistWindows>();
  return input.sites.flatMap((site) => {
    const timeZone = site.timeZone && isTimeZone(site.timeZone) ? site.timeZone : input.orgZone;
    let windows = zones.get(timeZone);
    if (!windows) zones.set(timeZone, (windows = zoneChecklistWindows(input.now, timeZone)));
    return siteChecklistsIn(windows, submitted.get(site.id) ?? []).map((c) => ({
      ...c,
      projectId: site.id,
      projectName: site.name,
      timeZone,
    }));
  });
}
