/**
 * The data half of a head-to-head page, derived from the two framework entries: the facts side by side, the six
 * ratings with who leads on each, and the page title. The verdict and the "Pick A if …" lines are written per pair
 * (the `versus` collection), not generated here.
 */
import { formatDate } from '../dates';
import type { FrameworkData, FrameworkWith } from '../framework-data';
import { RATING_DIMENSIONS, RATING_KEYS, type RatingDimension } from '../ratings';
import { useCaseLabel } from '../use-cases';
import { pairTitle } from './pairs';

export type Rating = FrameworkData['ratings'][RatingDimension];

/** One side of the page: a framework's id and the fields the facts, ratings and titles read. */
export type Contender = FrameworkWith<
  | 'name'
  | 'languages'
  | 'runtime'
  | 'bestFor'
  | 'firstRelease'
  | 'license'
  | 'currentVersion'
  | 'currentVersionDate'
  | 'lts'
  | 'steward'
  | 'ratings'
>;

export type Side = 'a' | 'b';

export interface FactRow {
  label: string;
  a: string;
  b: string;
}

export function factRows(a: Contender, b: Contender): FactRow[] {
  const row = (label: string, value: (c: Contender) => string): FactRow => ({ label, a: value(a), b: value(b) });
  return [
    row('Language', (c) => c.languages.join(', ')),
    row('Runtime', (c) => c.runtime),
    row('Latest version', (c) => `${c.currentVersion} (${formatDate(c.currentVersionDate)})`),
    row('Long-term support', (c) =>
      c.lts ? `${c.lts.version}, until ${formatDate(c.lts.supportedUntil)}` : 'No LTS line',
    ),
    row('First release', (c) => String(c.firstRelease)),
    row('Licence', (c) => c.license),
    row('Steward', (c) => c.steward),
    row('Best for', (c) => c.bestFor.map(useCaseLabel).join('; ')),
  ];
}

export interface RatingRow {
  key: RatingDimension;
  label: string;
  a: Rating;
  b: Rating;
  /** Who scores higher; "tie" when the scores are equal. */
  leader: Side | 'tie';
}

/** The six ratings in the guide's order, each with its leader. */
export function ratingRows(a: Contender, b: Contender): RatingRow[] {
  return RATING_KEYS.map((key) => {
    const diff = a.ratings[key].score - b.ratings[key].score;
    return {
      key,
      label: RATING_DIMENSIONS[key],
      a: a.ratings[key],
      b: b.ratings[key],
      leader: diff > 0 ? 'a' : diff < 0 ? 'b' : 'tie',
    };
  });
}

export function tally(rows: readonly RatingRow[]): Record<Side | 'tie', RatingRow[]> {
  return {
    a: rows.filter((r) => r.leader === 'a'),
    b: rows.filter((r) => r.leader === 'b'),
    tie: rows.filter((r) => r.leader === 'tie'),
  };
}

/**
 * What you write and what runs it, for a card: "Python on CPython", "Java · Kotlin on the JVM", and just "PHP" when
 * the runtime has the language’s name (never "PHP on PHP"). A runtime named by its initials ("JVM") takes "the".
 */
export function platformText(languages: readonly string[], runtime: string): string {
  const written = languages.join(' · ');
  if (languages.some((l) => l.toLowerCase() === runtime.toLowerCase())) return written;
  return `${written} on ${/^[A-Z]{2,}$/.test(runtime) ? `the ${runtime}` : runtime}`;
}

/** The page title (before the site name), kept short enough for search results (checked by the tests). */
export function pairPageTitle(a: Contender, b: Contender): string {
  return `${pairTitle(a, b)}: which to pick`;
}
