/**
 * Sending mail: over SMTP when SMTP_URL is set, otherwise each message is written as an RFC 5322 .eml file
 * to the outbox folder, so the whole flow works offline and in tests. Every message carries RFC 8058
 * one-click unsubscribe headers; a mailer cannot be asked to send one without an unsubscribe URL.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { EmailContent } from './emails.ts';

export interface OutgoingMail extends EmailContent {
  to: string;
  /** HTTPS in production: mailbox providers only offer one-click unsubscribe for HTTPS URLs. */
  unsubscribeUrl: string;
  /** A fixed Message-ID (e.g. one per digest issue and recipient, so a resent copy is recognisably the same). */
  messageId?: string | undefined;
}

export interface SentMail {
  messageId: string;
  /** The .eml file, when the message went to the outbox. */
  file?: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<SentMail>;
}

export interface MailerOptions {
  from: string;
  smtpUrl?: string | undefined;
  outbox: string;
  log?: (message: string) => void;
}

function message(from: string, mail: OutgoingMail): SendMailOptions {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    list: { unsubscribe: { url: mail.unsubscribeUrl } },
    headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
  };
}

export function createMailer({ from, smtpUrl, outbox, log = console.info }: MailerOptions): Mailer {
  if (smtpUrl) {
    const transport = nodemailer.createTransport(smtpUrl);
    return {
      async send(mail) {
        const info = await transport.sendMail(message(from, mail));
        return { messageId: info.messageId };
      },
    };
  }
  // CRLF line endings: the .eml is byte for byte what would have gone over SMTP.
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    async send(mail) {
      const info = await transport.sendMail(message(from, mail));
      await mkdir(outbox, { recursive: true });
      const name = `${new Date().toISOString().replace(/[-:.]/g, '')}-${randomBytes(6).toString('hex')}.eml`;
      const file = join(outbox, name);
      // Written under a temporary name, then renamed: whoever watches the outbox never sees half a message.
      await writeFile(`${file}.part`, info.message as Buffer);
      await rename(`${file}.part`, file);
      log(`[newsletter] email written to ${file}`);
      return { messageId: info.messageId, file };
    },
  };
}
