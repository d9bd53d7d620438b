/**
 * Malformed and hostile requests against the real production server (scripts/server.mjs), run from a throwaway
 * copy of the project so that files can be put beside dist/client and removed under the running server. Nothing
 * may crash it, leak a file from outside dist/client or tell whether one exists, or print a stack trace; every
 * answer carries the security headers. Traffic goes to 127.0.0.1 only. Its memory over 20,000 distinct paths is
 * soaked in tests/load/server-memory.test.ts (`npm run bench -- --only load`).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formHeaders, jsonHeaders } from './support/newsletter';
import { copyProject, startServer, type TestServer } from './support/server';

/** A stack frame line ("    at fn (file:1:2)") anywhere in the server's output. */
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

let root: string;
let server: TestServer;
let port: number;
/** Present outside dist/client with its Brotli and gzip copies; its twin name `missing.json` is not there. */
const SECRET = `top-secret-${randomBytes(8).toString('hex')}`;
const BIG_BYTES = 8 * 1024 * 1024;

beforeAll(async () => {
  root = copyProject();
  mkdirSync(join(root, 'outside'));
  const secret = Buffer.from(JSON.stringify({ secret: SECRET, pad: 'x'.repeat(2000) }));
  writeFileSync(join(root, 'outside/present.json'), secret);
  writeFileSync(join(root, 'outside/present.json.br'), brotliCompressSync(secret));
  writeFileSync(join(root, 'outside/present.json.gz'), gzipSync(secret));
  // A file large enough that a response is still being written when the client goes away.
  const big = Buffer.from(randomBytes(BIG_BYTES / 2).toString('hex'));
  writeFileSync(join(root, 'dist/client/big.txt'), big);
  writeFileSync(
    join(root, 'dist/client/big.txt.br'),
    brotliCompressSync(big, { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } }),
  );
  writeFileSync(join(root, 'dist/client/big.txt.gz'), gzipSync(big, { level: 1 }));
  // A dotfile that slipped into the build, and the one folder of them a site may publish.
  writeFileSync(join(root, 'dist/client/.env'), `SECRET=${SECRET}`);
  mkdirSync(join(root, 'dist/client/.well-known'));
  writeFileSync(join(root, 'dist/client/.well-known/security.txt'), 'Contact: mailto:security@example.com\n');
  server = await startServer({ NEWSLETTER_RATE_LIMIT: 'off' }, { root });
  port = Number(new URL(server.url).port);
}, 60_000);

afterAll(async () => {
  agent.destroy();
  await server?.dispose();
  if (root) rmSync(root, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body as sent, decoded from its Content-Encoding. */
  body: Buffer;
}

const agent = new Agent({ keepAlive: true, maxSockets: 16 });

/** One request with node:http (the path is sent exactly as given), the body decoded. */
function get(path: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        // A 206 is a range of the encoded bytes: it does not decode on its own (and HEAD has no body).
        const encoding = res.statusCode === 206 || method === 'HEAD' ? undefined : res.headers['content-encoding'];
        try {
          const body = encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw;
          resolve({ status: res.statusCode!, headers: res.headers, body });
        } catch (error) {
          reject(error);
        }
      });
    });
    req.setTimeout(15_000, () => req.destroy(new Error(`no answer to ${method} ${path.slice(0, 80)}`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Raw bytes on a fresh connection (for what fetch and node:http refuse to send); the whole answer as text. */
function raw(text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => (answer += d));
    socket.on('error', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.setTimeout(10_000, () => socket.destroy());
  });
}

/** Status and headers (names in lower case) of a raw answer. */
function parse(answer: string): { status: number; headers: Map<string, string> } {
  const [head = ''] = answer.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = new Map(
    lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()] as const),
  );
  return { status: Number(statusLine.split(' ')[1]), headers };
}

async function expectServing() {
  const home = await get('/', { 'accept-encoding': 'br' });
  expect(home.status).toBe(200);
  expect(home.body.toString('utf8')).toContain('<h1');
}

function expectNoStackTrace() {
  expect(server.output()).not.toMatch(STACK_FRAME);
}

