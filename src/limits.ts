import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** What a rate limiter says about one request. */
export type RateDecision =
  /** Allowed. */
  | 'allow'
  /** Over the limit for the first time in this window: tell the user once. */
  | 'notify'
  /** Still over the limit: stay silent. */
  | 'silent';

/**
 * A per-key limiter; platform-free, so Telegram's rate limit and Discord's cooldown share it.
 * Asynchronous because replicas keep their counts in one shared store (Redis).
 */
export interface RateLimiter {
  check(key: string): Promise<RateDecision>;
}

/** A limiter's allowance and window. */
export interface RateLimiterOptions {
  /** Requests allowed per window. */
  count: number;
  /** Window length in milliseconds, counted from a key's first request in it. */
  windowMs: number;
}

/**
 * Makes limiters by name (`telegram`, `telegram-inline`, `discord-cooldown`): the name keeps two
 * limits on the same user apart in a shared store. Adapters take one so `adapters/start.ts` can hand
 * them Redis-backed limiters; the default is {@link createRateLimiter}.
 */
export type RateLimiterFactory = (name: string, options: RateLimiterOptions) => RateLimiter;

/**
 * The decisions over a `rate-limiter-flexible` limiter (memory, or Redis with a memory insurance):
 * its counter goes on counting past the limit, so the request that makes it `count + 1` is the one
 * told, exactly once per window even across replicas (the store increments atomically).
 */
export function rateLimiterOver(limiter: RateLimiterAbstract): RateLimiter {
  return {
    async check(key) {
      try {
        await limiter.consume(key);
        return 'allow';
      } catch (rejection) {
        // Over the limit comes back as a rejected RateLimiterRes; anything else is a store failure
        // with no insurance, and a broken store must not silence the bot.
        if (!(rejection instanceof RateLimiterRes)) return 'allow';
        return rejection.consumedPoints === limiter.points + 1 ? 'notify' : 'silent';
      }
    },
  };
}

/**
 * A limiter in process memory allowing `count` requests per key in a fixed window of `windowMs`
 * from the key's first request. Memory is bounded by the keys active in the last window: each entry
 * expires with its window.
 */
export function createRateLimiter({ count, windowMs }: RateLimiterOptions): RateLimiter {
  return rateLimiterOver(new RateLimiterMemory({ points: count, duration: windowMs / 1000 }));
}

/** The default {@link RateLimiterFactory}: every limiter in this process's memory. */
export const memoryLimiters: RateLimiterFactory = (_name, options) => createRateLimiter(options);
