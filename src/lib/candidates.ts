/** Decision-helper candidates from the frameworks collection: only the fields the scoring reads (they are sent to the page). */
import type { Candidate } from './decision';
import type { FrameworkData } from './framework-data';
import { RATING_KEYS } from './ratings';
import { rubricLevel } from './rubric';

export function toCandidates(
  frameworks: readonly {
    id: string;
    data: Pick<FrameworkData, 'name' | 'order' | 'languages' | 'bestFor' | 'ratings'>;
  }[],
): Candidate[] {
  return frameworks.map(({ id, data }) => ({
    id,
    name: data.name,
    order: data.order,
    languages: data.languages,
    bestFor: data.bestFor,
    ratings: data.ratings,
    // Each score's meaning in the rubric's words, for the reasons the helper writes.
    meanings: Object.fromEntries(RATING_KEYS.map((key) => [key, rubricLevel(key, data.ratings[key].score).short])),
  }));
}
