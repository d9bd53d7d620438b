/**
 * The SubscriberStore contract, run against every store: SQLite always, PostgreSQL when DATABASE_URL reaches a
 * server (each test on a fresh database). What only one store has (WAL, the schema version table, the advisory
 * lock) is checked in its own block below.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScratchDatabase, withClient } from '../../scripts/lib/postgres.mjs';
import { MIGRATIONS as PG_MIGRATIONS, PgSubscriberStore } from '../../src/newsletter/pg-store';
import { MIGRATIONS, migrate, SqliteSubscriberStore } from '../../src/newsletter/sqlite-store';
import type { SignupRecord, SubscriberStore } from '../../src/newsletter/store';
import { postgresUrl, storeKinds, type StoreKind } from '../support/stores';

const T0 = new Date('2026-11-24T12:00:00.000Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

function signup(email: string, at: Date, hash: string, extra: Partial<SignupRecord> = {}): SignupRecord {
  return {
    email,
    emailKey: email.toLowerCase(),
    source: 'home',
    consentText: 'consent',
    tokenHash: hash,
    expiresAt: new Date(at.getTime() + 48 * 3_600_000),
    unsubscribeKey: `unsub-${hash}`,
    now: at,
    reissueBefore: new Date(at.getTime() - 10 * 60_000),
    confirmation: { token: `token-${hash}`, linkBase: 'https://guide.example', sender: 'Guide <news@guide.example>' },
    ...extra,
  };
}

/** An empty database of one kind: open() opens (and migrates) it, again and again; dispose() deletes it. */
interface Fixture {
  open(): Promise<SubscriberStore>;
  dispose(): Promise<void>;
}

