import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIGHTHOUSE_PAGES,
  DEFAULT_SIZES,
  PARTS,
  parseBenchArgs,
  signupStore,
} from '../../scripts/lib/bench-args.mjs';
import { BASE_FLAGS, chromiumFlags, isLocalUrl, summarizeLhr, trappedHost } from '../../scripts/lib/lighthouse.mjs';
import { BUILD_PHASES, buildPhases, parseGnuTime, scalingRows } from '../../scripts/lib/scaling.mjs';
import { checkStoredOnce } from '../../scripts/lib/stored-once.mjs';
import { formatTable, kb } from '../../scripts/lib/table.mjs';

describe('parseBenchArgs', () => {
  it('runs every part with the default sizes when given nothing', () => {
    expect(parseBenchArgs([], {})).toEqual({
      parts: PARTS,
      sizes: DEFAULT_SIZES,
      corpus: 'trends',
      runs: 3,
      pages: DEFAULT_LIGHTHOUSE_PAGES,
      baseline: 'HEAD~1',
      skipBuild: false,
      help: false,
    });
  });

  it('selects parts (in the fixed order) and sizes from flags', () => {
    const o = parseBenchArgs(['--only', 'scaling,weight', '--sizes', '500,100,2_000', '--runs', '3'], {});
    expect(o.parts).toEqual(['weight', 'scaling']);
    expect(o.sizes).toEqual([100, 500, 2000]);
    expect(o.runs).toBe(3);
  });

  it('compares Lighthouse with a baseline commit, or with none', () => {
    expect(parseBenchArgs(['--baseline', '4dca1e9'], {}).baseline).toBe('4dca1e9');
    expect(parseBenchArgs([], { BENCH_BASELINE: 'none' }).baseline).toBeUndefined();
    expect(() => parseBenchArgs(['--baseline', 'x; rm -rf /'], {})).toThrow(/not a git revision/);
  });

  it('reads BENCH_* variables, and flags win over them', () => {
    expect(parseBenchArgs([], { BENCH_ONLY: 'lighthouse', BENCH_SIZES: '100' })).toMatchObject({
      parts: ['lighthouse'],
      sizes: [100],
    });
    expect(parseBenchArgs(['--sizes', '50'], { BENCH_SIZES: '100' }).sizes).toEqual([50]);
  });

  it.each([
    [['--only', 'weight,speed'], /unknown part "speed"/],
    [['--sizes', '100,abc'], /not a positive whole number/],
    [['--sizes', '0'], /not a positive whole number/],
    [['--runs', '1.5'], /not a positive whole number/],
    [['--corpus', 'faq'], /not one of trends, frameworks/],
    [['--pages', 'compare/'], /not a site path/],
    [['--sizez', '1'], /Unknown option/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseBenchArgs(argv, {})).toThrow(message);
  });
});

describe('signupStore', () => {
  const url = { DATABASE_URL: 'postgres://guide@127.0.0.1/guide' };
  it('follows DATABASE_URL unless --store says otherwise', () => {
    expect(signupStore(undefined, {})).toBe('sqlite');
    expect(signupStore(undefined, { DATABASE_URL: ' ' })).toBe('sqlite');
    expect(signupStore(undefined, url)).toBe('postgres');
    expect(signupStore('sqlite', url)).toBe('sqlite');
    expect(signupStore('postgres', url)).toBe('postgres');
  });

  it('refuses an unknown store, and PostgreSQL without DATABASE_URL', () => {
    expect(() => signupStore('mysql', url)).toThrow(/--store: "mysql" is not one of sqlite, postgres/);
    expect(() => signupStore('postgres', {})).toThrow(/needs DATABASE_URL/);
  });
});

describe('formatTable', () => {
  it('right-aligns numeric columns and left-aligns text, with a rule under the header', () => {
    expect(
      formatTable(
        ['page', 'KB', 'note'],
        [
          ['/', '12.5', 'ok'],
          ['/frameworks/django/', '3.0', '+4.3 over'],
        ],
      ).split('\n'),
    ).toEqual([
      'page                   KB  note',
      '-------------------  ----  ---------',
      '/                    12.5  ok',
      '/frameworks/django/   3.0  +4.3 over',
    ]);
  });

  it('formats kilobytes with one decimal', () => {
    expect(kb(14 * 1024)).toBe('14.0');
    expect(kb(1536)).toBe('1.5');
  });
});

