/**
 * What the retention purge removes (docs/retention.md), decided without I/O: only records past
 * their retention (lib/retention/retain-until.ts) and not under a legal hold. An incident keeps
 * its project: the project's rows go only once every incident of it may go too.
 */
import { incidentRetainUntil, isPastRetention, projectRetainUntil, type ProjectRetentionFacts } from './retain-until';

export interface PurgeInput {
  now: Date;
  retentionYears: number;
  /** A hold in force on the whole organization. */
  orgHeld: boolean;
  /** Projects with a hold in force. */
  heldProjectIds: ReadonlySet<string>;
  projects: readonly (ProjectRetentionFacts & { id: string; name: string })[];
  incidents: readonly { id: string; projectId: string; occurredAt: Date; timeZone: string }[];
}

export interface PurgePlan {
  projects: { id: string; name: string; retainUntil: string }[];
  incidents: { id: string; projectId: string; retainUntil: string }[];
  kept: { id: string; kind: 'project' | 'incident'; reason: string }[];
}

export function planPurge(input: PurgeInput): PurgePlan {
  const plan: PurgePlan = { projects: [], incidents: [], kept: [] };
  const held = (projectId: string) => input.orgHeld || input.heldProjectIds.has(projectId);
  const holdReason = (projectId: string) => (input.orgHeld ? 'legal hold on the organization' : `legal hold on project ${projectId}`);
  const incidentsKept = new Set<string>();

  for (const i of input.incidents) {
    const r = incidentRetainUntil(i.occurredAt, i.timeZone);
    if (!isPastRetention(r, input.now)) {
      incidentsKept.add(i.projectId);
    } else if (held(i.projectId)) {
      incidentsKept.add(i.projectId);
      plan.kept.push({ id: i.id, kind: 'incident', reason: holdReason(i.projectId) });
    } else {
      plan.incidents.push({ id: i.id, projectId: i.projectId, retainUntil: r.retainUntil! });
    }
  }

  for (const p of input.projects) {
    const r = projectRetainUntil(p, input.retentionYears);
    if (!isPastRetention(r, input.now)) continue;
    if (held(p.id)) plan.kept.push({ id: p.id, kind: 'project', reason: holdReason(p.id) });
    else if (incidentsKept.has(p.id)) plan.kept.push({ id: p.id, kind: 'project', reason: 'OSHA 1904 records of the project are still within their retention' });
    else plan.projects.push({ id: p.id, name: p.name, retainUntil: r.retainUntil! });
  }
  return plan;
}
