/** The six rated dimensions, in the order the guide shows them. */
export const RATING_DIMENSIONS = {
  performance: 'Performance',
  scalability: 'Scalability',
  security: 'Security defaults',
  learningCurve: 'Ease of learning',
  ecosystem: 'Ecosystem',
  jobMarket: 'Job market',
} as const;

export type RatingDimension = keyof typeof RATING_DIMENSIONS;

export const RATING_KEYS = Object.keys(RATING_DIMENSIONS) as RatingDimension[];

/** Tailwind width classes for a 0–5 bar, as literals so Tailwind finds them (no inline styles: the CSP forbids them). */
const BAR_WIDTH = ['w-0', 'w-1/5', 'w-2/5', 'w-3/5', 'w-4/5', 'w-full'] as const;

export function barWidth(score: number): string {
  return BAR_WIDTH[Math.max(0, Math.min(5, Math.round(score)))]!;
}
