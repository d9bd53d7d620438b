import { describe, expect, it } from 'vitest';
import { toCandidates } from '../../src/lib/candidates';
import { languageFamily, recommend, type Candidate } from '../../src/lib/decision';
import { frameworkEntries, trendEntries } from '../support/collections';
import { PROFILES } from '../support/profiles';

const candidates = toCandidates(frameworkEntries, trendEntries);


describe('recommend', () => {
  it.each(PROFILES)('%s → %s', (_label, profile, expected) => {
    const ranking = recommend(candidates, profile);
    expect(ranking[0]!.id).toBe(expected);
    expect(ranking).toHaveLength(candidates.length);
    expect(ranking[0]!.reasons.length).toBeGreaterThan(0);
  });

  it('ranks by score, best first, every point explained', () => {
    const ranking = recommend(candidates, PROFILES[0]![1]);
    for (let i = 1; i < ranking.length; i++) expect(ranking[i - 1]!.score).toBeGreaterThanOrEqual(ranking[i]!.score);
  });

  it('gives points for a known language and a matching use case, and explains them', () => {
    const rating = { score: 3, reason: 'average' };
    const base: Candidate = {
      id: 'x', name: 'X', order: 1, languages: ['Python'], bestFor: ['ai-and-data'], trends: [],
      ratings: { performance: rating, scalability: rating, security: rating, learningCurve: rating, ecosystem: rating, jobMarket: rating },
    };
    const other: Candidate = { ...base, id: 'y', name: 'Y', order: 2, languages: ['PHP'], bestFor: ['rapid-web'] };
    const [first, second] = recommend([other, base], { build: 'ai-and-data', languages: ['python'], context: 'learning', hosting: 'any', priority: 'speed' });
    expect(first!.id).toBe('x');
    expect(first!.score).toBe(7);
    expect(first!.reasons).toEqual(['A strong fit for ai and data-driven products.', 'You already know Python.']);
    expect(second!.score).toBe(0);
  });

  it('breaks ties by the guide order', () => {
    const ranking = recommend(candidates.map((c) => ({ ...c, bestFor: [], languages: [] })), { build: 'enterprise', languages: [], context: 'learning', hosting: 'any', priority: 'hiring' });
    const tied = ranking.filter((r) => r.score === ranking[0]!.score).map((r) => r.id);
    const order = candidates.filter((c) => tied.includes(c.id)).sort((a, b) => a.order - b.order).map((c) => c.id);
    expect(tied).toEqual(order);
  });
});

describe('languageFamily', () => {
  it.each([
    ['TypeScript', 'javascript'],
    ['Kotlin', 'java'],
    ['C#', 'csharp'],
    ['Python', 'python'],
    ['PHP', 'php'],
    ['COBOL', undefined],
  ])('%s → %s', (language, family) => expect(languageFamily(language)).toBe(family));
});
