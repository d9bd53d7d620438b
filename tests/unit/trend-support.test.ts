import { expect, it } from 'vitest';
import { supportLinks } from '../../src/lib/trend-support';

const trend = (id: string, ...support: [string, string][]) => ({
  id,
  data: {
    support: support.map(([framework, how]) => ({
      framework: { id: framework, collection: 'frameworks' as const },
      how,
    })),
  },
});
const fw = (id: string) => ({ id });

it('joins each trend to the frameworks its support list names, in the order given, with how', () => {
  const trends = [trend('t1', ['b', 'B does t1'], ['a', 'A does t1']), trend('t2', ['c', 'C does t2'])];
  const frameworks = [fw('a'), fw('b'), fw('c')];
  expect(supportLinks(trends, frameworks).map((l) => [l.trend.id, l.framework.id, l.how])).toEqual([
    ['t1', 'a', 'A does t1'],
    ['t1', 'b', 'B does t1'],
    ['t2', 'c', 'C does t2'],
  ]);
  // One framework's trends, as its article lists them; a framework no trend names has none.
  expect(supportLinks(trends, [fw('b')]).map((l) => l.trend.id)).toEqual(['t1']);
  expect(supportLinks(trends, [fw('z')])).toEqual([]);
});
