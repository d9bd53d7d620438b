/**
 * The database a test server keeps its subscribers in, whichever store it is: what to put in the server's (and
 * the CLI's) environment, the rows as they are stored, and deleting it afterwards. PostgreSQL databases are
 * created per suite with a random name on the server DATABASE_URL points to.
 */
import { existsSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { BUSY_TIMEOUT_MS } from '../../../src/newsletter/sqlite-store';
import { createScratchDatabase, withClient } from '../../../scripts/lib/postgres.mjs';
import { postgresUrl, type StoreKind } from '../../support/stores';

export interface Row {
  email: string;
  email_key: string;
  status: string;
  source: string;
  confirm_token_hash: string | null;
}

export interface TestDatabase {
  kind: StoreKind;
  /** DATABASE_URL or NEWSLETTER_DB: how a server or the CLI is pointed at it. */
  env: Record<string, string>;
  /** Every subscriber row in id order, read beside the server (which keeps writing meanwhile). */
  rows(): Promise<Row[]>;
  /** Every delivery row, by subscriber id. */
  deliveries(): Promise<{ status: string; attempts: number }[]>;
  /** Outbox rows by status (queued, sending, sent, superseded, failed). */
  outbox(): Promise<Record<string, number>>;
  dispose(): Promise<void>;
}

const SUBSCRIBERS = 'SELECT email, email_key, status, source, confirm_token_hash FROM subscribers ORDER BY id';
const DELIVERIES =
  'SELECT issue, CAST(subscriber_id AS integer) AS subscriber_id, status, attempts FROM deliveries ORDER BY subscriber_id';
const OUTBOX = 'SELECT status, CAST(count(*) AS integer) AS n FROM outbox GROUP BY status';
const byStatus = (rows: { status: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r.status, r.n]));

/** A SQLite file at `sqlitePath` (created by whoever opens it first), or a fresh PostgreSQL database. */
export async function createTestDatabase(kind: StoreKind, sqlitePath: string): Promise<TestDatabase> {
  return kind === 'postgres' ? createPostgresDatabase() : sqliteDatabase(sqlitePath);
}

function sqliteDatabase(path: string): TestDatabase {
  // A read-only connection; no file yet means nobody has signed up.
  const all = <T>(sql: string): T[] => {
    if (!existsSync(path)) return [];
    // A busy timeout, as the server's own connections have: right after a kill -9 the next writer recovers the
    // journal under a lock, and a read that meets it would otherwise fail with "database is locked".
    const conn = new DatabaseSync(path, { readOnly: true, timeout: BUSY_TIMEOUT_MS });
    try {
      return conn.prepare(sql).all() as unknown as T[];
    } finally {
      conn.close();
    }
  };
  return {
    kind: 'sqlite',
    env: { NEWSLETTER_DB: path },
    rows: async () => all<Row>(SUBSCRIBERS),
    deliveries: async () => all(DELIVERIES),
    outbox: async () => byStatus(all(OUTBOX)),
    dispose: async () => {},
  };
}

/** A fresh PostgreSQL database with a random name on the server DATABASE_URL points to. */
export async function createPostgresDatabase(): Promise<TestDatabase> {
  if (!postgresUrl) throw new Error('PostgreSQL variant registered without a reachable DATABASE_URL');
  const db = await createScratchDatabase(postgresUrl, 'guide_test_it');
  // Tables appear when the server first opens the store: before that, there are no rows.
  const all = <T>(sql: string): Promise<T[]> =>
    withClient(db.url, (client) => client.query(sql)).then(
      (result) => result.rows as T[],
      (error: { code?: string }) => {
        if (error.code === '42P01') return []; // undefined_table
        throw error;
      },
    );
  return {
    kind: 'postgres',
    env: { DATABASE_URL: db.url },
    rows: () => all<Row>(SUBSCRIBERS),
    deliveries: () => all(DELIVERIES),
    outbox: async () => byStatus(await all(OUTBOX)),
    dispose: db.drop,
  };
}
