import { describe, expect, it } from 'vitest';
import { toCandidates } from '../../src/lib/candidates';
import {
  answeredCount,
  formatPoints,
  languageFamily,
  pointsLabel,
  priorityPoints,
  profileFromParams,
  profileToParams,
  QUESTIONS,
  recommend,
  topPickText,
  type Candidate,
  type Profile,
} from '../../src/lib/decision';
import { midSentence } from '../../src/lib/mid-sentence';
import { RATING_DIMENSIONS, RATING_KEYS } from '../../src/lib/ratings';
import { USE_CASES } from '../../src/lib/use-cases';
import { frameworkEntries, trendEntries } from '../support/collections';
import { PROFILES } from '../support/profiles';

const candidates = toCandidates(frameworkEntries);
const none: Profile = { languages: [] };
/** Every answer the form offers, as the one-answer profile it makes. */
const answers = QUESTIONS.flatMap((q) =>
  Object.keys(q.options).map(
    (value) => [`${q.name}=${value}`, profileFromParams(new URLSearchParams([[q.name, value]]))] as const,
  ),
);
const pointsOf = (profile: Profile) => new Map(recommend(candidates, profile).map((r) => [r.id, r.score]));

describe('recommend', () => {
  it.each(PROFILES)('%s → %s', (_label, profile, expected) => {
    const ranking = recommend(candidates, profile);
    expect(ranking[0]!.id).toBe(expected);
    expect(ranking.map((r) => r.id).sort()).toEqual(candidates.map((c) => c.id).sort());
  });

  it.each(PROFILES)('%s: best first, and every point is a reason shown with its points', (_label, profile) => {
    const ranking = recommend(candidates, profile);
    for (let i = 1; i < ranking.length; i++) expect(ranking[i - 1]!.score).toBeGreaterThanOrEqual(ranking[i]!.score);
    for (const r of ranking) expect(r.reasons.reduce((sum, reason) => sum + reason.points, 0)).toBe(r.score);
  });

  it('nothing answered: no points, no reasons, the guide order', () => {
    const ranking = recommend(candidates, none);
    expect(ranking.every((r) => r.score === 0 && r.reasons.length === 0)).toBe(true);
    expect(ranking.map((r) => r.id)).toEqual([...candidates].sort((a, b) => a.order - b.order).map((c) => c.id));
  });

  it('gives points for a known language and a matching use case, and explains them in sentences', () => {
    const rating = { score: 3, reason: 'Average.' };
    const base: Candidate = {
      id: 'x',
      name: 'X',
      order: 1,
      languages: ['Python'],
      bestFor: ['ai-and-data'],
      ratings: {
        performance: rating,
        scalability: rating,
        security: rating,
        learningCurve: rating,
        ecosystem: rating,
        jobMarket: rating,
      },
    };
    const other: Candidate = { ...base, id: 'y', name: 'Y', order: 2, languages: ['PHP'], bestFor: ['rapid-web'] };
    const [first, second] = recommend([other, base], { build: 'ai-and-data', languages: ['python'] });
    expect(first!.id).toBe('x');
    expect(first!.score).toBe(7);
    expect(first!.reasons).toEqual([
      { points: 4, text: 'Strong fit for AI and data-driven products.' },
      { points: 3, text: 'You already know Python.' },
    ]);
    expect(second!.score).toBe(0);
  });

  it('a workplace reason names another of the framework’s best uses than the one the reader picked, when it has one', () => {
    const [spring] = recommend(
      candidates.filter((c) => c.bestFor.includes('enterprise') && c.bestFor.includes('corporate-cloud')),
      { languages: [], build: 'enterprise', context: 'enterprise' },
    );
    expect(spring!.reasons.map((r) => r.text)).toContain(
      'Suits a large enterprise: our article recommends it for corporate and cloud environments.',
    );
  });

  it('breaks ties by the guide order', () => {
    const ranking = recommend(
      candidates.map((c) => ({ ...c, bestFor: [], languages: [] })),
      { languages: [], context: 'enterprise' },
    );
    const order = [...candidates].sort((a, b) => a.order - b.order).map((c) => c.id);
    expect(ranking.map((r) => r.id)).toEqual(order);
  });
});

