/**
 * The SubscriberStore on Node's built-in SQLite (no native build). One file, WAL mode so the CLI can read
 * while the server writes, and a schema version (PRAGMA user_version) with forward-only migrations.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { MemoryRateLimiter, type RateLimiter, type RateLimitRule } from './rate-limit.ts';
import type {
  ClaimedConfirmation,
  ConfirmationDue,
  ConfirmOutcome,
  DeliveryCounts,
  DeliveryOutcome,
  DueRecipient,
  ExportRow,
  OutboxCounts,
  SignupRecord,
  StoreStats,
  SubscriberStatus,
  SubscriberStore,
} from './store.ts';

/** Migration N takes the schema from version N to N+1. Append; never edit one that has shipped. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE subscribers (
     id                 INTEGER PRIMARY KEY AUTOINCREMENT,
     email              TEXT NOT NULL,
     email_key          TEXT NOT NULL UNIQUE,
     status             TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed')),
     source             TEXT NOT NULL DEFAULT '',
     consent_text       TEXT NOT NULL,
     created_at         TEXT NOT NULL,
     consented_at       TEXT NOT NULL,
     confirmed_at       TEXT,
     unsubscribed_at    TEXT,
     confirm_token_hash TEXT UNIQUE,
     confirm_issued_at  TEXT,
     confirm_expires_at TEXT,
     unsubscribe_key    TEXT NOT NULL UNIQUE,
     updated_at         TEXT NOT NULL
   ) STRICT;
   CREATE INDEX subscribers_pending_expiry ON subscribers (confirm_expires_at) WHERE status = 'pending';`,
  // One row per issue and subscriber: the key that makes a re-run after a crash skip whoever already has it.
  `CREATE TABLE deliveries (
     issue         TEXT NOT NULL,
     subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
     status        TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'failed')),
     attempts      INTEGER NOT NULL DEFAULT 0,
     message_id    TEXT,
     error         TEXT,
     updated_at    TEXT NOT NULL,
     PRIMARY KEY (issue, subscriber_id)
   ) STRICT;`,
  // The outbox: confirmation emails queued with their signup, in its transaction, and sent by a delivery loop.
  // due_at is when a waiting email may next be tried, or when a sender's claim on it runs out.
  `CREATE TABLE outbox (
     id            INTEGER PRIMARY KEY AUTOINCREMENT,
     subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
     status        TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'superseded', 'failed')),
     token         TEXT,
     link_base     TEXT NOT NULL,
     sender        TEXT NOT NULL,
     attempts      INTEGER NOT NULL DEFAULT 0,
     queued_at     TEXT NOT NULL,
     due_at        TEXT NOT NULL,
     sent_at       TEXT,
     last_error    TEXT
   ) STRICT;
   CREATE INDEX outbox_due ON outbox (due_at) WHERE status IN ('queued', 'sending');
   CREATE INDEX outbox_waiting ON outbox (subscriber_id) WHERE status = 'queued';`,
];

/** How long a connection waits for another's lock before it gives up with "database is locked". */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Switching a new file to WAL takes the file for itself. When two connections switch at the same moment, each
 * holds the shared lock the other must wait out; SQLite breaks that deadlock by failing one of them at once, without
 * its busy timeout. That one tries again (a few times, a few milliseconds apart), by which time the file is in WAL.
 */
function switchToWal(db: DatabaseSync): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 1; ; attempt++) {
    try {
      db.exec('PRAGMA journal_mode = WAL');
      return;
    } catch (error) {
      const busy = (error as { errcode?: number }).errcode === SQLITE_BUSY;
      if (!busy || attempt === 20) throw error;
      Atomics.wait(pause, 0, 0, 5 * attempt); // open() is synchronous: a short blocking pause
    }
  }
}
const SQLITE_BUSY = 5;

// Timestamps are ISO 8601 UTC strings: readable in any SQLite shell, and they sort and compare as text.
const iso = (d: Date) => d.toISOString();

export class SqliteSubscriberStore implements SubscriberStore {
  readonly #db: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  /** Opens (creating the folder and file if needed) and migrates the database at `path`. */
  static open(path: string): SqliteSubscriberStore {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    // The busy timeout is set as the file opens, before the first PRAGMA: switching a new file to WAL takes a lock,
    // and a second process opening it at that moment (the server and its delivery thread do) must wait, not fail.
    const db = new DatabaseSync(path, { timeout: BUSY_TIMEOUT_MS });
    switchToWal(db);
    // synchronous = NORMAL in WAL mode: a commit survives the process being killed (not a power cut).
    db.exec('PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;');
    migrate(db);
    return new SqliteSubscriberStore(db);
  }

