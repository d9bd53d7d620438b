/**
 * With SMTP_URL set, confirmations go over SMTP (to a local smtp-server here). While the mail server is down,
 * signups are answered and kept, and their emails go out once it is back, with no retry by the reader.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { formHeaders, jsonHeaders, outboxFiles, rows, waitForDelivery } from './support/newsletter';
import { freePort, startServer, type TestServer } from './support/server';

interface Received {
  from: string;
  to: string[];
  data: string;
}

let server: TestServer;
let smtpPort: number;
let smtp: SMTPServer | undefined;
const received: Received[] = [];

function startSmtp(): Promise<void> {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data,
        });
        callback();
      });
    },
  });
  return new Promise((resolve) => smtp!.listen(smtpPort, '127.0.0.1', resolve));
}

beforeAll(async () => {
  smtpPort = await freePort();
  // Nothing listens on smtpPort yet: the first test sees the outage.
  server = await startServer({
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    NEWSLETTER_FROM: 'Guide <news@guide.example>',
    NEWSLETTER_RATE_LIMIT: 'off',
  });
}, 30_000);
afterAll(async () => {
  await server?.dispose();
  await new Promise<void>((resolve) => (smtp ? smtp.close(resolve) : resolve()));
});

const subscribe = (email: string) =>
  fetch(`${server.url}/api/newsletter`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ email }) });

describe('mail over SMTP', { timeout: 30_000 }, () => {
  const readers = Array.from({ length: 20 }, (_, i) => `later${i}@example.com`);

  it('answers and keeps every signup while the mail server is down (nothing is lost, nothing to retry by hand)', async () => {
    const answers = await Promise.all(readers.map((email) => subscribe(email)));
    expect(answers.map((r) => r.status)).toEqual(readers.map(() => 200));
    const page = await fetch(`${server.url}/api/newsletter`, {
      method: 'POST',
      redirect: 'manual',
      headers: formHeaders(server.url),
      body: 'email=form%40example.com',
    });
    expect(page.status).toBe(303);
    // Sent at once, so stored in whatever order they arrived.
    expect((await rows(server.db)).map((r) => r.email).sort()).toEqual([...readers, 'form@example.com'].sort());
    // The delivery thread tried, failed and will try again: one log line per round, never a stack trace.
    await expect
      .poll(() => server.output(), { timeout: 10_000 })
      .toMatch(/confirmation emails not sent \(.*ECONNREFUSED.*\): \d+ will be retried/);
    expect(server.output()).not.toMatch(/^\s+at /m);
    expect(received).toEqual([]);
  });

  it('sends every one of them once the mail server is back, with the one-click headers', async () => {
    await startSmtp();
    const everyone = [...readers, 'form@example.com'];
    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(everyone.length);
    expect(await waitForDelivery(server.db)).toEqual({ sent: everyone.length });
    expect(received.map((m) => m.to[0]).sort()).toEqual([...everyone].sort());
    const mail = received.find((m) => m.to[0] === 'later0@example.com')!;
    expect(mail.from).toBe('news@guide.example');
    expect(mail.data).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    expect(mail.data).toMatch(
      /^List-Unsubscribe:\s+<http:\/\/127\.0\.0\.1:\d+\/newsletter\/unsubscribe\/\?token=[A-Za-z0-9_-]{43}>\r$/m,
    );
    expect(await rows(server.db)).toHaveLength(everyone.length);
    // Nothing went to the outbox: SMTP replaces it.
    expect(outboxFiles(server.outbox)).toEqual([]);
  });
});
