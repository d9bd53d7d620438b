/** With SMTP_URL set, the confirmation goes over SMTP (to a local smtp-server here), and a mail outage is a clear 503. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { jsonHeaders, formHeaders, outboxFiles, rows } from './support/newsletter';
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
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  return new Promise((resolve) => smtp!.listen(smtpPort, '127.0.0.1', resolve));
}

beforeAll(async () => {
  smtpPort = await freePort();
  // Nothing listens on smtpPort yet: the first test sees the outage.
  server = await startServer({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, NEWSLETTER_FROM: 'Guide <news@guide.example>', NEWSLETTER_RATE_LIMIT: 'off' });
}, 30_000);
afterAll(async () => {
  await server?.dispose();
  await new Promise<void>((resolve) => (smtp ? smtp.close(resolve) : resolve()));
});

const subscribe = (email: string) => fetch(`${server.url}/api/newsletter`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ email }) });

describe('mail over SMTP', { timeout: 30_000 }, () => {
  it('says 503 with Retry-After when the mail server is down, on JSON and on the form page', async () => {
    const res = await subscribe('later@example.com');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('60');
    expect(await res.json()).toEqual({ ok: false, error: { code: 'mail', message: expect.stringMatching(/could not send the confirmation email/) } });
    const page = await fetch(`${server.url}/api/newsletter`, { method: 'POST', headers: formHeaders(server.url), body: 'email=later%40example.com' });
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('value="later@example.com"');
  });

  it('sends the confirmation over SMTP once the mail server is back, with the one-click headers', async () => {
    await startSmtp();
    expect((await subscribe('later@example.com')).status).toBe(200);
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail!.from).toBe('news@guide.example');
    expect(mail!.to).toEqual(['later@example.com']);
    expect(mail!.data).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    expect(mail!.data).toMatch(/^List-Unsubscribe:\s+<http:\/\/127\.0\.0\.1:\d+\/newsletter\/unsubscribe\/\?token=[A-Za-z0-9_-]{43}>\r$/m);
    expect(await rows(server.db)).toMatchObject([{ email: 'later@example.com', status: 'pending' }]);
    // Nothing went to the outbox: SMTP replaces it.
    expect(outboxFiles(server.outbox)).toEqual([]);
  });
});
