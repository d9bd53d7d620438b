/**
 * Bad input against the real server: each case gets its status and a message, and nothing is stored or
 * mailed. Bot traps answer exactly like a success and also store nothing.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withClient } from '../../scripts/lib/postgres.mjs';
import { postgresUrl } from '../support/stores';
import { formHeaders, jsonHeaders, outboxFiles, rows, waitForEmails } from './support/newsletter';
import { startServer, type TestServer } from './support/server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ NEWSLETTER_RATE_LIMIT: 'off' });
}, 30_000);
afterAll(() => server?.dispose());

function bigStream(bytes: number): ReadableStream<Uint8Array> {
  let left = bytes;
  return new ReadableStream({
    pull(controller) {
      if (left <= 0) return controller.close();
      left -= 1024;
      controller.enqueue(new Uint8Array(1024).fill(97));
    },
  });
}

type Case = [name: string, init: () => RequestInit, status: number];
const form =
  (body: string): (() => RequestInit) =>
  () => ({ method: 'POST', headers: formHeaders(server.url), body });
const json =
  (body: string): (() => RequestInit) =>
  () => ({ method: 'POST', headers: jsonHeaders, body });
const email = (value: string) => json(JSON.stringify({ email: value }));

const CASES: Case[] = [
  ['GET', () => ({ method: 'GET' }), 405],
  ['PUT', () => ({ method: 'PUT', headers: jsonHeaders, body: '{"email":"a@example.com"}' }), 405],
  ['DELETE', () => ({ method: 'DELETE', headers: { Accept: 'application/json', Origin: server.url } }), 405],
  ['PATCH', () => ({ method: 'PATCH', headers: jsonHeaders, body: '{"email":"a@example.com"}' }), 405],
  [
    'text/plain body',
    () => ({ method: 'POST', headers: { 'Content-Type': 'text/plain', Origin: server.url }, body: 'a@example.com' }),
    415,
  ],
  [
    'multipart body',
    () => ({
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; boundary=x', Origin: server.url },
      body: '--x--',
    }),
    415,
  ],
  [
    'XML body',
    () => ({
      method: 'POST',
      headers: { 'Content-Type': 'application/xml', Accept: 'application/json' },
      body: '<email>a@example.com</email>',
    }),
    415,
  ],
  [
    'no Content-Type',
    () => ({
      method: 'POST',
      headers: { Origin: server.url },
      body: new TextEncoder().encode('email=a%40example.com'),
    }),
    415,
  ],
  ['body over 4 KB (Content-Length)', json(JSON.stringify({ email: 'a@example.com', pad: 'x'.repeat(5000) })), 413],
  [
    'body over 4 KB (chunked, no length)',
    () => ({ method: 'POST', headers: jsonHeaders, body: bigStream(64 * 1024), duplex: 'half' }) as RequestInit,
    413,
  ],
  ['invalid JSON', json('{"email": "a@example.com"'), 400],
  ['JSON array', json('["a@example.com"]'), 400],
  ['JSON string', json('"a@example.com"'), 400],
  ['invalid UTF-8', () => ({ method: 'POST', headers: jsonHeaders, body: new Uint8Array([0x7b, 0xff, 0x7d]) }), 400],
  ['email is a number', json('{"email": 42}'), 400],
  ['email is a list', json('{"email": ["a@example.com", "b@example.com"]}'), 400],
  ['email repeated in a form', form('email=a%40example.com&email=b%40example.com'), 400],
  ['email missing', form('source=home'), 400],
  ['email empty', form('email='), 400],
  ['email only spaces', email('    '), 400],
  [
    'email over 254 characters',
    email(`${'a'.repeat(60)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.example.com`),
    400,
  ],
  ['local part over 64 characters', email(`${'a'.repeat(65)}@example.com`), 400],
  ['no @', email('reader.example.com'), 400],
  ['two @', email('a@b@example.com'), 400],
  ['no top-level domain', email('reader@localhost'), 400],
  ['space inside', email('read er@example.com'), 400],
  ['CR/LF header injection (JSON)', email('a@example.com\r\nBcc: victim@example.com'), 400],
  ['CR/LF header injection (form)', form('email=a%40example.com%0D%0ABcc%3A%20victim%40example.com'), 400],
  ['LF header injection', email('a@example.com\nSubject: hi'), 400],
  ['script tag in email', email('<script>alert(1)</script>@example.com'), 400],
  ['HTML in source', json(JSON.stringify({ email: 'a@example.com', source: '<img src=x onerror=alert(1)>' })), 400],
  [
    'cross-site form post',
    () => ({
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' },
      body: 'email=a%40example.com',
    }),
    403,
  ],
  [
    'form post without Origin',
    () => ({
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'email=a%40example.com',
    }),
    403,
  ],
];

describe('bad input is refused with its status and stores nothing', { timeout: 30_000 }, () => {
  it(`covers at least 20 cases (${CASES.length})`, () => expect(CASES.length).toBeGreaterThanOrEqual(20));

  it.each(CASES)('%s → %i', async (_name, init, status) => {
    const res = await fetch(`${server.url}/api/newsletter`, { redirect: 'manual', ...init() });
    expect(res.status).toBe(status);
    const text = await res.text();
    expect(text.length).toBeGreaterThan(10);
    if (res.headers.get('content-type')?.startsWith('application/json')) {
      const body = JSON.parse(text) as { ok: boolean; error: { message: string } };
      expect(body.ok).toBe(false);
      expect(body.error.message).toMatch(/\.$/);
    }
    if (status === 405) expect(res.headers.get('allow')).toBe('POST');
    expect(await rows(server.db)).toEqual([]);
    expect(outboxFiles(server.outbox)).toEqual([]);
  });

  it('shows a plain form its error on a page, with the field marked and the address kept', async () => {
    const res = await fetch(`${server.url}/api/newsletter`, {
      method: 'POST',
      headers: formHeaders(server.url),
      body: 'email=reader%40localhost&source=home',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    const input = /<input[^>]*name="email"[^>]*>/.exec(html)?.[0] ?? '';
    expect(input).toContain('value="reader@localhost"');
    expect(input).toContain('aria-invalid="true"');
    expect(input).toContain('aria-describedby="try-again-error try-again-consent"');
    expect(html).toMatch(/<p id="try-again-error"[^>]*>Enter an email address like name@example.com.<\/p>/);
    expect(await rows(server.db)).toEqual([]);
  });

  it('escapes what it echoes back', async () => {
    const res = await fetch(`${server.url}/api/newsletter`, {
      method: 'POST',
      headers: formHeaders(server.url),
      body: `email=${encodeURIComponent('"><script>alert(1)</script>@example.com')}`,
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    // The quote that would end the attribute is escaped, so the rest stays inert text inside the value.
    expect(html).toContain('value="&quot;><script>alert(1)</script>@example.com"');
    expect(html).not.toMatch(/value=""><script>/);
    expect(html).toContain('An email address cannot contain &lt; or &gt;.');
  });
});

describe('the honeypot looks like success and stores nothing', { timeout: 30_000 }, () => {
  const success = async (body: Record<string, string>) => {
    const res = await fetch(`${server.url}/api/newsletter`, {
      method: 'POST',
      headers: jsonHeaders,
      body: JSON.stringify(body),
    });
    return [res.status, await res.json()];
  };

  it('a filled honeypot (form and JSON)', async () => {
    const res = await fetch(`${server.url}/api/newsletter`, {
      method: 'POST',
      redirect: 'manual',
      headers: formHeaders(server.url),
      body: 'email=bot%40example.com&website=https%3A%2F%2Fspam.example',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/newsletter/check-your-inbox/');
    expect(await success({ email: 'bot@example.com', website: 'x' })).toEqual([
      200,
      { ok: true, message: expect.stringContaining('Check your inbox') },
    ]);
    expect(await rows(server.db)).toEqual([]);
    expect(outboxFiles(server.outbox)).toEqual([]);
  });
});

describe('a person who is quick', { timeout: 30_000 }, () => {
  it('is subscribed and mailed when the form is sent 300 ms after the page arrived (no "too fast" trap)', async () => {
    const page = await (await fetch(`${server.url}/newsletter/`)).text();
    const form = /<form[^>]*data-newsletter[^>]*>[^]*?<\/form>/.exec(page)?.[0] ?? '';
    const fields = new URLSearchParams(
      [...form.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
    );
    expect(fields.get('source')).toBe('newsletter-page');
    fields.set('email', 'quick@example.com');
    fields.set('website', '');
    await new Promise((r) => setTimeout(r, 300));
    const res = await fetch(`${server.url}/api/newsletter`, {
      method: 'POST',
      redirect: 'manual',
      headers: formHeaders(server.url),
      body: fields.toString(),
    });
    expect(res.status).toBe(303);
    expect(await rows(server.db)).toMatchObject([{ email: 'quick@example.com', status: 'pending' }]);
    expect(await waitForEmails(server.outbox, 1)).toHaveLength(1);
  });
});

if (postgresUrl) {
  describe('a PostgreSQL database that cannot be opened', { timeout: 60_000 }, () => {
    const name = `guide_test_late_${randomBytes(6).toString('hex')}`;
    const url = new URL(postgresUrl!);
    url.pathname = `/${name}`;
    let late: TestServer | undefined;
    afterAll(async () => {
      await late?.dispose();
      await withClient(postgresUrl!, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    });

    it('answers 500 and logs why without the password, stores nothing, and works once the database is there', async () => {
      late = await startServer({ DATABASE_URL: url.toString(), NEWSLETTER_RATE_LIMIT: 'off' });
      const signup = () =>
        fetch(`${late!.url}/api/newsletter`, {
          method: 'POST',
          headers: jsonHeaders,
          body: JSON.stringify({ email: 'early@example.com' }),
        });
      expect((await signup()).status).toBe(500);
      expect(late.output()).toMatch(
        new RegExp(
          `Cannot open the newsletter database at PostgreSQL postgres://[^\\s]*/${name}: database "${name}" does not exist`,
        ),
      );
      if (url.password) expect(late.output()).not.toContain(`:${url.password}@`);
      expect(outboxFiles(late.outbox)).toEqual([]);

      // The failure is not kept: once the database exists, the next request opens and migrates it.
      await withClient(postgresUrl!, (c) => c.query(`CREATE DATABASE ${name}`));
      expect((await signup()).status).toBe(200);
      const stored = await withClient(
        url.toString(),
        async (c) => (await c.query('SELECT email, status FROM subscribers')).rows,
      );
      expect(stored).toEqual([{ email: 'early@example.com', status: 'pending' }]);
      expect(await waitForEmails(late.outbox, 1)).toHaveLength(1);
    });
  });
}
