#!/usr/bin/env node
/**
 * The production server: Astro's Node handler (static pages and on-demand routes) behind a thin layer that adds
 * security and caching headers and compression. PORT and HOST as usual; TRUST_PROXY=1 when behind a
 * TLS-terminating proxy.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import compression from 'compression';
import { isSecure, securityHeaders } from '../src/lib/security-headers.ts';
import { COMPRESS_MIN_BYTES, contentTypeFor, COPY_SUFFIX, pickEncoding, siteFileFor } from '../src/lib/static-files.ts';
import { startDeliveryThread } from './lib/delivery-thread.mjs';

process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = await import('../dist/server/entry.mjs');

const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? 'localhost';
const trustProxy = process.env.TRUST_PROXY === '1';
const CLIENT = new URL('../dist/client/', import.meta.url);

/** The copies the build wrote for a file, by encoding (dist/ does not change under a running server, so this is kept). */
const variants = new Map();
function precompressed(file) {
  if (!variants.has(file)) {
    const path = new URL(file, CLIENT).pathname;
    const stat = statSync(path, { throwIfNoEntry: false });
    const copies = new Map();
    for (const [encoding, suffix] of Object.entries(COPY_SUFFIX)) {
      const copy = stat?.isFile() && statSync(path + suffix, { throwIfNoEntry: false });
      if (copy) copies.set(encoding, { path: path + suffix, size: copy.size });
    }
    variants.set(file, copies.size ? { stat, copies } : null);
  }
  return variants.get(file);
}

/** Answers from the Brotli/gzip copy written at build time; false when there is none the client takes. */
function servePrecompressed(req, res, urlPath) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const file = siteFileFor(urlPath);
  const entry = file && precompressed(file);
  const encoding = entry && pickEncoding(req.headers['accept-encoding'], [...entry.copies.keys()]);
  if (!encoding) return false;
  const copy = entry.copies.get(encoding);
  const etag = `"${entry.stat.size.toString(16)}-${Math.trunc(entry.stat.mtimeMs).toString(16)}-${encoding}"`;
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('ETag', etag);
  res.setHeader('Last-Modified', entry.stat.mtime.toUTCString());
  if (req.headers['if-none-match']?.split(',').some((t) => t.trim() === etag)) {
    res.writeHead(304).end();
    return true;
  }
  res.writeHead(200, { 'Content-Type': contentTypeFor(file), 'Content-Encoding': encoding, 'Content-Length': copy.size });
  if (req.method === 'HEAD') res.end();
  else createReadStream(copy.path).pipe(res);
  return true;
}

// Everything else (on-demand pages, the API, files without a precompressed copy) is compressed per request.
const compress = compression({ threshold: COMPRESS_MIN_BYTES });

const server = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const secure = isSecure('encrypted' in req.socket && Boolean(req.socket.encrypted), req.headers['x-forwarded-proto']?.toString(), trustProxy);
  for (const [name, value] of Object.entries(securityHeaders({ secure, path }))) res.setHeader(name, value);
  if (servePrecompressed(req, res, path)) return;
  compress(req, res, () => handler(req, res));
});

// Confirmation emails queued by signups are sent from a thread of this process (see scripts/lib/delivery-thread.mjs).
const delivery = process.env.NEWSLETTER_DELIVERY === 'separate' ? null : startDeliveryThread();

server.listen(port, host, () => console.log(`Serving on http://${host}:${port}/`));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await delivery?.stop();
    server.close(() => process.exit(0));
  });
}
