import { createMemoryClaims, type UpdateClaims } from '../../src/index.ts';
import { KEY_PREFIX, type RedisConnection } from './connection.ts';

/** How long a settled claim is kept, in ms: longer than Telegram goes on redelivering an update. */
const DEFAULT_RETENTION_MS = 86_400_000;

/**
 * Update claims every replica sees: a claim is `SET key NX PX lease` (only one replica gets it), a
 * settled one is kept for the retention, a released one is deleted so a redelivery goes through.
 * While Redis is down, claims are this process's own (memory), so a redelivery to the same replica
 * is still answered once.
 */
export function createRedisClaims(redis: RedisConnection, retentionMs = DEFAULT_RETENTION_MS): UpdateClaims {
  const local = createMemoryClaims({ retentionMs });
  const keyOf = (key: string): string => `${KEY_PREFIX}claim:${key}`;
  return {
    claim: (key, leaseMs) =>
      redis.attempt(
        async () => (await redis.client.set(keyOf(key), 'leased', 'PX', leaseMs, 'NX')) === 'OK',
        () => local.claim(key, leaseMs),
      ),
    settle: (key) =>
      redis.attempt(
        async () => void (await redis.client.set(keyOf(key), 'settled', 'PX', retentionMs)),
        () => local.settle(key),
      ),
    release: (key) =>
      redis.attempt(
        async () => void (await redis.client.del(keyOf(key))),
        () => local.release(key),
      ),
  };
}
