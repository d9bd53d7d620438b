/**
 * Nothing a reader sent is lost, whatever happens to the server: the production server (scripts/server.mjs) is
 * killed with SIGKILL in the middle of concurrent signups, again and again, on each store. Afterwards every
 * acknowledged signup is stored once, and every stored pending subscriber gets exactly one confirmation email
 * (emails in flight at the kill are claimed again once their sender's lease runs out, here 1 s). The delivery
 * loop can also run on its own, as `npm run newsletter -- deliver`.
 */
import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { storeKinds, type StoreKind } from '../support/stores';
import { cli, jsonHeaders, outboxFiles, readEmail, rows, waitForDelivery } from './support/newsletter';
import { startServer, type TestServer } from './support/server';

const servers: TestServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.dispose()));
});

const ROUNDS = 3;
/**
 * A fast store can answer every signup of a round before the kill lands (seen once in CI on SQLite, all three rounds):
 * rounds go on until one kill has interrupted signups, up to this many.
 */
const MAX_ROUNDS = 10;
const SIGNUPS_PER_ROUND = 200;

/** Posts the signups all at once; resolves with the addresses answered 2xx, whatever became of the rest. */
async function signUpAll(server: TestServer, emails: string[], onAnswer: (done: number) => void): Promise<string[]> {
  let done = 0;
  const answers = await Promise.all(
    emails.map(async (email) => {
      try {
        const res = await fetch(`${server.url}/api/newsletter`, {
          method: 'POST',
          headers: jsonHeaders,
          body: JSON.stringify({ email }),
        });
        await res.arrayBuffer();
        onAnswer(++done);
        return res.ok ? email : null;
      } catch {
        return null; // the connection died with the server: not acknowledged
      }
    }),
  );
  return answers.filter((e): e is string => e !== null);
}

describe.each(storeKinds())('on %s', (store: StoreKind) => {
  it(
    `loses no signup and no confirmation email when the server is killed mid-signups (at least ${ROUNDS} rounds)`,
    { timeout: 240_000 },
    async () => {
      let server = await startServer({ NEWSLETTER_RATE_LIMIT: 'off', NEWSLETTER_MAIL_LEASE_SECONDS: '1' }, { store });
      servers.push(server);
      const acknowledged: string[] = [];
      let killedWithAnswersPending = 0;
      for (let round = 0; round < MAX_ROUNDS && (round < ROUNDS || killedWithAnswersPending === 0); round++) {
        const emails = Array.from({ length: SIGNUPS_PER_ROUND }, (_, i) => `round${round}-reader${i}@example.com`);
        let killing: Promise<void> | undefined;
        const live = server;
        const answered = await signUpAll(live, emails, (done) => {
          // Killed as the first answer arrives: the rest are in flight, some stored, some not, some emails half sent.
          if (done === 1) killing = live.stop('SIGKILL');
        });
        await killing;
        if (answered.length < SIGNUPS_PER_ROUND) killedWithAnswersPending++;
        acknowledged.push(...answered);
        const restarted = await server.restart();
        servers[servers.indexOf(server)] = restarted;
        server = restarted;
      }
      // The kills really interrupted signups: some went unanswered.
      expect(killedWithAnswersPending).toBeGreaterThan(0);

      const stored = await rows(server.db);
      const keys = stored.map((r) => r.email_key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(acknowledged.filter((e) => !keys.includes(e))).toEqual([]);

      // Every stored (pending) subscriber gets exactly one email, once the restarted server has delivered.
      expect(await waitForDelivery(server.db, 30_000)).toEqual({ sent: stored.length });
      const recipients = outboxFiles(server.outbox).map((f) => readEmail(f).headers.get('to'));
      expect(recipients.sort()).toEqual([...keys].sort());
      // No half-written message is left behind.
      expect(readdirSync(server.outbox).filter((f) => !f.endsWith('.eml'))).toEqual([]);
    },
  );

  it(
    'delivers from `npm run newsletter -- deliver --once` when the server leaves delivery to it',
    { timeout: 60_000 },
    async () => {
      const server = await startServer({ NEWSLETTER_RATE_LIMIT: 'off', NEWSLETTER_DELIVERY: 'separate' }, { store });
      servers.push(server);
      const emails = Array.from({ length: 12 }, (_, i) => `separate${i}@example.com`);
      expect(await signUpAll(server, emails, () => {})).toHaveLength(emails.length);
      expect(cli(server, 'stats').stdout).toMatch(/waiting\s+12\n/);
      expect(outboxFiles(server.outbox)).toEqual([]);

      const run = cli(server, 'deliver', '--once');
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe('Sent 12 confirmation emails; 0 to retry later, 0 given up.\n');
      expect(run.status).toBe(0);
      expect(
        outboxFiles(server.outbox)
          .map((f) => readEmail(f).headers.get('to'))
          .sort(),
      ).toEqual([...emails].sort());
      expect(cli(server, 'stats').stdout).toMatch(/waiting\s+0\nsent\s+12\n/);
    },
  );
});
