import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, SqliteSubscriberStore } from '../../src/newsletter/sqlite-store';
import type { SignupRecord } from '../../src/newsletter/store';

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
    ...extra,
  };
}

let dir: string;
let store: SqliteSubscriberStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsletter-store-'));
  store = SqliteSubscriberStore.open(join(dir, 'nested', 'db.sqlite'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SqliteSubscriberStore', () => {
  it('creates its folder, uses WAL and records the schema version', () => {
    const db = new DatabaseSync(join(dir, 'nested', 'db.sqlite'));
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: MIGRATIONS.length });
    db.close();
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
    expect(row).toEqual({ email: 'a@example.com', status: 'confirmed', createdAt: T0.toISOString(), confirmedAt: minutes(2).toISOString() });
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
    expect(await store.recordSignup(signup('a@example.com', minutes(63), 'h3'))).toMatchObject({ unsubscribeKey: 'unsub-h1' });
    expect(await store.exportRows()).toEqual([{ email: 'a@example.com', status: 'pending', createdAt: T0.toISOString(), confirmedAt: null }]);
    expect(await store.unsubscribe('nobody', minutes(64))).toBe(false);
  });

  it('lets a failed send be retried at once', async () => {
    const due = await store.recordSignup(signup('a@example.com', T0, 'h1'));
    await store.releaseConfirmation(due!.id, 'h1');
    expect(await store.recordSignup(signup('a@example.com', minutes(1), 'h2'))).not.toBeNull();
  });

  it('keeps everything across a reopen', async () => {
    await store.recordSignup(signup('a@example.com', T0, 'h1'));
    await store.confirm('h1', minutes(1));
    await store.close();
    store = SqliteSubscriberStore.open(join(dir, 'nested', 'db.sqlite'));
    expect((await store.stats(minutes(2))).confirmed).toBe(1);
  });

  it('refuses a database from newer code', () => {
    const db = new DatabaseSync(':memory:');
    db.exec(`PRAGMA user_version = ${MIGRATIONS.length + 1}`);
    expect(() => migrate(db)).toThrow(/newer than this code/);
  });
});
