import { describe, expect, it } from 'vitest';
import { contentKey } from '../../src/lib/content-key';

describe('contentKey', () => {
  it('is the same for the same parts, and 32 hex digits', () => {
    expect(contentKey(['a', 'é', ''])).toBe(contentKey(['a', 'é', '']));
    expect(contentKey(['a'])).toMatch(/^[0-9a-f]{32}$/);
    expect(contentKey([Buffer.from('é')])).toBe(contentKey(['é']));
  });
  it('changes with any part, their order, or where one ends and the next begins', () => {
    const keys = [
      contentKey(['ab', 'c']),
      contentKey(['a', 'bc']),
      contentKey(['abc']),
      contentKey(['c', 'ab']),
      contentKey(['ab', 'c', '']),
      contentKey(['ab', 'd']),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
  it('reads its parts from any iterable, one at a time', () => {
    function* parts() {
      yield 'ab';
      yield Buffer.from('c');
    }
    expect(contentKey(parts())).toBe(contentKey(['ab', 'c']));
  });
});
