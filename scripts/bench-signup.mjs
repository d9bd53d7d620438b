#!/usr/bin/env node
/**
 * `npm run bench:signup`: signups per second and latency against the production server (scripts/server.mjs, as
 * `npm run serve` runs it) on loopback, with a throwaway database and outbox. Every request is a distinct address
 * (a real insert and a real queued email), as JSON. After the load it waits for the server's delivery thread to
 * empty the outbox (every email a real .eml) and says how long that took.
 * Options: --connections N (default 10), --duration S (default 10), --store sqlite|postgres (default: postgres
 * when DATABASE_URL is set, in a throwaway database created beside it). Figures, not pass/fail, except that every
 * acknowledged (2xx) address must be in the database afterwards, exactly once, and mailed: otherwise it exits 1.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { signupStore } from './lib/bench-args.mjs';
import { createScratchDatabase, withClient } from './lib/postgres.mjs';
import { checkStoredOnce } from './lib/stored-once.mjs';

let store;
let values;
try {
  values = parseArgs({
    options: {
      connections: { type: 'string', default: '10' },
      duration: { type: 'string', default: '10' },
      store: { type: 'string' },
    },
  }).values;
  store = signupStore(values.store, process.env);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
const connections = Number(values.connections);
const duration = Number(values.duration);

if (!existsSync('dist/server/entry.mjs')) {
  console.error('dist/server/entry.mjs is missing: run `npm run build` first.');
  process.exit(1);
}

const probe = createServer().listen(0, '127.0.0.1');
await once(probe, 'listening');
const { port } = probe.address();
probe.close();
await once(probe, 'close');

const dir = mkdtempSync(join(tmpdir(), 'bench-signup-'));
const outbox = join(dir, 'outbox');
const postgres =
  store === 'postgres' ? await createScratchDatabase(process.env.DATABASE_URL.trim(), 'guide_bench_signup') : undefined;
const storeLabel = postgres
  ? `PostgreSQL ${await withClient(postgres.url, async (c) => (await c.query('SHOW server_version')).rows[0].server_version)} (throwaway database ${postgres.name})`
  : `SQLite (node:sqlite, throwaway file, WAL)`;
const server = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', 'scripts/server.mjs'], {
  env: {
    PATH: process.env.PATH,
    PORT: String(port),
    HOST: '127.0.0.1',
    ...(postgres ? { DATABASE_URL: postgres.url } : { NEWSLETTER_DB: join(dir, 'db.sqlite') }),
    NEWSLETTER_OUTBOX: outbox,
    NEWSLETTER_RATE_LIMIT: 'off',
  },
  stdio: 'ignore',
});
const exited = once(server, 'exit');
const url = `http://127.0.0.1:${port}`;
let result;
let written;
/** Seconds from the end of the load until the outbox had nothing left to send (null: not within a minute). */
let drainSeconds = null;
/** Addresses the server answered 2xx for, and the address of every row stored. */
const acknowledged = new Set();
let stored;
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/`)).ok) break;
    } catch {
      if (i > 200) throw new Error('server did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  let n = 0;
  result = await autocannon({
    url: `${url}/api/newsletter`,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        // A distinct address per request, so every one is a real insert and a real email.
        setupRequest: (req, context) => {
          context.email = `bench${n++}@example.com`;
          return { ...req, body: JSON.stringify({ email: context.email }) };
        },
        onResponse: (status, _body, context) => {
          if (status >= 200 && status < 300) acknowledged.add(context.email);
        },
      },
    ],
  });
  const loadEnded = Date.now();
  while (Date.now() - loadEnded < 60_000) {
    if ((await unsentEmails()) === 0) {
      drainSeconds = (Date.now() - loadEnded) / 1000;
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
} finally {
  // The throwaway database and outbox go whatever happened.
  server.kill();
  await exited;
  written = existsSync(outbox) ? readdirSync(outbox).filter((f) => f.endsWith('.eml')).length : 0;
  stored = await storedEmails();
  rmSync(dir, { recursive: true, force: true });
  await postgres?.drop();
}

console.log(`POST /api/newsletter, ${connections} connections, ${duration} s, Node ${process.versions.node}, loopback`);
console.log(`store       ${storeLabel}`);
console.log(
  `signups/s   mean ${result.requests.average.toFixed(0)}, min ${result.requests.min}, max ${result.requests.max}`,
);
console.log(
  `latency ms  mean ${result.latency.average.toFixed(1)}, p50 ${result.latency.p50}, p90 ${result.latency.p90}, p99 ${result.latency.p99}, max ${result.latency.max}`,
);
console.log(
  `responses   ${result['2xx']} 2xx, ${result.non2xx} other, ${result.errors} errors, ${result.timeouts} timeouts`,
);
console.log(
  `mail        ${written} .eml files written by the delivery thread; ${drainSeconds === null ? 'the outbox was not empty a minute after the load' : `the outbox was empty ${drainSeconds.toFixed(1)} s after the load ended`}`,
);

const check = checkStoredOnce(acknowledged, stored);
console.log(
  `stored      ${stored.length} rows; ${check.storedOnce} of ${check.acknowledged} acknowledged addresses stored exactly once, ${check.inFlight} more from requests in flight at the end`,
);
if (check.wrong.length) {
  console.error(
    `${check.wrong.length} acknowledged addresses are not stored exactly once, e.g. ${check.wrong.slice(0, 3).join(', ')}`,
  );
  process.exitCode = 1;
}
if (written !== stored.length) {
  console.error(
    `${stored.length} signups stored but ${written} emails written: every stored signup must be mailed once.`,
  );
  process.exitCode = 1;
}

/** Emails still queued or being sent. */
async function unsentEmails() {
  const sql = `SELECT count(*) AS n FROM outbox WHERE status IN ('queued', 'sending')`;
  if (postgres) return withClient(postgres.url, async (c) => Number((await c.query(sql)).rows[0].n));
  const db = new DatabaseSync(join(dir, 'db.sqlite'), { readOnly: true });
  try {
    return Number(db.prepare(sql).get().n);
  } finally {
    db.close();
  }
}

/** Every stored address, read after the server stopped. */
async function storedEmails() {
  if (postgres)
    return withClient(postgres.url, async (c) =>
      (await c.query('SELECT email FROM subscribers')).rows.map((r) => r.email),
    );
  const file = join(dir, 'db.sqlite');
  if (!existsSync(file)) return [];
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return db
      .prepare('SELECT email FROM subscribers')
      .all()
      .map((r) => String(r.email));
  } finally {
    db.close();
  }
}
