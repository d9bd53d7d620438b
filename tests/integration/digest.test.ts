/**
 * `npm run newsletter -- send` against a real SMTP server on loopback: only confirmed subscribers get the issue,
 * with the one-click headers and their own working unsubscribe link; a dry run sends nothing; a sender killed
 * half-way (SIGKILL, by the test, while the SMTP server holds back its answer to the next message) and run again
 * delivers every remaining message exactly once; a refused address is retried
 * a bounded number of times and reported. Only a run that leaves nobody due records the issue for the web archive
 * in content/newsletter/<yyyy>-<ww>.md. Runs the CLI the way `npm run newsletter` does (no build needed), on each
 * store (SQLite, and PostgreSQL when DATABASE_URL reaches one), in a throwaway copy of the content so that the
 * record never lands in the real one.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { parse } from 'yaml';
import { splitFrontmatter } from '../../src/lib/frontmatter';
import { freezeItems } from '../../src/newsletter/archive';
import { issueFileName, NEWSLETTER_CONTENT_DIR } from '../../src/lib/iso-week';
import { readDigestSources, selectItems } from '../../src/newsletter/digest';
import { openStore } from '../../src/newsletter/open-store';
import { articlesIn, latestContentWeek } from '../support/content-week';
import { storeKinds } from '../support/stores';
import { createTestDatabase, type TestDatabase } from './support/database';
import { freePort } from './support/server';

interface Received {
  to: string[];
  data: string;
}

const BOUNCE = 'bounce@example.com';
const CONFIRMED = ['ann@example.com', 'bob@example.com', 'cy@example.com', 'dee@example.com', 'eve@example.com'];
/** The newest content week: its digest carries articles whatever content is added (see tests/support/content-week.ts). */
const WEEK = latestContentWeek;
const ISSUE_FILE = `${NEWSLETTER_CONTENT_DIR}/${issueFileName(WEEK)}`;
const ARCHIVE_URL = `https://guide.example/newsletter/archive/${WEEK.id.toLowerCase()}/`;

/** Where one CLI run works: its database, and its project folder (a copy of the content). */
interface Target {
  database: TestDatabase;
  root: string;
}