async function fixture(kind: StoreKind): Promise<Fixture> {
  if (kind === 'postgres') {
    const db = await createScratchDatabase(postgresUrl!, 'guide_test_store');
    return { open: () => PgSubscriberStore.open(db.url), dispose: db.drop };
  }
  const dir = mkdtempSync(join(tmpdir(), 'newsletter-store-'));
  return {
    open: async () => SqliteSubscriberStore.open(join(dir, 'nested', 'db.sqlite')),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

describe.each(storeKinds())('SubscriberStore on %s', (kind) => {
  let db: Fixture;
  let store: SubscriberStore;
  beforeEach(async () => {
    db = await fixture(kind);
    store = await db.open();
  });
  afterEach(async () => {
    await store.close();
    await db.dispose();
  });

  it('stores an address once, whatever its case, and asks for one confirmation per reissue period', async () => {
    const first = await store.recordSignup(signup('Reader@example.com', T0, 'h1'));
    expect(first).toMatchObject({ email: 'Reader@example.com', unsubscribeKey: 'unsub-h1' });
    expect(await store.recordSignup(signup('READER@example.com', minutes(1), 'h2'))).toBeNull();
    const again = await store.recordSignup(signup('reader@example.com', minutes(11), 'h3'));
    expect(again).toMatchObject({ id: first!.id, unsubscribeKey: 'unsub-h1' });
    expect((await store.stats(minutes(11))).pending).toBe(1);
    // The reissue replaced the token: the old one no longer confirms.
    expect(await store.confirm('h1', minutes(12))).toBe('invalid');
    expect(await store.confirm('h3', minutes(12))).toBe('confirmed');
  });

  it('confirms once, within the expiry, and only by the POST path (findPending changes nothing)', async () => {
    await store.recordSignup(signup('a@example.com', T0, 'h'));
    expect(await store.findPending('h', minutes(1))).toEqual({ email: 'a@example.com', expired: false });
    expect(await store.findPending('h', minutes(1))).toEqual({ email: 'a@example.com', expired: false });
    expect(await store.confirm('h', minutes(2))).toBe('confirmed');
    expect(await store.confirm('h', minutes(3))).toBe('invalid');
    expect(await store.findPending('h', minutes(3))).toBeNull();
    const [row] = await store.exportRows();
    expect(row).toEqual({
      email: 'a@example.com',
      status: 'confirmed',
      createdAt: T0.toISOString(),
      confirmedAt: minutes(2).toISOString(),
    });
  });

  it('refuses an expired token and prunes expired pending signups only', async () => {
    await store.recordSignup(signup('late@example.com', T0, 'late'));
    await store.recordSignup(signup('kept@example.com', T0, 'kept'));
    expect(await store.confirm('kept', minutes(5))).toBe('confirmed');
    const later = minutes(48 * 60 + 1);
    expect(await store.findPending('late', later)).toEqual({ email: 'late@example.com', expired: true });
    expect(await store.confirm('late', later)).toBe('expired');
    expect(await store.stats(later)).toEqual({ pending: 1, confirmed: 1, unsubscribed: 0, expired: 1 });
    expect(await store.pruneExpired(later)).toBe(1);
    expect((await store.exportRows()).map((r) => r.email)).toEqual(['kept@example.com']);
  });

  it('does not re-open a confirmed subscription, but re-subscribing after unsubscribing asks for confirmation again', async () => {
    await store.recordSignup(signup('a@example.com', T0, 'h1'));
    await store.confirm('h1', minutes(1));
    expect(await store.recordSignup(signup('a@example.com', minutes(60), 'h2'))).toBeNull();
    expect(await store.unsubscribe('unsub-h1', minutes(61))).toBe(true);
    expect(await store.unsubscribe('unsub-h1', minutes(62))).toBe(true);
    expect(await store.findByUnsubscribeKey('unsub-h1')).toEqual({ email: 'a@example.com', status: 'unsubscribed' });
    expect(await store.recordSignup(signup('a@example.com', minutes(63), 'h3'))).toMatchObject({
      unsubscribeKey: 'unsub-h1',
    });
    expect(await store.exportRows()).toEqual([
      { email: 'a@example.com', status: 'pending', createdAt: T0.toISOString(), confirmedAt: null },
    ]);
    expect(await store.unsubscribe('nobody', minutes(64))).toBe(false);
  });

  describe('the outbox', () => {
    const LEASE = 60_000;
    const claim = (at: Date, limit = 10) => store.claimConfirmations(at, LEASE, limit);

    it('queues a confirmation with its signup and hands it to one claimant until it is sent', async () => {
      const due = await store.recordSignup(signup('Reader@example.com', T0, 'h1'));
      expect(await store.outboxCounts()).toEqual({ queued: 1, sending: 0, sent: 0, failed: 0 });
      const [first, ...rest] = await claim(minutes(0));
      expect(rest).toEqual([]);
      expect(first).toEqual({
        id: expect.any(Number),
        email: 'Reader@example.com',
        unsubscribeKey: due!.unsubscribeKey,
        token: 'token-h1',
        linkBase: 'https://guide.example',
        sender: 'Guide <news@guide.example>',
        attempt: 1,
        queuedAt: T0,
      });
      // Claimed: nobody else gets it while the lease lasts.
      expect(await claim(minutes(0.5))).toEqual([]);
      await store.confirmationSent(first!, minutes(0.5));
      expect(await store.outboxCounts()).toEqual({ queued: 0, sending: 0, sent: 1, failed: 0 });
      expect(await claim(minutes(5))).toEqual([]);
    });

    it('queues nothing when no confirmation is due (a repeat within ten minutes, or a confirmed address)', async () => {
      await store.recordSignup(signup('a@example.com', T0, 'h1'));
      expect(await store.recordSignup(signup('a@example.com', minutes(1), 'h2'))).toBeNull();
      await store.confirm('h1', minutes(2));
      expect(await store.recordSignup(signup('a@example.com', minutes(30), 'h3'))).toBeNull();
      expect((await store.outboxCounts()).queued).toBe(1);
    });

    it('gives a claim whose sender died (its lease ran out) to the next claimant, and ignores the late outcome of the first', async () => {
      await store.recordSignup(signup('a@example.com', T0, 'h1'));
      const [dead] = await claim(T0);
      const [again] = await claim(new Date(T0.getTime() + LEASE));
      expect(again).toMatchObject({ id: dead!.id, attempt: 2, token: 'token-h1' });
      // The first sender's outcome arrives late: it no longer owns the claim, so it changes nothing.
      await store.confirmationFailed(dead!, 'late', minutes(10), minutes(1.5));
      expect(await store.outboxCounts()).toEqual({ queued: 0, sending: 1, sent: 0, failed: 0 });
      await store.confirmationSent(again!, minutes(1.5));
      expect(await store.outboxCounts()).toEqual({ queued: 0, sending: 0, sent: 1, failed: 0 });
    });

    it('waits until the retry time after a failure, and after giving up lets the next signup send at once', async () => {
      await store.recordSignup(signup('a@example.com', T0, 'h1'));
      const [first] = await claim(T0);
      await store.confirmationFailed(first!, 'connection refused', minutes(2), minutes(0.1));
      expect(await store.outboxCounts()).toEqual({ queued: 1, sending: 0, sent: 0, failed: 0 });
      expect(await claim(minutes(1))).toEqual([]);
      const [second] = await claim(minutes(2));
      expect(second).toMatchObject({ attempt: 2 });
      await store.confirmationFailed(second!, '550 no such user', null, minutes(2));
      expect(await store.outboxCounts()).toEqual({ queued: 0, sending: 0, sent: 0, failed: 1 });
      // Within ten minutes of the first signup, yet a new confirmation is queued: the first never went.
      expect(await store.recordSignup(signup('a@example.com', minutes(3), 'h2'))).not.toBeNull();
      expect(await claim(minutes(3))).toMatchObject([{ token: 'token-h2', attempt: 1 }]);
    });

    it('replaces a waiting confirmation with a newer one, and drops those of subscribers no longer pending', async () => {
      await store.recordSignup(signup('a@example.com', T0, 'h1'));
      await store.recordSignup(signup('a@example.com', minutes(11), 'h2'));
      await store.recordSignup(signup('b@example.com', T0, 'hb'));
      await store.confirm('hb', minutes(1));
      await store.recordSignup(signup('c@example.com', T0, 'hc'));
      await store.unsubscribe('unsub-hc', minutes(1));
      // Only a's newest link still works: the others are not sent.
      expect((await claim(minutes(12))).map((c) => c.token)).toEqual(['token-h2']);
    });

    it('claims in queue order, at most the limit, and never the same email twice among concurrent claimants', async () => {
      for (let i = 0; i < 30; i++) await store.recordSignup(signup(`r${i}@example.com`, minutes(i / 100), `h${i}`));
      expect((await claim(minutes(1), 5)).map((c) => c.email)).toEqual(
        ['r0', 'r1', 'r2', 'r3', 'r4'].map((r) => `${r}@example.com`),
      );
      const claims = (await Promise.all(Array.from({ length: 8 }, () => claim(minutes(1), 4)))).flat();
      expect(claims).toHaveLength(25);
      expect(new Set(claims.map((c) => c.id)).size).toBe(25);
    });

    it('removes the outbox rows of pruned signups', async () => {
      await store.recordSignup(signup('late@example.com', T0, 'late'));
      expect(await store.pruneExpired(minutes(48 * 60 + 1))).toBe(1);
      expect(await store.outboxCounts()).toEqual({ queued: 0, sending: 0, sent: 0, failed: 0 });
    });
  });

  it('provides a rate limiter that holds a client to its allowance and says when to come back', async () => {
    const limiter = store.rateLimiter({ limit: 2, windowMs: 60_000 });
    const now = Date.now();
    expect(await limiter.take('203.0.113.7', now)).toEqual({ ok: true });
    expect(await limiter.take('203.0.113.7', now)).toEqual({ ok: true });
    const refused = await limiter.take('203.0.113.7', now);
    expect(refused).toEqual({ ok: false, retryAfterSeconds: expect.any(Number) });
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await limiter.take('198.51.100.1', now)).toEqual({ ok: true });
  });

  it('keeps everything across a reopen', async () => {
    await store.recordSignup(signup('a@example.com', T0, 'h1'));
    await store.confirm('h1', minutes(1));
    await store.close();
    store = await db.open();
    expect((await store.stats(minutes(2))).confirmed).toBe(1);
  });

  it('turns concurrent signups of one address into one row and one confirmation', async () => {
    const due = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.recordSignup(signup(i % 2 ? 'same@example.com' : 'SAME@example.com', T0, `h${i}`)),
      ),
    );
    expect(due.filter((d) => d !== null)).toHaveLength(1);
    expect(await store.exportRows()).toHaveLength(1);
  });

  it('records deliveries once per issue and subscriber, counting attempts, and never re-sends a sent one', async () => {
    for (const [email, hash] of [
      ['a@example.com', 'ha'],
      ['b@example.com', 'hb'],
    ] as const) {
      await store.recordSignup(signup(email, T0, hash));
      await store.confirm(hash, minutes(1));
    }
    await store.recordSignup(signup('pending@example.com', T0, 'hp'));
    const due = await store.dueRecipients('2026-W48');
    expect(due.map((d) => [d.email, d.inDoubt, d.attempts])).toEqual([
      ['a@example.com', false, 0],
      ['b@example.com', false, 0],
    ]);
    const [a, b] = due;
    await store.beginDelivery('2026-W48', a!.id, minutes(2));
    await store.finishDelivery('2026-W48', a!.id, { messageId: '<m1@guide.example>' }, minutes(2));
    await store.beginDelivery('2026-W48', b!.id, minutes(2));
    await store.finishDelivery('2026-W48', b!.id, { error: 'mailbox full' }, minutes(2));
    await store.beginDelivery('2026-W48', b!.id, minutes(3));
    // b's second attempt never finished: in doubt, with both attempts counted; a is done.
    expect(await store.dueRecipients('2026-W48')).toEqual([
      { id: b!.id, email: 'b@example.com', unsubscribeKey: 'unsub-hb', inDoubt: true, attempts: 2 },
    ]);
    expect(await store.deliveryCounts('2026-W48')).toEqual({ sent: 1, failed: 0, sending: 1 });
    await store.beginDelivery('2026-W48', a!.id, minutes(4));
    expect(await store.deliveryCounts('2026-W48')).toEqual({ sent: 1, failed: 0, sending: 1 });
    expect(await store.dueRecipients('2026-W49')).toHaveLength(2);
  });
});

