import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { pgPolicy, pgRole, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Roles are created by the custom migration drizzle/0000_roles.sql (idempotent), not by drizzle-kit. */
export const braveApp = pgRole('brave_app').existing();
export const bravePublic = pgRole('brave_public').existing();

/** Evaluated once per query (InitPlan) thanks to the scalar sub-select. */
export const currentOrg = sql`(select current_setting('app.current_org', true))`;
export const currentUser = sql`(select current_setting('app.current_user', true))`;

const sameOrg = sql`organization_id = ${currentOrg}`;

/**
 * The four policies every tenant table carries: the row's organization must be
 * the transaction's tenant, for reads and for what a write leaves behind.
 * A NULL setting (fresh connection) or '' (after a transaction ended) matches
 * nothing, because organization_id is never '' (CHECK in 0002_rls_force_grants).
 */
export function tenantPolicies(opts: { extraSelect?: SQL } = {}) {
  const using = opts.extraSelect ? sql`(${sameOrg}) or (${opts.extraSelect})` : sameOrg;
  return [
    pgPolicy('tenant_select', { for: 'select', to: braveApp, using }),
    pgPolicy('tenant_insert', { for: 'insert', to: braveApp, withCheck: sameOrg }),
    pgPolicy('tenant_update', { for: 'update', to: braveApp, using: sameOrg, withCheck: sameOrg }),
    pgPolicy('tenant_delete', { for: 'delete', to: braveApp, using: sameOrg }),
  ];
}

/**
 * The inspector link a public transaction opened: `open_inspector_link(hash)`
 * (drizzle/0011) puts the SHA-256 of the QR token into `app.inspector_token`,
 * and every brave_public policy admits rows of the (organization, project) of
 * the live link with that hash. Nothing else can widen it: the setting is a
 * hash, never an org id, and a hash is useless without the token behind it.
 */
export const inspectorScope = sql`(select l.organization_id, l.project_id from inspector_links l where l.token_hash = (select current_setting('app.inspector_token', true)) and l.revoked_at is null and (l.expires_at is null or l.expires_at > now()))`;
export const inspectorOrg = sql`(select l.organization_id from inspector_links l where l.token_hash = (select current_setting('app.inspector_token', true)) and l.revoked_at is null and (l.expires_at is null or l.expires_at > now()))`;

/** The one read policy of the public QR page's role on a table (SELECT only; brave_public has no other grant). */
export function publicReadPolicy(using: SQL) {
  return pgPolicy('public_select', { for: 'select', to: bravePublic, using });
}

/** Every tenant table starts with these columns; the primary key is (organization_id, id). */
export const tenantColumns = () => ({
  organizationId: text().notNull(),
  id: uuid().notNull().defaultRandom(),
});

export const timestamps = () => ({
  createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
