/**
 * The 2022 EPA CGP deadline engine: pure functions from one project's
 * schedule, site conditions and history to its obligations. No I/O; the same
 * code runs in the app and in `npm run compliance:explain` (docs/compliance.md).
 */
import { findingObligations, noncomplianceReports } from './actions';
import { inspectionReports, routineInspections, snowmeltInspections, stormInspections } from './inspections';
import type { ComplianceInput, Obligation } from './types';

export type { ComplianceInput, Obligation } from './types';

export function computeObligations(input: ComplianceInput): Obligation[] {
  const inspections = [...input.inspections].sort((a, b) => a.at.getTime() - b.at.getTime());
  return [
    ...routineInspections(input, inspections),
    ...stormInspections(input, inspections),
    ...snowmeltInspections(input, inspections),
    ...inspectionReports(input, inspections),
    ...findingObligations(input),
    ...noncomplianceReports(input),
  ].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.kind.localeCompare(b.kind));
}
