import { describe, expect, it } from 'vitest';
import { FEED_ITEM_LIMIT, newestItems } from '../../src/lib/feed-html';

const item = (title: string, day: number) => ({ title, pubDate: new Date(Date.UTC(2026, 0, day)) });

describe('the feed’s items', () => {
  it('are the newest, at most the limit, newest first, with the same day ordered by title', () => {
    const many = Array.from({ length: FEED_ITEM_LIMIT + 30 }, (_, i) => item(`Article ${i}`, (i % 28) + 1));
    const listed = newestItems(many);
    expect(listed).toHaveLength(FEED_ITEM_LIMIT);
    const oldestListed = Math.min(...listed.map((i) => i.pubDate.getTime()));
    for (const left of many.filter((i) => !listed.includes(i)))
      expect(left.pubDate.getTime()).toBeLessThanOrEqual(oldestListed);
    const times = listed.map((i) => i.pubDate.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(newestItems([item('B', 3), item('A', 3), item('C', 9)]).map((i) => i.title)).toEqual(['C', 'A', 'B']);
  });

  it('are all of them when there are fewer than the limit, and the input is left as it was', () => {
    const few = [item('Old', 1), item('New', 2)];
    expect(newestItems(few).map((i) => i.title)).toEqual(['New', 'Old']);
    expect(few.map((i) => i.title)).toEqual(['Old', 'New']);
    expect(newestItems(few, 1).map((i) => i.title)).toEqual(['New']);
  });
});
