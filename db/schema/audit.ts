import 'server-only';
import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns, tenantPolicies } from './_tenant';
import { belongsToOrg } from './organizations';

/**
 * Written in the same transaction as the change it records (db/queries/audit.ts).
 * Each organization's rows form a hash chain (drizzle/0014_audit_hash_chain.sql):
 * the BEFORE INSERT trigger `audit_log_chain` overwrites chain_seq, prev_hash and
 * row_hash whatever the insert says, so the defaults below are never stored.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    ...tenantColumns(),
    actorUserId: text().notNull(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    before: jsonb(),
    after: jsonb(),
    ip: text(),
    userAgent: text(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    chainSeq: bigint({ mode: 'number' }).notNull().default(0),
    prevHash: text().notNull().default(''),
    rowHash: text().notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex('audit_log_org_chain_idx').on(t.organizationId, t.chainSeq),
    index('audit_log_org_created_idx').on(t.organizationId, t.createdAt.desc().nullsFirst()),
    index('audit_log_org_entity_idx').on(t.organizationId, t.entityType, t.entityId),
    belongsToOrg('audit_log_org_fk', t.organizationId),
    ...tenantPolicies(),
  ],
);

/** TENANT_BREACH_ATTEMPT and friends; the alert rules read these. */
export const securityEvents = pgTable(
  'security_events',
  {
    ...tenantColumns(),
    kind: text().notNull(),
    severity: text().notNull().default('info'),
    userId: text(),
    ip: text(),
    details: jsonb().notNull().default({}),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index('security_events_org_created_idx').on(t.organizationId, t.createdAt.desc().nullsFirst()),
    index('security_events_org_kind_idx').on(t.organizationId, t.kind, t.createdAt),
    belongsToOrg('security_events_org_fk', t.organizationId),
    ...tenantPolicies(),
  ],
);


/**
 * Events of the public QR page that belong to no organization: a wrong token
 * names no tenant. Not a tenant table (no organization_id, no RLS): brave_app
 * may only add rows and read them back to count one IP's misses
 * (lib/inspect/record-visit.ts); it holds no tenant data, only an IP hash.
 * `TOKEN_MISS` per wrong token; `PUBLIC_TOKEN_PROBING` once an IP crosses the threshold.
 */
export const publicAccessEvents = pgTable(
  'public_access_events',
  {
    id: uuid().notNull().defaultRandom().primaryKey(),
    kind: text().notNull(),
    ipHash: text().notNull(),
    userAgent: text(),
    details: jsonb().notNull().default({}),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('public_access_events_ip_created_idx').on(t.ipHash, t.kind, t.createdAt)],
);
