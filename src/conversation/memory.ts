import { LRUCache } from 'lru-cache';
import type { Thread } from './thread.ts';

/**
 * Where conversations live between messages. In memory for one process; a shared store (Redis) can
 * take its place when several replicas answer the same chats.
 */
export interface ConversationStore {
  get(conversation: string): Thread | undefined;
  set(conversation: string, thread: Thread): void;
  readonly size: number;
}

export interface MemoryStoreOptions {
  /** Most conversations kept; the least recently used go first. */
  max?: number;
  /** Seconds after its last turn that a conversation is forgotten. */
  ttlSeconds: number;
  /** Epoch milliseconds, for tests. */
  now?: () => number;
}

/** Conversations in process memory, bounded in count and forgotten after the TTL. */
export function createMemoryStore({ max = 10_000, ttlSeconds, now = Date.now }: MemoryStoreOptions): ConversationStore {
  const cache = new LRUCache<string, Thread>({ max });
  const ttl = ttlSeconds * 1000;
  return {
    get(conversation) {
      const thread = cache.get(conversation);
      const last = thread?.turns.at(-1);
      if (!thread || !last) return undefined;
      if (now() - last.at >= ttl) {
        cache.delete(conversation);
        return undefined;
      }
      return thread;
    },
    set: (conversation, thread) => void cache.set(conversation, thread),
    get size() {
      return cache.size;
    },
  };
}
