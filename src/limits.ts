// Hand-written: a per-key sliding window with expiry is a few lines; a limiter library would be a dependency for less.
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
  /** Keys with a request inside the current window: what the limiter holds in memory. */
  readonly size: number;
}

/** A limiter's allowance and window; the clock is injectable so tests need not wait. */
export interface RateLimiterOptions {
  /** Requests allowed per window. */
  count: number;
  /** Window length in milliseconds. */
  windowMs: number;
  /** Clock, for tests (default `Date.now`). */
  now?: () => number;
}

/**
 * Creates a limiter allowing `count` requests per key in any `windowMs`. Memory is bounded by the keys
 * active in the last window: once per window every key whose last request has left it is dropped, so
 * a bot seen by many users once does not keep them all.
 */
export function createRateLimiter({ count, windowMs, now = () => Date.now() }: RateLimiterOptions): RateLimiter {
  const hits = new Map<string, number[]>();
  const notified = new Set<string>();
  let lastSweep = now();
  const sweep = (): void => {
    const since = now() - windowMs;
    if (lastSweep > since) return;
    lastSweep = now();
    for (const [key, times] of hits) {
      if ((times.at(-1) ?? -Infinity) <= since) {
        hits.delete(key);
        notified.delete(key);
      }
    }
  };
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
    get size() {
      return hits.size;
    },
    check(key) {
      sweep();
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
