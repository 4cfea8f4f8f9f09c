import 'server-only';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { z } from 'zod';
import { env } from '@/lib/env';

interface Mail {
  /** The tenant the mail is about: the outbox files it under its own folder. */
  orgId: string;
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

const ORG_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Through SMTP (`SMTP_URL`, e.g. smtp://user:pass@mail.example.com:587): the production transport. */
export function smtpMailer(url: string, from = env.MAIL_FROM): Mailer {
  const transport: Transporter = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}

/**
 * The embedded default: each mail rendered by nodemailer (the same MIME an
 * SMTP server would get) and written to `<dir>/<orgId>/<time>-<id>.eml`,
 * with a JSON summary next to it for the development outbox page.
 */
export function outboxMailer(dir = env.OUTBOX_DIR, from = env.MAIL_FROM): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      if (!ORG_ID.test(mail.orgId)) throw new Error('invalid organization id for the outbox');
      const info = await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
      const folder = path.join(dir, mail.orgId);
      await fs.mkdir(folder, { recursive: true });
      const base = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID()}`;
      await fs.writeFile(path.join(folder, `${base}.eml`), info.message as Buffer);
      const summary: OutboxMail = { to: mail.to, from, subject: mail.subject, text: mail.text, sentAt: new Date().toISOString(), file: `${base}.eml` };
      await fs.writeFile(path.join(folder, `${base}.json`), JSON.stringify(summary));
    },
  };
}

const outboxMail = z.object({ to: z.string(), from: z.string(), subject: z.string(), text: z.string(), sentAt: z.iso.datetime(), file: z.string() });
export type OutboxMail = z.infer<typeof outboxMail>;

/** One tenant's mails in the local outbox, newest first (only its own folder is read). */
export async function listOutbox(orgId: string, dir = env.OUTBOX_DIR): Promise<OutboxMail[]> {
  if (!ORG_ID.test(orgId)) return [];
  const folder = path.join(dir, orgId);
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  const mails: OutboxMail[] = [];
  for (const name of names.filter((n) => n.endsWith('.json')).sort().reverse().slice(0, 200)) {
    const parsed = outboxMail.safeParse(JSON.parse(await fs.readFile(path.join(folder, name), 'utf8')));
    if (parsed.success) mails.push(parsed.data);
  }
  return mails;
}

/** SMTP when SMTP_URL is set, the local outbox otherwise. */
export function defaultMailer(): Mailer {
  return env.SMTP_URL ? smtpMailer(env.SMTP_URL) : outboxMailer();
}
