/**
 * Last-modified dates for the sitemap, by page path: each article's `updatedAt`; every other page takes the
 * newest date of the content it shows (the latest change anywhere), which is honest for index pages.
 */
import { readMdxCollection } from './content-files';

export function lastModifiedByPath(contentDir = 'content'): { byPath: Map<string, Date>; latest: Date } {
  const byPath = new Map<string, Date>();
  for (const [collection, base] of [['frameworks', '/frameworks/'], ['trends', '/trends/']] as const) {
    for (const entry of readMdxCollection(`${contentDir}/${collection}`)) {
      const updated = new Date(String(entry.data['updatedAt']));
      if (!Number.isNaN(updated.getTime())) byPath.set(`${base}${entry.id}/`, updated);
    }
  }
  const latest = new Date(Math.max(0, ...[...byPath.values()].map((d) => d.getTime())));
  return { byPath, latest };
}
