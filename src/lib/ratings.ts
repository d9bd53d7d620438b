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
