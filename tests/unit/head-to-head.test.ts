import { describe, expect, it } from 'vitest';
import { barWidth } from '../../src/lib/ratings';
import {
  eitherSentence,
  factRows,
  languageQuestion,
  listText,
  pairDescription,
  pairPageTitle,
  pickReasons,
  ratingRows,
  tally,
  tallySentence,
  type Contender,
} from '../../src/lib/head-to-head';
import { pageTitle } from '../../src/lib/head';
import { allPairs } from '../../src/lib/pairs';
import { RATING_KEYS, type RatingDimension } from '../../src/lib/ratings';
import { site } from '../../src/site';
import { frameworkEntries } from '../support/collections';

const REASON = 'A reason long enough to explain the score.';
const scores = (s: Partial<Record<RatingDimension, number>>) =>
  Object.fromEntries(RATING_KEYS.map((k) => [k, { score: s[k] ?? 3, reason: `${k}: ${REASON}` }])) as Contender['ratings'];
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
  strengths: ['First strength', 'Second strength', 'Third strength'],
  ratings: scores({}),
  ...extra,
});

const alpha = contender('alpha', 'Alpha', {
  languages: ['Java', 'Kotlin'],
  bestFor: ['enterprise', 'rapid-web'],
  lts: { version: '3', supportedUntil: new Date('2028-04-30T00:00:00Z') },
  ratings: scores({ performance: 5, security: 4, learningCurve: 2 }),
});
const beta = contender('beta', 'Beta', { bestFor: ['rapid-web', 'real-time'], ratings: scores({ performance: 3, security: 4, learningCurve: 4 }) });

describe('ratings head to head', () => {
  const rows = ratingRows(alpha, beta);

  it('keeps the guide order and names the leader of each rating', () => {
    expect(rows.map((r) => r.key)).toEqual(RATING_KEYS);
    expect(rows.find((r) => r.key === 'performance')).toMatchObject({ leader: 'a', a: { score: 5 }, b: { score: 3 } });
    expect(rows.find((r) => r.key === 'learningCurve')?.leader).toBe('b');
    expect(rows.find((r) => r.key === 'security')?.leader).toBe('tie');
  });

  it('tallies and says it in one sentence', () => {
    const t = tally(rows);
    expect([t.a.length, t.b.length, t.tie.length]).toEqual([1, 1, 4]);
    expect(tallySentence(alpha, beta, rows)).toBe(
      'Of our six ratings, Alpha scores higher on one (performance), Beta on one (ease of learning), and they are level on four.',
    );
    const none = ratingRows(alpha, alpha);
    expect(tallySentence(alpha, alpha, none)).toBe('Of our six ratings, Alpha scores higher on none, Alpha on none, and they are level on six.');
  });
});

describe('pick A if …', () => {
  it('gives language, unique use cases, ratings led and strengths, with the data behind each', () => {
    expect(pickReasons(alpha, beta)).toEqual([
      { text: 'you or your team already work in Java or Kotlin' },
      { text: 'you are building a large enterprise system', basis: 'a best fit for Alpha, not for Beta' },
      { text: 'raw speed per server matters most', basis: 'Performance: 5/5 against 3/5' },
      { text: 'its main strengths are what you need most:', items: ['First strength', 'Second strength'] },
    ]);
  });

  it('drops the language reason when the two share a language', () => {
    const gamma = contender('gamma', 'Gamma', { languages: ['Kotlin'] });
    expect(pickReasons(alpha, gamma).map((r) => r.text)).not.toContain('you or your team already work in Java or Kotlin');
    expect(languageQuestion(alpha, gamma)).toBeUndefined();
    expect(languageQuestion(alpha, beta)).toBe('Java/Kotlin or Python?');
  });

  it('says when both fit, and says nothing when they share no use case', () => {
    expect(eitherSentence(alpha, beta)).toMatch(/^Both articles name them a best fit for a web app or MVP that has to ship fast\. For that kind of project/);
    expect(eitherSentence(alpha, contender('c', 'C', { bestFor: ['real-time'] }))).toBeUndefined();
  });
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

describe('every real pair reads well from data alone', () => {
  const contenders = frameworkEntries.map((f): Contender => ({ id: f.id, ...f.data }));
  const pairs = allPairs(frameworkEntries).map(([a, b]) => [contenders.find((c) => c.id === a.id)!, contenders.find((c) => c.id === b.id)!] as const);

  it.each(pairs.map(([a, b]) => [`${a.name} vs ${b.name}`, a, b] as const))('%s', (_label, a, b) => {
    // Search results cut titles at about 70 characters (html-validate's long-title rule uses the same limit).
    expect(pageTitle(pairPageTitle(a, b), site.name).length).toBeLessThanOrEqual(70);
    const description = pairDescription(a, b);
    expect(description.length).toBeGreaterThanOrEqual(50);
    expect(description.length).toBeLessThanOrEqual(160);
    // At least two reasons each side beyond the strengths, so neither column is thin.
    expect(pickReasons(a, b).length).toBeGreaterThanOrEqual(3);
    expect(pickReasons(b, a).length).toBeGreaterThanOrEqual(3);
    expect(tallySentence(a, b, ratingRows(a, b))).toMatch(/^Of our six ratings, .+\.$/);
  });
});
