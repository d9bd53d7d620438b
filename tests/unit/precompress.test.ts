import { describe, expect, it } from 'vitest';
import { FIRST_ROUND_TRIP, worthRecompressing } from '../../src/integrations/precompress';

describe('worthRecompressing', () => {
  it('is true only for a copy just over the first round trip, where quality 11 can make it fit', () => {
    expect(worthRecompressing(FIRST_ROUND_TRIP)).toBe(false);
    expect(worthRecompressing(FIRST_ROUND_TRIP + 1)).toBe(true);
    expect(worthRecompressing(Math.floor(FIRST_ROUND_TRIP * 1.05))).toBe(true);
    expect(worthRecompressing(Math.ceil(FIRST_ROUND_TRIP * 1.05) + 1)).toBe(false);
    expect(worthRecompressing(1_000_000)).toBe(false);
  });
});