describe('every answer, over the real content', () => {
  it('covers every option of every question', () => {
    expect(answers.length).toBe(QUESTIONS.reduce((n, q) => n + Object.keys(q.options).length, 0));
    for (const [, profile] of answers) expect(answeredCount(profile)).toBe(1);
  });

  it.each(answers)('%s changes the ranking: it does not add the same points to every framework', (_answer, profile) => {
    const points = [...pointsOf(profile).values()];
    expect(new Set(points).size, `points per framework: ${points.join(', ')}`).toBeGreaterThan(1);
  });

  it.each(answers)('%s explains itself in sentences that keep the labels’ case', (_answer, profile) => {
    for (const r of recommend(candidates, profile)) {
      for (const { text } of r.reasons) {
        expect(text, r.id).toMatch(/^[A-Z].*[.!?]$/);
        expect(text, r.id).not.toMatch(/\b(saas|mvps|apis|ai|cms|asp\.net|javascript|php)\b/);
        expect(text, r.id).not.toMatch(/ {2}|\.\./);
      }
    }
  });

  it.each(RATING_KEYS)('the priority "%s" is labelled with the rating it scores, and scores that rating', (key) => {
    const question = QUESTIONS.find((q) => q.name === 'priority')!;
    expect(question.options[key]).toBe(RATING_DIMENSIONS[key]);
    for (const r of recommend(candidates, { languages: [], priority: key })) {
      const { score } = candidates.find((c) => c.id === r.id)!.ratings[key];
      expect(r.reasons).toHaveLength(1);
      expect(r.reasons[0]!.points).toBe(priorityPoints(score));
      expect(r.reasons[0]!.text).toContain(`Rated ${score}/5 for ${midSentence(RATING_DIMENSIONS[key])}: `);
    }
  });

  it('a higher rating never earns fewer priority points', () => {
    for (const s of [1, 2, 3, 4]) expect(priorityPoints(s + 1)).toBeGreaterThan(priorityPoints(s));
  });

  it('the hosting question leaves out containers and serverless because every framework supports both, as its hint says', () => {
    expect(QUESTIONS.find((q) => q.name === 'hosting')!.hint).toContain(
      'every framework here as running in containers and as serverless functions',
    );
    for (const trend of ['cloud-native', 'serverless']) {
      const listed = trendEntries
        .find((t) => t.id === trend)!
        .data.support.map((s) => s.framework.id)
        .sort();
      expect(listed, `${trend}: a framework missing here could make the question worth asking again`).toEqual(
        candidates.map((c) => c.id).sort(),
      );
    }
  });

  it('every language the articles name belongs to a family the helper asks about', () => {
    for (const c of candidates)
      for (const language of c.languages) expect(languageFamily(language), `${c.id}: ${language}`).toBeDefined();
  });
});

describe('answers in the query string', () => {
  it.each(PROFILES)('%s survives the round trip', (_label, profile) => {
    const query = profileToParams(profile).toString();
    expect(profileFromParams(new URLSearchParams(query))).toEqual({ ...none, ...profile });
  });

  it('keeps question order, repeats languages and leaves out what was not answered', () => {
    expect(
      profileToParams({ languages: ['python', 'php'], priority: 'security', build: 'enterprise' }).toString(),
    ).toBe('build=enterprise&languages=python&languages=php&priority=security');
    expect(profileToParams(none).toString()).toBe('');
  });

  it('ignores values that are not options, and unknown keys', () => {
    const profile = profileFromParams(
      new URLSearchParams(
        'build=toString&languages=cobol&languages=php&languages=php&context=__proto__&hosting=&priority=speed&utm_source=x',
      ),
    );
    expect(profile).toEqual({
      build: undefined,
      languages: ['php'],
      context: undefined,
      hosting: undefined,
      priority: undefined,
    });
    expect(answeredCount(profile)).toBe(1);
  });
});

describe('labels and points', () => {
  it.each(Object.values(USE_CASES))('"%s" reads inside a sentence with its acronyms intact', (label) => {
    const inside = midSentence(label);
    expect(inside.slice(1)).toBe(label.slice(1));
    expect(inside[0]!.toLowerCase()).toBe(label[0]!.toLowerCase());
  });

  it('midSentence lowers a plain first word only', () => {
    expect(midSentence('Fast web development and MVPs')).toBe('fast web development and MVPs');
    expect(midSentence('SaaS products and startups')).toBe('SaaS products and startups');
    expect(midSentence('AI and data-driven products')).toBe('AI and data-driven products');
    expect(midSentence('APIs and microservices')).toBe('APIs and microservices');
  });

  it('says who is on top: one, two tied by name, more tied by count', () => {
    const r = (name: string, score: number) => ({ id: name, name, score, reasons: [] });
    expect(topPickText([])).toBe('');
    expect(topPickText([r('A', 9), r('B', 4)])).toBe('Top pick: A, 9 points.');
    expect(topPickText([r('A', 1), r('B', 1), r('C', 0)])).toBe('Tied at the top: A and B, 1 point each.');
    expect(topPickText([r('A', 4), r('B', 4), r('C', 4), r('D', 2)])).toBe(
      'Tied at the top: A and 2 others, 4 points each.',
    );
  });

  it('formats points with their sign, and totals in words', () => {
    expect([4, -2, 0].map(formatPoints)).toEqual(['+4', '−2', '0']);
    expect([9, 1, 0, -1, -4].map(pointsLabel)).toEqual(['9 points', '1 point', '0 points', '−1 point', '−4 points']);
  });
});

describe('languageFamily', () => {
  it.each([
    ['TypeScript', 'javascript'],
    ['Kotlin', 'java'],
    ['C#', 'csharp'],
    ['Python', 'python'],
    ['PHP', 'php'],
    ['Go', 'go'],
    ['COBOL', undefined],
  ])('%s → %s', (language, family) => expect(languageFamily(language)).toBe(family));
});
