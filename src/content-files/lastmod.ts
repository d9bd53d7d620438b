/**
 * Last-modified dates for the sitemap, by page path: each article's `updatedAt`, each sent newsletter issue's
 * `sentAt`; every other page takes the newest date of the content it shows (the latest change anywhere), which
 * is honest for index pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '../lib/frontmatter';
import { weekOfIssueFile } from '../lib/iso-week';
import { newsletterIssuePath } from '../lib/paths';
import { markdownFilesIn, readEntryCollection } from './entries';

export function lastModifiedByPath(contentDir = 'content'): { byPath: Map<string, Date>; latest: Date } {
  const byPath = new Map<string, Date>();
  for (const [collection, base] of [
    ['frameworks', '/frameworks/'],
    ['trends', '/trends/'],
  ] as const) {
    for (const entry of readEntryCollection(`${contentDir}/${collection}`)) {
      const updated = new Date(String(entry.data['updatedAt']));
      if (!Number.isNaN(updated.getTime())) byPath.set(`${base}${entry.id}/`, updated);
    }
  }
  const newsletterDir = `${contentDir}/newsletter`;
  for (const name of markdownFilesIn(newsletterDir)) {
    const { data } = parseFrontmatter(readFileSync(join(newsletterDir, name), 'utf8'));
    const sentAt = new Date(String(data?.['sentAt']));
    if (!Number.isNaN(sentAt.getTime())) byPath.set(newsletterIssuePath(weekOfIssueFile(name).id), sentAt);
  }
  const latest = new Date(Math.max(0, ...[...byPath.values()].map((d) => d.getTime())));
  return { byPath, latest };
}
