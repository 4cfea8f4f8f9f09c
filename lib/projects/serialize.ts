import type { Project } from '@/db/queries/projects';
import type { RainEvent } from '@/db/queries/rain-events';

/**
 * The JSON shape of a project and a rain event in /api/v1: numeric columns as
 * numbers (PostgreSQL `numeric` arrives as a string), times as ISO strings,
 * and no organization id (always the caller's own, from the session).
 */
export function projectJson(p: Project) {
  const { organizationId: _org, disturbedAcres, ...rest } = p;
  return { ...rest, disturbedAcres: disturbedAcres === null ? null : Number(disturbedAcres) };
}

export function rainEventJson(e: RainEvent, projectName?: string) {
  const { organizationId: _org, amountInches, ...rest } = e;
  return { ...rest, amountInches: Number(amountInches), ...(projectName === undefined ? {} : { projectName }) };
}
