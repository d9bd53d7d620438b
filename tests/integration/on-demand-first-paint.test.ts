/**
 * On-demand pages (the newsletter's confirm and unsubscribe steps, the signup's error page) paint in one round trip
 * like the built ones: the real server inlines their first screen's CSS per response (src/middleware.ts), allows it by
 * its hash in the CSP header, and moves the shared stylesheet's link to the end of the body. Also with hostile input
 * echoed into the page.
 */
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { FIRST_ROUND_TRIP, INITIAL_WINDOW, RESPONSE_HEAD_ROOM } from '../../src/integrations/precompress';
import { AFTER_FIRST_FRAME_ID, AFTER_FIRST_FRAME_LOADER } from '../../src/lib/after-first-frame';
import { MAX_URL_LENGTH } from '../../src/server/request-guards';
import { formHeaders, linksIn, readEmail, signupJson, waitForEmails } from './support/newsletter';
import { startServer, type TestServer } from './support/server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ NEWSLETTER_RATE_LIMIT: 'off' });
}, 30_000);
afterAll(() => server?.dispose());

interface Page {
  status: number;
  policy: string;
  html: string;
  /** Bytes as sent with Brotli. */
  sent: number;
}

/** A page as the server sends it to a browser that accepts Brotli (node:http: fetch would decode it unseen). */
function load(path: string, { method = 'GET', headers = {}, body = '' } = {}): Promise<Page> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${server.url}${path}`, { method, headers: { ...headers, 'Accept-Encoding': 'br' } });
    request.on('error', reject);
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const raw = Buffer.concat(chunks);
        if (response.headers['content-encoding'] !== 'br')
          return reject(new Error(`${path.slice(0, 80)}…: ${response.statusCode}, not sent with Brotli`));
        resolve({
          status: response.statusCode ?? 0,
          policy: String(response.headers['content-security-policy'] ?? ''),
          html: brotliDecompressSync(raw).toString('utf8'),
          sent: raw.length,
        });
      });
    });
    request.end(body);
  });
}

/** What every on-demand page must show: the same first-paint shape as a prerendered page. */
function expectFirstScreenInline(name: string, { policy, html, sent }: Page) {
  const head = html.slice(0, html.indexOf('</head>'));
  const body = html.slice(html.indexOf('<body'));
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
  expect(styles, `${name}: one inline style`).toHaveLength(1);
  expect(head, `${name}: the inline style is in the head`).toContain(`<style>${styles[0]}</style>`);
  expect(styles[0], `${name}: cascade layers in their order`).toMatch(
    /^@layer properties,theme,base,components,utilities;/,
  );
  const hash = `'sha256-${createHash('sha256').update(styles[0]!).digest('base64')}'`;
  expect(/style-src[^;]*/.exec(policy)?.[0].split(/\s+/), `${name}: CSP allows it`).toContain(hash);
  expect(head, `${name}: no stylesheet blocks rendering`).not.toMatch(/rel="stylesheet"/);
  expect(body, `${name}: the shared stylesheet waits for the first paint, or comes from <noscript>`).toMatch(
    new RegExp(
      `<template id="${AFTER_FIRST_FRAME_ID}">[^]*<link rel="stylesheet" href="/_astro/[^"]+\\.css">[^]*</template>` +
        `<noscript><link rel="stylesheet" href="/_astro/[^"]+\\.css"></noscript><script>`,
    ),
  );
  expect(/script-src[^;]*/.exec(policy)?.[0].split(/\s+/), `${name}: CSP allows the loader`).toContain(
    `'sha256-${createHash('sha256').update(AFTER_FIRST_FRAME_LOADER).digest('base64')}'`,
  );
  expect(sent, `${name}: ${sent} B as sent`).toBeLessThanOrEqual(FIRST_ROUND_TRIP);
}

/** The status line and headers of a response, as bytes on the wire (HTTP/1.1, Brotli accepted, keep-alive). */
function headBytes(path: string): Promise<number> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () =>
      socket.write(`GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAccept-Encoding: br\r\n\r\n`),
    );
    let received = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end === -1) return;
      socket.destroy();
      resolve(end + 4);
    });
    socket.on('error', reject);
    socket.setTimeout(10_000, () => reject(new Error(`${path}: no head within 10 s`)));
  });
}

