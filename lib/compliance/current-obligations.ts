import 'server-only';
import { complianceRecords } from '@/db/queries/weather';
import type { Tx } from '@/db/tenant';
import { computeObligations, type Obligation } from './engine';
import { projectInput } from './project-inputs';

/** How far back records are read: older storms and inspections no longer change what is due. */
const HISTORY_DAYS = 35;
/** An obligation counts as "due soon" this long before its deadline. */
const DUE_SOON_HOURS = 24;

export interface ProjectObligation extends Obligation {
  projectId: string;
  projectName: string;
  timeZone: string;
}

async function obligationsOf(tx: Tx, orgId: string, now: Date, projectId?: string): Promise<ProjectObligation[]> {
  const records = await complianceRecords(tx, orgId, new Date(now.getTime() - HISTORY_DAYS * 86_400_000));
  return records.projects
    .filter((p) => !projectId || p.id === projectId)
    .flatMap((p) => {
      const input = projectInput(records, p.id, now)!;
      return computeObligations(input).map((o) => ({ ...o, projectId: p.id, projectName: p.name, timeZone: input.timeZone }));
    });
}

/**
 * The storm inspections (CGP 2022 Part 4.2.2 / 4.3 / 4.4.2) one project owes,
 * computed by the engine from its stored rain (gauge and provider) and
 * inspections. The one place weather ingestion asks "what did that rain
 * create?" — to be switched to the stored obligations table when it exists.
 */
export async function stormObligationsFor(tx: Tx, orgId: string, projectId: string, now: Date): Promise<ProjectObligation[]> {
  return (await obligationsOf(tx, orgId, now, projectId)).filter((o) => o.kind === 'storm_inspection');
}

/**
 * Every obligation of the tenant's active projects that is overdue, or not
 * met and due within DUE_SOON_HOURS: what the reminder sweep sends. The one
 * place reminders read obligations from (computed with the engine now; the
 * stored obligations table replaces the body, not the callers).
 */
export async function dueAndOverdueFor(tx: Tx, orgId: string, now: Date): Promise<ProjectObligation[]> {
  const soon = now.getTime() + DUE_SOON_HOURS * 3_600_000;
  return (await obligationsOf(tx, orgId, now)).filter(
    (o) => o.status === 'overdue' || (o.status === 'upcoming' && o.opensAt.getTime() <= now.getTime() && o.dueAt.getTime() <= soon),
  );
}
