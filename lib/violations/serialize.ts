import type { CorrectiveAction } from '@/db/queries/corrective-actions';
import type { Violation } from '@/db/queries/violations';

/** A violation as the JSON API shows it: no tenant column (the caller's org is implied). */
export function violationJson(v: Violation, extra: { projectName?: string; typeName?: string } = {}) {
  const { organizationId: _org, ...rest } = v;
  return { ...rest, ...extra };
}

export function correctiveActionJson(a: CorrectiveAction) {
  const { organizationId: _org, ...rest } = a;
  return rest;
}
