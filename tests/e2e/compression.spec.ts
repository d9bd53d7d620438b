import { readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from '../support/e2e-test';
import { BASE_URL } from '../../playwright.config';

/** One raw request (no client-side decompression), so the test sees exactly what went over the wire. */
function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; statusText: string; headers: IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      const req = httpRequest(`${BASE_URL}${path}`, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            statusText: res.statusMessage!,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      });
      req.on('error', reject);
      req.end();
    },
  );
}

const built = (file: string) => readFileSync(`dist/client/${file}`);

test('pages go out as the Brotli or gzip copy the client accepts, byte-identical once decoded', async () => {
  const page = built('frameworks/express/index.html');
  const br = await get('/frameworks/express/', { 'accept-encoding': 'gzip, deflate, br' });
  expect(br.status).toBe(200);
  expect(br.headers['content-encoding']).toBe('br');
  expect(br.headers['vary']?.toLowerCase()).toBe('accept-encoding');
  expect(br.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(Number(br.headers['content-length'])).toBe(br.body.length);
  expect(br.body.length).toBeLessThan(page.length / 4);
  expect(brotliDecompressSync(br.body).equals(page)).toBe(true);
  // The security headers still come with it.
  expect(br.headers['content-security-policy']).toContain("frame-ancestors 'none'");

  const gz = await get('/frameworks/express/', { 'accept-encoding': 'gzip' });
  expect(gz.headers['content-encoding']).toBe('gzip');
  expect(gunzipSync(gz.body).equals(page)).toBe(true);

  // No encoding accepted (no header, identity only, or every encoding refused): the file itself, still varying.
  for (const headers of [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'br;q=0, gzip;q=0' }]) {
    const plain = await get('/frameworks/express/', headers);
    expect(plain.headers['content-encoding'], JSON.stringify(headers)).toBeUndefined();
    expect(plain.headers['vary']?.toLowerCase()).toBe('accept-encoding');
    expect(plain.body.equals(page)).toBe(true);
  }
});

test('a compressed page revalidates with its ETag (304, no body), and HEAD sends no body', async () => {
  const first = await get('/', { 'accept-encoding': 'br' });
  const etag = first.headers['etag']!;
  expect(etag).toMatch(/^(W\/)?"[^"]+"$/);
  const again = await get('/', { 'accept-encoding': 'br', 'if-none-match': etag });
  expect(again.status).toBe(304);
  expect(again.body.length).toBe(0);
  // Another encoding is another representation: it has its own ETag, and the Brotli one does not match it.
  const gzip = await get('/', { 'accept-encoding': 'gzip', 'if-none-match': etag });
  expect(gzip.status).toBe(200);
  expect(gzip.headers['content-encoding']).toBe('gzip');
  expect(gzip.headers['etag']).not.toBe(etag);
  expect((await get('/', { 'accept-encoding': 'gzip', 'if-none-match': gzip.headers['etag']! })).status).toBe(304);
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
