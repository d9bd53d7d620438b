/**
 * Astro's own origin check is off (astro.config.mjs) because RFC 8058 one-click unsubscribes are POSTs from
 * mail providers' servers, with no Origin header. This applies the same protection to every other on-demand
 * route, so new server routes stay protected by default.
 */
import { defineMiddleware } from 'astro:middleware';
import { isForbiddenCrossSite } from './server/same-origin';
import { href } from './lib/paths';

/** Paths any origin may POST to. Each must be safe without it: the unsubscribe link carries its own secret. */
const OPEN_TO_ANY_ORIGIN = new Set([
  href('/newsletter/unsubscribe/'),
  href('/newsletter/unsubscribe/').replace(/\/$/, ''),
]);

export const onRequest = defineMiddleware((context, next) => {
  if (context.isPrerendered || OPEN_TO_ANY_ORIGIN.has(context.url.pathname)) return next();
  const { request } = context;
  const allowed = [context.url.origin, ...(context.site ? [context.site.origin] : [])];
  const check = {
    method: request.method,
    contentType: request.headers.get('content-type'),
    origin: request.headers.get('origin'),
    allowed,
  };
  if (isForbiddenCrossSite(check)) {
    return new Response('Cross-site form submissions are not accepted.\n', {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  return next();
});
