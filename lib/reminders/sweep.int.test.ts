/**
 * The reminder sweep end to end: the stored obligations (project_obligations,
 * recomputed from rain and inspections as a request's write does), in-app
 * reminders per member and their choices, and email received by a real local
 * SMTP server (smtp-server).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listNotifications, saveReminderPreferences } from '@/db/queries/notifications';
import { inspections, notifications, projects, rainEvents } from '@/db/schema';
import { withTenant, type Tx } from '@/db/tenant';
import { recomputeObligations } from '@/lib/compliance/recompute-obligations';
import { addMember, createOrganization, createUser, rowFactories, uniqueId } from '@/tests/support/factories';
import { startTestSmtp, type TestSmtp } from '@/tests/support/smtp';
import { listOutbox, outboxMailer, smtpMailer } from './mailer';
import { sweepReminders } from './sweep';

const ZONE = 'America/Denver';
// Nov 28, 7 AM–3 PM MST: 0.30 in; the storm inspection is due 24 h after it ended (3 PM MST Nov 29). At noon that day it is due within hours.
const NOW = new Date('2026-11-29T19:00:00Z');

interface Org {
  orgId: string;
  projectId: string;
  owner: string;
  optedOut: string;
  emailOff: string;
  crew: string;
}

async function org(label: string): Promise<Org> {
  const orgId = uniqueId('org', label);
  await createOrganization(orgId);
  const ids = { owner: uniqueId('user', `${label}_owner`), optedOut: uniqueId('user', `${label}_out`), emailOff: uniqueId('user', `${label}_inapp`), crew: uniqueId('user', `${label}_crew`) };
  for (const [key, id] of Object.entries(ids)) {
    await createUser(id, orgId);
    await addMember(orgId, id, key === 'owner' ? 'owner' : key === 'crew' ? 'crew' : 'inspector');
  }
  const projectId = await withTenant({ orgId, userId: ids.owner }, async (tx) => {
    await rowFactories.compliance_settings(tx, orgId, {});
    const [p] = await tx
      .insert(projects)
      .values({ organizationId: orgId, name: `Yard ${label}`, inspectionSchedule: 'every_14_days_and_storm', timeZone: ZONE, permitStart: '2026-11-01', createdBy: ids.owner })
      .returning({ id: projects.id });
    // Inspected and reported on Nov 20: the routine inspection is next due Dec 4, nothing else is owed.
    await tx.insert(inspections).values({ organizationId: orgId, projectId: p!.id, status: 'submitted', inspectedAt: new Date('2026-11-20T17:00:00Z'), signedAt: new Date('2026-11-20T18:00:00Z'), createdBy: ids.owner });
    await recomputeObligations(tx, orgId, p!.id, NOW);
    return p!.id;
  });
  await withTenant({ orgId, userId: ids.optedOut }, (tx) => saveReminderPreferences(tx, { orgId, userId: ids.optedOut }, { inspections: false, reports: false, email: false }));
  await withTenant({ orgId, userId: ids.emailOff }, (tx) => saveReminderPreferences(tx, { orgId, userId: ids.emailOff }, { inspections: true, reports: true, email: false }));
  return { orgId, projectId, ...ids };
}

/** Rows written here skip the request wrapper: recompute the project's stored obligations as its write would. */
const recompute = (tx: Tx, o: Org) => recomputeObligations(tx, o.orgId, o.projectId, NOW);
const storm = (o: Org, inches: string) =>
  withTenant({ orgId: o.orgId, userId: o.owner }, async (tx) => {
    await tx.insert(rainEvents).values({ organizationId: o.orgId, projectId: o.projectId, amountInches: inches, startedAt: new Date('2026-11-28T14:00:00Z'), endedAt: new Date('2026-11-28T22:00:00Z'), source: 'manual', recordedBy: o.owner });
    await recompute(tx, o);
  });
const inbox = (o: Org, user: string) => withTenant({ orgId: o.orgId, userId: user }, (tx) => listNotifications(tx, o.orgId, user));
const emailOf = (user: string) => `${user}@example.test`;

let smtp: TestSmtp;
let a: Org;
let b: Org;
let both: string;

