/**
 * The week of the newest article, and how many articles that week's digest should carry, derived from the content
 * on disk, so the digest tests keep working as articles are added or updated (never a hard-coded week or count).
 */
import { readEntryCollection } from '../../src/content-files/entries';
import { isoWeekOf, type IsoWeek } from '../../src/lib/iso-week';

const dates = (['frameworks', 'trends'] as const).flatMap((kind) =>
  readEntryCollection(`content/${kind}`).map((f) => ({
    published: new Date(String(f.data['publishedAt'])),
    updated: new Date(String(f.data['updatedAt'])),
  })),
);

/** The ISO week of the latest publishedAt or updatedAt among framework and trend articles. */
export const latestContentWeek: IsoWeek = isoWeekOf(
  new Date(Math.max(...dates.flatMap((d) => [d.published.getTime(), d.updated.getTime()]))),
);

/** Articles published or updated in `week` (the rule the digest states: either date inside the week). */
export function articlesIn(week: IsoWeek): number {
  const inside = (d: Date) => d >= week.start && d < week.end;
  return dates.filter((d) => inside(d.published) || inside(d.updated)).length;
}

/** A week before any article was published: its digest must be empty. */
export const weekBeforeContent: IsoWeek = isoWeekOf(
  new Date(Math.min(...dates.map((d) => d.published.getTime())) - 7 * 86_400_000),
);
