/**
 * `npm run newsletter -- <command>`: the subscriber list from the command line, on the same database as the
 * server (NEWSLETTER_DB). Plain `node` runs this file: Node 22 strips the TypeScript types, which is why the
 * modules it imports use explicit `.ts` extensions. Safe while the server runs (WAL mode).
 */
import { existsSync } from 'node:fs';
import { readConfig } from '../src/newsletter/config.ts';
import { toCsv, CSV_HEADER } from '../src/newsletter/csv.ts';
import { SqliteSubscriberStore } from '../src/newsletter/sqlite-store.ts';
import { siteUrl } from '../src/site.ts';

const USAGE = `Usage: npm run newsletter -- <command>

  stats    how many subscribers are pending, confirmed and unsubscribed
  export   all subscribers as CSV on stdout (email,status,created,confirmed)
  prune    delete pending signups whose confirmation link has expired

The database is NEWSLETTER_DB (default data/newsletter.sqlite).`;

const command = process.argv[2];
if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
  console.log(USAGE);
  process.exit(0);
}
if (!['stats', 'export', 'prune'].includes(command)) {
  console.error(`Unknown command "${command}".\n\n${USAGE}`);
  process.exit(2);
}

const { dbPath } = readConfig(process.env, siteUrl());
// Reading commands must not create a database: say there is none instead.
if (!existsSync(dbPath)) {
  console.error(`No newsletter database at ${dbPath} yet: nobody has signed up.`);
  if (command === 'export') process.stdout.write(`${CSV_HEADER.join(',')}\r\n`);
  process.exit(0);
}

const store = SqliteSubscriberStore.open(dbPath);
try {
  if (command === 'stats') {
    const s = await store.stats(new Date());
    const row = (label: string, n: number, note = '') => console.log(`${label.padEnd(14)}${String(n).padStart(7)}${note}`);
    row('pending', s.pending, s.expired ? `  (${s.expired} with an expired link: \`prune\` removes them)` : '');
    row('confirmed', s.confirmed);
    row('unsubscribed', s.unsubscribed);
    row('total', s.pending + s.confirmed + s.unsubscribed);
  } else if (command === 'export') {
    process.stdout.write(toCsv(await store.exportRows()));
  } else {
    const removed = await store.pruneExpired(new Date());
    console.log(`Removed ${removed} pending signup${removed === 1 ? '' : 's'} whose confirmation link had expired.`);
  }
} finally {
  await store.close();
}