describe('a page and its headers in the first round trip', () => {
  it("a built page's headers fit the room the budget leaves them; an on-demand page fits, headers and all", async () => {
    for (const path of ['/', '/frameworks/django/']) {
      const bytes = await headBytes(path);
      expect(bytes, `${path}: ${bytes} B of status line and headers`).toBeLessThanOrEqual(RESPONSE_HEAD_ROOM);
    }
    // Its CSP travels as a header, hashes and all, so it gets no room of its own: the whole answer must fit.
    const path = '/newsletter/confirm/?token=wrong';
    const total = (await headBytes(path)) + (await load(path)).sent;
    expect(total, `${path}: ${total} B with its headers`).toBeLessThanOrEqual(INITIAL_WINDOW);
  });
});

describe('on-demand pages: first screen inline', () => {
  it('the confirm and unsubscribe steps, with a real link and with a wrong one', async () => {
    const signup = await signupJson(server, 'first-paint@example.com');
    expect(signup.status).toBe(200);
    const [file] = await waitForEmails(server.outbox, 1);
    const { confirm, unsubscribe } = linksIn(readEmail(file!));
    const pages: [string, string, number][] = [
      ['confirm, real link', confirm, 200],
      ['unsubscribe, real link', unsubscribe, 200],
      ['confirm, wrong token', '/newsletter/confirm/?token=wrong', 400],
      ['unsubscribe, no token', '/newsletter/unsubscribe/', 400],
    ];
    for (const [name, path, status] of pages) {
      const page = await load(path);
      expect(page.status, name).toBe(status);
      expectFirstScreenInline(name, page);
    }
  });

  it("the signup's own page when a form is refused", async () => {
    const page = await load('/api/newsletter/', {
      method: 'POST',
      headers: { ...formHeaders(server.url), Accept: 'text/html' },
      body: 'email=not-an-address',
    });
    expect(page.status).toBe(400);
    expectFirstScreenInline('signup refused', page);
  });

  it('markup in the query stays text: no second style, no stylesheet of its choosing, nothing it says allowed', async () => {
    // As long as the server takes a URL, padded with characters that are not ASCII.
    const path = `/newsletter/confirm/?token=${encodeURIComponent(
      '"><style>body{display:none}</style><link rel="stylesheet" href="//evil.example/x.css">',
    )}`;
    const page = await load(path + '%C3%A9'.repeat(Math.floor((MAX_URL_LENGTH - path.length) / 6)));
    expect(page.status).toBe(400);
    expectFirstScreenInline('hostile token', page);
    expect(page.html).not.toContain('evil.example/x.css"');
    expect(page.policy).not.toContain('evil');
    expect(server.output()).not.toMatch(/first-screen CSS for/);
  });

  it('malformed and encoded queries and paths get a clear answer, never a 500 or a stack trace; pages stay inlined', async () => {
    const paths = [
      '/newsletter/confirm/?token=%',
      '/newsletter/confirm/?token=%ff%fe%00',
      '/newsletter/confirm/?token=..%2f..%2f..%2fpackage.json',
      '/newsletter/confirm/?token=%252e%252e%252f',
      '/newsletter/unsubscribe/?token=%c0%ae%c0%ae%2f',
      '/newsletter/confirm/..%2f..%2fpackage.json',
      '/newsletter/%2e%2e/unsubscribe/',
    ];
    for (const path of paths) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBeLessThan(500);
      const body = await response.text();
      expect(body, path).not.toContain('"name": "backend-frameworks-guide"');
      if (!response.headers.get('content-type')?.startsWith('text/html')) continue;
      // On-demand pages and the built 404 page alike: their first screen's CSS inline, no stylesheet in the head.
      const head = body.slice(0, body.indexOf('</head>'));
      expect(head.match(/<style>/g), path).toHaveLength(1);
      expect(head, path).not.toMatch(/rel="stylesheet"/);
    }
    expect(server.output()).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(server.output()).not.toMatch(/first-screen CSS for/);
  });

  it('killed with requests in flight, the server comes back and inlines again', async () => {
    const inFlight = Array.from({ length: 20 }, () =>
      fetch(`${server.url}/newsletter/confirm/?token=wrong`).then(
        (r) => r.status,
        () => 'cut',
      ),
    );
    await server.stop('SIGKILL');
    expect((await Promise.all(inFlight)).every((s) => s === 400 || s === 'cut')).toBe(true);
    server = await server.restart();
    expectFirstScreenInline('after kill -9', await load('/newsletter/confirm/?token=wrong'));
  });
});
