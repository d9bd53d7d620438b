/**
 * Sending mail: over SMTP when SMTP_URL is set, otherwise each message is written as an RFC 5322 .eml file
 * to the outbox folder, so the whole flow works offline and in tests. Every message carries RFC 8058
 * one-click unsubscribe headers; a mailer cannot be asked to send one without an unsubscribe URL.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { EmailContent } from './emails.ts';

export interface OutgoingMail extends EmailContent {
  to: string;
  /** HTTPS in production: mailbox providers only offer one-click unsubscribe for HTTPS URLs. */
  unsubscribeUrl: string;
  /** The sender, when not the mailer's own. */
  from?: string | undefined;
  /**
   * A fixed Message-ID (one per digest issue and recipient, one per queued confirmation), so a copy sent again
   * after a crash is recognisably the same message. With `date`, it also names the .eml file, so a message
   * written again replaces its first copy instead of adding one.
   */
  messageId?: string | undefined;
  /** The Date header (when the message was queued); now when absent. */
  date?: Date | undefined;
}

export interface SentMail {
  messageId: string;
  /** The .eml file, when the message went to the outbox. */
  file?: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<SentMail>;
  /** Lets go of pooled SMTP connections. */
  close(): void;
}

export interface MailerOptions {
  from: string;
  smtpUrl?: string | undefined;
  outbox: string;
  /** The longest one SMTP conversation may take; a delivery claim must outlast it (see delivery.ts). */
  smtpTimeoutMs?: number;
  log?: (message: string) => void;
}

/** Outbox files being written end in this; they are renamed to .eml once complete. */
const PARTIAL = '.part';

function message(from: string, mail: OutgoingMail): SendMailOptions {
  return {
    from: mail.from ?? from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    list: { unsubscribe: { url: mail.unsubscribeUrl } },
    headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
    ...(mail.date ? { date: mail.date } : {}),
  };
}

/**
 * The outbox file for a message: its time, then its Message-ID's local part when it has one (so the same message
 * always gets the same name), else a random suffix. Names sort by time.
 */
export function emlFileName(mail: Pick<OutgoingMail, 'messageId' | 'date'>, now: Date): string {
  const time = (mail.date ?? now).toISOString().replace(/[-:.]/g, '');
  const id =
    mail.messageId && mail.date ? /^<?([^@>]+)/.exec(mail.messageId)?.[1]?.replace(/[^A-Za-z0-9_-]/g, '_') : undefined;
  return `${time}-${id ?? randomBytes(6).toString('hex')}.eml`;
}

export function createMailer({
  from,
  smtpUrl,
  outbox,
  smtpTimeoutMs = 30_000,
  log = console.info,
}: MailerOptions): Mailer {
  if (smtpUrl) {
    // Pooled: a batch of confirmations shares a few connections instead of opening one each. The three timeouts
    // add up to at most smtpTimeoutMs, so a stuck server cannot hold a message past its sender's claim.
    const third = Math.floor(smtpTimeoutMs / 3);
    const transport = nodemailer.createTransport({
      url: smtpUrl,
      pool: true,
      maxConnections: 5,
      connectionTimeout: third,
      greetingTimeout: third,
      socketTimeout: third,
    });
    return {
      async send(mail) {
        const info = await transport.sendMail(message(from, mail));
        return { messageId: info.messageId };
      },
      close: () => transport.close(),
    };
  }
  // CRLF line endings: the .eml is byte for byte what would have gone over SMTP.
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    async send(mail) {
      const info = await transport.sendMail(message(from, mail));
      await mkdir(outbox, { recursive: true });
      const file = join(outbox, emlFileName(mail, new Date()));
      // Written under a temporary name, then renamed: whoever watches the outbox never sees half a message.
      await writeFile(`${file}${PARTIAL}`, info.message as Buffer);
      await rename(`${file}${PARTIAL}`, file);
      log(`[newsletter] email written to ${file}`);
      return { messageId: info.messageId, file };
    },
    close: () => {},
  };
}

/**
 * Deletes half-written outbox files that nobody is still writing (older than `olderThanMs`): what a process
 * killed mid-write leaves. The message itself is sent again by whoever claims it next. Returns how many.
 */
export async function removeStalePartials(outbox: string, olderThanMs: number, now = Date.now()): Promise<number> {
  const names = await readdir(outbox).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names.filter((n) => n.endsWith(PARTIAL))) {
    const path = join(outbox, name);
    const info = await stat(path).catch(() => null);
    if (info && now - info.mtimeMs >= olderThanMs) {
      await rm(path, { force: true });
      removed++;
    }
  }
  return removed;
}
