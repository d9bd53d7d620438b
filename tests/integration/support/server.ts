/**
 * The real built server (dist/server/entry.mjs) on a free loopback port, with its own temporary database
 * and outbox, for integration tests. `npm test` builds first; run `npm run build` before running these alone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { freePort } from '../../support/free-port';
import { join } from 'node:path';

export { freePort };

const ENTRY = 'dist/server/entry.mjs';


export interface TestServer {
  url: string;
  dir: string;
  db: string;
  outbox: string;
  /** Everything the server printed so far. */
  output(): string;
  /** Ends the process (SIGKILL by default: nothing may depend on a graceful shutdown). */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Stops and starts again on the same database and outbox. */
  restart(): Promise<TestServer>;
  /** Stops and deletes the temporary folder. */
  dispose(): Promise<void>;
}

export async function startServer(env: Record<string, string> = {}, dir = mkdtempSync(join(tmpdir(), 'newsletter-it-'))): Promise<TestServer> {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run \`npm run build\` first (npm test does).`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const db = join(dir, 'newsletter.sqlite');
  const outbox = join(dir, 'outbox');
  // process.execPath is the Node that runs the tests: the project's Node 22, which has node:sqlite.
  const child: ChildProcess = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', ENTRY], {
    env: { PATH: process.env['PATH'] ?? '', PORT: String(port), HOST: '127.0.0.1', NEWSLETTER_DB: db, NEWSLETTER_OUTBOX: outbox, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit');

  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server did not answer within 20 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  const server: TestServer = {
    url,
    dir,
    db,
    outbox,
    output: () => output,
    async stop(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        await exited;
      }
    },
    async restart() {
      await server.stop();
      return startServer(env, dir);
    },
    async dispose() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}
