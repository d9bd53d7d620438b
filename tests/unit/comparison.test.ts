import { describe, expect, it } from 'vitest';
import {
  compareSortKeys,
  FACT_COLUMNS,
  factsRows,
  RATING_COLUMNS,
  ratingsRows,
  upgradeRows,
  type ComparedFramework,
} from '../../src/lib/comparison';
import { RATING_DIMENSIONS, RATING_KEYS } from '../../src/lib/ratings';
import { frameworkEntries } from '../support/collections';

const rating = (score: number) => ({ score, reason: 'because' });
const fw = (id: string, performance: number, security: number): ComparedFramework => ({
  id,
  name: id.toUpperCase(),
  languages: ['Go'],
  runtime: 'Go',
  bestFor: ['enterprise', 'real-time'],
  license: 'MIT',
  currentVersion: '1.2.3',
  firstRelease: 2020,
  ratings: {
    performance: rating(performance),
    scalability: rating(3),
    security: rating(security),
    learningCurve: rating(3),
    ecosystem: rating(3),
    jobMarket: rating(3),
  },
});

describe('ratings rows', () => {
  const rows = ratingsRows([fw('a', 5, 4), fw('b', 3, 4), fw('c', 5, 2)]);
  const cell = (id: string, key: string) => rows.find((r) => r.id === id)!.cells.find((c) => c.key === key)!;

  it('one column per rating, in the guide order, with its label', () => {
    expect(RATING_COLUMNS).toEqual(RATING_KEYS.map((key) => ({ key, label: RATING_DIMENSIONS[key] })));
    for (const row of rows) expect(row.cells.map((c) => c.key)).toEqual(RATING_KEYS);
  });

  it('marks every framework with the highest score as leading, shared or not', () => {
    expect(['a', 'b', 'c'].map((id) => cell(id, 'performance').leads)).toEqual([true, false, true]);
    expect(['a', 'b', 'c'].map((id) => cell(id, 'security').leads)).toEqual([true, true, false]);
  });

  it('marks nobody when everyone scores the same', () => {
    expect(rows.some((r) => r.cells.find((c) => c.key === 'scalability')!.leads)).toBe(false);
  });

  it('on the real content, the leaders of each rating are exactly those with its top score', () => {
    const real = ratingsRows(frameworkEntries.map((f) => ({ id: f.id, ...f.data })));
    for (const key of RATING_KEYS) {
      const scores = frameworkEntries.map((f) => f.data.ratings[key].score);
      const top = Math.max(...scores);
      const leaders = real.filter((r) => r.cells.find((c) => c.key === key)!.leads).map((r) => r.id);
      const expected = scores.every((s) => s === top)
        ? []
        : frameworkEntries.filter((f) => f.data.ratings[key].score === top).map((f) => f.id);
      expect(leaders, key).toEqual(expected);
    }
  });
});

describe('facts rows', () => {
  it('one cell per fact column, from the data, use cases by their labels', () => {
    const [row] = factsRows([fw('a', 1, 1)]);
    expect(row!.cells).toHaveLength(FACT_COLUMNS.length);
    expect(Object.fromEntries(FACT_COLUMNS.map((c, i) => [c.label, row!.cells[i]]))).toEqual({
      Language: 'Go',
      Runtime: 'Go',
      Licence: 'MIT',
      'Latest version': '1.2.3',
      'First release': '2020',
      'Best for': 'Large enterprise systems; Real-time apps (chat, live updates)',
    });
  });
});

describe('compareSortKeys', () => {
  const sort = (keys: string[], numeric: boolean, direction: 'ascending' | 'descending') =>
    [...keys].sort((a, b) => compareSortKeys(a, b, numeric, direction));
  it('numbers by value, not as text', () => {
    expect(sort(['10', '9', '2'], true, 'ascending')).toEqual(['2', '9', '10']);
    expect(sort(['10', '9', '2'], true, 'descending')).toEqual(['10', '9', '2']);
  });
  it('text alphabetically, both directions', () => {
    expect(sort(['Beta', 'alpha', 'Gamma'], false, 'ascending')).toEqual(['alpha', 'Beta', 'Gamma']);
    expect(sort(['Beta', 'alpha', 'Gamma'], false, 'descending')).toEqual(['Gamma', 'Beta', 'alpha']);
  });
});

describe('upgrade rows', () => {
  const line = (cycle: string, releaseDate: string, eol: string | false, lts = false) => ({
    cycle,
    releaseDate,
    lts,
    eoas: false as const,
    eol,
  });
  it('say how often a new line comes, how long each lasts and what the newest has left, for the day given', () => {
    const cycles = [
      line('3', '2026-06-01', '2027-06-01'),
      line('2', '2025-06-01', '2027-06-01', true),
      line('1', '2024-06-01', '2025-06-01'),
    ];
    expect(upgradeRows([{ id: 'x', name: 'X', cycles }], '2026-11-27')).toEqual([
      { id: 'x', name: 'X', cells: ['every 12 months', 'for 12 months', 'for 24 months (2 years)', '6 months'] },
    ]);
  });
  it('say plainly when the data has too little to go on', () => {
    expect(
      upgradeRows([{ id: 'e', name: 'E', cycles: [line('5', '2024-09-09', false)] }], '2026-11-27')[0]!.cells,
    ).toEqual(['one in five years', 'no end dates announced', 'no LTS lines', 'no end announced']);
  });
});