describe('path traversal', () => {
  // dist/client is <root>/dist/client; the target is <root>/outside/present.json, two levels up.
  const forms: [string, (file: string) => string][] = [
    ['%2e%2e', (f) => `/%2e%2e/%2e%2e/outside/${f}`],
    ['mixed-case %2E%2e', (f) => `/%2E%2e/%2e%2E/outside/${f}`],
    ['%252e%252e (encoded twice)', (f) => `/%252e%252e/%252e%252e/outside/${f}`],
    ['..%5c (the issue)', (f) => `/..%5c..%5coutside%5c${f}`],
    ['..%5C, below a folder', (f) => `/x/..%5C..%5C..%5Coutside%5C${f}`],
    ['raw backslash', (f) => `/..\\..\\outside\\${f}`],
    ['..%2f', (f) => `/..%2f..%2foutside%2f${f}`],
    ['%2e%2e%2f', (f) => `/%2e%2e%2f%2e%2e%2foutside%2f${f}`],
    ['raw ..', (f) => `/../../outside/${f}`],
    ['%00 after the name', (f) => `/..%5c..%5coutside%5c${f}%00.html`],
    ['%00 in a segment', (f) => `/%2e%2e%00/%2e%2e/outside/${f}`],
    ['overlong UTF-8 %c0%ae', (f) => `/%c0%ae%c0%ae/%c0%ae%c0%ae/outside/${f}`],
    ['overlong UTF-8 %c0%af', (f) => `/..%c0%af..%c0%afoutside%c0%af${f}`],
  ];
  const absolute: [string, (file: string) => string][] = [
    ['absolute path after //', (f) => `/${join(root, 'outside', f)}`],
    ['absolute path as %2f', (f) => `/%2f${join(root, 'outside', f).slice(1).replaceAll('/', '%2f')}`],
    [
      'absolute path as %5c, far above the root',
      (f) => `/${'..%5c'.repeat(20)}${join(root, 'outside', f).slice(1).replaceAll('/', '%5c')}`,
    ],
  ];

  it.each([...forms, ...absolute])('%s: neither the file nor whether it exists', async (_, url) => {
    for (const encoding of ['br', 'gzip', 'br, gzip', 'identity']) {
      const present = await get(url('present.json'), { 'accept-encoding': encoding });
      const missing = await get(url('missing.json'), { 'accept-encoding': encoding });
      expect(present.body.toString('latin1'), encoding).not.toContain(SECRET);
      expect(present.status, `${encoding}: present ${present.status}, missing ${missing.status}`).toBe(missing.status);
      expect(present.body.toString('latin1').replaceAll('present', 'missing'), encoding).toBe(
        missing.body.toString('latin1'),
      );
      expect(present.status, encoding).toBeGreaterThanOrEqual(400);
      expect(present.status, encoding).toBeLessThan(500);
    }
    await expectServing();
  });
});

describe('dotfiles', () => {
  it('are not served, but for /.well-known/', async () => {
    for (const path of ['/.env', '/%2eenv', '/x/../.env']) {
      const answer = await get(path, { 'accept-encoding': 'identity' });
      expect(answer.status, path).toBeGreaterThanOrEqual(400);
      expect(answer.body.toString(), path).not.toContain(SECRET);
    }
    const wellKnown = await get('/.well-known/security.txt');
    expect(wellKnown.status).toBe(200);
    expect(wellKnown.body.toString()).toContain('Contact:');
  });
});

describe('over-long and malformed paths', () => {
  it.each([
    ['a 256-character segment', `/${'a'.repeat(256)}.html`],
    ['a 10 KB segment', `/${'b'.repeat(10_240)}.html`],
    ['a 10 KB path of short segments', `/${'c/'.repeat(5_120)}`],
    ['a 100 KB URL', `/?q=${'d'.repeat(100 * 1024)}`],
    ['a bare %', '/%'],
    ['%zz', '/%zz.html'],
    ['a truncated sequence', '/%E0%A4%A/'],
    ['an invalid UTF-8 byte', '/a%ff.html'],
  ])('%s: a 4xx, and the server keeps serving', async (_, path) => {
    const { status } = await get(path, { 'accept-encoding': 'br' });
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    await expectServing();
    expectNoStackTrace();
  });

  it('a reversed or impossible Range is no crash', async () => {
    for (const range of ['bytes=500-100', 'bytes=999999999-', 'bytes=-0', 'bytes=0-1,3-2', 'chars=0-1']) {
      for (const encoding of ['br', 'identity']) {
        const { status } = await get('/frameworks/express/', { range, 'accept-encoding': encoding });
        expect([200, 206, 416], `${range} ${encoding}`).toContain(status);
      }
    }
    await expectServing();
  });

  // Headers count in a page's first round trip (scripts/server.mjs): no Accept-Ranges, no Last-Modified.
  it('a Range or If-Modified-Since on a page gets the whole page: ranges are not offered, the ETag revalidates', async () => {
    const whole = await get('/frameworks/express/', { 'accept-encoding': 'br' });
    expect(whole.headers['accept-ranges']).toBeUndefined();
    expect(whole.headers['last-modified']).toBeUndefined();
    for (const headers of [
      { range: 'bytes=0-99' },
      { 'if-modified-since': new Date(Date.now() + 86_400_000).toUTCString() },
    ]) {
      const answer = await get('/frameworks/express/', { 'accept-encoding': 'br', ...headers });
      expect(answer.status, JSON.stringify(headers)).toBe(200);
      expect(answer.body.equals(whole.body), JSON.stringify(headers)).toBe(true);
    }
    // Revalidation by ETag (304) is checked in tests/e2e/compression.spec.ts.
    await expectServing();
  });
});

