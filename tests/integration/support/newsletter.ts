/** Looking at what the server did: rows in its database, messages in its outbox, and the CLI's view. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Row, TestDatabase } from './database';

/** Every subscriber row as stored, whichever store holds them. */
export const rows = (db: TestDatabase): Promise<Row[]> => db.rows();

export function outboxFiles(outbox: string): string[] {
  return existsSync(outbox)
    ? readdirSync(outbox)
        .filter((f) => f.endsWith('.eml'))
        .sort()
        .map((f) => join(outbox, f))
    : [];
}

/**
 * The outbox's messages once there are at least `count` of them (mail leaves through a queue, a moment after the
 * signup is answered). Fails after `timeoutMs` with what there was.
 */
export async function waitForEmails(outbox: string, count: number, timeoutMs = 15_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = outboxFiles(outbox);
    if (files.length >= count) return files;
    if (Date.now() > deadline)
      throw new Error(`Expected ${count} email(s) in ${outbox} within ${timeoutMs} ms; found ${files.length}.`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until the outbox table has nothing left to send (queued or being sent), then says what it holds. */
export async function waitForDelivery(db: TestDatabase, timeoutMs = 15_000): Promise<Record<string, number>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const outbox = await db.outbox();
    if (!outbox['queued'] && !outbox['sending']) return outbox;
    if (Date.now() > deadline)
      throw new Error(`The outbox still had mail to send after ${timeoutMs} ms: ${JSON.stringify(outbox)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface Email {
  raw: string;
  /** Header names in lower case, folded lines joined. */
  headers: Map<string, string>;
  /** The text/plain part, quoted-printable decoded. */
  text: string;
}

export function readEmail(file: string): Email {
  const raw = readFileSync(file, 'utf8');
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const body = rest.join('\r\n\r\n');
  const plain = /Content-Type: text\/plain[^]*?\r\n\r\n([^]*?)\r\n--/.exec(body)?.[1] ?? '';
  const text = plain
    .replace(/=\r\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return { raw, headers, text };
}

/** The confirmation and unsubscribe links in an email, as paths with their query (the test server's origin varies). */
export function linksIn(email: Email): { confirm: string; unsubscribe: string } {
  const find = (path: string) => {
    const match = new RegExp(`https?://[^/\\s]+(${path}\\?token=[A-Za-z0-9_-]{43})`).exec(email.text);
    if (!match) throw new Error(`No ${path} link in:\n${email.text}`);
    return match[1]!;
  };
  return { confirm: find('/newsletter/confirm/'), unsubscribe: find('/newsletter/unsubscribe/') };
}

/** Runs the newsletter CLI the way `npm run newsletter` does, on the same database and outbox as the server. */
export function cli(
  server: { db: TestDatabase; outbox: string },
  ...args: string[]
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', 'scripts/newsletter.ts', ...args],
    {
      env: { PATH: process.env['PATH'] ?? '', ...server.db.env, NEWSLETTER_OUTBOX: server.outbox },
      encoding: 'utf8',
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const formHeaders = (origin: string) => ({
  'Content-Type': 'application/x-www-form-urlencoded',
  Origin: origin,
});
export const jsonHeaders = { 'Content-Type': 'application/json', Accept: 'application/json' };

/** A signup posted as JSON, as the page's script sends it. */
export const signupJson = (server: { url: string }, email: string) =>
  fetch(`${server.url}/api/newsletter`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ email }) });

/** The To: address of every email in the servers' outboxes. */
export const recipients = (...servers: { outbox: string }[]) =>
  servers.flatMap((s) => outboxFiles(s.outbox)).map((f) => readEmail(f).headers.get('to'));
