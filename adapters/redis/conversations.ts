import { z } from 'zod';
import { createMemoryStore, type ConversationStore, type Thread } from '../../src/index.ts';
import { KEY_PREFIX, type RedisConnection } from './connection.ts';

/** A thread as stored: checked on the way back, so a foreign or stale value reads as no conversation. */
const threadSchema = z.object({
  turns: z.array(
    z.object({
      resolved: z.string(),
      language: z.enum(['en', 'zh']),
      documents: z.array(z.string()),
      // Threads stored before turns carried topics read as having none.
      topics: z.array(z.string()).default([]),
      choices: z.array(z.string()),
      at: z.number(),
    }),
  ),
});

/**
 * Conversations every replica sees: a thread is one JSON value whose TTL (`PX`) starts again with each
 * turn, so a follow-up answered by another replica still has its context and Redis forgets it as the
 * memory store would. While Redis is down, conversations go on in this process's memory.
 */
export function createRedisConversations(redis: RedisConnection, ttlSeconds: number): ConversationStore {
  const local = createMemoryStore({ ttlSeconds });
  const keyOf = (conversation: string): string => `${KEY_PREFIX}conversation:${conversation}`;
  return {
    get: (conversation) =>
      redis.attempt(
        async () => parseThread(await redis.client.get(keyOf(conversation))),
        () => local.get(conversation),
      ),
    set: (conversation, thread) =>
      redis.attempt(
        async () => void (await redis.client.set(keyOf(conversation), JSON.stringify(thread), 'PX', ttlSeconds * 1000)),
        () => local.set(conversation, thread),
      ),
  };
}

function parseThread(value: string | null): Thread | undefined {
  if (value === null) return undefined;
  try {
    const parsed = threadSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
