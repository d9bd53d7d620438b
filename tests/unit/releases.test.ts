import { describe, expect, it } from 'vitest';
import {
  applyOverrides,
  currentCycle,
  currentLts,
  cyclesFromApi,
  cyclesFromProductYaml,
  describeChanges,
  monthsBetween,
  monthsPhrase,
  roundedMonths,
  supportFigures,
  releaseDataWarnings,
  supportPhase,
  supportText,
  supportedCycles,
  versionFacts,
  type ReleaseCycle,
} from '../../src/lib/releases';

const cycle = (c: Partial<ReleaseCycle> & { cycle: string; releaseDate: string }): ReleaseCycle => ({
  lts: false,
  eoas: false,
  eol: false,
  ...c,
});

describe('reading endoflife.date', () => {
  it('maps an API v1 release: dates where given, flags where not, LTS and the latest patch', () => {
    const body = {
      result: {
        releases: [
          {
            name: '24',
            releaseDate: '2025-05-06',
            isLts: true,
            ltsFrom: '2025-10-28',
            isEoas: false,
            eoasFrom: '2026-10-20',
            isEol: false,
            eolFrom: '2028-04-30',
            latest: { name: '24.19.0', date: '2026-08-03', link: 'x' },
          },
          {
            name: '5',
            releaseDate: '2024-09-09',
            isLts: false,
            ltsFrom: null,
            isEoas: false,
            eoasFrom: null,
            isEol: false,
            eolFrom: null,
            latest: { name: '5.2.1', date: '2025-12-01' },
          },
          { name: '1', releaseDate: '2010-11-16', isLts: false, isEol: true, eolFrom: null, latest: null },
        ],
      },
    };
    expect(cyclesFromApi(body)).toEqual([
      {
        cycle: '24',
        releaseDate: '2025-05-06',
        lts: true,
        ltsFrom: '2025-10-28',
        eoas: '2026-10-20',
        eol: '2028-04-30',
        latest: '24.19.0',
        latestDate: '2026-08-03',
      },
      {
        cycle: '5',
        releaseDate: '2024-09-09',
        lts: false,
        eoas: false,
        eol: false,
        latest: '5.2.1',
        latestDate: '2025-12-01',
      },
      { cycle: '1', releaseDate: '2010-11-16', lts: false, eoas: false, eol: true },
    ]);
  });

  it('maps the repository’s YAML the same way (Node.js gives a date for lts)', () => {
    const data = {
      releases: [
        {
          releaseCycle: '24',
          releaseDate: '2025-05-06',
          lts: '2025-10-28',
          eoas: '2026-10-20',
          eol: '2028-04-30',
          latest: '24.19.0',
          latestReleaseDate: '2026-08-03',
        },
        {
          releaseCycle: '5.2',
          releaseDate: '2025-04-02',
          lts: true,
          eoas: '2025-12-03',
          eol: '2028-04-30',
          latest: '5.2.17',
          latestReleaseDate: '2026-08-04',
          supportedPythonVersions: '3.10 - 3.14',
        },
      ],
    };
    expect(cyclesFromProductYaml(data)).toEqual([
      {
        cycle: '24',
        releaseDate: '2025-05-06',
        lts: true,
        ltsFrom: '2025-10-28',
        eoas: '2026-10-20',
        eol: '2028-04-30',
        latest: '24.19.0',
        latestDate: '2026-08-03',
      },
      {
        cycle: '5.2',
        releaseDate: '2025-04-02',
        lts: true,
        eoas: '2025-12-03',
        eol: '2028-04-30',
        latest: '5.2.17',
        latestDate: '2026-08-04',
      },
    ]);
  });

  it('refuses what is not a product response, naming what is missing', () => {
    expect(() => cyclesFromApi({ result: {} })).toThrow(/result.releases is missing/);
    expect(() => cyclesFromApi({ result: { releases: [{ name: '1' }] } })).toThrow(/no name or release date/);
    expect(() => cyclesFromProductYaml({})).toThrow(/releases is missing/);
  });
});

describe('our overrides', () => {
  const data = [
    cycle({ cycle: '10', releaseDate: '2025-11-11', lts: true, eol: '2028-11-14' }),
    cycle({ cycle: '12', releaseDate: '2025-02-24', eoas: '2026-08-16', eol: '2027-02-24' }),
  ];

  it('correct the fields they give and keep the rest', () => {
    const [, twelve] = applyOverrides(data, [
      { cycle: '12', eoas: '2026-08-13', eol: undefined, source: 'https://example.org' },
    ]);
    expect(twelve).toEqual(cycle({ cycle: '12', releaseDate: '2025-02-24', eoas: '2026-08-13', eol: '2027-02-24' }));
  });

  it('add a line the data predates, newest first', () => {
    const merged = applyOverrides(data, [
      { cycle: '11', releaseDate: '2026-11-10', eol: '2028-11-14', source: 'https://example.org' },
    ]);
    expect(merged.map((c) => c.cycle)).toEqual(['11', '10', '12']);
    expect(merged[0]).toEqual(cycle({ cycle: '11', releaseDate: '2026-11-10', eol: '2028-11-14' }));
  });

  it('refuse to add a line without its release date', () => {
    expect(() => applyOverrides(data, [{ cycle: '13', eol: '2028-03-17', source: 'https://example.org' }])).toThrow(
      /needs a releaseDate/,
    );
  });
});

