import { tierOf, type PlanTier } from '@/lib/ratelimit/policies';

/**
 * What each plan tier includes (docs/billing.md). `null` = no limit. The user
 * limit comes from the organization row (`user_limit`: provisioning sets the
 * tier's number, a billing integration may raise it per customer); project and
 * storage limits come from the tier.
 */
export interface PlanLimits {
  users: number | null;
  projects: number | null;
  storageBytes: number | null;
}

const GIB = 1024 ** 3;

export const PLAN_LIMITS: Record<PlanTier, PlanLimits> = {
  trial: { users: 10, projects: 25, storageBytes: 5 * GIB },
  professional: { users: 50, projects: 250, storageBytes: 100 * GIB },
  enterprise: { users: null, projects: null, storageBytes: null },
};

export const PLAN_LABEL: Record<PlanTier, string> = { trial: 'Trial', professional: 'Professional', enterprise: 'Enterprise' };

/** The limits of an organization: its tier's, with the row's own user limit. */
export function limitsOf(org: { plan: string; userLimit: number }): PlanLimits & { tier: PlanTier } {
  const tier = tierOf(org.plan);
  return { tier, ...PLAN_LIMITS[tier], users: tier === 'enterprise' ? null : org.userLimit };
}

export type { PlanTier };
