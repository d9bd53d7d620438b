/** Absolute links for emails: they must point at the public site, whatever Host header a request carried. */
import { href } from '../lib/paths.ts';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The origin links are built on: the configured `site`. The one exception is the default, unconfigured site
 * with a request that came to a loopback address: then the request's own origin (its port) is used, so a
 * local server on another port sends working links. A forged Host header can never reach a real inbox's link.
 */
export function linkOrigin(site: string, requestUrl: URL, defaultSite: string): string {
  const configured = new URL(site);
  const isDefault = configured.origin === new URL(defaultSite).origin;
  return isDefault && LOOPBACK.has(requestUrl.hostname) ? requestUrl.origin : configured.origin;
}

export const CONFIRM_PATH = '/newsletter/confirm/';
export const UNSUBSCRIBE_PATH = '/newsletter/unsubscribe/';

const withToken = (base: string, path: string, token: string) =>
  `${base}${href(path)}?token=${encodeURIComponent(token)}`;

export const confirmUrl = (base: string, token: string) => withToken(base, CONFIRM_PATH, token);
export const unsubscribeUrl = (base: string, key: string) => withToken(base, UNSUBSCRIBE_PATH, key);
