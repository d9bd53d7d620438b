/**
 * Two things for on-demand routes (prerendered pages are done at build time):
 * - Astro's own origin check is off (astro.config.mjs) because RFC 8058 one-click unsubscribes are POSTs from
 *   mail providers' servers, with no Origin header. This applies the same protection to every other on-demand
 *   route, so new server routes stay protected by default.
 * - Their pages get their first screen's CSS inline, as prerendered pages do (src/integrations/critical-css.ts), so
 *   they too paint in one round trip; the inline style is allowed by its hash in the response's CSP header. The
 *   production server hands over the inliner, made once from the built stylesheets (`locals`, scripts/server.mjs).
 */
import { defineMiddleware, sequence } from 'astro:middleware';
import { inlinedOrAsIs } from './lib/critical-css';
import { withStyleAllowed } from './lib/csp';
import { isForbiddenCrossSite } from './server/same-origin';
import { href } from './lib/paths';

/** Paths any origin may POST to. Each must be safe without it: the unsubscribe link carries its own secret. */
const OPEN_TO_ANY_ORIGIN = new Set([
  href('/newsletter/unsubscribe/'),
  href('/newsletter/unsubscribe/').replace(/\/$/, ''),
]);

const sameOrigin = defineMiddleware((context, next) => {
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

const firstScreenCss = defineMiddleware(async (context, next) => {
  const response = await next();
  const inlineFirstScreen = context.locals.inlineFirstScreen;
  if (context.isPrerendered || !inlineFirstScreen || !response.headers.get('content-type')?.startsWith('text/html'))
    return response;
  const { page, error } = inlinedOrAsIs(inlineFirstScreen, await response.text());
  if (error) console.error(`first-screen CSS for ${context.url.pathname}: ${error.message}`);
  const { html, css } = page;
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  const policy = headers.get('content-security-policy');
  if (css !== undefined && policy) headers.set('content-security-policy', withStyleAllowed(policy, css));
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
});

export const onRequest = sequence(sameOrigin, firstScreenCss);