beforeAll(async () => {
  smtp = await startTestSmtp();
  a = await org('rem_a');
  b = await org('rem_b');
  // One person in both orgs: reminders on in A, opted out in B (choices are per org).
  both = uniqueId('user', 'both');
  await createUser(both, a.orgId);
  await addMember(a.orgId, both, 'superintendent');
  await addMember(b.orgId, both, 'superintendent');
  await withTenant({ orgId: b.orgId, userId: both }, (tx) => saveReminderPreferences(tx, { orgId: b.orgId, userId: both }, { inspections: false, reports: false, email: false }));
  await storm(a, '0.30');
  // B's rain stays under the threshold: B owes nothing.
  await storm(b, '0.20');
});
afterAll(async () => smtp.stop());

describe('a due storm inspection is reminded in the app and by email', () => {
  it('the sweep of org A: a reminder for each member who chose it, mail for those who chose email, received by SMTP', async () => {
    const r = await sweepReminders(a.orgId, NOW, smtpMailer(smtp.url, 'BrAve Forms <reminders@example.test>'));
    expect(r).toMatchObject({ obligations: 1, notified: 3, emailed: 2, mailFailures: 0 });
    const to = smtp.received.flatMap((m) => m.to).sort();
    expect(to).toEqual([emailOf(a.owner), emailOf(both)].sort());
    const mail = smtp.received.find((m) => m.to.includes(emailOf(a.owner)))!;
    expect(mail.from).toBe('reminders@example.test');
    expect(mail.subject).toBe('Storm inspection due by Nov 29, 2026, 3:00 PM MST at Yard rem_a');
    expect(mail.text).toContain(`http://localhost:3000/projects/${a.projectId}`);
    expect(mail.text).toMatch(/0\.3 in of rain \(threshold 0\.25 in\).*\(CGP 2022 Part 4\.2\.2\)/);
  });

  it('in the app: the owner, the in-app-only member and the member of both orgs have it; the opted-out member and crew do not', async () => {
    for (const u of [a.owner, a.emailOff, both]) {
      const got = await inbox(a, u);
      expect(got.map((n) => [n.category, n.stage, n.projectId])).toEqual([['inspections', 'due_soon', a.projectId]]);
    }
    expect(await inbox(a, a.optedOut)).toEqual([]);
    expect(await inbox(a, a.crew)).toEqual([]);
    // Control for the opt-out: the in-app-only member (same role) got the reminder, so the role is not what stopped it.
    expect((await inbox(a, a.emailOff))[0]?.emailedAt).toBeNull();
  });

  it('a second sweep sends nothing again (one reminder per obligation and stage)', async () => {
    const before = smtp.received.length;
    const r = await sweepReminders(a.orgId, new Date(NOW.getTime() + 3_600_000), smtpMailer(smtp.url));
    expect(r).toMatchObject({ notified: 0, emailed: 0 });
    expect(smtp.received.length).toBe(before);
  });

  it('once the deadline passes unmet, an overdue reminder follows (a new stage of the same obligation)', async () => {
    const before = smtp.received.length;
    const r = await sweepReminders(a.orgId, new Date('2026-11-30T08:00:00Z'), smtpMailer(smtp.url));
    expect(r).toMatchObject({ obligations: 1, notified: 3, emailed: 2 });
    expect(smtp.received.slice(before).map((m) => m.subject)).toEqual([
      'Overdue: Storm inspection at Yard rem_a (was due Nov 29, 2026, 3:00 PM MST)',
      'Overdue: Storm inspection at Yard rem_a (was due Nov 29, 2026, 3:00 PM MST)',
    ]);
  });
});

