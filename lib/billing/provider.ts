import 'server-only';
import type { PlanTier } from './plans';

/**
 * Where a billing integration plugs in (docs/billing.md). None ships: plans
 * are set by the operator (the `plan` and `user_limit` columns), and /billing
 * is read-only. An integration implements this, is chosen by env vars in
 * lib/env.ts, and updates the organization's plan from its webhooks.
 */
export interface BillingProvider {
  readonly name: string;
  /** A hosted checkout page for moving `orgId` to `tier`. */
  checkoutUrl(orgId: string, tier: PlanTier, returnUrl: string): Promise<string>;
  /** The provider's customer portal (invoices, payment method). */
  portalUrl(orgId: string, returnUrl: string): Promise<string>;
}

/** The configured provider, or null: no billing integration on this server. */
export function billingProvider(): BillingProvider | null {
  return null;
}
