#!/usr/bin/env node
/**
 * The production server: Astro's Node handler (static pages and on-demand routes) behind a thin layer that adds
 * security and caching headers. PORT and HOST as usual; TRUST_PROXY=1 when behind a TLS-terminating proxy.
 */
import { createServer } from 'node:http';
import { isSecure, securityHeaders } from '../src/lib/security-headers.ts';

process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = await import('../dist/server/entry.mjs');

const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? 'localhost';
const trustProxy = process.env.TRUST_PROXY === '1';

const server = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const secure = isSecure('encrypted' in req.socket && Boolean(req.socket.encrypted), req.headers['x-forwarded-proto']?.toString(), trustProxy);
  for (const [name, value] of Object.entries(securityHeaders({ secure, path }))) res.setHeader(name, value);
  handler(req, res);
});

server.listen(port, host, () => console.log(`Serving on http://${host}:${port}/`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