  async recordSignup(r: SignupRecord): Promise<ConfirmationDue | null> {
    return this.#transaction(() => {
      const due = this.#upsertSubscriber(r);
      if (due) {
        this.#sql(
          `UPDATE outbox SET status = 'superseded', token = NULL WHERE subscriber_id = ? AND status = 'queued'`,
        ).run(due.id);
        this.#sql(
          `INSERT INTO outbox (subscriber_id, status, token, link_base, sender, queued_at, due_at)
             VALUES (:id, 'queued', :token, :linkBase, :sender, :now, :now)`,
        ).run({
          id: due.id,
          token: r.confirmation.token,
          linkBase: r.confirmation.linkBase,
          sender: r.confirmation.sender,
          now: iso(r.now),
        });
      }
      return due;
    });
  }

  /** Each statement is compiled once and reused: compiling took as long as running it. */
  #sql(text: string): StatementSync {
    let statement = this.#statements.get(text);
    if (!statement) {
      statement = this.#db.prepare(text);
      this.#statements.set(text, statement);
    }
    return statement;
  }

  /** BEGIN IMMEDIATE takes the write lock up front, so another process's writer waits instead of deadlocking. */
  #transaction<T>(work: () => T): T {
    this.#sql('BEGIN IMMEDIATE').run();
    try {
      const result = work();
      this.#sql('COMMIT').run();
      return result;
    } catch (error) {
      this.#sql('ROLLBACK').run();
      throw error;
    }
  }

  #upsertSubscriber(r: SignupRecord): ConfirmationDue | null {
    // One statement, so two simultaneous signups of one address cannot both insert (no read-then-write).
    const row = this.#sql(
      `INSERT INTO subscribers (email, email_key, status, source, consent_text, created_at, consented_at,
           confirm_token_hash, confirm_issued_at, confirm_expires_at, unsubscribe_key, updated_at)
         VALUES (:email, :key, 'pending', :source, :consent, :now, :now, :hash, :now, :expires, :unsub, :now)
         ON CONFLICT (email_key) DO UPDATE SET
           status = 'pending', source = excluded.source, consent_text = excluded.consent_text,
           consented_at = excluded.consented_at, confirmed_at = NULL, unsubscribed_at = NULL,
           confirm_token_hash = excluded.confirm_token_hash, confirm_issued_at = excluded.confirm_issued_at,
           confirm_expires_at = excluded.confirm_expires_at, updated_at = excluded.updated_at
         WHERE subscribers.status = 'unsubscribed'
            OR (subscribers.status = 'pending'
                AND (subscribers.confirm_issued_at IS NULL OR subscribers.confirm_issued_at <= :reissueBefore))
         RETURNING id, email, unsubscribe_key`,
    ).get({
      email: r.email,
      key: r.emailKey,
      source: r.source,
      consent: r.consentText,
      now: iso(r.now),
      hash: r.tokenHash,
      expires: iso(r.expiresAt),
      unsub: r.unsubscribeKey,
      reissueBefore: iso(r.reissueBefore),
    }) as { id: number; email: string; unsubscribe_key: string } | undefined;
    return row ? { id: row.id, email: row.email, unsubscribeKey: row.unsubscribe_key } : null;
  }

  async claimConfirmations(now: Date, leaseMs: number, limit: number): Promise<ClaimedConfirmation[]> {
    const at = iso(now);
    return this.#transaction(() => {
      // Their link no longer works: the subscriber confirmed through an earlier one, or unsubscribed.
      this.#sql(
        `UPDATE outbox SET status = 'superseded', token = NULL
           WHERE status IN ('queued', 'sending') AND due_at <= ?
             AND subscriber_id IN (SELECT id FROM subscribers WHERE status != 'pending')`,
      ).run(at);
      const ids = this.#sql(
        `UPDATE outbox SET status = 'sending', attempts = attempts + 1, due_at = :leaseEnd
           WHERE id IN (SELECT id FROM outbox WHERE status IN ('queued', 'sending') AND due_at <= :now ORDER BY id LIMIT :limit)
           RETURNING id`,
      )
        .all({ now: at, leaseEnd: iso(new Date(now.getTime() + leaseMs)), limit })
        .map((r) => Number(r['id']));
      if (ids.length === 0) return [];
      const rows = this.#sql(
        `SELECT o.id, o.token, o.link_base, o.sender, o.attempts, o.queued_at, s.email, s.unsubscribe_key
           FROM outbox o JOIN subscribers s ON s.id = o.subscriber_id
           WHERE o.id IN (SELECT value FROM json_each(?)) ORDER BY o.id`,
      ).all(JSON.stringify(ids)) as {
        id: number;
        token: string;
        link_base: string;
        sender: string;
        attempts: number;
        queued_at: string;
        email: string;
        unsubscribe_key: string;
      }[];
      return rows.map((r) => ({
        id: r.id,
        token: r.token,
        linkBase: r.link_base,
        sender: r.sender,
        attempt: r.attempts,
        queuedAt: new Date(r.queued_at),
        email: r.email,
        unsubscribeKey: r.unsubscribe_key,
      }));
    });
  }

  async confirmationSent(claim: Pick<ClaimedConfirmation, 'id' | 'attempt'>, now: Date): Promise<void> {
    this.#sql(
      `UPDATE outbox SET status = 'sent', token = NULL, sent_at = ?, last_error = NULL WHERE id = ? AND attempts = ? AND status = 'sending'`,
    ).run(iso(now), claim.id, claim.attempt);
  }

  async confirmationFailed(
    claim: Pick<ClaimedConfirmation, 'id' | 'attempt'>,
    error: string,
    retryAt: Date | null,
    now: Date,
  ): Promise<void> {
    const mine = {
      sql: `WHERE id = :id AND attempts = :attempt AND status = 'sending'`,
      params: { id: claim.id, attempt: claim.attempt },
    };
    this.#transaction(() => {
      if (retryAt) {
        this.#sql(`UPDATE outbox SET status = 'queued', due_at = :retryAt, last_error = :error ${mine.sql}`).run({
          ...mine.params,
          retryAt: iso(retryAt),
          error,
        });
        return;
      }
      const gaveUp = this.#sql(
        `UPDATE outbox SET status = 'failed', token = NULL, due_at = :now, last_error = :error ${mine.sql} RETURNING subscriber_id`,
      ).get({
        ...mine.params,
        now: iso(now),
        error,
      });
      // Nothing went out: the next signup of this address may send a new confirmation straight away.
      if (gaveUp)
        this.#sql(`UPDATE subscribers SET confirm_issued_at = NULL WHERE id = ? AND status = 'pending'`).run(
          gaveUp['subscriber_id']!,
        );
    });
  }

  /** One SQLite file serves one server process, so the counts can stay in its memory. */
  rateLimiter(rule: RateLimitRule): RateLimiter {
    return new MemoryRateLimiter(rule);
  }

  async outboxCounts(): Promise<OutboxCounts> {
    const row = this.#sql(
      `SELECT count(*) FILTER (WHERE status = 'queued') AS queued, count(*) FILTER (WHERE status = 'sending') AS sending,
           count(*) FILTER (WHERE status = 'sent') AS sent, count(*) FILTER (WHERE status = 'failed') AS failed
         FROM outbox`,
    ).get() as unknown as OutboxCounts;
    return { queued: row.queued, sending: row.sending, sent: row.sent, failed: row.failed };
  }

  async findPending(tokenHash: string, now: Date): Promise<{ email: string; expired: boolean } | null> {
    const row = this.#sql(
      `SELECT email, confirm_expires_at AS expires FROM subscribers WHERE confirm_token_hash = ? AND status = 'pending'`,
    ).get(tokenHash) as { email: string; expires: string } | undefined;
    return row ? { email: row.email, expired: row.expires <= iso(now) } : null;
  }

  async confirm(tokenHash: string, now: Date): Promise<ConfirmOutcome> {
    const confirmed = this.#sql(
      `UPDATE subscribers SET status = 'confirmed', confirmed_at = :now, updated_at = :now,
           confirm_token_hash = NULL, confirm_issued_at = NULL, confirm_expires_at = NULL
         WHERE confirm_token_hash = :hash AND status = 'pending' AND confirm_expires_at > :now
         RETURNING id`,
    ).get({ hash: tokenHash, now: iso(now) });
    if (confirmed) return 'confirmed';
    const pending = await this.findPending(tokenHash, now);
    return pending?.expired ? 'expired' : 'invalid';
  }

  async findByUnsubscribeKey(key: string): Promise<{ email: string; status: SubscriberStatus } | null> {
    const row = this.#sql('SELECT email, status FROM subscribers WHERE unsubscribe_key = ?').get(key) as
      { email: string; status: SubscriberStatus } | undefined;
    return row ? { email: row.email, status: row.status } : null;
  }

  async unsubscribe(key: string, now: Date): Promise<boolean> {
    // Any outstanding confirmation link dies with the subscription.
    const changed = this.#sql(
      `UPDATE subscribers SET status = 'unsubscribed', unsubscribed_at = :now, updated_at = :now,
           confirm_token_hash = NULL, confirm_issued_at = NULL, confirm_expires_at = NULL
         WHERE unsubscribe_key = :key AND status != 'unsubscribed'`,
    ).run({ key, now: iso(now) });
    return changed.changes > 0 || (await this.findByUnsubscribeKey(key)) !== null;
  }

  async stats(now: Date): Promise<StoreStats> {
    const row = this.#sql(
      `SELECT
           count(*) FILTER (WHERE status = 'pending') AS pending,
           count(*) FILTER (WHERE status = 'confirmed') AS confirmed,
           count(*) FILTER (WHERE status = 'unsubscribed') AS unsubscribed,
           count(*) FILTER (WHERE status = 'pending' AND confirm_expires_at <= ?) AS expired
         FROM subscribers`,
    ).get(iso(now)) as unknown as StoreStats;
    return { pending: row.pending, confirmed: row.confirmed, unsubscribed: row.unsubscribed, expired: row.expired };
  }

  async exportRows(): Promise<ExportRow[]> {
    const rows = this.#sql('SELECT email, status, created_at, confirmed_at FROM subscribers ORDER BY id').all() as {
      email: string;
      status: SubscriberStatus;
      created_at: string;
      confirmed_at: string | null;
    }[];
    return rows.map((r) => ({
      email: r.email,
      status: r.status,
      createdAt: r.created_at,
      confirmedAt: r.confirmed_at,
    }));
  }

  async pruneExpired(now: Date): Promise<number> {
    const result = this.#sql(`DELETE FROM subscribers WHERE status = 'pending' AND confirm_expires_at <= ?`).run(
      iso(now),
    );
    return Number(result.changes);
  }

  async dueRecipients(issue: string): Promise<DueRecipient[]> {
    const rows = this.#sql(
      `SELECT s.id, s.email, s.unsubscribe_key, d.status, coalesce(d.attempts, 0) AS attempts
         FROM subscribers s LEFT JOIN deliveries d ON d.subscriber_id = s.id AND d.issue = ?
         WHERE s.status = 'confirmed' AND (d.status IS NULL OR d.status != 'sent')
         ORDER BY s.id`,
    ).all(issue) as { id: number; email: string; unsubscribe_key: string; status: string | null; attempts: number }[];
    return rows.map((r) => ({
      id: r.id,
      email: r.email,
      unsubscribeKey: r.unsubscribe_key,
      inDoubt: r.status === 'sending',
      attempts: r.attempts,
    }));
  }

  async beginDelivery(issue: string, subscriberId: number, now: Date): Promise<void> {
    this.#sql(
      `INSERT INTO deliveries (issue, subscriber_id, status, attempts, updated_at) VALUES (:issue, :id, 'sending', 1, :now)
         ON CONFLICT (issue, subscriber_id) DO UPDATE SET status = 'sending', attempts = attempts + 1, error = NULL, updated_at = :now
         WHERE deliveries.status != 'sent'`,
    ).run({ issue, id: subscriberId, now: iso(now) });
  }

  async finishDelivery(issue: string, subscriberId: number, outcome: DeliveryOutcome, now: Date): Promise<void> {
    const sent = 'messageId' in outcome;
    this.#sql(
      `UPDATE deliveries SET status = :status, message_id = :messageId, error = :error, updated_at = :now
         WHERE issue = :issue AND subscriber_id = :id`,
    ).run({
      issue,
      id: subscriberId,
      status: sent ? 'sent' : 'failed',
      messageId: sent ? outcome.messageId : null,
      error: sent ? null : outcome.error,
      now: iso(now),
    });
  }

  async deliveryCounts(issue: string): Promise<DeliveryCounts> {
    const row = this.#sql(
      `SELECT count(*) FILTER (WHERE status = 'sent') AS sent, count(*) FILTER (WHERE status = 'failed') AS failed,
           count(*) FILTER (WHERE status = 'sending') AS sending
         FROM deliveries WHERE issue = ?`,
    ).get(issue) as unknown as DeliveryCounts;
    return { sent: row.sent, failed: row.failed, sending: row.sending };
  }

  async close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close();
  }
}

/** Brings the schema up to date. BEGIN IMMEDIATE makes a second process wait, then see the new version. */
export function migrate(db: DatabaseSync): number {
  const version = () => (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
  if (version() > MIGRATIONS.length) {
    throw new Error(
      `The newsletter database is at schema version ${version()}, newer than this code (${MIGRATIONS.length}).`,
    );
  }
  while (version() < MIGRATIONS.length) {
    db.exec('BEGIN IMMEDIATE');
    try {
      const current = version();
      if (current < MIGRATIONS.length) {
        db.exec(MIGRATIONS[current]!);
        db.exec(`PRAGMA user_version = ${current + 1}`);
      }
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
  return version();
}
