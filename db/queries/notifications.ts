import 'server-only';
import { and, asc, count, desc, eq, gte, isNull, sql } from 'drizzle-orm';
import { memberships, notifications, reminderPreferences, users } from '../schema';
import type { Tx } from '../tenant';
import { recordAudit, type Actor } from './audit';

export type Notification = typeof notifications.$inferSelect;
export type NewNotice = Pick<typeof notifications.$inferInsert, 'userId' | 'category' | 'stage' | 'dedupKey' | 'projectId' | 'title' | 'body' | 'dueAt'>;

/** The member's own reminders, newest first (the notifications page). */
export async function listNotifications(tx: Tx, orgId: string, userId: string) {
  return tx
    .select()
    .from(notifications)
    .where(and(eq(notifications.organizationId, orgId), eq(notifications.userId, userId)))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(100);
}

/** The bell's number. */
export async function countUnreadNotifications(tx: Tx, orgId: string, userId: string, cap = 100): Promise<number> {
  // Counted up to `cap` (the bell shows "99+"): a member with thousands of unread reminders costs the same.
  const unread = tx
    .select({ one: sql`1` })
    .from(notifications)
    .where(and(eq(notifications.organizationId, orgId), eq(notifications.userId, userId), isNull(notifications.readAt)))
    .limit(cap)
    .as('unread');
  const [row] = await tx.select({ n: count() }).from(unread);
  return row?.n ?? 0;
}

/** Everything of the acting member marked read; returns how many changed. */
export async function markNotificationsRead(tx: Tx, actor: Actor): Promise<number> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.organizationId, actor.orgId), eq(notifications.userId, actor.userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  if (rows.length) await recordAudit(tx, actor, { action: 'update', entityType: 'notification', entityId: actor.userId, after: { markedRead: rows.length } });
  return rows.length;
}

/**
 * A reminder, once: a second insert with the same (member, dedup key) is a
 * no-op and returns undefined, so an hourly sweep never repeats itself.
 */
export async function insertNotification(tx: Tx, actor: Actor, notice: NewNotice): Promise<Notification | undefined> {
  // Only for a member of this organization: a reminder never names someone outside it.
  const [member] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organizationId, actor.orgId), eq(memberships.userId, notice.userId)));
  if (!member) return undefined;
  const [row] = await tx
    .insert(notifications)
    .values({ ...notice, organizationId: actor.orgId })
    .onConflictDoNothing({ target: [notifications.organizationId, notifications.userId, notifications.dedupKey] })
    .returning();
  if (row) await recordAudit(tx, actor, { action: 'create', entityType: 'notification', entityId: row.id, after: row });
  return row;
}

/** Reminders created since `since` whose email has not gone out yet (a failed send is retried by the next sweep). */
export async function listUnmailedNotifications(tx: Tx, orgId: string, since: Date) {
  return tx
    .select()
    .from(notifications)
    .where(and(eq(notifications.organizationId, orgId), isNull(notifications.emailedAt), gte(notifications.createdAt, since)));
}

export async function markNotificationEmailed(tx: Tx, actor: Actor, id: string, at: Date) {
  const [row] = await tx
    .update(notifications)
    .set({ emailedAt: at })
    .where(and(eq(notifications.organizationId, actor.orgId), eq(notifications.id, id), isNull(notifications.emailedAt)))
    .returning({ id: notifications.id });
  if (row) await recordAudit(tx, actor, { action: 'update', entityType: 'notification', entityId: id, after: { emailedAt: at } });
  return row;
}

export interface ReminderChoice {
  inspections: boolean;
  reports: boolean;
  email: boolean;
}

const DEFAULT_CHOICE: ReminderChoice = { inspections: true, reports: true, email: true };

/** The member's choices in this org; no row means every reminder, by email too. */
export async function getReminderPreferences(tx: Tx, orgId: string, userId: string): Promise<ReminderChoice> {
  const [row] = await tx
    .select({ inspections: reminderPreferences.inspections, reports: reminderPreferences.reports, email: reminderPreferences.email })
    .from(reminderPreferences)
    .where(and(eq(reminderPreferences.organizationId, orgId), eq(reminderPreferences.userId, userId)));
  return row ?? DEFAULT_CHOICE;
}

/** The acting member's own choices (never another member's). */
export async function saveReminderPreferences(tx: Tx, actor: Actor, prefs: ReminderChoice) {
  const before = await getReminderPreferences(tx, actor.orgId, actor.userId);
  const [row] = await tx
    .insert(reminderPreferences)
    .values({ organizationId: actor.orgId, userId: actor.userId, ...prefs })
    .onConflictDoUpdate({ target: [reminderPreferences.organizationId, reminderPreferences.userId], set: { ...prefs, updatedAt: new Date() } })
    .returning();
  await recordAudit(tx, actor, { action: 'update', entityType: 'reminder_preferences', entityId: row!.id, before, after: prefs });
  return row!;
}

/** The tenant's members with their email and reminder choices (the sweep decides who gets what). */
export async function listReminderRecipients(tx: Tx, orgId: string) {
  const rows = await tx
    .select({
      userId: memberships.userId,
      role: memberships.role,
      email: users.email,
      firstName: users.firstName,
      inspections: reminderPreferences.inspections,
      reports: reminderPreferences.reports,
      wantsEmail: reminderPreferences.email,
    })
    .from(memberships)
    .leftJoin(users, eq(users.id, memberships.userId))
    .leftJoin(reminderPreferences, and(eq(reminderPreferences.organizationId, memberships.organizationId), eq(reminderPreferences.userId, memberships.userId)))
    .where(eq(memberships.organizationId, orgId))
    .orderBy(asc(memberships.userId));
  return rows.map((r) => ({
    userId: r.userId,
    role: r.role,
    email: r.email,
    firstName: r.firstName,
    choice: { inspections: r.inspections ?? true, reports: r.reports ?? true, email: r.wantsEmail ?? true },
  }));
}
