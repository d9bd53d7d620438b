#!/usr/bin/env node
/**
 * `npm run bench:digest [-- --count 10000] [-- --pool]`: how long `newsletter send` takes for N confirmed
 * subscribers against a local SMTP server (smtp-server, in this process, accepting everything). Uses a
 * throwaway database; prints the CLI's summary and the wall time. The CLI runs in a throwaway copy of the
 * content, because a complete send records the issue in content/newsletter/ (the archive).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DatabaseSync } from 'node:sqlite';
import { SMTPServer } from 'smtp-server';
import { migrate } from '../src/newsletter/sqlite-store.ts';

const { values } = parseArgs({
  options: { count: { type: 'string', default: '10000' }, pool: { type: 'boolean', default: false } },
});
const count = Number(values.count);
const dir = mkdtempSync(join(tmpdir(), 'bench-digest-'));
const dbPath = join(dir, 'newsletter.sqlite');

// Seed N confirmed subscribers in one transaction.
const db = new DatabaseSync(dbPath);
migrate(db);
const now = new Date().toISOString();
const insert = db.prepare(
  `INSERT INTO subscribers (email, email_key, status, consent_text, created_at, consented_at, confirmed_at, unsubscribe_key, updated_at)
   VALUES (?, ?, 'confirmed', 'bench', ?, ?, ?, ?, ?)`,
);
db.exec('BEGIN');
for (let i = 0; i < count; i++)
  insert.run(`reader${i}@example.com`, `reader${i}@example.com`, now, now, now, `bench-key-${i}`, now);
db.exec('COMMIT');
db.close();

let received = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  // smtp-server looks up each client's reverse DNS by default: that, not sending, would be what is measured.
  disableReverseLookup: true,
  onData(stream, _session, callback) {
    stream.on('data', () => {});
    stream.on('end', () => (received++, callback()));
  },
});
const probe = createServer().listen(0, '127.0.0.1');
await once(probe, 'listening');
const port = probe.address().port;
probe.close();
await new Promise((resolve) => smtp.listen(port, '127.0.0.1', resolve));

cpSync('content', join(dir, 'content'), { recursive: true });
const started = performance.now();
const child = spawn(
  process.execPath,
  ['--disable-warning=ExperimentalWarning', resolve('scripts/newsletter.ts'), 'send', '--week', '2026-W48'],
  {
    cwd: dir,
    env: {
      ...process.env,
      NEWSLETTER_DB: dbPath,
      SMTP_URL: `smtp://127.0.0.1:${port}${values.pool ? '/?pool=true' : ''}`,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  },
);
const [code] = await once(child, 'close');
const seconds = (performance.now() - started) / 1000;
console.log(
  `\n${count} subscribers, ${received} messages received by the SMTP server, ${seconds.toFixed(1)} s (${(received / seconds).toFixed(0)} messages/s)${values.pool ? ', pooled connection' : ', one connection per message'}; exit ${code}`,
);
await new Promise((resolve) => smtp.close(resolve));
rmSync(dir, { recursive: true, force: true });
