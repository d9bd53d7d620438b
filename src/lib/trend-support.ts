/**
 * The one join between trends and frameworks: each trend's `support` list names frameworks and says how each
 * supports it. A trend page reads it one way (its frameworks), a framework page the other (its trends).
 */
import type { CollectionEntry } from 'astro:content';

type TrendWithSupport = { data: Pick<CollectionEntry<'trends'>['data'], 'support'> };

export interface SupportLink<T, F> {
  trend: T;
  framework: F;
  /** How the framework supports the trend, in the trend's words. */
  how: string;
}

/** Every trend–framework pair a support list names, in the order of `trends`, then of `frameworks`. */
export function supportLinks<T extends TrendWithSupport, F extends { id: string }>(
  trends: readonly T[],
  frameworks: readonly F[],
): SupportLink<T, F>[] {
  return trends.flatMap((trend) =>
    frameworks.flatMap((framework) => {
      const how = trend.data.support.find((s) => s.framework.id === framework.id)?.how;
      return how === undefined ? [] : [{ trend, framework, how }];
    }),
  );
}
