#!/usr/bin/env node
/**
 * The production server. Fastify answers; @fastify/static serves the built files in dist/client (the Brotli/gzip
 * copies the build wrote beside them when the client accepts one), and whatever is not a file goes to Astro's
 * handler (the Node adapter in middleware mode): on-demand routes, whose pages get their first-screen CSS inline (the
 * inliner is passed in Astro's locals), the redirects, the 404 page. Every response, errors included, gets the
 * security and caching headers. PORT and HOST as usual; TRUST_PROXY=1 when behind a TLS-terminating proxy.
 */
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import compression from 'compression';
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import onHeaders from 'on-headers';
import { builtStylesheets } from '../src/integrations/built-pages.ts';
import { COMPRESS_MIN_BYTES } from '../src/integrations/precompress.ts';
import { firstScreenInliner } from '../src/lib/critical-css.ts';
import { clientErrorAnswer, plainAnswer, rawResponse, refusal } from '../src/server/request-guards.ts';
import { isSecure, mergeCsp, securityHeaders } from '../src/server/security-headers.ts';
import { startDeliveryThread } from './lib/delivery-thread.mjs';

const { handler: astro } = await import('../dist/server/entry.mjs');

const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? 'localhost';
const trustProxy = process.env.TRUST_PROXY === '1';

/** Adds the site's headers just before a response writes its own, whoever writes it; the page's CSP is merged. */
function withSiteHeaders(req, res) {
  const secure = isSecure(Boolean(req.socket.encrypted), req.headers['x-forwarded-proto']?.toString(), trustProxy);
  const path = req.url.split('?', 1)[0];
  onHeaders(res, function () {
    for (const [name, value] of Object.entries(securityHeaders({ secure, path, status: this.statusCode }))) {
      if (name === 'Content-Security-Policy') this.setHeader(name, mergeCsp(this.getHeader(name)?.toString(), value));
      else if (!this.hasHeader(name)) this.setHeader(name, value);
    }
  });
}

/** Requests Node's parser rejects, and CONNECT, never get a response object: they are answered on the socket. */
function answerOnSocket(socket, answer) {
  if (answer && socket.writable) socket.end(rawResponse(answer, securityHeaders({ secure: false, path: '/' })));
  else socket.destroy();
}

/** A handler's error: its own 4xx status, or a 500 with one line in the log; never a stack trace. */
function answerError(error, request, reply) {
  const status = error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
  if (status >= 500) console.error(`${request.method} ${request.url}: ${error.message}`);
  const { headers, body } = plainAnswer(status);
  reply.code(status).headers(headers).send(body);
}

const app = Fastify({
  serverFactory: (fastify) => {
    const server = createServer((req, res) => {
      withSiteHeaders(req, res);
      const refused = refusal(req.method, req.headers.host, req.url);
      if (refused) res.writeHead(refused.status, refused.headers).end(refused.body);
      else fastify(req, res);
    });
    server.on('connect', (req, socket) => answerOnSocket(socket, clientErrorAnswer('CONNECT')));
    return server;
  },
  clientErrorHandler: (error, socket) => answerOnSocket(socket, clientErrorAnswer(error.code)),
  frameworkErrors: answerError,
});
app.setErrorHandler(answerError);

const clientDir = new URL('../dist/client/', import.meta.url);
/** On-demand pages get their first screen's CSS inline as the built ones do (see src/middleware.ts). */
const inlineFirstScreen = firstScreenInliner(builtStylesheets(fileURLToPath(clientDir)));

await app.register(fastifyStatic, {
  root: clientDir,
  preCompressed: true,
  cacheControl: false,
  // A page's headers count in its first round trip with it (src/integrations/precompress.ts): its ETag answers
  // revalidation, so no Last-Modified; and no Accept-Ranges, as nothing served here is worth resuming.
  lastModified: false,
  acceptRanges: false,
  // No dotfile (a stray .env in public/) but those under /.well-known/, as Astro's own static server does.
  allowedPath: (path) => !/(^|\/)\.(?!well-known\/)/.test(path),
});

// Astro reads request bodies itself: Fastify must leave them unread.
app.removeAllContentTypeParsers();
app.addContentTypeParser('*', (request, body, done) => done(null));

/**
 * The request body as Astro reads it (it takes `req.body` when set): a client that leaves mid-body fails the route
 * with a one-line error instead of Node's "aborted" and its stack trace.
 */
async function* bodyOf(req) {
  try {
    for await (const chunk of req) yield chunk;
  } catch (error) {
    const message = `request body not received: ${error.message}`;
    throw Object.assign(new Error(message), { stack: message });
  }
}

// What is not a file goes to Astro (on-demand routes, redirects), its answers compressed per request; what Astro
// has no route for either gets the built 404 page, served like any file (its copies, no ETag or Range for it).
const compress = compression({ threshold: COMPRESS_MIN_BYTES });
const notFoundPage = { etag: false, lastModified: false, acceptRanges: false };
app.setNotFoundHandler((request, reply) => {
  request.raw.body = bodyOf(request.raw);
  compress(request.raw, reply.raw, () =>
    astro(request.raw, reply.raw, () => reply.code(404).sendFile('404.html', notFoundPage), { inlineFirstScreen }),
  );
});

// Confirmation emails queued by signups are sent from a thread of this process (see scripts/lib/delivery-thread.mjs).
const delivery = process.env.NEWSLETTER_DELIVERY === 'separate' ? null : startDeliveryThread();

await app.listen({ port, host });
console.log(`Serving on http://${host}:${port}/`);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await delivery?.stop();
    await app.close();
    process.exit(0);
  });
}
