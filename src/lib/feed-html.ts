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
