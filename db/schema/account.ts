import 'server-only';
import { date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { tenantColumns, tenantPolicies, timestamps } from './_tenant';
import { belongsToOrg, orgRoleEnum } from './organizations';

/**
 * Local identity mode's invitations (docs/members.md): a link with a random
 * token; only its SHA-256 is stored. Accepted, revoked or expired ⇒ unusable.
 * In Clerk mode Clerk sends invitations and the webhook syncs the membership.
 */
export const invitations = pgTable(
  'invitations',
  {
    ...tenantColumns(),
    email: text().notNull(),
    emailNormalized: text().notNull(),
    role: orgRoleEnum().notNull(),
    tokenHash: text().notNull(),
    invitedBy: text().notNull(),
    expiresAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    acceptedAt: timestamp({ withTimezone: true, precision: 3 }),
    acceptedBy: text(),
    revokedAt: timestamp({ withTimezone: true, precision: 3 }),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex('invitations_org_token_uq').on(t.organizationId, t.tokenHash),
    index('invitations_org_email_idx').on(t.organizationId, t.emailNormalized),
    belongsToOrg('invitations_org_fk', t.organizationId),
    ...tenantPolicies(),
  ],
);

/**
 * Requests per organization, user and day (UTC): who was active and how many
 * API calls were made (lib/usage/request-counter.ts buffers and adds).
 */
export const usageDaily = pgTable(
  'usage_daily',
  {
    ...tenantColumns(),
    day: date({ mode: 'string' }).notNull(),
    userId: text().notNull(),
    requests: integer().notNull().default(0),
    apiRequests: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex('usage_daily_org_day_user_uq').on(t.organizationId, t.day, t.userId),
    belongsToOrg('usage_daily_org_fk', t.organizationId),
    ...tenantPolicies(),
  ],
);

