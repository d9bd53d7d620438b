/**
 * Article HTML made safe to read outside the site (feed readers): root-relative links and sources made
 * absolute, heading anchor links (and the classes that place them) and scripts dropped.
 */
import { HEADING_CLASSES } from './heading-anchors';

export function absolutizeHtml(html: string, siteUrl: string): string {
  const base = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`;
  return html
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(/<a [^>]*class="heading-anchor[^"]*"[^>]*>[\s\S]*?<\/a>/g, '')
    .replaceAll(` class="${HEADING_CLASSES.join(' ')}"`, '')
    .replace(
      /\s(href|src)="(\/[^"/][^"]*|\/)"/g,
      (_, attr: string, path: string) => ` ${attr}="${new URL(path.slice(1), base).href}"`,
    )
    .replace(/\s(href)="#([^"]*)"/g, '');
}

/**
 * How many articles `/rss.xml` carries, the newest, each in full: a feed is for what is new, and readers' apps fetch
 * it again every hour or so. At 2,000 articles the whole archive made a 22 MB feed (3.4 MB with Brotli); the site
 * and its sitemap keep every article.
 */
export const FEED_ITEM_LIMIT = 50;

/** The items a feed lists: newest first (by title on the same day), at most `limit`. */
export function newestItems<T extends { pubDate: Date; title: string }>(items: T[], limit = FEED_ITEM_LIMIT): T[] {
  return [...items]
    .sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || a.title.localeCompare(b.title))
    .slice(0, limit);
}
