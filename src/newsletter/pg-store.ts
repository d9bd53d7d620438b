/**
 * The SubscriberStore on PostgreSQL (`pg`, no ORM), for several server processes sharing one database. Same
 * tables and behaviour as the SQLite store; a `schema_version` table with forward-only migrations applied under
 * an advisory lock, so servers starting together migrate once. Only loaded when DATABASE_URL is set.
 */
import pg from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateDecision, RateLimiter, RateLimitRule } from './rate-limit.ts';
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
     id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     email              text NOT NULL,
     email_key          text NOT NULL UNIQUE,
     status             text NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed')),
     source             text NOT NULL DEFAULT '',
     consent_text       text NOT NULL,
     created_at         timestamptz NOT NULL,
     consented_at       timestamptz NOT NULL,
     confirmed_at       timestamptz,
     unsubscribed_at    timestamptz,
     confirm_token_hash text UNIQUE,
     confirm_issued_at  timestamptz,
     confirm_expires_at timestamptz,
     unsubscribe_key    text NOT NULL UNIQUE,
     updated_at         timestamptz NOT NULL
   );
   CREATE INDEX subscribers_pending_expiry ON subscribers (confirm_expires_at) WHERE status = 'pending';`,
  // One row per issue and subscriber: the key that makes a re-run after a crash skip whoever already has it.
  `CREATE TABLE deliveries (
     issue         text NOT NULL,
     subscriber_id bigint NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
     status        text NOT NULL CHECK (status IN ('sending', 'sent', 'failed')),
     attempts      integer NOT NULL DEFAULT 0,
     message_id    text,
     error         text,
     updated_at    timestamptz NOT NULL,
     PRIMARY KEY (issue, subscriber_id)
   );`,
  // The outbox: confirmation emails queued with their signup, in its transaction, and sent by a delivery loop.
  // due_at is when a waiting email may next be tried, or when a sender's claim on it runs out. rate_limits is
  // the table rate-limiter-flexible's RateLimiterPostgres expects (key, points, expire in ms since the epoch).
  `CREATE TABLE outbox (
     id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     subscriber_id bigint NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
     status        text NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'superseded', 'failed')),
     token         text,
     link_base     text NOT NULL,
     sender        text NOT NULL,
     attempts      integer NOT NULL DEFAULT 0,
     queued_at     timestamptz NOT NULL,
     due_at        timestamptz NOT NULL,
     sent_at       timestamptz,
     last_error    text
   );
   CREATE INDEX outbox_due ON outbox (due_at) WHERE status IN ('queued', 'sending');
   CREATE INDEX outbox_waiting ON outbox (subscriber_id) WHERE status = 'queued';
   CREATE TABLE rate_limits (
     key    varchar(255) PRIMARY KEY,
     points integer NOT NULL DEFAULT 0,
     expire bigint
   );`,
];

/** Connections per server process; PostgreSQL's default max_connections (100) leaves room for several servers. */
const POOL_SIZE = 10;

// bigint ids and counts arrive as strings (they may exceed 2^53 in general; ours never will).
const int = (value: string | number) => Number(value);
const iso = (value: Date | null) => (value ? value.toISOString() : null);

export class PgSubscriberStore implements SubscriberStore {
  readonly #pool: pg.Pool;
  #closed = false;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  /** Connects to `databaseUrl` and migrates it. */
  static async open(databaseUrl: string): Promise<PgSubscriberStore> {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL_SIZE, connectionTimeoutMillis: 10_000 });
    // An idle connection dropped by the server (a restart, a failover) must not crash the process; the pool
    // opens a new one on the next query.
    pool.on('error', (error) => console.error(`[newsletter] PostgreSQL connection lost: ${error.message}`));
    try {
      await migrate(pool);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PgSubscriberStore(pool);
  }

  async recordSignup(r: SignupRecord): Promise<ConfirmationDue | null> {
    // One statement, so trying it again after PostgreSQL rolled it back (a deadlock or serialization failure among
    // concurrent signups of one address) cannot store anything twice.
    try {
      return await this.#recordSignupOnce(r);
    } catch (error) {
      if (!/^40/.test(String((error as { code?: unknown }).code))) throw error;
      return this.#recordSignupOnce(r);
    }
  }

  async #recordSignupOnce(r: SignupRecord): Promise<ConfirmationDue | null> {
    // One statement, so it is one transaction, and two simultaneous signups of one address cannot both insert (no
    // read-then-write): the upsert, then (only when it returned the subscriber) the outbox's older waiting email
    // set aside and the new one queued.
    const { rows } = await this.#pool.query<{ id: string; email: string; unsubscribe_key: string }>(
      `WITH due AS (
       INSERT INTO subscribers (email, email_key, status, source, consent_text, created_at, consented_at,
         confirm_token_hash, confirm_issued_at, confirm_expires_at, unsubscribe_key, updated_at)
       VALUES ($1, $2, 'pending', $3, $4, $5, $5, $6, $5, $7, $8, $5)
       ON CONFLICT (email_key) DO UPDATE SET
         status = 'pending', source = excluded.source, consent_text = excluded.consent_text,
         consented_at = excluded.consented_at, confirmed_at = NULL, unsubscribed_at = NULL,
         confirm_token_hash = excluded.confirm_token_hash, confirm_issued_at = excluded.confirm_issued_at,
         confirm_expires_at = excluded.confirm_expires_at, updated_at = excluded.updated_at
       WHERE subscribers.status = 'unsubscribed'
          OR (subscribers.status = 'pending'
              AND (subscribers.confirm_issued_at IS NULL OR subscribers.confirm_issued_at <= $9))
       RETURNING id, email, unsubscribe_key
     ), superseded AS (
       UPDATE outbox SET status = 'superseded', token = NULL WHERE subscriber_id IN (SELECT id FROM due) AND status = 'queued'
     ), queued AS (
       INSERT INTO outbox (subscriber_id, status, token, link_base, sender, queued_at, due_at)
       SELECT id, 'queued', $10, $11, $12, $5, $5 FROM due
     )
     SELECT id, email, unsubscribe_key FROM due`,
      [
        r.email,
        r.emailKey,
        r.source,
        r.consentText,
        r.now,
        r.tokenHash,
        r.expiresAt,
        r.unsubscribeKey,
        r.reissueBefore,
        r.confirmation.token,
        r.confirmation.linkBase,
        r.confirmation.sender,
      ],
    );
    const row = rows[0];
    return row ? { id: int(row.id), email: row.email, unsubscribeKey: row.unsubscribe_key } : null;
  }

  async claimConfirmations(now: Date, leaseMs: number, limit: number): Promise<ClaimedConfirmation[]> {
    // SKIP LOCKED: senders in other processes claiming at the same moment take other rows instead of waiting.
    const { rows } = await this.#pool.query<{
      id: string;
      token: string | null;
      link_base: string;
      sender: string;
      attempts: number;
      queued_at: Date;
      email: string;
      unsubscribe_key: string;
      pending: boolean;
    }>(
      `WITH due AS (
         SELECT id FROM outbox WHERE status IN ('queued', 'sending') AND due_at <= $1 ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED
       )
       UPDATE outbox o SET
         status = CASE WHEN s.status = 'pending' THEN 'sending' ELSE 'superseded' END,
         token = CASE WHEN s.status = 'pending' THEN o.token END,
         attempts = o.attempts + 1, due_at = $2
       FROM due, subscribers s
       WHERE o.id = due.id AND s.id = o.subscriber_id
       RETURNING o.id, o.token, o.link_base, o.sender, o.attempts, o.queued_at, s.email, s.unsubscribe_key, s.status = 'pending' AS pending`,
      [now, new Date(now.getTime() + leaseMs), limit],
    );
    return rows
      .filter((r) => r.pending && r.token !== null)
      .sort((a, b) => int(a.id) - int(b.id))
      .map((r) => ({
        id: int(r.id),
        token: r.token!,
        linkBase: r.link_base,
        sender: r.sender,
        attempt: r.attempts,
        queuedAt: r.queued_at,
        email: r.email,
        unsubscribeKey: r.unsubscribe_key,
      }));
  }

  async confirmationSent(claim: Pick<ClaimedConfirmation, 'id' | 'attempt'>, now: Date): Promise<void> {
    await this.#pool.query(
      `UPDATE outbox SET status = 'sent', token = NULL, sent_at = $3, last_error = NULL WHERE id = $1 AND attempts = $2 AND status = 'sending'`,
      [claim.id, claim.attempt, now],
    );
  }

  async confirmationFailed(
    claim: Pick<ClaimedConfirmation, 'id' | 'attempt'>,
    error: string,
    retryAt: Date | null,
    now: Date,
  ): Promise<void> {
    if (retryAt) {
      await this.#pool.query(
        `UPDATE outbox SET status = 'queued', due_at = $3, last_error = $4 WHERE id = $1 AND attempts = $2 AND status = 'sending'`,
        [claim.id, claim.attempt, retryAt, error],
      );
      return;
    }
    // Nothing went out: the next signup of this address may send a new confirmation straight away.
    await this.#pool.query(
      `WITH gave_up AS (
         UPDATE outbox SET status = 'failed', token = NULL, due_at = $3, last_error = $4
         WHERE id = $1 AND attempts = $2 AND status = 'sending' RETURNING subscriber_id
       )
       UPDATE subscribers SET confirm_issued_at = NULL WHERE id IN (SELECT subscriber_id FROM gave_up) AND status = 'pending'`,
      [claim.id, claim.attempt, now, error],
    );
  }

  /**
   * Counted in the rate_limits table (rate-limiter-flexible), so every server on this database shares one allowance
   * per client. While the database cannot be reached, each process counts in its own memory instead.
   */
  rateLimiter(rule: RateLimitRule): RateLimiter {
    const options = { points: rule.limit, duration: Math.ceil(rule.windowMs / 1000), keyPrefix: 'signup' };
    const limiter = new RateLimiterPostgres({
      ...options,
      storeClient: this.#pool,
      storeType: 'pool',
      tableName: 'rate_limits',
      tableCreated: true,
      insuranceLimiter: new RateLimiterMemory(options),
    });
    return {
      async take(key: string): Promise<RateDecision> {
        try {
          await limiter.consume(key);
          return { ok: true };
        } catch (refusal) {
          if (!(refusal instanceof RateLimiterRes)) throw refusal;
          return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
        }
      },
    };
  }

  async outboxCounts(): Promise<OutboxCounts> {
    const { rows } = await this.#pool.query<Record<keyof OutboxCounts, string>>(
      `SELECT count(*) FILTER (WHERE status = 'queued') AS queued, count(*) FILTER (WHERE status = 'sending') AS sending,
         count(*) FILTER (WHERE status = 'sent') AS sent, count(*) FILTER (WHERE status = 'failed') AS failed
       FROM outbox`,
    );
    const row = rows[0]!;
    return { queued: int(row.queued), sending: int(row.sending), sent: int(row.sent), failed: int(row.failed) };
  }

  async findPending(tokenHash: string, now: Date): Promise<{ email: string; expired: boolean } | null> {
    const { rows } = await this.#pool.query<{ email: string; expired: boolean }>(
      `SELECT email, confirm_expires_at <= $2 AS expired FROM subscribers WHERE confirm_token_hash = $1 AND status = 'pending'`,
      [tokenHash, now],
    );
    return rows[0] ?? null;
  }

  async confirm(tokenHash: string, now: Date): Promise<ConfirmOutcome> {
    const confirmed = await this.#pool.query(
      `UPDATE subscribers SET status = 'confirmed', confirmed_at = $2, updated_at = $2,
         confirm_token_hash = NULL, confirm_issued_at = NULL, confirm_expires_at = NULL
       WHERE confirm_token_hash = $1 AND status = 'pending' AND confirm_expires_at > $2`,
      [tokenHash, now],
    );
    if (confirmed.rowCount) return 'confirmed';
    const pending = await this.findPending(tokenHash, now);
    return pending?.expired ? 'expired' : 'invalid';
  }

  async findByUnsubscribeKey(key: string): Promise<{ email: string; status: SubscriberStatus } | null> {
    const { rows } = await this.#pool.query<{ email: string; status: SubscriberStatus }>(
      'SELECT email, status FROM subscribers WHERE unsubscribe_key = $1',
      [key],
    );
    return rows[0] ?? null;
  }

  async unsubscribe(key: string, now: Date): Promise<boolean> {
    // Any outstanding confirmation link dies with the subscription.
    const changed = await this.#pool.query(
      `UPDATE subscribers SET status = 'unsubscribed', unsubscribed_at = $2, updated_at = $2,
         confirm_token_hash = NULL, confirm_issued_at = NULL, confirm_expires_at = NULL
       WHERE unsubscribe_key = $1 AND status != 'unsubscribed'`,
      [key, now],
    );
    return (changed.rowCount ?? 0) > 0 || (await this.findByUnsubscribeKey(key)) !== null;
  }

  async stats(now: Date): Promise<StoreStats> {
    const { rows } = await this.#pool.query<Record<keyof StoreStats, string>>(
      `SELECT
         count(*) FILTER (WHERE status = 'pending') AS pending,
         count(*) FILTER (WHERE status = 'confirmed') AS confirmed,
         count(*) FILTER (WHERE status = 'unsubscribed') AS unsubscribed,
         count(*) FILTER (WHERE status = 'pending' AND confirm_expires_at <= $1) AS expired
       FROM subscribers`,
      [now],
    );
    const row = rows[0]!;
    return {
      pending: int(row.pending),
      confirmed: int(row.confirmed),
      unsubscribed: int(row.unsubscribed),
      expired: int(row.expired),
    };
  }

  async exportRows(): Promise<ExportRow[]> {
    const { rows } = await this.#pool.query<{
      email: string;
      status: SubscriberStatus;
      created_at: Date;
      confirmed_at: Date | null;
    }>('SELECT email, status, created_at, confirmed_at FROM subscribers ORDER BY id', []);
    return rows.map((r) => ({
      email: r.email,
      status: r.status,
      createdAt: r.created_at.toISOString(),
      confirmedAt: iso(r.confirmed_at),
    }));
  }

  async pruneExpired(now: Date): Promise<number> {
    const result = await this.#pool.query(
      `DELETE FROM subscribers WHERE status = 'pending' AND confirm_expires_at <= $1`,
      [now],
    );
    return result.rowCount ?? 0;
  }

  async dueRecipients(issue: string): Promise<DueRecipient[]> {
    const { rows } = await this.#pool.query<{
      id: string;
      email: string;
      unsubscribe_key: string;
      status: string | null;
      attempts: number;
    }>(
      `SELECT s.id, s.email, s.unsubscribe_key, d.status, coalesce(d.attempts, 0) AS attempts
       FROM subscribers s LEFT JOIN deliveries d ON d.subscriber_id = s.id AND d.issue = $1
       WHERE s.status = 'confirmed' AND (d.status IS NULL OR d.status != 'sent')
       ORDER BY s.id`,
      [issue],
    );
    return rows.map((r) => ({
      id: int(r.id),
      email: r.email,
      unsubscribeKey: r.unsubscribe_key,
      inDoubt: r.status === 'sending',
      attempts: r.attempts,
    }));
  }

  async beginDelivery(issue: string, subscriberId: number, now: Date): Promise<void> {
    await this.#pool.query(
      `INSERT INTO deliveries (issue, subscriber_id, status, attempts, updated_at) VALUES ($1, $2, 'sending', 1, $3)
       ON CONFLICT (issue, subscriber_id) DO UPDATE SET status = 'sending', attempts = deliveries.attempts + 1, error = NULL, updated_at = $3
       WHERE deliveries.status != 'sent'`,
      [issue, subscriberId, now],
    );
  }

  async finishDelivery(issue: string, subscriberId: number, outcome: DeliveryOutcome, now: Date): Promise<void> {
    const sent = 'messageId' in outcome;
    await this.#pool.query(
      `UPDATE deliveries SET status = $3, message_id = $4, error = $5, updated_at = $6
       WHERE issue = $1 AND subscriber_id = $2`,
      [
        issue,
        subscriberId,
        sent ? 'sent' : 'failed',
        sent ? outcome.messageId : null,
        sent ? null : outcome.error,
        now,
      ],
    );
  }

  async deliveryCounts(issue: string): Promise<DeliveryCounts> {
    const { rows } = await this.#pool.query<Record<keyof DeliveryCounts, string>>(
      `SELECT count(*) FILTER (WHERE status = 'sent') AS sent, count(*) FILTER (WHERE status = 'failed') AS failed,
         count(*) FILTER (WHERE status = 'sending') AS sending
       FROM deliveries WHERE issue = $1`,
      [issue],
    );
    const row = rows[0]!;
    return { sent: int(row.sent), failed: int(row.failed), sending: int(row.sending) };
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }
}

/**
 * Brings the schema up to date in one transaction. The advisory lock makes a second server starting at the same
 * moment wait for the first to commit, then find nothing left to do (without it, both would run CREATE TABLE).
 */
export async function migrate(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('newsletter schema migrations'))`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_version (
         singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
         version   integer NOT NULL
       );
       INSERT INTO schema_version (version) VALUES (0) ON CONFLICT DO NOTHING;`,
    );
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_version');
    let version = rows[0]!.version;
    if (version > MIGRATIONS.length) {
      throw new Error(
        `The newsletter database is at schema version ${version}, newer than this code (${MIGRATIONS.length}).`,
      );
    }
    for (; version < MIGRATIONS.length; version++) await client.query(MIGRATIONS[version]!);
    await client.query('UPDATE schema_version SET version = $1', [version]);
    await client.query('COMMIT');
    return version;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