describe('loopback checks', () => {
  it.each([
    ['http://127.0.0.1:4321/', true],
    ['http://localhost/x', true],
    ['http://[::1]:8080/', true],
    ['data:image/png;base64,AA', true],
    ['chrome://newtab/', true],
    ['https://fonts.googleapis.com/css', false],
    ['http://10.0.0.1/', false],
    ['http://127.0.0.1.example.org/', false],
  ])('%s is local: %s', (url, local) => expect(isLocalUrl(url)).toBe(local));

  it.each([
    ['CONNECT update.googleapis.com:443', 'update.googleapis.com:443'],
    ['GET http://clients2.google.com/time/1/current', 'clients2.google.com'],
    ['POST /ListAccounts?gpsia=1', undefined],
    ['CONNECT 127.0.0.1:4000', undefined],
  ])('a trapped "%s" was going to %s', (line, host) => expect(trappedHost(line)).toBe(host));

  it('Chromium gets the project flags, and every service URL it is given points at loopback', () => {
    const flags = chromiumFlags({ trapPort: 9999, profile: '/tmp/p' });
    expect(flags.slice(0, BASE_FLAGS.length)).toEqual(BASE_FLAGS);
    expect(BASE_FLAGS).toEqual([
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ]);
    const urls = flags.flatMap((f) => f.match(/[a-z]+:\/\/[^\s,/]+/g) ?? []);
    expect(urls.length).toBeGreaterThanOrEqual(3);
    for (const u of urls) expect(isLocalUrl(u), u).toBe(true);
    expect(flags).toContain('--proxy-server=http://127.0.0.1:9999');
  });
});

describe('summarizeLhr', () => {
  const category = (score: number, refs: { id: string; weight: number }[]) => ({ score, auditRefs: refs });
  const lhr = {
    finalDisplayedUrl: 'http://127.0.0.1:5000/',
    configSettings: { formFactor: 'mobile' },
    environment: { benchmarkIndex: 1234.5 },
    runWarnings: [],
    categories: {
      performance: category(0.876, [
        { id: 'largest-contentful-paint', weight: 25 },
        { id: 'total-blocking-time', weight: 30 },
        { id: 'cumulative-layout-shift', weight: 25 },
        { id: 'first-contentful-paint', weight: 10 },
        { id: 'render-blocking-insight', weight: 0 },
      ]),
      accessibility: category(1, []),
      'best-practices': category(0.96, [{ id: 'errors-in-console', weight: 1 }]),
      seo: category(1, []),
    },
    audits: {
      'largest-contentful-paint': {
        score: 0.9,
        numericValue: 2512.4,
        title: 'Largest Contentful Paint',
        displayValue: '2.5 s',
      },
      'total-blocking-time': { score: 0.5, numericValue: 420, title: 'Total Blocking Time', displayValue: '420 ms' },
      'cumulative-layout-shift': { score: 1, numericValue: 0, title: 'Cumulative Layout Shift' },
      'first-contentful-paint': { score: 1, numericValue: 900, title: 'First Contentful Paint' },
      'render-blocking-insight': { score: 0, title: 'Render blocking requests' },
      'errors-in-console': { score: 0, title: 'Browser errors were logged to the console' },
      'network-requests': {
        details: {
          items: [
            { url: 'http://127.0.0.1:5000/' },
            { url: 'https://cdn.example.org/x.js' },
            { url: 'data:image/png;base64,AA' },
          ],
        },
      },
    },
  };

  it('gives the four scores out of 100, the four metrics and the requests that left loopback', () => {
    const s = summarizeLhr(lhr);
    expect(s.scores).toEqual({ performance: 88, accessibility: 100, bestPractices: 96, seo: 100 });
    expect([s.lcp, s.tbt, s.cls, s.fcp]).toEqual([2512.4, 420, 0, 900]);
    expect(s.benchmarkIndex).toBe(1234.5);
    expect(s.requests).toBe(3);
    expect(s.offLoopback).toEqual(['https://cdn.example.org/x.js']);
  });

  it('lists the weighted audits that lost points, costliest first, ignoring unweighted ones', () => {
    expect(summarizeLhr(lhr).lost.map((l: { id: string }) => l.id)).toEqual([
      'total-blocking-time',
      'largest-contentful-paint',
      'errors-in-console',
    ]);
  });

  it('copes with a failed run', () => {
    const s = summarizeLhr({
      runtimeError: { message: 'Chrome prevented page load' },
      categories: { performance: { score: null, auditRefs: [] } },
      audits: {},
    });
    expect(s.runtimeError).toBe('Chrome prevented page load');
    expect(s.scores.performance).toBeUndefined();
  });
});

