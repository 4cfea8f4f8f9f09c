import { formatDateTime } from '@/lib/format/when';
import type { ObligationItem } from './obligation-view';

/** An obligation in the JSON API: instants in ISO (UTC) plus the site's zone and the deadline as the site reads it. */
export function obligationJson(o: ObligationItem) {
  return {
    id: o.id,
    projectId: o.projectId,
    projectName: o.projectName,
    kind: o.kind,
    status: o.status,
    part: o.part,
    why: o.reason,
    opensAt: o.opensAt.toISOString(),
    dueAt: o.dueAt.toISOString(),
    dueAtLocal: formatDateTime(o.dueAt, o.timeZone),
    timeZone: o.timeZone,
    metAt: o.metAt?.toISOString() ?? null,
    metBy: o.metById ? { kind: o.metByKind, id: o.metById } : null,
  };
}
