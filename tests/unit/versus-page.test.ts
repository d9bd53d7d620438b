import { describe, expect, it } from 'vitest';
import { barWidth } from '../../src/lib/ratings';
import { listText } from '../../src/lib/list-text';
import { factRows, pairPageTitle, platformText, ratingRows, tally, type Contender } from '../../src/lib/versus/page';
import { allPairs } from '../../src/lib/versus/pairs';
import { pageTitle } from '../../src/lib/head';
import { RATING_KEYS, type RatingDimension } from '../../src/lib/ratings';
import { site } from '../../src/site';
import { frameworkEntries } from '../support/collections';

const REASON = 'A reason long enough to explain the score.';
const scores = (s: Partial<Record<RatingDimension, number>>) =>
  Object.fromEntries(
    RATING_KEYS.map((k) => [k, { score: s[k] ?? 3, reason: `${k}: ${REASON}` }]),
  ) as Contender['ratings'];
const contender = (id: string, name: string, extra: Partial<Contender> = {}): Contender => ({
  id,
  name,
  languages: ['Python'],
  runtime: 'CPython',
  bestFor: ['rapid-web'],
  firstRelease: 2005,
  license: 'MIT',
  currentVersion: '1.0',
  currentVersionDate: new Date('2026-01-02T00:00:00Z'),
  steward: 'Someone',
  ratings: scores({}),
  ...extra,
});

const alpha = contender('alpha', 'Alpha', {
  languages: ['Java', 'Kotlin'],
  bestFor: ['enterprise', 'rapid-web'],
  lts: { version: '3', supportedUntil: new Date('2028-04-30T00:00:00Z') },
  ratings: scores({ performance: 5, security: 4, learningCurve: 2 }),
});
const beta = contender('beta', 'Beta', {
  bestFor: ['rapid-web', 'real-time'],
  ratings: scores({ performance: 3, security: 4, learningCurve: 4 }),
});

describe('ratings head to head', () => {
  const rows = ratingRows(alpha, beta);

  it('keeps the guide order and names the leader of each rating', () => {
    expect(rows.map((r) => r.key)).toEqual(RATING_KEYS);
    expect(rows.find((r) => r.key === 'performance')).toMatchObject({ leader: 'a', a: { score: 5 }, b: { score: 3 } });
    expect(rows.find((r) => r.key === 'learningCurve')?.leader).toBe('b');
    expect(rows.find((r) => r.key === 'security')?.leader).toBe('tie');
  });

  it('tallies the leaders of each side and the level ratings', () => {
    const t = tally(rows);
    expect([t.a.length, t.b.length, t.tie.length]).toEqual([1, 1, 4]);
    expect(t.a.map((r) => r.key)).toEqual(['performance']);
    expect(t.b.map((r) => r.key)).toEqual(['learningCurve']);
    const level = tally(ratingRows(alpha, alpha));
    expect([level.a.length, level.b.length, level.tie.length]).toEqual([0, 0, 6]);
  });
});

describe('what you write and what runs it', () => {
  it('names the runtime after the languages, with "the" for one named by its initials', () => {
    expect(platformText(['Python'], 'CPython')).toBe('Python on CPython');
    expect(platformText(['JavaScript', 'TypeScript'], 'Node.js')).toBe('JavaScript · TypeScript on Node.js');
    expect(platformText(['Java', 'Kotlin'], 'JVM')).toBe('Java · Kotlin on the JVM');
    expect(platformText(['C#'], '.NET')).toBe('C# on .NET');
  });

  it('says the language once when the runtime has its name', () => {
    expect(platformText(['PHP'], 'PHP')).toBe('PHP');
    expect(platformText(['Ruby'], 'ruby')).toBe('Ruby');
  });

  it.each(frameworkEntries.map((f) => [f.id, f.data.languages, f.data.runtime] as const))(
    '%s reads right from its data',
    (_id, languages, runtime) => {
      const text = platformText(languages, runtime);
      expect(text.startsWith(languages.join(' · ')), text).toBe(true);
      expect(text, 'no "X on X"').not.toMatch(/(^|\s)(\S+) on (the )?\2$/i);
      expect(text.endsWith(runtime) || languages.some((l) => l.toLowerCase() === runtime.toLowerCase()), text).toBe(
        true,
      );
    },
  );
});

describe('facts and small helpers', () => {
  it('puts the facts side by side, dates readable and a missing LTS said plainly', () => {
    const rows = Object.fromEntries(factRows(alpha, beta).map((r) => [r.label, [r.a, r.b]]));
    expect(rows['Language']).toEqual(['Java, Kotlin', 'Python']);
    expect(rows['Latest version']).toEqual(['1.0 (2 January 2026)', '1.0 (2 January 2026)']);
    expect(rows['Long-term support']).toEqual(['3, until 30 April 2028', 'No LTS line']);
    expect(rows['Best for']?.[1]).toBe('Fast web development and MVPs; Real-time apps (chat, live updates)');
  });

  it('joins lists in English', () => {
    expect(listText([])).toBe('');
    expect(listText(['a'])).toBe('a');
    expect(listText(['a', 'b'], 'or')).toBe('a or b');
    expect(listText(['a', 'b', 'c'])).toBe('a, b and c');
  });

  it('maps every score to a literal Tailwind width', () => {
    expect([0, 1, 2, 3, 4, 5].map(barWidth)).toEqual(['w-0', 'w-1/5', 'w-2/5', 'w-3/5', 'w-4/5', 'w-full']);
    expect(barWidth(9)).toBe('w-full');
  });
});

describe('every real pair', () => {
  const contenders = frameworkEntries.map((f): Contender => ({ id: f.id, ...f.data }));
  const pairs = allPairs(frameworkEntries).map(
    ([a, b]) => [contenders.find((c) => c.id === a.id)!, contenders.find((c) => c.id === b.id)!] as const,
  );

  it.each(pairs.map(([a, b]) => [`${a.name} vs ${b.name}`, a, b] as const))(
    '%s has a title short enough for search results',
    (_label, a, b) => {
      // Search results cut titles at about 70 characters (html-validate's long-title rule uses the same limit).
      expect(pageTitle(pairPageTitle(a, b), site.name).length).toBeLessThanOrEqual(70);
    },
  );
});