describe('methods', () => {
  const paths = ['/frameworks/express/', '/newsletter/confirm/?token=x', '/api/newsletter'];
  const request = (method: string, target: string) =>
    raw(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);

  it.each(paths)('HEAD, OPTIONS, PROPFIND, DELETE on %s: no 5xx', async (path) => {
    for (const method of ['HEAD', 'OPTIONS', 'PROPFIND', 'DELETE']) {
      const { status } = parse(await request(method, path));
      expect(status, method).toBeGreaterThanOrEqual(200);
      expect(status, method).toBeLessThan(500);
    }
    expect(parse(await request('HEAD', '/frameworks/express/')).status).toBe(200);
    expectNoStackTrace();
  });

  it.each(paths)('TRACE, TRACK, CONNECT on %s: 405 with Allow', async (path) => {
    for (const method of ['TRACE', 'TRACK', 'CONNECT']) {
      const { status, headers } = parse(await request(method, path));
      expect(status, method).toBe(405);
      expect(headers.get('allow'), method).toMatch(/\bGET\b/);
      expect(headers.get('content-security-policy'), method).toContain("frame-ancestors 'none'");
    }
    expectNoStackTrace();
  });

  it('CONNECT to an authority: 405, and the server keeps serving', async () => {
    expect(parse(await raw(`CONNECT 127.0.0.1:443 HTTP/1.1\r\nHost: 127.0.0.1:443\r\n\r\n`)).status).toBe(405);
    await expectServing();
  });
});

