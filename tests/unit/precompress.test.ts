import { describe, expect, it } from 'vitest';
import {
  FIRST_ROUND_TRIP,
  INITIAL_WINDOW,
  RESPONSE_HEAD_ROOM,
  worthRecompressing,
} from '../../src/integrations/precompress';

describe('worthRecompressing', () => {
  it('is true only for a copy that would not fit the first round trip with its headers, but is not far over', () => {
    const fits = INITIAL_WINDOW - RESPONSE_HEAD_ROOM;
    expect(worthRecompressing(fits)).toBe(false);
    expect(worthRecompressing(fits + 1)).toBe(true);
    expect(worthRecompressing(FIRST_ROUND_TRIP + 1)).toBe(true);
    expect(worthRecompressing(Math.floor(FIRST_ROUND_TRIP * 1.05))).toBe(true);
    expect(worthRecompressing(Math.ceil(FIRST_ROUND_TRIP * 1.05) + 1)).toBe(false);
    expect(worthRecompressing(1_000_000)).toBe(false);
  });
});
