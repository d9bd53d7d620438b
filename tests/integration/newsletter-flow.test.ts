/**
 * The whole signup flow against the real built server: subscribe, email, confirm, export, unsubscribe, restart.
 * Runs once per store: the server on SQLite, and on PostgreSQL when DATABASE_URL reaches one.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { redactDatabaseUrl } from '../../src/newsletter/config';
import { storeKinds } from '../support/stores';
import {
  cli,
  formHeaders,
  jsonHeaders,
  linksIn,
  outboxFiles,
  readEmail,
  rows,
  waitForDelivery,
  waitForEmails,
} from './support/newsletter';
import { startServer, type TestServer } from './support/server';

describe.each(storeKinds())('newsletter signup, end to end, on %s', { timeout: 30_000 }, (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({}, { store: kind });
  }, 30_000);
  afterAll(() => server?.dispose());

  const post = (path: string, init: RequestInit) =>
    fetch(`${server.url}${path}`, { method: 'POST', redirect: 'manual', ...init });

  it('subscribes, mails a confirmation, confirms only on POST, exports, and unsubscribes in one click', async () => {
    const signup = await post('/api/newsletter', {
      headers: formHeaders(server.url),
      body: 'email=Reader%40Example.com&source=newsletter-page',
    });
    expect(signup.status).toBe(303);
    expect(signup.headers.get('location')).toBe('/newsletter/check-your-inbox/');
    expect(await rows(server.db)).toMatchObject([
      { email: 'Reader@example.com', email_key: 'reader@example.com', status: 'pending', source: 'newsletter-page' },
    ]);
    const location =
      kind === 'postgres'
        ? `PostgreSQL ${redactDatabaseUrl(server.db.env['DATABASE_URL']!)}`
        : join(server.dir, 'newsletter.sqlite');
    expect(server.output()).toContain(`subscribers in ${location}`);
    // On PostgreSQL nothing goes to the SQLite file.
    expect(existsSync(join(server.dir, 'newsletter.sqlite'))).toBe(kind === 'sqlite');

    // The .eml, sent from the outbox a moment later, is a real RFC 5322 message with RFC 8058 one-click headers.
    const files = await waitForEmails(server.outbox, 1);
    expect(files).toHaveLength(1);
    // The server names the file in its log just after writing it: a loaded machine can show the file first.
    await vi.waitFor(() => expect(server.output()).toContain(files[0]), { timeout: 5000, interval: 50 });
    const mail = readEmail(files[0]!);
    expect(mail.raw).not.toMatch(/[^\r]\n/);
    expect(mail.headers.get('to')).toBe('Reader@example.com');
    expect(mail.headers.get('from')).toBe('Backend Frameworks Guide <newsletter@localhost>');
    expect(mail.headers.get('subject')).toMatch(/^Confirm your subscription/);
    expect(mail.headers.get('message-id')).toMatch(/^<confirmation-\d+@(localhost|127\.0\.0\.1)>$/);
    expect(mail.headers.get('date')).toBeTruthy();
    expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const links = linksIn(mail);
    expect(mail.headers.get('list-unsubscribe')).toBe(`<${server.url}${links.unsubscribe}>`);
    // Only the hash of the token is stored.
    const token = new URL(links.confirm, server.url).searchParams.get('token')!;
    expect((await rows(server.db))[0]!.confirm_token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await rows(server.db))).not.toContain(token);

    // Opening the link (as a mail scanner would) shows a button and changes nothing.
    for (let i = 0; i < 2; i++) {
      const page = await fetch(`${server.url}${links.confirm}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('referrer-policy')).toBe('same-origin');
      const html = await page.text();
      expect(html).toContain('Confirm your subscription');
      expect(html).toMatch(/<form method="post"[^>]*>\s*<button type="submit"/);
    }
    expect((await rows(server.db))[0]!.status).toBe('pending');

    const confirm = await post(links.confirm, { headers: formHeaders(server.url), body: '' });
    expect(confirm.status).toBe(303);
    expect(confirm.headers.get('location')).toBe('/newsletter/confirmed/');
    expect((await rows(server.db))[0]!.status).toBe('confirmed');

    // Single use: the same link now explains itself and offers the form again.
    const again = await post(links.confirm, { headers: formHeaders(server.url), body: '' });
    expect(again.status).toBe(400);
    const againHtml = await again.text();
    expect(againHtml).toContain('This link does not work');
    expect(againHtml).toContain('name="email"');

    const exported = cli(server, 'export');
    expect(exported.status).toBe(0);
    const lines = exported.stdout.trim().split('\r\n');
    expect(lines[0]).toBe('email,status,created,confirmed');
    expect(lines[1]).toMatch(/^Reader@example\.com,confirmed,\d{4}-\d\d-\d\dT[\d:.]+Z,\d{4}-\d\d-\d\dT[\d:.]+Z$/);

    // RFC 8058: the mail provider POSTs "List-Unsubscribe=One-Click" from its own servers, with no Origin.
    const oneClick = await post(links.unsubscribe, {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect((await rows(server.db))[0]!.status).toBe('unsubscribed');
    expect(cli(server, 'export').stdout).toContain('Reader@example.com,unsubscribed,');
    const page = await fetch(`${server.url}${links.unsubscribe}`);
    expect(await page.text()).toContain('You&#39;re unsubscribed');
  });

  it('keeps re-subscribing idempotent: one row, one email, and the same answer whatever the state', async () => {
    const subscribe = (email: string) =>
      post('/api/newsletter', { headers: jsonHeaders, body: JSON.stringify({ email }) }).then(
        async (r) => [r.status, await r.json()] as const,
      );
    const before = outboxFiles(server.outbox).length;
    const first = await subscribe('twice@example.com');
    expect(first[0]).toBe(200);
    expect(await subscribe('TWICE@example.com')).toEqual(first);
    expect(await subscribe(' twice@example.com ')).toEqual(first);
    expect((await rows(server.db)).filter((r) => r.email_key === 'twice@example.com')).toHaveLength(1);
    await waitForDelivery(server.db);
    expect(outboxFiles(server.outbox)).toHaveLength(before + 1);

    // Confirmed, then signing up again: still one row, still confirmed, no new email, same answer.
    const mail = readEmail(outboxFiles(server.outbox).at(-1)!);
    await post(linksIn(mail).confirm, { headers: formHeaders(server.url), body: '' });
    expect(await subscribe('twice@example.com')).toEqual(first);
    expect((await rows(server.db)).filter((r) => r.email_key === 'twice@example.com')).toMatchObject([
      { status: 'confirmed' },
    ]);
    await waitForDelivery(server.db);
    expect(outboxFiles(server.outbox)).toHaveLength(before + 1);
  });

  it('answers a confirmation link with a bad token with a page and a way to start again', async () => {
    for (const query of ['', '?token=', '?token=short', `?token=${'A'.repeat(43)}`]) {
      const res = await fetch(`${server.url}/newsletter/confirm/${query}`);
      expect(res.status, query).toBe(400);
      const html = await res.text();
      expect(html).toContain('This link does not work');
      expect(html).toMatch(/<form method="post" action="\/api\/newsletter\/"/);
    }
    const unsubscribe = await fetch(`${server.url}/newsletter/unsubscribe/?token=nope`);
    expect(unsubscribe.status).toBe(400);
  });

  it('keeps confirmed subscribers across a restart, even a crash', async () => {
    const confirmedBefore = (await rows(server.db)).filter((r) => r.status === 'confirmed').map((r) => r.email_key);
    expect(confirmedBefore).toContain('twice@example.com');
    server = await server.restart();
    expect((await rows(server.db)).filter((r) => r.status === 'confirmed').map((r) => r.email_key)).toEqual(
      confirmedBefore,
    );
    expect(cli(server, 'stats').stdout).toMatch(/confirmed\s+1\n/);
    // And the restarted server still knows them: re-subscribing sends nothing new.
    const before = outboxFiles(server.outbox).length;
    const res = await post('/api/newsletter', {
      headers: jsonHeaders,
      body: JSON.stringify({ email: 'twice@example.com' }),
    });
    expect(res.status).toBe(200);
    await waitForDelivery(server.db);
    expect(outboxFiles(server.outbox)).toHaveLength(before);
  });
});
