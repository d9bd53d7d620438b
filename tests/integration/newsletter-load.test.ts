/** Rate limiting and concurrency against the real server: limits hold, and concurrent signups are each stored once. */
import { afterAll, describe, expect, it } from 'vitest';
import { formHeaders, jsonHeaders, outboxFiles, readEmail, rows } from './support/newsletter';
import { startServer, type TestServer } from './support/server';

const servers: TestServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.dispose())));
const start = async (env: Record<string, string>) => {
  const server = await startServer(env);
  servers.push(server);
  return server;
};
const signup = (server: TestServer, email: string) =>
  fetch(`${server.url}/api/newsletter`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ email }) });

describe('rate limiting', { timeout: 30_000 }, () => {
  it('answers 429 with Retry-After once a client has used its allowance, and stores nothing for it', async () => {
    const server = await start({ NEWSLETTER_RATE_LIMIT: '3/60' });
    for (let i = 0; i < 3; i++) expect((await signup(server, `ok${i}@example.com`)).status).toBe(200);

    const limited = await signup(server, 'over@example.com');
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await limited.json()).toEqual({ ok: false, error: { code: 'rate-limit', message: expect.stringMatching(/^Too many signups.*try again in 1 minute\.$/) } });

    // A plain form gets the page, with the address kept.
    const form = await fetch(`${server.url}/api/newsletter`, { method: 'POST', headers: formHeaders(server.url), body: 'email=typed%40example.com' });
    expect(form.status).toBe(429);
    expect(form.headers.get('retry-after')).toBeTruthy();
    const html = await form.text();
    expect(html).toContain('value="typed@example.com"');
    expect(html).toMatch(/role="status"[^>]*>Too many signups/);

    expect((await rows(server.db)).map((r) => r.email)).toEqual(['ok0@example.com', 'ok1@example.com', 'ok2@example.com']);
    expect(outboxFiles(server.outbox)).toHaveLength(3);
  });
});

describe('concurrency', { timeout: 60_000 }, () => {
  it('stores 500 concurrent signups of distinct addresses exactly once each, and mails each once', async () => {
    const server = await start({ NEWSLETTER_RATE_LIMIT: 'off' });
    const emails = Array.from({ length: 500 }, (_, i) => `reader${i}@example.com`);
    const statuses = await Promise.all(emails.map((e) => signup(server, e).then((r) => r.status)));
    expect(statuses.filter((s) => s !== 200)).toEqual([]);

    const stored = await rows(server.db);
    expect(stored).toHaveLength(500);
    expect(new Set(stored.map((r) => r.email_key))).toEqual(new Set(emails));
    const recipients = outboxFiles(server.outbox).map((f) => readEmail(f).headers.get('to'));
    expect(recipients).toHaveLength(500);
    expect(new Set(recipients)).toEqual(new Set(emails));
  });

  it('turns 50 concurrent signups of one address into one row and one email', async () => {
    const server = await start({ NEWSLETTER_RATE_LIMIT: 'off' });
    const statuses = await Promise.all(Array.from({ length: 50 }, (_, i) => signup(server, i % 2 ? 'same@example.com' : 'SAME@example.com').then((r) => r.status)));
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect(await rows(server.db)).toHaveLength(1);
    expect(outboxFiles(server.outbox)).toHaveLength(1);
  });
});
