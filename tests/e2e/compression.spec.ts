import { readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { BASE_URL } from '../../playwright.config';

/** One raw request (no client-side decompression), so the test sees exactly what went over the wire. */
function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; statusText: string; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = httpRequest(`${BASE_URL}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, statusText: res.statusMessage!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const built = (file: string) => readFileSync(`dist/client/${file}`);

test('pages go out as the Brotli or gzip copy the client accepts, byte-identical once decoded', async () => {
  const page = built('frameworks/express/index.html');
  const br = await get('/frameworks/express/', { 'accept-encoding': 'gzip, deflate, br' });
  expect(br.status).toBe(200);
  expect(br.headers['content-encoding']).toBe('br');
  expect(br.headers['vary']).toBe('Accept-Encoding');
  expect(br.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(Number(br.headers['content-length'])).toBe(br.body.length);
  expect(br.body.length).toBeLessThan(page.length / 4);
  expect(brotliDecompressSync(br.body).equals(page)).toBe(true);
  // The security headers still come with it.
  expect(br.headers['content-security-policy']).toContain("frame-ancestors 'none'");

  const gz = await get('/frameworks/express/', { 'accept-encoding': 'gzip' });
  expect(gz.headers['content-encoding']).toBe('gzip');
  expect(gunzipSync(gz.body).equals(page)).toBe(true);

  const plain = await get('/frameworks/express/');
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body.equals(page)).toBe(true);
});

test('a compressed page revalidates with its ETag (304, no body), and HEAD sends no body', async () => {
  const first = await get('/', { 'accept-encoding': 'br' });
  const etag = first.headers['etag']!;
  expect(etag).toMatch(/-br"$/);
  const again = await get('/', { 'accept-encoding': 'br', 'if-none-match': etag });
  expect(again.status).toBe(304);
  expect(again.body.length).toBe(0);
  // Another encoding is another representation: its ETag does not match.
  expect((await get('/', { 'accept-encoding': 'gzip', 'if-none-match': etag })).status).toBe(200);
  const head = await get('/', { 'accept-encoding': 'br' }, 'HEAD');
  expect(head.status).toBe(200);
  expect(head.headers['content-encoding']).toBe('br');
  expect(head.body.length).toBe(0);
});

test('hashed assets are compressed and cached for a year; pages made per request are compressed too', async () => {
  const html = built('frameworks/express/index.html').toString('utf8');
  const css = /href="(\/_astro\/[^"]+\.css)"/.exec(html.replace(/toc\.[^"]+\.css/, ''))![1]!;
  const asset = await get(css, { 'accept-encoding': 'br' });
  expect(asset.headers['content-encoding']).toBe('br');
  expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(brotliDecompressSync(asset.body).equals(built(css.slice(1)))).toBe(true);

  const onDemand = await get('/newsletter/unsubscribe/?key=no-such-key', { 'accept-encoding': 'gzip' });
  expect(`${onDemand.status} ${onDemand.statusText}`).toBe('400 Bad Request');
  expect(onDemand.headers['content-encoding']).toBe('gzip');
  expect(gunzipSync(onDemand.body).toString('utf8')).toContain('<h1');
});
