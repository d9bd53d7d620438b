/**
 * Hundreds of concurrent signups against the real server, on each store, and a thousand across two servers sharing
 * one PostgreSQL database: every acknowledged signup is stored exactly once and mailed exactly once. Part of
 * `npm run bench` (`--only load`), not `npm test`: the same properties at a small scale are in
 * tests/integration/newsletter-concurrency.test.ts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresUrl, storeKinds, type StoreKind } from '../support/stores';
import { recipients, rows, signupJson, waitForDelivery } from '../integration/support/newsletter';
import { serverPool } from '../integration/support/server';

const pool = serverPool();
afterAll(() => pool.dispose());

describe.each(storeKinds())('on %s', (store: StoreKind) => {
  describe('concurrency', { timeout: 60_000 }, () => {
    it('stores 500 concurrent signups of distinct addresses exactly once each, and mails each once', async () => {
      const server = await pool.start({ NEWSLETTER_RATE_LIMIT: 'off' }, { store });
      const emails = Array.from({ length: 500 }, (_, i) => `reader${i}@example.com`);
      const statuses = await Promise.all(emails.map((e) => signupJson(server, e).then((r) => r.status)));
      expect(statuses.filter((s) => s !== 200)).toEqual([]);

      const stored = await rows(server.db);
      expect(stored).toHaveLength(500);
      expect(new Set(stored.map((r) => r.email_key))).toEqual(new Set(emails));
      expect(await waitForDelivery(server.db)).toEqual({ sent: 500 });
      const to = recipients(server);
      expect(to).toHaveLength(500);
      expect(new Set(to)).toEqual(new Set(emails));
    });
  });
});

if (postgresUrl) {
  describe('two server processes sharing one PostgreSQL database', { timeout: 120_000 }, () => {
    it('stores 1,000 concurrent signups spread across both exactly once each, and their two delivery threads mail each once', async () => {
      const database = await pool.sharedDatabase();
      const [a, b] = await Promise.all(
        [0, 1].map(() =>
          pool.start(
            { NEWSLETTER_RATE_LIMIT: 'off' },
            { database, dir: mkdtempSync(join(tmpdir(), 'newsletter-it-')) },
          ),
        ),
      );
      expect(a!.url).not.toBe(b!.url);
      const emails = Array.from({ length: 1000 }, (_, i) => `shared${i}@example.com`);
      const answers = await Promise.all(
        emails.map((e, i) => signupJson(i % 2 ? a! : b!, e).then((r) => [e, r.status] as const)),
      );
      const acknowledged = answers.filter(([, status]) => status === 200).map(([e]) => e);
      expect(answers.filter(([, status]) => status !== 200)).toEqual([]);

      const stored = (await rows(a!.db)).map((r) => r.email_key);
      expect(stored).toHaveLength(acknowledged.length);
      expect(new Set(stored)).toEqual(new Set(acknowledged));
      expect(await waitForDelivery(a!.db)).toEqual({ sent: 1000 });
      // One shared queue, two senders: every email went once, from one server or the other.
      const to = recipients(a!, b!);
      expect(to).toHaveLength(acknowledged.length);
      expect(new Set(to)).toEqual(new Set(acknowledged));
    });
  });
}