describe('support on a given day', () => {
  const django52 = cycle({ cycle: '5.2', releaseDate: '2025-04-02', lts: true, eoas: '2025-12-03', eol: '2028-04-30' });

  it.each([
    ['2025-04-01', 'upcoming'],
    ['2025-04-02', 'active'],
    ['2025-12-03', 'active'],
    ['2025-12-04', 'security'],
    ['2028-04-30', 'security'],
    ['2028-05-01', 'ended'],
  ])('on %s Django 5.2 is %s (an end date is the last supported day)', (today, phase) => {
    expect(supportPhase(django52, today)).toBe(phase);
  });

  it('treats unannounced ends as still to come and passed-without-date as passed', () => {
    expect(supportPhase(cycle({ cycle: '5', releaseDate: '2024-09-09' }), '2030-01-01')).toBe('active');
    expect(supportPhase(cycle({ cycle: '1', releaseDate: '2010-11-16', eol: true }), '2011-01-01')).toBe('ended');
  });

  const node = [
    cycle({
      cycle: '26',
      releaseDate: '2026-05-05',
      lts: true,
      ltsFrom: '2026-10-28',
      eoas: '2027-10-27',
      eol: '2029-04-30',
    }),
    cycle({ cycle: '25', releaseDate: '2025-10-15', eoas: '2026-04-01', eol: '2026-06-01' }),
    cycle({
      cycle: '24',
      releaseDate: '2025-05-06',
      lts: true,
      ltsFrom: '2025-10-28',
      eoas: '2026-10-20',
      eol: '2028-04-30',
    }),
    cycle({
      cycle: '22',
      releaseDate: '2024-04-24',
      lts: true,
      ltsFrom: '2024-10-29',
      eoas: '2025-10-21',
      eol: '2027-04-30',
    }),
  ];

  it('finds the current line and the current LTS line, honouring when a line became LTS', () => {
    expect(currentCycle(node, '2026-09-01')?.cycle).toBe('26');
    expect(currentLts(node, '2026-09-01')?.cycle).toBe('24');
    expect(currentLts(node, '2026-11-27')?.cycle).toBe('26');
    expect(currentCycle(node, '2024-01-01')).toBeUndefined();
  });

  it('lists the lines still supported, newest first', () => {
    expect(supportedCycles(node, '2026-11-27').map((c) => c.cycle)).toEqual(['26', '24', '22']);
  });
});

describe('what changed, for facts:refresh to print', () => {
  it('names new lines, changed fields and lines no longer listed', () => {
    const before = [
      cycle({ cycle: '6.0', releaseDate: '2025-12-03', latest: '6.0.7' }),
      cycle({ cycle: '1.0', releaseDate: '2008-09-03' }),
    ];
    const after = [
      cycle({ cycle: '6.1', releaseDate: '2026-08-05', latest: '6.1' }),
      cycle({ cycle: '6.0', releaseDate: '2025-12-03', latest: '6.0.8' }),
    ];
    expect(describeChanges(before, after)).toEqual([
      '6.1: new cycle, released 2026-08-05, latest 6.1',
      '6.0: latest 6.0.7 → 6.0.8',
      '1.0: no longer listed',
    ]);
    expect(describeChanges(after, after)).toEqual([]);
  });
});

