import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { rateLimiterOver, type RateLimiterFactory } from '../../src/index.ts';
import { KEY_PREFIX, type RedisConnection } from './connection.ts';

/**
 * Limiters whose counts every replica shares (`rate-limiter-flexible`'s Redis store: one atomic
 * increment per request), each insured by a memory limiter that takes over while Redis is down.
 * Redis expires keys in whole seconds, so a window is rounded up to one (a 1.5 s cooldown holds 2 s).
 */
export function createRedisLimiters(redis: RedisConnection): RateLimiterFactory {
  return (name, { count, windowMs }) => {
    const insurance = new RateLimiterMemory({ points: count, duration: windowMs / 1000 });
    return rateLimiterOver(
      new RateLimiterRedis({
        storeClient: redis.client,
        keyPrefix: `${KEY_PREFIX}limit:${name}`,
        points: count,
        duration: Math.max(1, Math.ceil(windowMs / 1000)),
        insuranceLimiter: insurance,
        // Not connected: the insurance at once, rather than a command that fails after a wait.
        rejectIfRedisNotReady: true,
      }),
    );
  };
}
