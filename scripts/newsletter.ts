/**
 * `npm run newsletter -- <command>`: the subscriber list from the command line, on the same database as the
 * server (DATABASE_URL, else NEWSLETTER_DB; openStore picks it). Plain `node` runs this file: Node 22 strips the
 * TypeScript types, which is why the modules it imports use explicit `.ts` extensions. Safe while the server
 * runs (SQLite in WAL mode; PostgreSQL serves both).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig, type NewsletterConfig } from '../src/newsletter/config.ts';
import { toCsv, CSV_HEADER } from '../src/newsletter/csv.ts';
import { unsubscribeUrl } from '../src/newsletter/links.ts';
import { newsletterIssuePath } from '../src/lib/paths.ts';
import { openStore } from '../src/newsletter/open-store.ts';
import { site, siteUrl } from '../src/site.ts';

const USAGE = `Usage: npm run newsletter -- <command>

  stats    how many subscribers are pending, confirmed and unsubscribed, and the confirmation emails' outbox
  export   all subscribers as CSV on stdout (email,status,created,confirmed)
  prune    delete pending signups whose confirmation link has expired
  preview --week 2026-W48 [--out FILE]
           write the week's digest as FILE.html and FILE.txt (default data/digest/<week>) and print where
  deliver [--once]
           send the confirmation emails signups queued, until stopped (Ctrl-C); with --once, send what is
           due now and exit (status 1 if any was given up). The server does this itself unless it runs
           with NEWSLETTER_DELIVERY=separate; running both is safe
  send --week 2026-W48 [--dry-run] [--attempts 3]
           send the digest to confirmed subscribers (SMTP_URL, or .eml files in NEWSLETTER_OUTBOX); a re-run
           after a crash or failures sends only what is still due, never an issue twice to anyone. When
           nobody is left due, the issue is recorded in content/newsletter/<yyyy>-<ww>.md for the web archive

The database is PostgreSQL at DATABASE_URL when that is set, else the SQLite file NEWSLETTER_DB
(default data/newsletter.sqlite).`;

const command = process.argv[2];
if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
  console.log(USAGE);
  process.exit(0);
}
if (!['stats', 'export', 'prune', 'deliver', 'preview', 'send'].includes(command)) {
  console.error(`Unknown command "${command}".\n\n${USAGE}`);
  process.exit(2);
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
let config: NewsletterConfig;
try {
  config = readConfig(process.env, siteUrl());
} catch (error) {
  console.error(messageOf(error));
  process.exit(2);
}
const { dbPath } = config;

if (command === 'deliver') {
  const { deliverAllDue, startDeliveryRunner } = await import('../src/newsletter/delivery-runner.ts');
  const once = process.argv.slice(3).includes('--once');
  if (once) {
    try {
      const total = await deliverAllDue(process.env);
      console.log(
        `Sent ${total.sent} confirmation email${total.sent === 1 ? '' : 's'}; ${total.retrying} to retry later, ${total.failed} given up.`,
      );
      process.exit(total.failed ? 1 : 0);
    } catch (error) {
      console.error(messageOf(error));
      process.exit(1);
    }
  }
  const runner = startDeliveryRunner(process.env);
  console.log('Delivering queued confirmation emails; Ctrl-C to stop.');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void runner.stop().then(() => process.exit(0)));
  }
  await new Promise(() => {});
}

/** The server's store; a database that cannot be opened is one line on stderr and exit status 1. */
async function openSubscribers() {
  try {
    return (await openStore(config)).store;
  } catch (error) {
    console.error(messageOf(error));
    process.exit(1);
  }
}

