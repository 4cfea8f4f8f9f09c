import 'server-only';
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { tenantColumns, tenantPolicies, timestamps } from './_tenant';
import { belongsToOrg } from './organizations';

export const dataExportStatusEnum = pgEnum('data_export_status', ['queued', 'running', 'succeeded', 'failed']);

/**
 * One organization data export (docs/export.md): a zip of every tenant table and every stored
 * file, written by the `organization-export` job (lib/export/run-export.ts). `object_key` is set
 * only together with `succeeded`, after the upload completed: nothing else is downloadable.
 * `heartbeat_at` is touched while a run is alive; a running export whose heartbeat stopped
 * was interrupted (lib/export/stale.ts).
 */
export const dataExports = pgTable(
  'data_exports',
  {
    ...tenantColumns(),
    status: dataExportStatusEnum().notNull().default('queued'),
    requestedBy: text().notNull(),
    tablesTotal: integer().notNull().default(0),
    tablesDone: integer().notNull().default(0),
    rowsDone: bigint({ mode: 'number' }).notNull().default(0),
    objectsTotal: integer().notNull().default(0),
    objectsDone: integer().notNull().default(0),
    bytes: bigint({ mode: 'number' }),
    objectKey: text(),
    error: text(),
    startedAt: timestamp({ withTimezone: true, precision: 3 }),
    heartbeatAt: timestamp({ withTimezone: true, precision: 3 }),
    finishedAt: timestamp({ withTimezone: true, precision: 3 }),
    expiresAt: timestamp({ withTimezone: true, precision: 3 }),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    // One export per organization at a time: a second start while one is queued or running fails here.
    uniqueIndex('data_exports_one_active_uq').on(t.organizationId).where(sql`${t.status} in ('queued', 'running')`),
    index('data_exports_org_created_idx').on(t.organizationId, t.createdAt),
    // Downloadable means succeeded with its object: never a key without success, never success without a key.
    check('data_exports_key_ck', sql`(${t.status} = 'succeeded') = (${t.objectKey} is not null)`),
    belongsToOrg('data_exports_org_fk', t.organizationId),
    ...tenantPolicies(),
  ],
);