describe.each(storeKinds())('on %s', (kind) => {
  let dir: string;
  let database: TestDatabase;
  /** The CLI's working directory: a copy of the project's content. */
  let root: string;
  let smtp: SMTPServer;
  let smtpPort: number;
  const received: Received[] = [];
  let rcptAttempts = 0;
  /** A crash to cause: the sender is killed when it offers recipient number `at` of its run (counting from 1). */
  let crash: { at: number; seen: number; kill: () => void } | undefined;

  /** The store the CLI uses, opened the same way (openStore) and on the same database. */
  const open = async (db = database) =>
    (await openStore({ databaseUrl: db.env['DATABASE_URL'], dbPath: db.env['NEWSLETTER_DB'] ?? '' })).store;

  async function seed(db: TestDatabase, confirmed: string[], withOthers: boolean): Promise<void> {
    const store = await open(db);
    const now = new Date();
    const add = async (email: string, status: 'confirmed' | 'pending' | 'unsubscribed') => {
      const tokenHash = randomBytes(16).toString('hex');
      const unsubscribeKey = randomBytes(32).toString('base64url');
      await store.recordSignup({
        email,
        emailKey: email,
        source: 'test',
        consentText: 'yes',
        tokenHash,
        expiresAt: new Date(now.getTime() + 3_600_000),
        unsubscribeKey,
        now,
        reissueBefore: now,
        confirmation: { token: tokenHash, linkBase: 'https://guide.example', sender: 'news@guide.example' },
      });
      if (status !== 'pending') await store.confirm(tokenHash, now);
      if (status === 'unsubscribed') await store.unsubscribe(unsubscribeKey, now);
    };
    for (const email of confirmed) await add(email, 'confirmed');
    if (withOthers) {
      await add('pending@example.com', 'pending');
      await add('gone@example.com', 'unsubscribed');
      await add(BOUNCE, 'confirmed');
    }
    await store.close();
  }

  // Asynchronous: the SMTP server runs in this process, so its event loop must keep turning while the CLI sends.
  // With `killAt`, the sender is killed (SIGKILL) while it waits for the SMTP server to accept recipient number
  // `killAt`: every earlier message went out and was recorded, and that one is left in doubt, as a crash would.
  async function send(args: string[], target: Target = { database, root }, killAt?: number) {
    const child = spawn(
      process.execPath,
      ['--disable-warning=ExperimentalWarning', resolve('scripts/newsletter.ts'), 'send', '--week', WEEK.id, ...args],
      {
        cwd: target.root,
        env: {
          PATH: process.env['PATH'] ?? '',
          ...target.database.env,
          SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
          NEWSLETTER_FROM: 'Guide <news@guide.example>',
          SITE_URL: 'https://guide.example',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    crash = killAt === undefined ? undefined : { at: killAt, seen: 0, kill: () => child.kill('SIGKILL') };
    const timer = setTimeout(() => child.kill('SIGTERM'), 90_000);
    const [status, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
    clearTimeout(timer);
    crash = undefined;
    return { status, signal, stdout, stderr };
  }

  const deliveries = () => database.deliveries();

  const decodeQp = (s: string) =>
    s.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const header = (data: string, name: string) =>
    new RegExp(`^${name}:\\s*(.*(?:\\r\\n[ \\t].*)*)`, 'mi').exec(data)?.[1]?.replace(/\r\n[ \t]+/g, ' ');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'digest-it-'));
    database = await createTestDatabase(kind, join(dir, 'newsletter.sqlite'));
    root = join(dir, 'project');
    cpSync('content', join(root, 'content'), { recursive: true });
    await seed(database, CONFIRMED, true);
    smtpPort = await freePort();
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address, _session, callback) {
        // No answer ever comes: the sender dies waiting for it.
        if (crash && ++crash.seen === crash.at) return crash.kill();
        if (address.address === BOUNCE) {
          rcptAttempts++;
          return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
        }
        callback();
      },
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
          callback();
        });
      },
    });
    // A sender killed mid-conversation resets its connection; any other error still fails the run.
    smtp.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET') throw error;
    });
    await new Promise<void>((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));
  }, 30_000);

  afterAll(async () => {
    await new Promise<void>((resolve) => (smtp ? smtp.close(resolve) : resolve()));
    if (dir) rmSync(dir, { recursive: true, force: true });
    await database?.dispose();
  });

  describe('sending the digest', { timeout: 120_000 }, () => {
    it('a dry run sends nothing and records nothing', async () => {
      const run = await send(['--dry-run']);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('would send 6 messages');
      expect(received).toEqual([]);
      expect(await deliveries()).toEqual([]);
      expect(existsSync(join(root, ISSUE_FILE))).toBe(false);
    });

    it('killed after two messages, a re-run delivers each remaining one exactly once, and reports the refused address', async () => {
      const crashed = await send(['--attempts', '2'], undefined, 3);
      expect(crashed.signal).toBe('SIGKILL');
      expect(received.map((m) => m.to)).toEqual([[CONFIRMED[0]], [CONFIRMED[1]]]);
      expect((await deliveries()).map((d) => d.status)).toEqual(['sent', 'sent', 'sending']);
      expect(existsSync(join(root, ISSUE_FILE))).toBe(false);

      const rerun = await send(['--attempts', '2']);
      expect(rerun.status).toBe(1); // one address failed
      expect(rerun.stdout).toContain('sent 3 of 4 due (2 sent by an earlier run');
      // The third was claimed but never accepted: it goes now, once, with the Message-ID it had.
      expect(rerun.stdout).toContain(
        '1 of them had been interrupted mid-send and went again with the same Message-ID.',
      );
      expect(rerun.stdout).toMatch(new RegExp(`failed after 2 attempts: ${BOUNCE}: .*550`));
      expect(rerun.stderr).toMatch(/\] 4\/4/);
      expect(rcptAttempts).toBe(2);

      // Every confirmed subscriber exactly once; nobody pending, unsubscribed or refused.
      expect(received.map((m) => m.to.join()).sort()).toEqual([...CONFIRMED].sort());
      expect((await deliveries()).map((d) => d.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent', 'failed']);

      // A third run sends nobody the issue again; it only retries the failed address.
      const third = await send(['--attempts', '1']);
      expect(third.stdout).toContain('sent 0 of 1 due (5 sent by an earlier run');
      expect(received).toHaveLength(5);
      expect(rcptAttempts).toBe(3);
      // The refused address is still due: the issue is not complete, so it is not recorded for the archive.
      expect(existsSync(join(root, ISSUE_FILE))).toBe(false);
      expect(third.stdout).not.toContain('Recorded');
    });

    it('carries the one-click headers, a stable Message-ID and absolute links', () => {
      for (const mail of received) {
        expect(mail.data).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
        expect(header(mail.data, 'List-Unsubscribe')).toMatch(
          /^<https:\/\/guide\.example\/newsletter\/unsubscribe\/\?token=[A-Za-z0-9_-]{43}>$/,
        );
        expect(header(mail.data, 'Message-ID')).toMatch(new RegExp(`^<digest-${WEEK.id}-\\d+@guide\\.example>$`));
        expect(header(mail.data, 'Subject')).toContain(WEEK.id);
        expect(decodeQp(mail.data)).toContain('https://guide.example/frameworks/django/');
      }
    });

    it('gives each recipient their own unsubscribe link, and it unsubscribes them', async () => {
      const store = await open();
      try {
        const keys = new Set<string>();
        for (const mail of received) {
          const body = decodeQp(mail.data.slice(mail.data.indexOf('\r\n\r\n')));
          const inBody = [
            ...body.matchAll(/https:\/\/guide\.example\/newsletter\/unsubscribe\/\?token=([A-Za-z0-9_-]{43})/g),
          ].map((m) => m[1]!);
          const key = /token=([A-Za-z0-9_-]{43})/.exec(header(mail.data, 'List-Unsubscribe')!)![1]!;
          expect(inBody.length).toBeGreaterThanOrEqual(2); // text and HTML parts
          expect(new Set(inBody)).toEqual(new Set([key]));
          expect(await store.findByUnsubscribeKey(key)).toEqual({ email: mail.to[0], status: 'confirmed' });
          expect(await store.unsubscribe(key, new Date())).toBe(true);
          expect(await store.findByUnsubscribeKey(key)).toEqual({ email: mail.to[0], status: 'unsubscribed' });
          keys.add(key);
        }
        expect(keys.size).toBe(CONFIRMED.length);
      } finally {
        await store.close();
      }
    });
  });

  describe('recording a sent issue for the web archive', { timeout: 120_000 }, () => {
    const READERS = ['fay@example.com', 'gus@example.com', 'hal@example.com'];
    const INTRO = 'Hello readers,\n\nthree things changed this week.\n';
    let target: Target;
    let file: string;
    let before: number;

    beforeAll(async () => {
      target = {
        database: await createTestDatabase(kind, join(dir, 'archive.sqlite')),
        root: join(dir, 'archive-project'),
      };
      cpSync('content', join(target.root, 'content'), { recursive: true });
      file = join(target.root, ISSUE_FILE);
      mkdirSync(join(target.root, 'content/newsletter'), { recursive: true });
      writeFileSync(file, INTRO); // the editor's intro, written before sending
      await seed(target.database, READERS, false);
    });
    afterAll(() => target?.database.dispose());

    it('a dry run and a run killed half-way leave the issue file untouched', async () => {
      before = received.length;
      const dry = await send(['--dry-run'], target);
      expect(dry.status, dry.stderr).toBe(0);
      expect(readFileSync(file, 'utf8')).toBe(INTRO);

      const crashed = await send([], target, 2);
      expect(crashed.signal).toBe('SIGKILL');
      expect(received.length - before).toBe(1);
      expect(readFileSync(file, 'utf8')).toBe(INTRO);
    });

    it('the run that leaves nobody due writes sentAt and the frozen items, keeps the intro, and says to commit', async () => {
      const startedAt = Date.now();
      const run = await send([], target);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('sent 2 of 2 due (1 sent by an earlier run');
      expect(run.stdout).toContain(`Recorded ${WEEK.id} as sent (${articlesIn(WEEK)} items) in ${ISSUE_FILE}.`);
      expect(run.stdout).toContain(`Commit ${ISSUE_FILE} and rebuild to publish it in the archive at ${ARCHIVE_URL}`);

      const { frontmatter, body } = splitFrontmatter(readFileSync(file, 'utf8'));
      expect(body).toBe(INTRO);
      const data = parse(frontmatter!) as { sentAt: string; items: unknown[] };
      expect(Date.parse(data.sentAt)).toBeGreaterThanOrEqual(startedAt - 1000);
      expect(Date.parse(data.sentAt)).toBeLessThanOrEqual(Date.now());
      const week = WEEK;
      const expected = freezeItems(
        selectItems(readDigestSources(target.root, week).entries, week, 'https://guide.example'),
      );
      expect(expected).toHaveLength(articlesIn(WEEK));
      expect(data.items).toEqual(expected);
    });

    it('every copy links to the issue’s web page', () => {
      const mails = received.slice(before);
      expect(mails.map((m) => m.to[0]).sort()).toEqual([...READERS].sort());
      for (const mail of mails) {
        const body = decodeQp(mail.data);
        expect(body).toContain(`Read this issue on the web: ${ARCHIVE_URL}`);
        expect(body).toContain(`<a href="${ARCHIVE_URL}"`);
        expect(body).toMatch(/>Read this issue on the web<\/a>/);
      }
    });

    it('a later run changes nothing: the record stays as first written', async () => {
      const recorded = readFileSync(file, 'utf8');
      const again = await send([], target);
      expect(again.status, again.stderr).toBe(0);
      expect(again.stdout).toContain('sent 0 of 0 due');
      expect(again.stdout).toContain(`${ISSUE_FILE} already records ${WEEK.id} as sent; left as it is.`);
      expect(readFileSync(file, 'utf8')).toBe(recorded);
    });
  });
});
