import { describe, expect, it } from 'vitest';
import { COLUMNS, comparisonRows, sortRows, versionSortKey, type FrameworkFacts } from '../../src/lib/comparison';

const rating = (score: number) => ({ score, reason: 'because' });
const fw = (id: string, name: string, perf: number, version: string, firstRelease: number): FrameworkFacts => ({
  id,
  name,
  languages: ['L'],
  bestFor: ['enterprise'],
  license: 'MIT',
  currentVersion: version,
  firstRelease,
  ratings: {
    performance: rating(perf),
    scalability: rating(3),
    security: rating(3),
    learningCurve: rating(3),
    ecosystem: rating(3),
    jobMarket: rating(3),
  },
});

describe('comparison rows', () => {
  const rows = comparisonRows([fw('b', 'Beta', 3, '10.2.0', 2010), fw('a', 'Alpha', 5, '9.12.1', 2005)]);

  it('has one cell per column, from the data', () => {
    expect(rows[0]!.cells).toHaveLength(COLUMNS.length);
    const perf = COLUMNS.findIndex((c) => c.key === 'performance');
    expect(rows[1]!.cells[perf]).toEqual({ text: '5/5', sortKey: 5, title: 'because' });
  });

  it('sorts versions numerically, not as text', () => {
    expect(versionSortKey('10.2.0')).toBeGreaterThan(versionSortKey('9.12.1'));
    const version = COLUMNS.findIndex((c) => c.key === 'version');
    expect(sortRows(rows, version, 'descending').map((r) => r.id)).toEqual(['b', 'a']);
  });

  it('sorts by name with column -1, both directions', () => {
    expect(sortRows(rows, -1, 'ascending').map((r) => r.name)).toEqual(['Alpha', 'Beta']);
    expect(sortRows(rows, -1, 'descending').map((r) => r.name)).toEqual(['Beta', 'Alpha']);
  });
});
