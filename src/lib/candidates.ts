/** Decision-helper candidates from the collections: each framework with the trends that list it. */
import type { Candidate } from './decision';
import type { RatingDimension } from './ratings';
import type { UseCase } from './use-cases';

interface FrameworkLike {
  id: string;
  data: {
    name: string;
    order: number;
    languages: string[];
    bestFor: UseCase[];
    ratings: Record<RatingDimension, { score: number; reason: string }>;
  };
}
interface TrendLike {
  id: string;
  data: { support: { framework: { id: string } }[] };
}

export function toCandidates(frameworks: readonly FrameworkLike[], trends: readonly TrendLike[]): Candidate[] {
  return frameworks.map(({ id, data }) => ({
    id,
    name: data.name,
    order: data.order,
    languages: data.languages,
    bestFor: data.bestFor,
    ratings: data.ratings,
    trends: trends.filter((t) => t.data.support.some((s) => s.framework.id === id)).map((t) => t.id),
  }));
}
