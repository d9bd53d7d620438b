/**
 * The sent issues, for the archive pages, the newsletter feed and the share images: every newsletter file with
 * a `sentAt`, its frozen items resolved against today's articles, newest first.
 */
import { getCollection } from 'astro:content';
import { markdownFilesIn } from '../content-files/entries';
import { NEWSLETTER_CONTENT_DIR, parseIsoWeek, type IsoWeek } from '../lib/iso-week';
import { newestFirst, thawItems, type ArchivedItem } from '../newsletter/archive';
import { introParagraphs, toDigestEntry, type DigestItem } from '../newsletter/digest';
import { getFrameworks } from './frameworks';

export interface SentIssue {
  week: IsoWeek;
  sentAt: Date;
  /** The editor's intro, one string per paragraph (empty when there was none). */
  intro: string[];
  items: DigestItem[];
}

export async function sentIssues(siteUrl: URL | string): Promise<SentIssue[]> {
  // An empty collection is the normal state before the first issue; asking for it would log a warning.
  if (markdownFilesIn(NEWSLETTER_CONTENT_DIR).length === 0) return [];
  const files = await getCollection('newsletter', (file) => file.data.sentAt !== undefined);
  const entries = [
    ...(await getFrameworks()).map((f) => toDigestEntry('frameworks', f.id, f.data)),
    ...(await getCollection('trends')).map((t) => toDigestEntry('trends', t.id, t.data)),
  ];
  return newestFirst(
    files.map((file) => ({
      week: parseIsoWeek(file.id),
      sentAt: file.data.sentAt!,
      intro: introParagraphs(file.body ?? ''),
      items: thawItems(file.data.items as ArchivedItem[], entries, String(siteUrl)),
    })),
  );
}