describe('no mail crosses organizations', () => {
  it("org B owes nothing: its sweep sends no mail and writes no reminder; A's reminders are not B's", async () => {
    const before = smtp.received.length;
    const r = await sweepReminders(b.orgId, NOW, smtpMailer(smtp.url));
    expect(r).toMatchObject({ obligations: 0, notified: 0, emailed: 0 });
    expect(smtp.received.length).toBe(before);
    // The member of both orgs reads B's list: A's reminders are not there (tenant door + RLS).
    expect(await inbox(b, both)).toEqual([]);
    const foreign = await withTenant({ orgId: b.orgId, userId: both }, (tx) => tx.select().from(notifications).where(eq(notifications.organizationId, a.orgId)));
    expect(foreign).toEqual([]);
  });

  it("every mail so far went to a member of A and names only A's project", () => {
    const aMembers = new Set([a.owner, a.emailOff, a.optedOut, a.crew, both].map(emailOf));
    expect(smtp.received.length).toBeGreaterThan(0);
    for (const m of smtp.received) {
      expect(m.to.every((t) => aMembers.has(t))).toBe(true);
      expect(m.text).not.toContain(b.projectId);
      expect(m.text).not.toContain('Yard rem_b');
    }
  });

  it('when B does owe a storm inspection, its mail goes to its own members only — and not to the member who opted out in B', async () => {
    await withTenant({ orgId: b.orgId, userId: b.owner }, async (tx) => {
      await tx.update(rainEvents).set({ amountInches: '0.40' }).where(and(eq(rainEvents.organizationId, b.orgId), eq(rainEvents.projectId, b.projectId)));
      await recompute(tx, b);
    });
    const before = smtp.received.length;
    const r = await sweepReminders(b.orgId, NOW, smtpMailer(smtp.url));
    expect(r).toMatchObject({ obligations: 1, emailed: 1 });
    const sent = smtp.received.slice(before);
    expect(sent.flatMap((m) => m.to)).toEqual([emailOf(b.owner)]);
    expect(sent[0]!.subject).toContain('Yard rem_b');
  });
});

describe('a mail that fails is tried again by the next sweep', () => {
  it('SMTP down: reminders stay in the app, unmailed; the next sweep with SMTP back mails them', async () => {
    const c = await org('rem_c');
    await storm(c, '0.50');
    const down = await sweepReminders(c.orgId, NOW, smtpMailer('smtp://127.0.0.1:9'));
    expect(down).toMatchObject({ notified: 2, emailed: 0, mailFailures: 1 });
    expect((await inbox(c, c.owner))[0]?.emailedAt).toBeNull();
    const before = smtp.received.length;
    const back = await sweepReminders(c.orgId, new Date(NOW.getTime() + 3_600_000), smtpMailer(smtp.url));
    expect(back).toMatchObject({ notified: 0, emailed: 1 });
    expect(smtp.received.slice(before).flatMap((m) => m.to)).toEqual([emailOf(c.owner)]);
  });
});

describe('the sweep reads the stored obligations, not the engine', () => {
  it('a storm written without the recompute is not reminded; once its rows are recomputed it is', async () => {
    const d = await org('rem_d');
    await withTenant({ orgId: d.orgId, userId: d.owner }, (tx) =>
      tx.insert(rainEvents).values({ organizationId: d.orgId, projectId: d.projectId, amountInches: '0.60', startedAt: new Date('2026-11-28T14:00:00Z'), endedAt: new Date('2026-11-28T22:00:00Z'), source: 'manual', recordedBy: d.owner }),
    );
    expect(await sweepReminders(d.orgId, NOW, smtpMailer(smtp.url))).toMatchObject({ obligations: 0, notified: 0 });
    await withTenant({ orgId: d.orgId, userId: d.owner }, (tx) => recompute(tx, d));
    expect(await sweepReminders(d.orgId, NOW, smtpMailer(smtp.url))).toMatchObject({ obligations: 1, notified: 2, emailed: 1 });
  });
});

describe('the local outbox (no SMTP_URL)', () => {
  it("writes each mail under its org's folder; listing one org never shows another's", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'outbox-'));
    const mailer = outboxMailer(dir, 'BrAve Forms <reminders@localhost>');
    await mailer.send({ orgId: a.orgId, to: 'x@example.test', subject: 'Storm inspection due', text: 'A' });
    await mailer.send({ orgId: b.orgId, to: 'y@example.test', subject: 'Routine inspection due', text: 'B' });
    const listA = await listOutbox(a.orgId, dir);
    expect(listA.map((m) => [m.to, m.subject])).toEqual([['x@example.test', 'Storm inspection due']]);
    expect(await fs.readFile(path.join(dir, a.orgId, listA[0]!.file), 'utf8')).toMatch(/^Subject: Storm inspection due$/m);
    expect((await listOutbox(b.orgId, dir)).map((m) => m.to)).toEqual(['y@example.test']);
    expect(await listOutbox('../etc', dir)).toEqual([]);
    await expect(mailer.send({ orgId: '../x', to: 'z@example.test', subject: 's', text: 't' })).rejects.toThrow(/invalid organization/);
    await fs.rm(dir, { recursive: true, force: true });
  });
});