describe('scaling', () => {
  it("reads each phase's seconds from a build log, from the line that ends the one before it", () => {
    const log = [
      '23:59:50 [content] Syncing content',
      '23:59:53 [content] Synced content',
      '23:59:54 [build] Building server entrypoints...',
      '23:59:58 [vite] ✓ built in 3.7s',
      '00:00:01 [vite] ✓ built in 2.9s',
      ' prerendering static routes ',
      '00:00:02   ├─ /og/home.png (+35ms) ',
      '00:01:00 ✓ Completed in 59.0s.',
      '00:01:00 [build] ✓ Completed in 1m 10s.',
      '00:01:05 [critical-css] inlined first-screen CSS in 2064 pages',
      '00:01:06 [tighten-csp] trimmed the CSP of 2064 pages',
      '00:01:16 [pagefind] indexed 2064 pages into dist/client/pagefind',
      '00:01:50 [precompress] 2079 files precompressed',
    ].join('\n');
    expect(buildPhases(log)).toEqual({
      'content sync': 3,
      'types, build info': 1,
      bundling: 7,
      'pages and share images': 59,
      'first-screen CSS': 5,
      CSP: 1,
      'search index': 10,
      'compressed copies': 34,
    });
    // A missing line leaves its phase without a figure; the next one counts from the last line found.
    const partial = buildPhases(log.replace(/^.*\[pagefind\].*$/m, ''));
    expect(partial['search index']).toBeUndefined();
    expect(partial['compressed copies']).toBe(44);
    expect(Object.keys(partial)).toEqual(BUILD_PHASES.map(([name]) => name));
  });

  it('reads the last "%e %U %S %M" line of GNU time', () => {
    expect(parseGnuTime('Command exited with non-zero status 1\n12.34 20.01 1.50 812345\n')).toEqual({
      wallSeconds: 12.34,
      userSeconds: 20.01,
      systemSeconds: 1.5,
      maxRssKb: 812345,
    });
    expect(parseGnuTime('garbage')).toBeUndefined();
  });

  it('gives per-page figures and the marginal cost of the added pages', () => {
    const run = (htmlPages: number, wallSeconds: number, maxRssKb: number) => ({
      entries: htmlPages - 30,
      htmlPages,
      ogImages: htmlPages,
      wallSeconds,
      userSeconds: wallSeconds,
      systemSeconds: 0,
      maxRssKb,
      loadBefore: 1,
      loadAfter: 1,
    });
    const [a, b] = scalingRows([
      { ...run(130, 13, 1024 * 100), warm: run(130, 6.5, 1024 * 80) },
      run(530, 33, 1024 * 300),
    ]);
    expect(a).toMatchObject({ msPerPage: 100, marginalMsPerPage: undefined, peakMb: 100, cpuShare: 1 });
    expect(a).toMatchObject({ warmSeconds: 6.5, warmPeakMb: 80 });
    expect(b).toMatchObject({ warmSeconds: undefined, warmPeakMb: undefined });
    expect(b?.marginalMsPerPage).toBe(50);
    expect(b?.peakKbPerPage).toBeCloseTo((1024 * 300) / 530);
  });
});

describe('checkStoredOnce', () => {
  it('accepts every acknowledged address stored once, and counts rows from requests in flight apart', () => {
    expect(checkStoredOnce(['a', 'b'], ['a', 'b', 'c'])).toEqual({
      acknowledged: 2,
      storedOnce: 2,
      inFlight: 1,
      wrong: [],
    });
  });

  it('names an acknowledged address that is missing or stored twice', () => {
    expect(checkStoredOnce(['a', 'b', 'c'], ['a', 'c', 'c'])).toEqual({
      acknowledged: 3,
      storedOnce: 1,
      inFlight: 2,
      wrong: ['b', 'c'],
    });
  });
});