describe('version facts and support in words', () => {
  const day = (iso: string) => `<${iso}>`;
  const django = [
    cycle({
      cycle: '6.1',
      releaseDate: '2026-08-05',
      eoas: '2027-04-30',
      eol: '2027-12-31',
      latest: '6.1.1',
      latestDate: '2026-09-02',
    }),
    cycle({
      cycle: '5.2',
      releaseDate: '2025-04-02',
      lts: true,
      eoas: '2025-12-03',
      eol: '2028-04-30',
      latest: '5.2.17',
      latestDate: '2026-08-04',
    }),
    cycle({ cycle: '4.2', releaseDate: '2023-04-03', lts: true, eoas: '2023-12-04', eol: '2026-04-07' }),
  ];

  it('names the newest patch of the newest line, and the LTS line still supported', () => {
    const facts = versionFacts(django, '2026-11-27');
    expect(facts).toMatchObject({
      currentVersion: '6.1.1',
      currentVersionDate: '2026-09-02',
      currentCycle: { cycle: '6.1' },
      lts: { cycle: '5.2' },
    });
    expect(versionFacts(django, '2026-04-01').lts?.cycle).toBe('5.2');
    expect(versionFacts([django[2]!], '2027-01-01').lts).toBeUndefined();
    expect(() => versionFacts(django, '2020-01-01')).toThrow(/no release line was out on 2020-01-01/);
  });

  it.each([
    ['2026-11-27', '6.1', 'bug and security fixes until <2027-04-30>, security fixes until <2027-12-31>'],
    ['2026-11-27', '5.2', 'security fixes only, until <2028-04-30>'],
    ['2026-11-27', '4.2', 'out of support since <2026-04-08>'],
    ['2026-01-01', '6.1', 'not released yet (due <2026-08-05>)'],
  ])('on %s Django %s: %s', (today, line, text) => {
    expect(
      supportText(
        django.find((c) => c.cycle === line)!,
        today,
        day,
      ),
    ).toBe(text);
  });

  it('says when no end is announced', () => {
    expect(supportText(cycle({ cycle: '5', releaseDate: '2024-09-09' }), '2026-11-27', day)).toBe(
      'supported, no end date announced',
    );
    expect(supportText(cycle({ cycle: '4', releaseDate: '2014-04-09', eoas: '2025-04-01' }), '2026-11-27', day)).toBe(
      'security fixes only, no end date announced',
    );
    expect(supportText(cycle({ cycle: '10', releaseDate: '2025-11-11', eol: '2028-11-14' }), '2026-11-27', day)).toBe(
      'supported until <2028-11-14>',
    );
  });

  it('rounds to the nearest month where a policy is stated in months', () => {
    expect(roundedMonths('2024-11-12', '2026-11-10')).toBe(24);
    expect(roundedMonths('2025-04-02', '2028-04-30')).toBe(37);
  });

  it('counts whole months', () => {
    expect(monthsBetween('2025-04-02', '2028-04-30')).toBe(36);
    expect(monthsBetween('2025-04-30', '2025-05-29')).toBe(0);
    expect(monthsBetween('2025-11-11', '2028-11-14')).toBe(36);
  });

  it('warns on data older than 90 days and on a newest line already out of support', () => {
    const products = [
      { id: 'django', checkedAt: '2026-08-22', cycles: django },
      { id: 'fresh', checkedAt: '2026-11-01', cycles: django },
      { id: 'stale-lines', checkedAt: '2026-11-01', cycles: [django[2]!] },
    ];
    expect(releaseDataWarnings(products, '2026-11-27')).toEqual([
      'release data of django last checked on 2026-08-22, 97 days ago (over 90): run npm run facts:refresh, and re-read the sources of the lines kept by hand (overrides)',
      'stale-lines: the newest line, 4.2, is out of support on 2026-11-27: is a newer release missing from the data?',
    ]);
    expect(releaseDataWarnings(products.slice(1, 2), '2026-11-27')).toEqual([]);
    const two = [
      { id: 'a', checkedAt: '2026-07-01', cycles: django },
      { id: 'b', checkedAt: '2026-08-22', cycles: django },
    ];
    expect(releaseDataWarnings(two, '2026-11-27')).toEqual([
      'release data of a, b last checked as early as 2026-07-01, 149 days ago (over 90): run npm run facts:refresh, and re-read the sources of the lines kept by hand (overrides)',
    ]);
  });
});

describe('support figures: how often a team must move', () => {
  const django = [
    cycle({ cycle: '6.1', releaseDate: '2026-08-05', eoas: '2027-04-30', eol: '2027-12-31' }),
    cycle({ cycle: '6.0', releaseDate: '2025-12-03', eoas: '2026-08-04', eol: '2027-04-30' }),
    cycle({ cycle: '5.2', releaseDate: '2025-04-02', lts: true, eoas: '2025-12-03', eol: '2028-04-30' }),
    cycle({ cycle: '5.1', releaseDate: '2024-08-07', eoas: '2025-04-02', eol: '2025-12-03' }),
    cycle({ cycle: '5.0', releaseDate: '2023-12-04', eoas: '2024-08-07', eol: '2025-04-02' }),
    cycle({ cycle: '4.2', releaseDate: '2023-04-03', lts: true, eoas: '2023-12-04', eol: '2026-04-07' }),
    cycle({ cycle: '1.0', releaseDate: '2008-09-03', eol: '2009-01-01' }),
  ];

  it('takes the medians over the lines of the last five years', () => {
    expect(supportFigures(django, '2026-11-27')).toEqual({
      monthsBetweenLines: 8,
      supportMonths: 17,
      ltsSupportMonths: 37,
      currentLeftMonths: 13,
      basis: 6,
    });
  });

  it('leaves out what the data cannot say', () => {
    const express = [
      cycle({ cycle: '5', releaseDate: '2024-09-09' }),
      cycle({ cycle: '4', releaseDate: '2014-04-09', eoas: '2025-04-01' }),
    ];
    expect(supportFigures(express, '2026-11-27')).toEqual({
      monthsBetweenLines: undefined,
      supportMonths: undefined,
      ltsSupportMonths: undefined,
      currentLeftMonths: undefined,
      basis: 1,
    });
  });
});

describe('months in words', () => {
  it.each([
    [8, 'every', 'every 8 months'],
    [1, 'every', 'every 1 month'],
    [36, 'for', 'for 36 months (3 years)'],
    [12, 'for', 'for 12 months'],
    [undefined, 'for', 'not enough data to say'],
    [0, 'every', 'more than once a month'],
    [0, 'for', 'for under a month'],
  ] as const)('%s %s → %s', (months, lead, text) => expect(monthsPhrase(months, lead)).toBe(text));
});
