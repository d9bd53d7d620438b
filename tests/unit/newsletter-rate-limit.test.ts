import { describe, expect, it } from 'vitest';
import { clientKey, parseRateLimit, MemoryRateLimiter } from '../../src/newsletter/rate-limit';

const fallback = { limit: 10, windowMs: 600_000 };

describe('parseRateLimit', () => {
  it.each([
    [undefined, fallback],
    ['', fallback],
    ['3/60', { limit: 3, windowMs: 60_000 }],
    [' 100/1 ', { limit: 100, windowMs: 1000 }],
    ['off', null],
  ])('%j', (value, expected) => expect(parseRateLimit(value, fallback)).toEqual(expected));

  it.each(['0/60', '3/0', '3', 'ten/60', '3/60s', '-1/60'])(
    'refuses %j with a message naming the variable',
    (value) => {
      expect(() => parseRateLimit(value, fallback)).toThrow(/NEWSLETTER_RATE_LIMIT/);
    },
  );
});

describe('MemoryRateLimiter', () => {
  it('lets a client use its bucket, then says when to come back', () => {
    const limiter = new MemoryRateLimiter({ limit: 3, windowMs: 60_000 });
    expect([0, 1, 2].map(() => limiter.take('a', 0).ok)).toEqual([true, true, true]);
    expect(limiter.take('a', 0)).toEqual({ ok: false, retryAfterSeconds: 20 });
    expect(limiter.take('b', 0).ok).toBe(true);
  });

  it('refills at the configured rate', () => {
    const limiter = new MemoryRateLimiter({ limit: 3, windowMs: 60_000 });
    for (let i = 0; i < 3; i++) limiter.take('a', 0);
    // One request back every 20 s.
    expect(limiter.take('a', 19_000).ok).toBe(false);
    expect(limiter.take('a', 20_000).ok).toBe(true);
    expect(limiter.take('a', 20_000).ok).toBe(false);
    // Never more than the bucket holds, however long the client was away.
    expect([0, 1, 2, 3].map(() => limiter.take('a', 1_000_000).ok)).toEqual([true, true, true, false]);
  });

  it('never asks for less than a second', () => {
    const limiter = new MemoryRateLimiter({ limit: 1000, windowMs: 1000 });
    for (let i = 0; i < 1000; i++) limiter.take('a', 0);
    expect(limiter.take('a', 0)).toEqual({ ok: false, retryAfterSeconds: 1 });
  });

  it('keeps memory bounded by forgetting the least recently seen clients', () => {
    const limiter = new MemoryRateLimiter({ limit: 1, windowMs: 60_000 }, 100);
    limiter.take('first', 0);
    for (let i = 0; i < 500; i++) limiter.take(`client-${i}`, 0);
    expect(limiter.size).toBe(100);
    expect(limiter.take('first', 0).ok).toBe(true);
  });
});

describe('clientKey', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    [undefined, 'unknown'],
  ])('%s → %s', (address, key) => expect(clientKey(address)).toBe(key));
});
