/**
 * Per-client rate limiting. The store provides the limiter (SubscriberStore.rateLimiter): on PostgreSQL the counts
 * live in the database, so every server process shares one allowance per client; on SQLite (one server) they
 * live in this process's memory, as a token bucket per client key with a bounded number of keys.
 */
import { isIPv4, isIPv6 } from 'node:net';

export interface RateLimitRule {
  /** Requests a client may make at once (the bucket's size). */
  limit: number;
  /** Time for an empty bucket to fill up again. */
  windowMs: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts one request of the client `key`, at `now` (ms) where the limiter keeps its own clock it is ignored. */
  take(key: string, now: number): RateDecision | Promise<RateDecision>;
}

/** "10/600" is 10 requests per 600 seconds; "off" turns limiting off. */
export function parseRateLimit(value: string | undefined, fallback: RateLimitRule): RateLimitRule | null {
  const raw = value?.trim();
  if (!raw) return fallback;
  if (raw === 'off') return null;
  const match = /^(\d+)\/(\d+)$/.exec(raw);
  const limit = Number(match?.[1]);
  const seconds = Number(match?.[2]);
  if (!match || limit < 1 || seconds < 1) {
    throw new Error(`NEWSLETTER_RATE_LIMIT must look like "10/600" (requests/seconds) or be "off"; got "${raw}".`);
  }
  return { limit, windowMs: seconds * 1000 };
}

/**
 * The key a client is counted under. IPv6 users usually hold a whole /64 and can hop between its addresses,
 * so they are counted per /64; IPv4-mapped IPv6 addresses count as the IPv4 address they carry.
 */
export function clientKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** In memory: at most `maxKeys` clients are remembered (the least recently seen are forgotten first). */
export class MemoryRateLimiter implements RateLimiter {
  readonly #rule: RateLimitRule;
  readonly #maxKeys: number;
  readonly #buckets = new Map<string, Bucket>();

  constructor(rule: RateLimitRule, maxKeys = 10_000) {
    this.#rule = rule;
    this.#maxKeys = maxKeys;
  }

  /** Takes one request from the client's bucket, or says how long until it may try again. */
  take(key: string, now: number): RateDecision {
    const { limit, windowMs } = this.#rule;
    const perMs = limit / windowMs;
    const previous = this.#buckets.get(key);
    const tokens = previous ? Math.min(limit, previous.tokens + (now - previous.at) * perMs) : limit;
    // Re-inserting keeps the map in least-recently-seen order, so the oldest buckets are the ones evicted.
    this.#buckets.delete(key);
    if (tokens < 1) {
      this.#buckets.set(key, { tokens, at: now });
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
    }
    this.#buckets.set(key, { tokens: tokens - 1, at: now });
    if (this.#buckets.size > this.#maxKeys) {
      const oldest = this.#buckets.keys().next().value;
      if (oldest !== undefined) this.#buckets.delete(oldest);
    }
    return { ok: true };
  }

  get size(): number {
    return this.#buckets.size;
  }
}
