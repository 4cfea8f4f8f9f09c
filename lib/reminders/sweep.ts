import 'server-only';
import {
  insertNotification,
  listReminderRecipients,
  listUnmailedNotifications,
  markNotificationEmailed,
  type Notification,
} from '@/db/queries/notifications';
import { withTenant } from '@/db/tenant';
import { orgTimeZone } from '@/db/queries/dashboard';
import { env } from '@/lib/env';
import { formatDateTime } from '@/lib/format/when';
import { JOB_USER } from '@/lib/jobs/queues';
import { categoryOf, obligationLabel, receivesReminders } from './categories';
import { dueAndOverdueFor, type DueObligation } from './due-obligations';
import { defaultMailer, type Mailer } from './mailer';

export interface SweepResult {
  obligations: number;
  notified: number;
  emailed: number;
  mailFailures: number;
}

/** Unsent emails older than this are given up on (the in-app reminder stays). */
const MAIL_RETRY_HOURS = 24;

function appUrl(): string {
  return (env.APP_URL ?? env.APP_ORIGINS?.split(',')[0]?.trim() ?? 'http://localhost:3000').replace(/\/$/, '');
}

function notice(o: DueObligation) {
  const { stage } = o;
  const when = formatDateTime(o.dueAt, o.timeZone);
  const label = obligationLabel(o.kind);
  return {
    category: categoryOf(o.kind),
    stage,
    // One reminder per obligation and stage: the same deadline from the same source is the same obligation.
    dedupKey: [o.kind, o.projectId, o.sourceId ?? '-', o.dueAt.toISOString(), stage].join(':'),
    projectId: o.projectId,
    title: stage === 'overdue' ? `Overdue: ${label} at ${o.projectName} (was due ${when})` : `${label} due by ${when} at ${o.projectName}`,
    body: `${o.why} (${o.part})`,
    dueAt: o.dueAt,
  };
}

/**
 * One tenant's reminder sweep: the stored obligations due within a day or
 * overdue (dueAndOverdueFor, an indexed read of project_obligations), one in-app reminder per member who receives reminders
 * and chose that category, and an email of each for members who also chose
 * email. Runs in the tenant door as the jobs' system actor; each reminder is
 * written once (dedup key) and audited. Emails go after the commit; one that
 * fails is tried again by the next sweep.
 */
export async function sweepReminders(orgId: string, now = new Date(), mailer: Mailer = defaultMailer()): Promise<SweepResult> {
  const actor = { orgId, userId: JOB_USER, userAgent: 'reminder sweep' };
  const { obligations, notified, pending, recipients } = await withTenant(actor, async (tx) => {
    let created = 0;
    const due = await dueAndOverdueFor(tx, orgId, now, await orgTimeZone(tx, orgId));
    const members = (await listReminderRecipients(tx, orgId)).filter((m) => receivesReminders(m.role));
    for (const o of due) {
      const n = notice(o);
      for (const m of members) {
        if (m.choice[n.category] && (await insertNotification(tx, actor, { ...n, userId: m.userId }))) created++;
      }
    }
    const unmailed = await listUnmailedNotifications(tx, orgId, new Date(now.getTime() - MAIL_RETRY_HOURS * 3_600_000));
    return { obligations: due.length, notified: created, pending: unmailed, recipients: members };
  });
  const result: SweepResult = { obligations, notified, emailed: 0, mailFailures: 0 };
  const byUser = new Map(recipients.map((m) => [m.userId, m]));
  for (const n of pending) {
    const m = byUser.get(n.userId);
    if (!m?.email || !m.choice.email || !m.choice[n.category as 'inspections' | 'reports']) continue;
    try {
      await mailer.send({ orgId, to: m.email, subject: n.title, text: mailText(n, m.firstName) });
      await withTenant(actor, (tx) => markNotificationEmailed(tx, actor, n.id, new Date()));
      result.emailed++;
    } catch (error) {
      result.mailFailures++;
      console.warn(`[reminders] mail to ${m.userId} in ${orgId} failed: ${(error as Error).message}`);
    }
  }
  return result;
}

function mailText(n: Notification, firstName: string | null): string {
  const link = n.projectId ? `${appUrl()}/projects/${n.projectId}` : `${appUrl()}/notifications`;
  return [`Hello${firstName ? ` ${firstName}` : ''},`, '', n.title, '', n.body, '', `Open the project: ${link}`, `Choose which reminders you get: ${appUrl()}/notifications`].join('\n');
}
