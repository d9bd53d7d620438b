import { describe, expect, it } from 'vitest';
import { ratingSchema } from '../../src/content.config';
import { toCandidates } from '../../src/lib/candidates';
import { recommend } from '../../src/lib/decision';
import { RATING_DIMENSIONS, RATING_KEYS, type RatingDimension } from '../../src/lib/ratings';
import { RUBRIC, rubricAnchor, rubricFor, rubricHref, rubricLevel, RUBRIC_PATH } from '../../src/lib/rubric';
import { frameworkEntries } from '../support/collections';

describe('the rubric', () => {
  it('has one entry per rating, in the guide’s order, under the labels readers see', () => {
    expect(RUBRIC.map((d) => d.key)).toEqual(RATING_KEYS);
    for (const d of RUBRIC) expect(d.label).toBe(RATING_DIMENSIONS[d.key]);
  });

  it.each(RUBRIC.map((d) => [d.key, d] as const))(
    '%s: says what it measures and how, with its checks and https sources',
    (_key, d) => {
      expect(d.measures.length).toBeGreaterThan(30);
      expect(d.how.length).toBeGreaterThan(60);
      expect(d.checks.length).toBeGreaterThan(0);
      for (const check of d.checks) expect(check.trim().length).toBeGreaterThan(3);
      expect(d.sources.length).toBeGreaterThan(0);
      for (const s of d.sources) {
        expect(s.title.length).toBeGreaterThan(3);
        expect(s.url).toMatch(/^https:\/\/[^\s]+$/);
      }
    },
  );

  it.each(RUBRIC.map((d) => [d.key, d] as const))(
    '%s: exactly five levels, 1 to 5 in order, each with a criterion and a short form',
    (_key, d) => {
      expect(d.levels).toHaveLength(5);
      expect(d.levels.map((l) => l.score)).toEqual([1, 2, 3, 4, 5]);
      for (const l of d.levels) {
        expect(l.criterion, `${d.key} ${l.score}`).toMatch(/^[A-Z].{10,}[.]$/);
        // The short form reads after "rated 4/5 for security defaults: " and inside brackets.
        expect(l.short, `${d.key} ${l.score}`).toMatch(/^[a-z].{5,}[^.]$/);
      }
      expect(new Set(d.levels.map((l) => l.criterion)).size).toBe(5);
      expect(new Set(d.levels.map((l) => l.short)).size).toBe(5);
    },
  );

  it('gives every rating its own anchor on the rubric page', () => {
    const anchors = RATING_KEYS.map(rubricAnchor);
    expect(new Set(anchors).size).toBe(anchors.length);
    for (const a of anchors) expect(a).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(rubricAnchor('learningCurve')).toBe('learning-curve');
    expect(rubricHref()).toBe(RUBRIC_PATH);
    expect(rubricHref('security')).toBe(`${RUBRIC_PATH}#security`);
  });

  it('has no level for a score outside 1 to 5', () => {
    expect(() => rubricLevel('security', 0)).toThrow();
    expect(() => rubricLevel('security', 6)).toThrow();
    expect(rubricLevel('security', 5)).toBe(rubricFor('security').levels[4]);
  });
});

describe('every score in the content, against the rubric', () => {
  const scores = frameworkEntries.flatMap((f) =>
    RATING_KEYS.map((key) => [`${f.id} ${key}`, f.id, key, f.data.ratings[key]] as const),
  );

  it.each(scores)('%s: a score the rubric defines, with a reason in bounds', (_label, _id, key, rating) => {
    expect(ratingSchema.safeParse(rating).success).toBe(true);
    expect(rating.reason.length).toBeGreaterThanOrEqual(20);
    expect(rating.reason.length).toBeLessThanOrEqual(260);
    expect(() => rubricLevel(key, rating.score)).not.toThrow();
  });

  /**
   * Where a level is a count of the rubric's checks, the reason opens with that count, so a reason cannot drift from
   * its score: "Two of the four protections…" for a 3 in security.
   */
  const COUNTS: Partial<Record<RatingDimension, Record<number, RegExp>>> = {
    performance: {
      1: /^None of the four/,
      2: /^One of the four/,
      3: /^Two of the four/,
      4: /^Three of the four/,
      5: /^All four/,
    },
    security: {
      1: /^(None|At most one)/,
      2: /^At most one of the four/,
      3: /^Two of the four/,
      4: /^Three of the four/,
      5: /^All four/,
    },
    learningCurve: {
      1: /^None of the four/,
      2: /^One of the four/,
      3: /^Two of the four/,
      4: /^Three of the four/,
      5: /^All four/,
    },
    ecosystem: {
      1: /^None of the five/,
      2: /^None of the five/,
      3: /^(One|Two) of the five/,
      4: /^(Three|Four) of the five/,
      5: /^All five/,
    },
    jobMarket: { 1: /^Provisional/, 2: /^Provisional/, 3: /^Provisional/, 4: /^Provisional/, 5: /^Provisional/ },
  };
  it.each(scores.filter(([, , key]) => COUNTS[key]))(
    '%s: the reason states the level in the rubric’s terms',
    (_label, _id, key, rating) => {
      expect(rating.reason).toMatch(COUNTS[key]![rating.score]!);
    },
  );
});

describe('the decision helper speaks the rubric', () => {
  const candidates = toCandidates(frameworkEntries);

  it('carries each score’s meaning from the rubric', () => {
    for (const c of candidates)
      for (const key of RATING_KEYS) expect(c.meanings?.[key]).toBe(rubricLevel(key, c.ratings[key].score).short);
  });

  it('explains the learning-on-your-own points with the rubric’s words for the score', () => {
    for (const r of recommend(candidates, { languages: [], context: 'learning' })) {
      const c = candidates.find((x) => x.id === r.id)!;
      const { score } = c.ratings.learningCurve;
      if (score >= 4)
        expect(r.reasons.map((x) => x.text)).toContain(
          `Approachable when learning on your own: rated ${score}/5 for ease of learning (${rubricLevel('learningCurve', score).short}).`,
        );
      else expect(r.reasons).toEqual([]);
    }
  });
});
