/**
 * ISO weeks, which name the newsletter's issues: "2026-W48", Monday to Monday in UTC, and the issue file of each,
 * `content/newsletter/<yyyy>-<ww>.md`. Pure, so the content schema, the sitemap dates, the archive pages and the
 * newsletter CLI all agree on a week without loading the newsletter service.
 */

export interface IsoWeek {
  year: number;
  week: number;
  /** "2026-W48": the issue's id. */
  id: string;
  /** Monday 00:00 UTC, inclusive. */
  start: Date;
  /** The next Monday 00:00 UTC, exclusive. */
  end: Date;
}

const DAY = 86_400_000;

/** Monday 00:00 UTC of ISO week 1 of `year` (the week holding 4 January). */
function week1Monday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - weekday * DAY;
}

/** Parses "2026-W48" (or "2026-48"); throws a readable error on anything else, including week 53 of a 52-week year. */
export function parseIsoWeek(input: string): IsoWeek {
  const match = /^(\d{4})-?W?(\d{1,2})$/i.exec(input.trim());
  if (!match) throw new Error(`"${input}" is not an ISO week: write it like 2026-W48.`);
  const year = Number(match[1]);
  const week = Number(match[2]);
  const weeks = (week1Monday(year + 1) - week1Monday(year)) / (7 * DAY);
  if (week < 1 || week > weeks) throw new Error(`${year} has weeks 1 to ${weeks}; "${input}" is not one of them.`);
  const start = week1Monday(year) + (week - 1) * 7 * DAY;
  return {
    year,
    week,
    id: `${year}-W${String(week).padStart(2, '0')}`,
    start: new Date(start),
    end: new Date(start + 7 * DAY),
  };
}

/** The ISO week a date falls in. */
export function isoWeekOf(date: Date): IsoWeek {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const thursday = day + (3 - ((new Date(day).getUTCDay() + 6) % 7)) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  return parseIsoWeek(`${year}-W${Math.floor((thursday - week1Monday(year)) / (7 * DAY)) + 1}`);
}

/** Where the issue files live, relative to the project root (the CLI's and the build's working directory). */
export const NEWSLETTER_CONTENT_DIR = 'content/newsletter';

/** `2026-48.md` for 2026-W48: the editor's intro, and the record once the issue is sent. */
export const issueFileName = (week: IsoWeek): string => `${week.year}-${String(week.week).padStart(2, '0')}.md`;

/** The week of an issue file name ("2026-48.md" → 2026-W48); throws naming the file when it is not one. */
export function weekOfIssueFile(fileName: string): IsoWeek {
  const match = /^(\d{4})-(\d{2})\.md$/.exec(fileName.replace(/^.*[\\/]/, ''));
  if (!match)
    throw new Error(`${fileName}: newsletter files are named <yyyy>-<ww>.md after their ISO week, e.g. 2026-48.md`);
  try {
    return parseIsoWeek(`${match[1]}-W${match[2]}`);
  } catch (error) {
    throw new Error(`${fileName}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
