/**
 * The newsletter archive: what a sent issue records about itself, and the pure helpers the CLI and the archive
 * pages share. A static site cannot read the send database at build time, so a completed send writes the issue
 * into its own content file (`content/newsletter/<yyyy>-<ww>.md`): `sentAt` and the items that went out, frozen
 * as references. The editor's intro (the file's body) is kept byte for byte; committing the file and rebuilding
 * publishes the issue.
 */
import { Document, isMap, parseDocument } from 'yaml';
import { splitFrontmatter } from '../lib/frontmatter.ts';
import type { IsoWeek } from '../lib/iso-week.ts';
import { articlePath } from '../lib/paths.ts';
import type { DigestEntry, DigestItem } from './digest.ts';

/** One item of a sent issue, as stored in the frontmatter: which article, and whether it was new or updated. */
export interface ArchivedItem {
  collection: DigestEntry['kind'];
  id: string;
  change: DigestItem['change'];
}

/** The references to store: the issue's own selection, so a later edit to an article cannot move it. */
export const freezeItems = (items: readonly DigestItem[]): ArchivedItem[] =>
  items.map(({ kind, id, change }) => ({ collection: kind, id, change }));

/**
 * The stored references back as the composer's items, in the order they went out and with the change they had
 * then, with today's titles and summaries. A reference to a missing entry throws (the schema catches it first).
 */
export function thawItems(
  refs: readonly ArchivedItem[],
  entries: readonly DigestEntry[],
  siteUrl: string,
): DigestItem[] {
  const base = siteUrl.replace(/\/+$/, '');
  return refs.map((ref) => {
    const entry = entries.find((e) => e.kind === ref.collection && e.id === ref.id);
    if (!entry) throw new Error(`the archived issue lists ${ref.collection}/${ref.id}, which does not exist`);
    return { ...entry, change: ref.change, url: `${base}${articlePath(entry.kind, entry.id)}` };
  });
}

/** True when the file's frontmatter already records the issue as sent. */
export function isRecordedAsSent(fileText: string | undefined): boolean {
  const frontmatter = fileText === undefined ? undefined : splitFrontmatter(fileText).frontmatter;
  return frontmatter !== undefined && parseDocument(frontmatter).has('sentAt');
}

/**
 * The issue file with `sentAt` and `items` set in its frontmatter (created when missing). Other keys and
 * comments in the frontmatter stay, and the body (the editor's intro) is kept exactly as it was.
 */
export function withSentRecord(
  fileText: string | undefined,
  record: { sentAt: Date; items: readonly ArchivedItem[] },
): string {
  const { frontmatter, body } = splitFrontmatter(fileText ?? '');
  const doc: Document = frontmatter?.trim() ? parseDocument(frontmatter) : new Document({});
  if (doc.errors.length) throw new Error(`the frontmatter is not valid YAML: ${doc.errors[0]!.message}`);
  if (!isMap(doc.contents)) throw new Error('the frontmatter is not a list of "key: value" lines');
  doc.set('sentAt', record.sentAt.toISOString());
  doc.set(
    'items',
    record.items.map((i) => ({ collection: i.collection, id: i.id, change: i.change })),
  );
  return `---\n${String(doc).trimEnd()}\n---\n${body}`;
}

/** What a send run does about the issue's archive record, decided from what it found; the CLI does the I/O. */
export interface ArchiveRecordStep {
  /** The new text of the issue file, when it is to be written. */
  write?: string;
  /** Lines for stdout. */
  log: string[];
  /** A line for stderr when the record cannot be written (the run then exits 1); the file is left untouched. */
  error?: string;
}

/**
 * Once an issue is complete (something went out and nobody is due any more), its content file records it as sent,
 * once: a file that already records it is left as it is, and one whose frontmatter cannot be read is not touched.
 * `file` is the issue file's path as shown to the editor, `fileText` its text (undefined when there is none).
 */
export function archiveRecordStep(run: {
  week: IsoWeek;
  file: string;
  fileText: string | undefined;
  /** Deliveries of the issue recorded as sent, by every run so far. */
  sentInAll: number;
  /** Subscribers the issue is still due to. */
  stillDue: number;
  items: readonly DigestItem[];
  sentAt: Date;
  /** The issue's page in the web archive. */
  webUrl: string;
}): ArchiveRecordStep {
  const { week, file, items } = run;
  if (run.sentInAll === 0 || run.stillDue > 0) return { log: [] };
  if (isRecordedAsSent(run.fileText)) return { log: [`${file} already records ${week.id} as sent; left as it is.`] };
  let write: string;
  try {
    write = withSentRecord(run.fileText, { sentAt: run.sentAt, items: freezeItems(items) });
  } catch (error) {
    // The issue went out; only its archive record is missing.
    return {
      log: [],
      error: `${file}: ${error instanceof Error ? error.message : String(error)}. Fix it and run the same command again to record the issue (nobody is sent it twice).`,
    };
  }
  return {
    write,
    log: [
      `Recorded ${week.id} as sent (${items.length} item${items.length === 1 ? '' : 's'}) in ${file}.`,
      `Commit ${file} and rebuild to publish it in the archive at ${run.webUrl}`,
    ],
  };
}

/** "Week 48, 2026". */
export const weekLabel = (week: IsoWeek): string => `Week ${week.week}, ${week.year}`;

const DAY_MONTH_YEAR = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const DAY_MONTH = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });

/** Monday to Sunday of the week: "23–29 November 2026", "30 November – 6 December 2026", "29 December 2025 – 4 January 2026". */
export function weekRange(week: IsoWeek): string {
  const first = week.start;
  const last = new Date(week.end.getTime() - 86_400_000);
  if (first.getUTCFullYear() !== last.getUTCFullYear())
    return `${DAY_MONTH_YEAR.format(first)} – ${DAY_MONTH_YEAR.format(last)}`;
  if (first.getUTCMonth() !== last.getUTCMonth()) return `${DAY_MONTH.format(first)} – ${DAY_MONTH_YEAR.format(last)}`;
  return `${first.getUTCDate()}–${DAY_MONTH_YEAR.format(last)}`;
}

/** Issues newest week first (the archive's and the feed's order). */
export const newestFirst = <T extends { week: IsoWeek }>(issues: readonly T[]): T[] =>
  [...issues].sort((a, b) => b.week.start.getTime() - a.week.start.getTime());

/** The intro, paragraphs run together and cut at a word boundary to at most `max` characters (with "…" when cut). */
export function introExcerpt(paragraphs: readonly string[], max = 160): string | undefined {
  const all = paragraphs.join(' ');
  if (all === '' || all.length <= max) return all || undefined;
  const cut = all.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** "3 articles", "1 article", "no articles". */
export const itemCount = (n: number): string => (n === 0 ? 'no articles' : `${n} article${n === 1 ? '' : 's'}`);
