import 'server-only';
import { index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { tenantColumns, tenantPolicies } from './_tenant';
import { belongsToOrg } from './organizations';

/**
 * Break-glass: a named member of the operator's support staff may read one
 * organization's data for a short time, for a written reason
 * (lib/support/break-glass.ts). A tenant table like any other: the grant lives
 * with the tenant, is read through the tenant door, and its owners see it.
 */
export const supportAccessGrants = pgTable(
  'support_access_grants',
  {
    ...tenantColumns(),
    /** The support staff member (SUPPORT_STAFF name), also the audit actor `support_<name>`. */
    staff: text().notNull(),
    reason: text().notNull(),
    expiresAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index('support_access_grants_org_expires_idx').on(t.organizationId, t.expiresAt),
    belongsToOrg('support_access_grants_org_fk', t.organizationId),
    ...tenantPolicies(),
  ],
);