describe('SqliteSubscriberStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'newsletter-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates its folder, uses WAL and records the schema version', async () => {
    const path = join(dir, 'nested', 'db.sqlite');
    await SqliteSubscriberStore.open(path).close();
    const db = new DatabaseSync(path);
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: MIGRATIONS.length });
    db.close();
  });

  it('opens one new file from several threads at the same moment: each waits its turn, none fails as locked', async () => {
    // The server and its delivery thread open the database together; a new file's switch to WAL takes a lock.
    // Six threads open ten new files, meeting at a barrier (a shared counter) before each, so they open it at once.
    const THREADS = 6;
    const ROUNDS = 10;
    const storeModule = new URL('../../src/newsletter/sqlite-store.ts', import.meta.url).href;
    const barrier = new Int32Array(new SharedArrayBuffer(4));
    const code = `const { parentPort, workerData } = require('node:worker_threads');
      import(${JSON.stringify(storeModule)}).then(async ({ SqliteSubscriberStore }) => {
        const { barrier, dir, threads, rounds } = workerData;
        const outcomes = [];
        for (let round = 0; round < rounds; round++) {
          Atomics.add(barrier, 0, 1);
          while (Atomics.load(barrier, 0) < threads * (round + 1)) Atomics.wait(barrier, 0, Atomics.load(barrier, 0), 5);
          try {
            await SqliteSubscriberStore.open(dir + '/race-' + round + '.sqlite').close();
            outcomes.push('opened');
          } catch (error) {
            outcomes.push(String(error.message));
          }
        }
        parentPort.postMessage(outcomes);
      });`;
    const outcomes = await Promise.all(
      Array.from(
        { length: THREADS },
        () =>
          new Promise<string[]>((resolve, reject) =>
            new Worker(code, { eval: true, workerData: { barrier, dir, threads: THREADS, rounds: ROUNDS } })
              .once('message', resolve)
              .once('error', reject),
          ),
      ),
    );
    expect(outcomes).toEqual(Array.from({ length: THREADS }, () => Array(ROUNDS).fill('opened')));
  }, 20_000);

  it('refuses a database from newer code', () => {
    const db = new DatabaseSync(':memory:');
    db.exec(`PRAGMA user_version = ${MIGRATIONS.length + 1}`);
    expect(() => migrate(db)).toThrow(/newer than this code/);
  });
});

