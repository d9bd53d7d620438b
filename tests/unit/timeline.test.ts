import { describe, expect, it } from 'vitest';
import type { ReleaseCycle } from '../../src/lib/releases';
import { layoutTimeline, linesToShow } from '../../src/lib/timeline';

const cycle = (c: Partial<ReleaseCycle> & { cycle: string; releaseDate: string }): ReleaseCycle => ({
  lts: false,
  eoas: false,
  eol: false,
  ...c,
});
const django = [
  cycle({ cycle: '6.1', releaseDate: '2026-08-05', eoas: '2027-04-30', eol: '2027-12-31' }),
  cycle({ cycle: '6.0', releaseDate: '2025-12-03', eoas: '2026-08-04', eol: '2027-04-30' }),
  cycle({ cycle: '5.2', releaseDate: '2025-04-02', lts: true, eoas: '2025-12-03', eol: '2028-04-30' }),
  cycle({ cycle: '5.1', releaseDate: '2024-08-07', eoas: '2025-04-02', eol: '2025-12-03' }),
  cycle({ cycle: '4.2', releaseDate: '2023-04-03', lts: true, eoas: '2023-12-04', eol: '2026-04-07' }),
  cycle({ cycle: '3.2', releaseDate: '2021-04-06', lts: true, eoas: '2021-12-07', eol: '2024-04-01' }),
];

describe('which lines a timeline shows', () => {
  it('every supported line and those that ended in the last two years, newest first', () => {
    expect(linesToShow(django, '2026-11-27').map((c) => c.cycle)).toEqual(['6.1', '6.0', '5.2', '5.1', '4.2']);
    expect(linesToShow(django, '2026-11-27', { max: 3 }).map((c) => c.cycle)).toEqual(['6.1', '6.0', '5.2']);
  });
});

describe('timeline layout', () => {
  const t = layoutTimeline(
    linesToShow(django, '2026-11-27').map((c) => ({ label: `Django ${c.cycle}`, cycle: c })),
    '2026-11-27',
  );

  it('runs from 1 January of the first year shown (at most two years back) to the end of the last year with support', () => {
    expect(t.from).toBe('2024-01-01');
    expect(t.to).toBe('2028-12-31');
    expect(t.years.map((y) => y.year)).toEqual([2024, 2025, 2026, 2027, 2028, 2029]);
    expect(t.years[0]!.x).toBe(0);
    expect(t.years.at(-1)!.x).toBe(100);
  });

  it('places today and splits each line into full support and security fixes only', () => {
    expect(t.today).toBeGreaterThan(t.years[2]!.x);
    expect(t.today).toBeLessThan(t.years[3]!.x);
    const lts = t.rows.find((r) => r.cycle.cycle === '5.2')!;
    expect(lts.phase).toBe('security');
    expect(lts.segments.map((s) => [s.kind, s.from, s.to])).toEqual([
      ['active', '2025-04-02', '2025-12-03'],
      ['security', '2025-12-04', '2028-04-30'],
    ]);
    const [active, security] = lts.segments;
    expect(active!.x + active!.width).toBeCloseTo(security!.x, 1);
    expect(security!.x + security!.width).toBeLessThanOrEqual(100);
  });

  it('clips what started before the axis and runs an unannounced end to the axis end', () => {
    const express = layoutTimeline(
      [{ label: 'Express 4', cycle: cycle({ cycle: '4', releaseDate: '2014-04-09', eoas: '2025-04-01' }) }],
      '2026-11-27',
    );
    const [active, security] = express.rows[0]!.segments;
    expect(active!.x).toBe(0);
    expect(security).toMatchObject({ kind: 'security', to: undefined });
    expect(security!.x + security!.width).toBe(100);
  });

  it('draws one active bar where a project draws no line between full and security support', () => {
    const dotnet = layoutTimeline(
      [{ label: '.NET 10', cycle: cycle({ cycle: '10', releaseDate: '2025-11-11', lts: true, eol: '2028-11-14' }) }],
      '2026-11-27',
    );
    expect(dotnet.rows[0]!.segments.map((s) => [s.kind, s.to])).toEqual([['active', '2028-11-14']]);
  });
});
