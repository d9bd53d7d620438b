/**
 * The comparison table as data, generated from the frameworks collection (never hand-written).
 * Each cell carries the text readers see and a sort key, so sorting works on numbers and dates.
 */
import { RATING_DIMENSIONS, RATING_KEYS, type RatingDimension } from './ratings';
import { useCaseLabel, type UseCase } from './use-cases';

export interface FrameworkFacts {
  id: string;
  name: string;
  languages: readonly string[];
  bestFor: readonly UseCase[];
  license: string;
  currentVersion: string;
  firstRelease: number;
  ratings: Record<RatingDimension, { score: number; reason: string }>;
}

export interface Column {
  key: string;
  label: string;
  /** Numeric columns sort high-to-low first, text columns A–Z. */
  numeric: boolean;
  /** Long text: the column gets room so rows stay short on phones. */
  wide?: boolean;
}

export interface Cell {
  text: string;
  sortKey: string | number;
  /** Longer explanation (e.g. a rating's reason), for a tooltip or a caption. */
  title?: string;
}

export interface Row {
  id: string;
  name: string;
  cells: Cell[];
}

export const COLUMNS: Column[] = [
  { key: 'language', label: 'Language', numeric: false, wide: true },
  { key: 'bestFor', label: 'Best for', numeric: false, wide: true },
  ...RATING_KEYS.map((key) => ({ key, label: RATING_DIMENSIONS[key], numeric: true })),
  { key: 'license', label: 'Licence', numeric: false },
  { key: 'version', label: 'Latest version', numeric: true },
  { key: 'firstRelease', label: 'First release', numeric: true },
];

/** "5.2.1" → 5002001, so versions sort numerically. */
export function versionSortKey(version: string): number {
  const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number);
  return major * 1_000_000 + minor * 1_000 + patch;
}

export function comparisonRows(frameworks: readonly FrameworkFacts[]): Row[] {
  return frameworks.map((fw) => {
    const bestFor = fw.bestFor.map(useCaseLabel).join('; ');
    return {
      id: fw.id,
      name: fw.name,
      cells: [
        { text: fw.languages.join(', '), sortKey: fw.languages.join(', ') },
        { text: bestFor, sortKey: bestFor },
        ...RATING_KEYS.map((key) => ({
          text: `${fw.ratings[key].score}/5`,
          sortKey: fw.ratings[key].score,
          title: fw.ratings[key].reason,
        })),
        { text: fw.license, sortKey: fw.license },
        { text: fw.currentVersion, sortKey: versionSortKey(fw.currentVersion) },
        { text: String(fw.firstRelease), sortKey: fw.firstRelease },
      ],
    };
  });
}

/** Rows sorted by one column (stable; ties keep their order). Used by tests and mirrored by the table's script. */
export function sortRows(rows: readonly Row[], columnIndex: number, direction: 'ascending' | 'descending'): Row[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = columnIndex < 0 ? a.name : a.cells[columnIndex]?.sortKey ?? '';
    const y = columnIndex < 0 ? b.name : b.cells[columnIndex]?.sortKey ?? '';
    return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)));
  });
}
