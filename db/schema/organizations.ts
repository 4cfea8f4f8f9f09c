import 'server-only';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { braveApp, currentOrg, currentUser, inspectorOrg, publicReadPolicy, tenantColumns, tenantPolicies, timestamps } from './_tenant';

// `starter` and `business` are the tiers sold before Professional; lib/ratelimit/policies.ts maps both to it.
export const planEnum = pgEnum('plan', ['trial', 'starter', 'business', 'professional', 'enterprise']);
export const orgRoleEnum = pgEnum('org_role', ['owner', 'admin', 'superintendent', 'inspector', 'crew', 'viewer']);

/** One row per Clerk organization; its own id is the tenant key. */
export const organizations = pgTable(
  'organizations',
  {
    organizationId: text().notNull().primaryKey(),
    name: text().notNull(),
    slug: text().notNull(),
    active: boolean().notNull().default(true),
    plan: planEnum().notNull().default('trial'),
    userLimit: integer().notNull().default(10),
    /** Shown on site notices and reports (the permittee / operator of record). */
    operatorName: text(),
    operatorAddress: text(),
    operatorPhone: text(),
    operatorEmail: text(),
    /**
     * The company's logo on settings, the site notice poster and the report PDF: an S3 object under
     * the tenant's `logos/` prefix (docs/settings.md), so export and deletion find it with the rest.
     */
    logoKey: text(),
    logoContentType: text(),
    logoSizeBytes: integer(),
    deactivatedAt: timestamp({ withTimezone: true, precision: 3 }),
    /**
     * Deletion (docs/deletion.md): requested by an owner, runs after the grace period unless an
     * owner cancels. `deletionStartedAt` set = "deleting": refused for everyone, never cleared
     * (drizzle/0036's trigger), and the job finishes what it started on every later run.
     */
    deletionRequestedAt: timestamp({ withTimezone: true, precision: 3 }),
    deletionRequestedBy: text(),
    deletionScheduledFor: timestamp({ withTimezone: true, precision: 3 }),
    deletionStartedAt: timestamp({ withTimezone: true, precision: 3 }),
    ...timestamps(),
  },
  (t) => [
    // Defense in depth: a logo key outside this org's logos/ prefix can't be stored (lib/storage/keys.ts).
    check('organizations_logo_key_prefix', sql`${t.logoKey} is null or starts_with(${t.logoKey}, 'tenants/' || ${t.organizationId} || '/logos/')`),
    // A signed-in user may also read the organizations they belong to (the org switcher).
    ...tenantPolicies({
      extraSelect: sql`exists (select 1 from memberships m where m.organization_id = organizations.organization_id and m.user_id = ${currentUser})`,
    }),
    // The public QR page: the name of the company whose live link was opened, while it is active.
    publicReadPolicy(sql`active and organization_id in ${inspectorOrg}`),
  ],
);

/**
 * What is left of a deleted organization: its id, who asked and when it went. No name, no
 * other PII. Not a tenant table (no organization_id), so the deletion's catalog walk can't
 * remove it; the org's own transactions can read and write only their own tombstone.
 */
export const organizationTombstones = pgTable(
  'organization_tombstones',
  {
    deletedOrgId: text().notNull().primaryKey(),
    requestedBy: text().notNull(),
    requestedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    deletedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  () => [
    pgPolicy('tombstone_select', { for: 'select', to: braveApp, using: sql`deleted_org_id = ${currentOrg}` }),
    pgPolicy('tombstone_insert', { for: 'insert', to: braveApp, withCheck: sql`deleted_org_id = ${currentOrg}` }),
  ],
);

/**
 * People, across organizations (a Clerk user can belong to several). Not a
 * tenant table: a user sees themself and the members of the current tenant.
 */
export const users = pgTable(
  'users',
  {
    id: text().notNull().primaryKey(),
    email: text().notNull(),
    emailNormalized: text().notNull(),
    firstName: text(),
    lastName: text(),
    imageUrl: text(),
    ...timestamps(),
  },
  (t) => [
    index('users_email_normalized_idx').on(t.emailNormalized),
    pgPolicy('user_select', {
      for: 'select',
      to: braveApp,
      using: sql`id = ${currentUser} or exists (select 1 from memberships m where m.user_id = users.id and m.organization_id = ${currentOrg})`,
    }),
    pgPolicy('user_insert', { for: 'insert', to: braveApp, withCheck: sql`id = ${currentUser}` }),
    pgPolicy('user_update', { for: 'update', to: braveApp, using: sql`id = ${currentUser}`, withCheck: sql`id = ${currentUser}` }),
    pgPolicy('user_delete', { for: 'delete', to: braveApp, using: sql`id = ${currentUser}` }),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    ...tenantColumns(),
    // No FK to users: Clerk webhooks may deliver a membership before its user.
    userId: text().notNull(),
    role: orgRoleEnum().notNull(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex('memberships_org_user_uq').on(t.organizationId, t.userId),
    // Not tenant-leading on purpose: "which orgs am I in" is the one per-user lookup (a Citus reference path).
    index('memberships_user_idx').on(t.userId),
    belongsToOrg('memberships_org_fk', t.organizationId),
    ...tenantPolicies({ extraSelect: sql`user_id = ${currentUser}` }),
  ],
);

/** Ties a tenant table to its organization; deleting a tenant removes its rows. */
export const belongsToOrg = (name: string, column: AnyPgColumn) =>
  foreignKey({ name, columns: [column], foreignColumns: [organizations.organizationId] }).onDelete('cascade');
