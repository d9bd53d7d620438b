/**
 * The comparison as data, generated from the frameworks collection (never hand-written): one table of ratings, one
 * row per framework and one column per rating, so a ninth framework adds a row and never widens the table; and a
 * table of facts.
 */
import type { FrameworkWith } from './framework-data';
import { RATING_DIMENSIONS, RATING_KEYS, type RatingDimension } from './ratings';
import { monthsPhrase, supportFigures, type IsoDate, type ReleaseCycle } from './releases';
import { useCaseLabel } from './use-cases';

export type ComparedFramework = FrameworkWith<
  'name' | 'ratings' | 'languages' | 'runtime' | 'license' | 'currentVersion' | 'firstRelease' | 'bestFor'
>;

export interface RatingCell {
  key: RatingDimension;
  score: number;
  /** The highest score for this rating, shared or not; false for everyone when all score the same (nobody leads). */
  leads: boolean;
}

export interface RatingsRow {
  id: string;
  name: string;
  cells: RatingCell[];
}

export const RATING_COLUMNS = RATING_KEYS.map((key) => ({ key, label: RATING_DIMENSIONS[key] }));

export function ratingsRows(frameworks: readonly ComparedFramework[]): RatingsRow[] {
  const scores = (key: RatingDimension) => frameworks.map((f) => f.ratings[key].score);
  const top = Object.fromEntries(RATING_KEYS.map((key) => [key, Math.max(...scores(key))]));
  const tied = Object.fromEntries(RATING_KEYS.map((key) => [key, scores(key).every((s) => s === top[key])]));
  return frameworks.map((f) => ({
    id: f.id,
    name: f.name,
    cells: RATING_KEYS.map((key) => ({
      key,
      score: f.ratings[key].score,
      leads: !tied[key] && f.ratings[key].score === top[key],
    })),
  }));
}

/** `wide` facts are long text: a full line of their own on phones and room to wrap on wider screens. */
export const FACT_COLUMNS = [
  { label: 'Language', wide: true, value: (f: ComparedFramework) => f.languages.join(', ') },
  { label: 'Runtime', wide: false, value: (f: ComparedFramework) => f.runtime },
  { label: 'Licence', wide: false, value: (f: ComparedFramework) => f.license },
  { label: 'Latest version', wide: false, value: (f: ComparedFramework) => f.currentVersion },
  { label: 'First release', wide: false, value: (f: ComparedFramework) => String(f.firstRelease) },
  { label: 'Best for', wide: true, value: (f: ComparedFramework) => f.bestFor.map(useCaseLabel).join('; ') },
] as const;

export function factsRows(frameworks: readonly ComparedFramework[]): { id: string; name: string; cells: string[] }[] {
  return frameworks.map((f) => ({ id: f.id, name: f.name, cells: FACT_COLUMNS.map((c) => c.value(f)) }));
}

export interface TableColumn {
  label: string;
  /** Long text: a full line of its own on phones and room to wrap on wider screens. */
  wide: boolean;
}

/** How often each framework makes a team move, from its release data for `today` (see supportFigures). */
export const UPGRADE_COLUMNS: readonly TableColumn[] = [
  { label: 'A new line', wide: false },
  { label: 'Each line supported', wide: false },
  { label: 'LTS lines supported', wide: false },
  { label: 'Newest line has left', wide: false },
];

export function upgradeRows(
  frameworks: readonly { id: string; name: string; cycles: readonly ReleaseCycle[] }[],
  today: IsoDate,
): { id: string; name: string; cells: string[] }[] {
  return frameworks.map(({ id, name, cycles }) => {
    const f = supportFigures(cycles, today);
    return {
      id,
      name,
      cells: [
        f.basis < 2 ? `${f.basis === 0 ? 'none' : 'one'} in five years` : monthsPhrase(f.monthsBetweenLines, 'every'),
        f.supportMonths === undefined ? 'no end dates announced' : monthsPhrase(f.supportMonths, 'for'),
        f.ltsSupportMonths === undefined ? 'no LTS lines' : monthsPhrase(f.ltsSupportMonths, 'for'),
        f.currentLeftMonths === undefined ? 'no end announced' : `${f.currentLeftMonths} months`,
      ],
    };
  });
}

/**
 * The order of two rows by their sort keys (the table's script sorts with it): numbers by value, text by locale;
 * ties keep their order because Array.prototype.sort is stable.
 */
export function compareSortKeys(a: string, b: string, numeric: boolean, direction: 'ascending' | 'descending'): number {
  const sign = direction === 'ascending' ? 1 : -1;
  return sign * (numeric ? Number(a) - Number(b) : a.localeCompare(b));
}