if (command === 'preview' || command === 'send') {
  // Loaded only here: nodemailer and the content reader would slow down every `stats` and `export`.
  const { composeDigest, personalise, readDigestSources, selectItems } = await import('../src/newsletter/digest.ts');
  const { archiveRecordStep } = await import('../src/newsletter/archive.ts');
  const { issueFileName, NEWSLETTER_CONTENT_DIR, parseIsoWeek } = await import('../src/lib/iso-week.ts');
  const { sendIssue } = await import('../src/newsletter/digest-send.ts');
  const { createMailer } = await import('../src/newsletter/mailer.ts');
  let args;
  try {
    args = parseArgs({
      args: process.argv.slice(3),
      options: {
        week: { type: 'string' },
        out: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        attempts: { type: 'string', default: '3' },
      },
    }).values;
    if (!args.week) throw new Error('--week is required, e.g. --week 2026-W48.');
    if (!/^[1-9]\d?$/.test(args.attempts)) throw new Error('--attempts must be a whole number from 1 to 99.');
  } catch (error) {
    console.error(`${messageOf(error)}\n\n${USAGE}`);
    process.exit(2);
  }
  let week;
  try {
    week = parseIsoWeek(args.week);
  } catch (error) {
    console.error(messageOf(error));
    process.exit(2);
  }
  const base = siteUrl();
  const { entries, intro } = readDigestSources(process.cwd(), week);
  const items = selectItems(entries, week, base);
  // The issue's archive page exists once the recorded file is committed and the site rebuilt; until then this
  // link answers 404 (see README, "The archive").
  const webUrl = `${base}${newsletterIssuePath(week.id)}`;
  const content = composeDigest({ week, siteName: site.name, siteUrl: base, items, intro, webUrl });

  if (command === 'preview') {
    const out = resolve(args.out ?? join('data/digest', week.id)).replace(/\.(html|txt)$/, '');
    mkdirSync(dirname(out), { recursive: true });
    const sample = personalise(content, unsubscribeUrl(base, 'PREVIEW'));
    writeFileSync(`${out}.html`, sample.html);
    writeFileSync(`${out}.txt`, `Subject: ${sample.subject}\n\n${sample.text}`);
    console.log(
      `${week.id}: ${items.length} item${items.length === 1 ? '' : 's'}${intro ? " and the editor's intro" : ''}.`,
    );
    console.log(`HTML: ${out}.html`);
    console.log(`Text: ${out}.txt`);
    process.exit(0);
  }

  const store = await openSubscribers();
  try {
    const tty = process.stderr.isTTY;
    let lastLine = 0;
    const summary = await sendIssue({
      store,
      mailer: createMailer({ from: config.from, smtpUrl: config.smtpUrl, outbox: config.outbox, log: () => {} }),
      issue: week.id,
      content,
      unsubscribeUrl: (key) => unsubscribeUrl(base, key),
      messageIdDomain: new URL(base).hostname,
      dryRun: args['dry-run'],
      attempts: Number(args.attempts),
      onProgress(done, total) {
        // One line rewritten in place on a terminal; a line per 5% (and the last) in a log.
        const line = `[${'#'.repeat(total ? Math.round((done / total) * 30) : 30).padEnd(30, '.')}] ${done}/${total}`;
        if (tty) process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
        else if (done === total || done - lastLine >= Math.max(1, Math.ceil(total / 20))) {
          lastLine = done;
          process.stderr.write(`${line}\n`);
        }
      },
    });
    const counts = await store.deliveryCounts(week.id);
    if (summary.dryRun) {
      console.log(
        `Dry run of ${week.id}: would send ${summary.due} message${summary.due === 1 ? '' : 's'} (${summary.alreadySent} already sent); nothing was sent.`,
      );
      console.log(`Subject: ${content.subject}`);
    } else {
      console.log(
        `${week.id}: sent ${summary.sent} of ${summary.due} due (${summary.alreadySent} sent by an earlier run, ${counts.sent} in all).`,
      );
      if (summary.resentInDoubt)
        console.log(
          `${summary.resentInDoubt} of them had been interrupted mid-send and went again with the same Message-ID.`,
        );
      for (const f of summary.failed)
        console.log(`failed after ${f.attempts} attempt${f.attempts === 1 ? '' : 's'}: ${f.email}: ${f.error}`);
      if (summary.failed.length)
        console.log(`${summary.failed.length} failed; run the same command again to retry them.`);
      // Complete: record what went out in the issue's content file, for the web archive.
      const file = join(NEWSLETTER_CONTENT_DIR, issueFileName(week));
      const step = archiveRecordStep({
        week,
        file,
        fileText: existsSync(file) ? readFileSync(file, 'utf8') : undefined,
        sentInAll: counts.sent,
        stillDue: counts.sent > 0 ? (await store.dueRecipients(week.id)).length : 0,
        items,
        sentAt: new Date(),
        webUrl,
      });
      if (step.write !== undefined) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, step.write);
      }
      for (const line of step.log) console.log(line);
      if (step.error) {
        console.error(step.error);
        process.exitCode = 1;
      }
    }
    if (summary.failed.length) process.exitCode = 1;
  } finally {
    await store.close();
  }
  process.exit();
}
// Reading commands must not create a SQLite file: say there is none instead.
if (!config.databaseUrl && !existsSync(dbPath)) {
  console.error(`No newsletter database at ${dbPath} yet: nobody has signed up.`);
  if (command === 'export') process.stdout.write(`${CSV_HEADER.join(',')}\r\n`);
  process.exit(0);
}

const store = await openSubscribers();
try {
  if (command === 'stats') {
    const s = await store.stats(new Date());
    const row = (label: string, n: number, note = '') =>
      console.log(`${label.padEnd(14)}${String(n).padStart(7)}${note}`);
    row('pending', s.pending, s.expired ? `  (${s.expired} with an expired link: \`prune\` removes them)` : '');
    row('confirmed', s.confirmed);
    row('unsubscribed', s.unsubscribed);
    row('total', s.pending + s.confirmed + s.unsubscribed);
    const mail = await store.outboxCounts();
    console.log('\nconfirmation emails');
    row('waiting', mail.queued + mail.sending, mail.sending ? `  (${mail.sending} being sent now)` : '');
    row('sent', mail.sent);
    row('given up', mail.failed);
  } else if (command === 'export') {
    process.stdout.write(toCsv(await store.exportRows()));
  } else {
    const removed = await store.pruneExpired(new Date());
    console.log(`Removed ${removed} pending signup${removed === 1 ? '' : 's'} whose confirmation link had expired.`);
  }
} finally {
  await store.close();
}
