import 'server-only';
import { sql } from 'drizzle-orm';
import { bigint, boolean, pgPolicy, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { braveApp, currentOrg, currentUser } from './_tenant';

/**
 * Webhook deliveries already applied, by svix message id: a redelivery is a
 * no-op. Global (not a tenant table): it holds only ids and event types, no
 * tenant data. brave_app may SELECT and INSERT, never UPDATE or DELETE
 * (grants in the custom migration); no RLS.
 */
export const webhookEvents = pgTable('webhook_events', {
  id: text().notNull().primaryKey(),
  source: text().notNull(),
  type: text().notNull(),
  receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * The newest Clerk version applied per synced entity, so events delivered out
 * of order never overwrite newer state, and deletions of organizations and
 * users are permanent tombstones. Scoped like the rows it guards: an
 * organization's and its memberships' rows to that tenant (`scope_org`), a
 * user's row to that user (`scope_user`); RLS forced (custom migration).
 */
export const clerkSyncState = pgTable(
  'clerk_sync_state',
  {
    entityType: text().notNull(), // 'organization' | 'membership' | 'user'
    entityId: text().notNull(), // Clerk id; a membership is `<orgId>:<userId>`
    scopeOrg: text(),
    scopeUser: text(),
    /** Clerk's `updated_at` (ms) of the last applied state, or the deletion's event time. */
    version: bigint({ mode: 'number' }).notNull(),
    deleted: boolean().notNull().default(false),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => {
    const scoped = sql`(${t.scopeOrg} is not null and ${t.scopeOrg} = ${currentOrg}) or (${t.scopeOrg} is null and ${t.scopeUser} = ${currentUser})`;
    return [
      primaryKey({ columns: [t.entityType, t.entityId] }),
      pgPolicy('sync_select', { for: 'select', to: braveApp, using: scoped }),
      pgPolicy('sync_insert', { for: 'insert', to: braveApp, withCheck: scoped }),
      pgPolicy('sync_update', { for: 'update', to: braveApp, using: scoped, withCheck: scoped }),
    ];
  },
);
