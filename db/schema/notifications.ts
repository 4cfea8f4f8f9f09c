import 'server-only';
import { boolean, foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns, tenantPolicies, timestamps } from './_tenant';
import { belongsToOrg } from './organizations';
import { projects } from './projects';

/**
 * One in-app reminder for one member (the bell in the header). `dedupKey`
 * names the obligation and the stage (due soon / overdue), so the sweep that
 * runs every hour writes each reminder once.
 */
export const notifications = pgTable(
  'notifications',
  {
    ...tenantColumns(),
    userId: text().notNull(),
    /** The reminder category the member chose to receive (lib/reminders/categories.ts). */
    category: text().notNull(),
    stage: text().notNull(),
    dedupKey: text().notNull(),
    projectId: uuid(),
    title: text().notNull(),
    body: text().notNull(),
    dueAt: timestamp({ withTimezone: true, precision: 3 }),
    readAt: timestamp({ withTimezone: true, precision: 3 }),
    /** When the email copy was handed to the mail transport; null = not mailed (opted out or in-app only). */
    emailedAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex('notifications_org_user_dedup_uq').on(t.organizationId, t.userId, t.dedupKey),
    index('notifications_org_user_created_idx').on(t.organizationId, t.userId, t.createdAt.desc().nullsFirst()),
    belongsToOrg('notifications_org_fk', t.organizationId),
    foreignKey({ name: 'notifications_project_fk', columns: [t.organizationId, t.projectId], foreignColumns: [projects.organizationId, projects.id] }).onDelete('cascade'),
    ...tenantPolicies(),
  ],
);

/** What one member wants to be reminded of in one organization; no row = the defaults (everything, by email too). */
export const reminderPreferences = pgTable(
  'reminder_preferences',
  {
    ...tenantColumns(),
    userId: text().notNull(),
    inspections: boolean().notNull().default(true),
    reports: boolean().notNull().default(true),
    email: boolean().notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex('reminder_preferences_org_user_uq').on(t.organizationId, t.userId),
    belongsToOrg('reminder_preferences_org_fk', t.organizationId),
    ...tenantPolicies(),
  ],
);