if (postgresUrl) {
  describe('PgSubscriberStore', () => {
    let db: Awaited<ReturnType<typeof createScratchDatabase>>;
    beforeEach(async () => {
      db = await createScratchDatabase(postgresUrl!, 'guide_test_store');
    });
    afterEach(() => db.drop());
    const version = () => withClient(db.url, async (c) => (await c.query('SELECT version FROM schema_version')).rows);

    it('migrates once when several servers open the database at the same moment (advisory lock)', async () => {
      const stores = await Promise.all(Array.from({ length: 6 }, () => PgSubscriberStore.open(db.url)));
      await Promise.all(stores.map((s) => s.close()));
      expect(await version()).toEqual([{ version: PG_MIGRATIONS.length }]);
      // And opening an up-to-date database changes nothing.
      await (await PgSubscriberStore.open(db.url)).close();
      expect(await version()).toEqual([{ version: PG_MIGRATIONS.length }]);
    });

    it('keeps its timestamps as timestamptz, to the millisecond', async () => {
      const store = await PgSubscriberStore.open(db.url);
      await store.recordSignup(signup('a@example.com', new Date('2026-11-24T12:00:00.123Z'), 'h'));
      await store.close();
      const [row] = await withClient(
        db.url,
        async (c) => (await c.query(`SELECT pg_typeof(created_at)::text AS type, created_at FROM subscribers`)).rows,
      );
      expect(row).toEqual({ type: 'timestamp with time zone', created_at: new Date('2026-11-24T12:00:00.123Z') });
    });

    it('refuses a database from newer code', async () => {
      await (await PgSubscriberStore.open(db.url)).close();
      await withClient(db.url, (c) => c.query('UPDATE schema_version SET version = $1', [PG_MIGRATIONS.length + 1]));
      await expect(PgSubscriberStore.open(db.url)).rejects.toThrow(/newer than this code/);
    });
  });
}
