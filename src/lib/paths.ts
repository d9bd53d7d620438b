/**
 * Every internal href goes through here, so the site keeps working when served under a sub-path
 * (Astro's `base`) and trailing slashes stay consistent with the built `dir/index.html` layout.
 */
const BASE = (import.meta.env?.BASE_URL ?? '/').replace(/\/+$/, '');

/** A site path for `path` ("/frameworks/django/" style), with the base prepended. */
export function href(path: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('#')) return path;
  const [pathname = '/', hash] = path.split('#', 2);
  const withSlash = /\.[a-z0-9]+$/i.test(pathname) || pathname.endsWith('/') ? pathname : `${pathname}/`;
  const full = `${BASE}${withSlash.startsWith('/') ? '' : '/'}${withSlash}`;
  return hash === undefined ? full : `${full}#${hash}`;
}

/** An absolute URL for a site path, against the configured site origin. */
export function absoluteUrl(path: string, site: URL | string): string {
  return new URL(href(path), site).href;
}

export const frameworkPath = (id: string): string => href(`/frameworks/${id}/`);
export const trendPath = (id: string): string => href(`/trends/${id}/`);
/** A framework or trend article, from its collection and id. */
export const articlePath = (collection: 'frameworks' | 'trends', id: string): string =>
  collection === 'frameworks' ? frameworkPath(id) : trendPath(id);
/** A head-to-head page's route, before the base: Astro's `redirects` config takes these and adds the base itself. */
export const compareRoute = (slug: string): string => `/compare/${slug}/`;
/** A head-to-head page, from its slug ("django-vs-laravel"; see src/lib/versus/pairs.ts). */
export const comparePath = (slug: string): string => href(compareRoute(slug));
/** A sent newsletter issue's web page, from its ISO week id, lower-case like every other slug ("/newsletter/archive/2026-w48/"). */
export const newsletterIssuePath = (weekId: string): string => href(`/newsletter/archive/${weekId.toLowerCase()}/`);
export const NEWSLETTER_ARCHIVE_PATH = '/newsletter/archive/';
export const NEWSLETTER_FEED_PATH = '/newsletter/rss.xml';
