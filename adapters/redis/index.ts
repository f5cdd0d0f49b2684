import type { ConversationStore, Logger, RateLimiterFactory, UpdateClaims } from '../../src/index.ts';
import { createRedisClaims } from './claims.ts';
import { connectRedis, type RedisStatus } from './connection.ts';
import { createRedisConversations } from './conversations.ts';
import { createRedisLimiters } from './limits.ts';

export type { RedisStatus } from './connection.ts';

/** Everything replicas must agree on, in one Redis: what `adapters/start.ts` wires with REDIS_URL. */
export interface SharedState {
  limiters: RateLimiterFactory;
  claims: UpdateClaims;
  conversations: ConversationStore;
  /** `degraded` while Redis is unreachable and each process answers with its own state. */
  status(): RedisStatus;
  close(): Promise<void>;
}

/** Connects to Redis at `url` and builds the shared limiters, update claims and conversations over it. */
export function openSharedState(url: string, logger: Logger, conversationTtlSeconds: number): SharedState {
  const redis = connectRedis(url, logger);
  return {
    limiters: createRedisLimiters(redis),
    claims: createRedisClaims(redis),
    conversations: createRedisConversations(redis, conversationTtlSeconds),
    status: () => redis.status(),
    close: () => redis.close(),
  };
}
