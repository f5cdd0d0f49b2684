/** What a rate limiter says about one request. */
export type RateDecision =
  /** Allowed. */
  | 'allow'
  /** Over the limit for the first time in this window: tell the user once. */
  | 'notify'
  /** Still over the limit: stay silent. */
  | 'silent';

/** A per-key sliding-window limiter; platform-free, so Telegram's rate limit and Discord's cooldown share it. */
export interface RateLimiter {
  check(key: string): RateDecision;
}

export interface RateLimiterOptions {
  /** Requests allowed per window. */
  count: number;
  /** Window length in milliseconds. */
  windowMs: number;
  /** Clock, for tests (default `Date.now`). */
  now?: () => number;
}

/** Creates a limiter allowing `count` requests per key in any `windowMs`; memory is bounded by active keys. */
export function createRateLimiter({ count, windowMs, now = Date.now }: RateLimiterOptions): RateLimiter {
  const hits = new Map<string, number[]>();
  const notified = new Set<string>();
  const recent = (key: string): number[] => {
    const since = now() - windowMs;
    const kept = (hits.get(key) ?? []).filter((t) => t > since);
    if (kept.length === 0) {
      hits.delete(key);
      notified.delete(key);
    } else hits.set(key, kept);
    return kept;
  };
  return {
    check(key) {
      const kept = recent(key);
      if (kept.length < count) {
        hits.set(key, [...kept, now()]);
        notified.delete(key);
        return 'allow';
      }
      if (notified.has(key)) return 'silent';
      notified.add(key);
      return 'notify';
    },
  };
}
