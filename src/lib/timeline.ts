/**
 * A support timeline as data: which release lines to show, and where each phase (bug and security fixes, security
 * fixes only) starts and ends on a time axis, in percent of the chart's width, so the chart scales to any screen
 * without shrinking its text (labels are HTML; only the bars are SVG).
 */
import { byNewest, supportPhase, type IsoDate, type ReleaseCycle, type SupportPhase } from './releases';

export interface TimelineSegment {
  kind: 'active' | 'security';
  /** Left edge and width, in percent of the axis. */
  x: number;
  width: number;
  from: IsoDate;
  /** The last day of the segment; undefined when no end is announced (the bar runs to the axis' end). */
  to: IsoDate | undefined;
}

export interface TimelineRow {
  label: string;
  cycle: ReleaseCycle;
  phase: SupportPhase;
  segments: TimelineSegment[];
}

export interface Timeline {
  from: IsoDate;
  to: IsoDate;
  /** Where today is, in percent. */
  today: number;
  /** 1 January of each year inside the axis, in percent. */
  years: { year: number; x: number }[];
  rows: TimelineRow[];
}

const day = (iso: IsoDate) => Date.parse(`${iso}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const YEAR_MS = 365.25 * 86_400_000;

/**
 * The lines worth a row on `today`: every line still supported, and the newest lines that ended within
 * `pastYears` (so a reader sees what just dropped out), newest first, at most `max` of them.
 */
export function linesToShow(
  cycles: readonly ReleaseCycle[],
  today: IsoDate,
  { pastYears = 2, max = 6 } = {},
): ReleaseCycle[] {
  const since = iso(day(today) - pastYears * YEAR_MS);
  return byNewest(cycles)
    .filter((c) => {
      const phase = supportPhase(c, today);
      if (phase !== 'ended') return true;
      return typeof c.eol === 'string' && c.eol >= since;
    })
    .slice(0, max);
}

/**
 * Lays out `rows` on one axis from the earliest release shown (at most `pastYears` back) to the latest end of
 * support (at most `futureYears` ahead), whole years at both ends.
 */
export function layoutTimeline(
  rows: readonly { label: string; cycle: ReleaseCycle }[],
  today: IsoDate,
  { pastYears = 2, futureYears = 5 } = {},
): Timeline {
  const t = day(today);
  const firstYear = new Date(
    Math.max(Math.min(...rows.map((r) => day(r.cycle.releaseDate)), t), t - pastYears * YEAR_MS),
  ).getUTCFullYear();
  const ends = rows.flatMap((r) => [r.cycle.eoas, r.cycle.eol]).filter((m): m is IsoDate => typeof m === 'string');
  const lastEnd = Math.min(Math.max(t, ...ends.map(day)), t + futureYears * YEAR_MS);
  const lastYear = new Date(lastEnd).getUTCFullYear() + 1;
  const from = Date.UTC(firstYear, 0, 1);
  const to = Date.UTC(lastYear, 0, 1);
  const pct = (ms: number) => Math.round(((Math.min(Math.max(ms, from), to) - from) / (to - from)) * 10_000) / 100;

  const segment = (
    kind: TimelineSegment['kind'],
    start: IsoDate,
    end: IsoDate | boolean,
  ): TimelineSegment | undefined => {
    const stop = typeof end === 'string' ? day(end) + 86_400_000 : end === true ? day(start) : to;
    if (stop <= day(start)) return undefined;
    const x = pct(day(start));
    return { kind, x, width: Math.max(pct(stop) - x, 0), from: start, to: typeof end === 'string' ? end : undefined };
  };

  return {
    from: iso(from),
    to: iso(to - 86_400_000),
    today: pct(t),
    years: Array.from({ length: lastYear - firstYear + 1 }, (_, i) => ({
      year: firstYear + i,
      x: pct(Date.UTC(firstYear + i, 0, 1)),
    })),
    rows: rows.map(({ label, cycle }) => {
      // Where a project draws no line between full and security-only support, the whole span is "active".
      const activeEnd = typeof cycle.eoas === 'string' ? cycle.eoas : cycle.eol;
      const active = segment('active', cycle.releaseDate, activeEnd);
      const security =
        typeof cycle.eoas === 'string' ? segment('security', iso(day(cycle.eoas) + 86_400_000), cycle.eol) : undefined;
      return {
        label,
        cycle,
        phase: supportPhase(cycle, today),
        segments: [active, security].filter((s): s is TimelineSegment => s !== undefined && s.width > 0),
      };
    }),
  };
}
