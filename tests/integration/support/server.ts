/**
 * The real production server (scripts/server.mjs, as `npm run serve` runs it, over the built dist/) on a free loopback port, with its own temporary outbox and its
 * own database (a SQLite file, or a fresh PostgreSQL database), or one shared with other servers, for
 * integration tests. `npm test` builds first; run `npm run build` before running these alone. `copyProject()`
 * makes a throwaway copy of the server and the build to run instead, for tests that change files under it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../support/free-port';
import type { StoreKind } from '../../support/stores';
import { createPostgresDatabase, createTestDatabase, type TestDatabase } from './database';

export { freePort };

const BUILT = 'dist/server/entry.mjs';
const SERVER = 'scripts/server.mjs';

export interface ServerOptions {
  /** The kind of database to create for this server (default SQLite); ignored when `database` is given. */
  store?: StoreKind;
  /** A database shared with other servers: its owner disposes of it, not this server. */
  database?: TestDatabase;
  dir?: string;
  /** The project folder whose scripts/server.mjs and dist/ to run (default: this checkout), e.g. from `copyProject()`. */
  root?: string;
}

export interface TestServer {
  url: string;
  /** The server's process id (for /proc/<pid>/status). */
  pid: number;
  dir: string;
  db: TestDatabase;
  outbox: string;
  /** Everything the server printed so far. */
  output(): string;
  /** Ends the process (SIGKILL by default: nothing may depend on a graceful shutdown). */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Stops and starts again on the same database and outbox. */
  restart(): Promise<TestServer>;
  /** Stops and deletes the temporary folder, and the database unless it was shared. */
  dispose(): Promise<void>;
}

export async function startServer(env: Record<string, string> = {}, options: ServerOptions = {}): Promise<TestServer> {
  const root = options.root ?? '.';
  if (!existsSync(join(root, BUILT)))
    throw new Error(`${BUILT} is missing: run \`npm run build\` first (npm test does).`);
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'newsletter-it-'));
  const ownsDatabase = !options.database;
  const db = options.database ?? (await createTestDatabase(options.store ?? 'sqlite', join(dir, 'newsletter.sqlite')));
  return launch(env, dir, db, ownsDatabase, root);
}

/**
 * A throwaway copy of what the server runs (scripts/, src/, dist/, package.json; node_modules linked) in a new
 * temporary folder, so a test can change the build under a running server. The caller removes it.
 */
export function copyProject(): string {
  if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run \`npm run build\` first (npm test does).`);
  const root = mkdtempSync(join(tmpdir(), 'server-copy-'));
  for (const entry of ['scripts', 'src', 'dist', 'package.json']) cpSync(entry, join(root, entry), { recursive: true });
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

async function launch(
  env: Record<string, string>,
  dir: string,
  db: TestDatabase,
  ownsDatabase: boolean,
  root: string,
): Promise<TestServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const outbox = join(dir, 'outbox');
  // process.execPath is the Node that runs the tests: the project's Node 22, which has node:sqlite.
  const child: ChildProcess = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', SERVER], {
    cwd: root,
    env: {
      PATH: process.env['PATH'] ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      NEWSLETTER_OUTBOX: outbox,
      ...db.env,
      ...env,
    },
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
    pid: child.pid!,
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
      return launch(env, dir, db, ownsDatabase, root);
    },
    async dispose() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
      if (ownsDatabase) await db.dispose();
    },
  };
  return server;
}

/**
 * The servers a test file starts, and the PostgreSQL databases it creates for servers to share, all disposed of
 * together: `const pool = serverPool(); afterAll(() => pool.dispose());`.
 */
export function serverPool() {
  const servers: TestServer[] = [];
  const databases: TestDatabase[] = [];
  return {
    async start(env: Record<string, string>, options: ServerOptions = {}): Promise<TestServer> {
      const server = await startServer(env, options);
      servers.push(server);
      return server;
    },
    async sharedDatabase(): Promise<TestDatabase> {
      const database = await createPostgresDatabase();
      databases.push(database);
      return database;
    },
    async dispose(): Promise<void> {
      await Promise.all(servers.map((s) => s.dispose()));
      await Promise.all(databases.map((d) => d.dispose()));
    },
  };
}