describe('Host header', () => {
  it.each([
    ['userinfo', 'localhost@evil.example'],
    ['empty', ''],
    ['with spaces', 'local host'],
    ['300 characters', 'h'.repeat(300)],
    ['a path', 'evil.example/../x'],
  ])('%s: 400 with the security headers, no stack trace', async (_, host) => {
    for (const path of ['/', '/newsletter/confirm/?token=x', '/api/newsletter/stamp']) {
      const { status, headers } = parse(
        await raw(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
      );
      expect(status, path).toBe(400);
      expect(headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
    }
    expectNoStackTrace();
    await expectServing();
  });

  it('none at all (HTTP/1.0, as some health checks send): answered as usual', async () => {
    expect(parse(await raw('GET / HTTP/1.0\r\n\r\n')).status).toBe(200);
    expect(parse(await raw('GET /newsletter/confirm/?token=x HTTP/1.0\r\n\r\n')).status).toBe(400);
    expectNoStackTrace();
  });
});

describe('files changing or clients leaving under the server', () => {
  it('a Brotli copy deleted under the running server: another encoding, and the server keeps serving', async () => {
    const page = readFileSync(join(root, 'dist/client/frameworks/django/index.html'));
    const first = await get('/frameworks/django/', { 'accept-encoding': 'br, gzip' });
    expect(first.headers['content-encoding']).toBe('br');
    unlinkSync(join(root, 'dist/client/frameworks/django/index.html.br'));
    const after = await get('/frameworks/django/', { 'accept-encoding': 'br, gzip' });
    expect(after.status).toBe(200);
    expect(after.headers['content-encoding']).toBe('gzip');
    expect(after.body.equals(page)).toBe(true);
    // Only Brotli accepted and no Brotli copy left: the file itself.
    const brOnly = await get('/frameworks/django/', { 'accept-encoding': 'br' });
    expect(brOnly.headers['content-encoding']).toBeUndefined();
    expect(brOnly.body.equals(page)).toBe(true);
    await expectServing();
  });

  it('clients that leave in the middle of a request body: one line in the log at most, no stack trace', async () => {
    const head = (type: string) =>
      `POST /api/newsletter HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${server.url}\r\nContent-Type: ${type}\r\n`;
    const leaving = [
      `${head('application/json')}Content-Length: 1000\r\n\r\n{"email":"a`,
      `${head('application/x-www-form-urlencoded')}Content-Length: 1000\r\n\r\nemail=a`,
      `${head('application/json')}Transfer-Encoding: chunked\r\n\r\n5\r\n{"ema\r\nZZ\r\n`,
    ];
    for (const text of leaving) {
      await new Promise<void>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(text);
          setTimeout(() => socket.destroy(), 200);
        });
        socket.on('close', () => resolve());
        socket.on('error', () => resolve());
      });
    }
    await new Promise((r) => setTimeout(r, 300));
    await expectServing();
    expectNoStackTrace();
  });

  it('clients that disconnect after the first bytes of a large file do not crash it', async () => {
    for (let round = 0; round < 5; round++) {
      for (const [encoding, range] of [
        ['br', ''],
        ['gzip', ''],
        ['identity', ''],
        ['identity', 'Range: bytes=1000-\r\n'],
      ]) {
        await new Promise<void>((resolve) => {
          const socket = connect(port, '127.0.0.1', () =>
            socket.write(
              `GET /big.txt HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept-Encoding: ${encoding}\r\n${range}\r\n`,
            ),
          );
          socket.once('data', () => socket.destroy());
          socket.on('close', () => resolve());
          socket.on('error', () => resolve());
        });
      }
    }
    const whole = await get('/big.txt', { 'accept-encoding': 'identity' });
    expect(whole.status).toBe(200);
    expect(whole.body.length).toBe(BIG_BYTES);
    await expectServing();
    expectNoStackTrace();
  });
});

describe('security headers on every kind of answer', () => {
  const routes: [string, () => Promise<Answer>, number, boolean][] = [
    ['a static page', () => get('/frameworks/express/'), 200, false],
    [
      'a hashed asset',
      async () => get(/(?:src|href)="(\/_astro\/[^"]+)"/.exec((await get('/')).body.toString())![1]!),
      200,
      false,
    ],
    ['the 404 page', () => get('/no-such-page/'), 404, false],
    ['a missing hashed asset (404, not cached for a year)', () => get('/_astro/gone.0123abcd.css'), 404, false],
    ['a redirect', () => get('/compare/laravel-vs-django/'), 301, false],
    ['the confirm page', () => get('/newsletter/confirm/?token=no-such-token'), 400, true],
    ['the unsubscribe page', () => get('/newsletter/unsubscribe/?token=no-such-token'), 400, true],
    ['the no-JS error page', () => get('/api/newsletter', formHeaders(server.url), 'POST', 'email=bad'), 400, true],
    [
      'an API answer',
      () => get('/api/newsletter', { ...jsonHeaders, Origin: server.url }, 'POST', '{"email":"bad"}'),
      400,
      false,
    ],
    ["the API's 405", () => get('/api/newsletter'), 405, false],
    ['a refused method', () => get('/', {}, 'TRACE'), 405, false],
    ['a refused path', () => get('/..%5csecret.json'), 403, false],
    ['an over-long path', () => get(`/${'a'.repeat(300)}`), 414, false],
    ['a malformed path', () => get('/%E0%A4%A/'), 400, false],
  ];

  it.each(routes)('%s', async (_, send, status, hashes) => {
    const { status: actual, headers } = await send();
    expect(actual).toBe(status);
    // Node joins repeated headers: two CSP headers would show as two frame-ancestors here.
    const csp = String(headers['content-security-policy']);
    expect(csp.match(/frame-ancestors/g)).toHaveLength(1);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toMatch(/^(strict-origin-when-cross-origin|same-origin)$/);
    if (status >= 400) expect(headers['cache-control']).not.toContain('immutable');
    if (hashes) {
      // Astro's own per-page policy is kept in the same header, hashes and all.
      expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+/);
      expect(csp).toMatch(/style-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+/);
      expect(csp.match(/script-src/g)).toHaveLength(1);
    }
    expectNoStackTrace();
  });
});
