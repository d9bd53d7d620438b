/** Small readers for the built HTML's head (our own output: double-quoted attributes, one tag per element). */
import { readFileSync } from 'node:fs';
import { sitePaths } from './site-pages';
import { decodeEntities } from './text';

export function pageHtml(path: string): string {
  const file = path === '/404/' ? 'dist/client/404.html' : `dist/client${path}index.html`;
  return readFileSync(file, 'utf8');
}

export function allPages(): { path: string; html: string }[] {
  return [...sitePaths(), '/404/'].map((path) => ({ path, html: pageHtml(path) }));
}

function attrs(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([a-z:-]+)="([^"]*)"/g)].map((m) => [m[1]!, decode(m[2]!)]));
}

/** Entities decoded: one decoder for the test helpers (tests/support/text.ts). */
export const decode = decodeEntities;

export function metaTags(html: string): Record<string, string>[] {
  return [...html.matchAll(/<meta [^>]*>/g)].map((m) => attrs(m[0]));
}

/** content of <meta name=key> or <meta property=key>. */
export function meta(html: string, key: string): string | undefined {
  return metaTags(html).find((m) => m['name'] === key || m['property'] === key)?.['content'];
}

export function links(html: string, rel: string): Record<string, string>[] {
  return [...html.matchAll(/<link [^>]*>/g)].map((m) => attrs(m[0])).filter((l) => l['rel'] === rel);
}

export function jsonLdBlocks(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
}
