import { LRUCache } from 'lru-cache';
import type { Thread } from './thread.ts';

/**
 * Where conversations live between messages. In memory for one process; a shared store (Redis) takes
 * its place when several replicas answer the same chats, which is why both calls are asynchronous.
 */
export interface ConversationStore {
  /** The conversation's thread, or `undefined` when it is unknown or its TTL has run out. */
  get(conversation: string): Promise<Thread | undefined>;
  /** Stores the thread; its TTL starts again from its last turn. */
  set(conversation: string, thread: Thread): Promise<void>;
}

/** The in-memory store, which can also say how many conversations it holds. */
export interface MemoryConversationStore extends ConversationStore {
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
export function createMemoryStore({ max = 10_000, ttlSeconds, now = Date.now }: MemoryStoreOptions): MemoryConversationStore {
  const cache = new LRUCache<string, Thread>({ max });
  const ttl = ttlSeconds * 1000;
  return {
    async get(conversation) {
      const thread = cache.get(conversation);
      const last = thread?.turns.at(-1);
      if (!thread || !last) return undefined;
      if (now() - last.at >= ttl) {
        cache.delete(conversation);
        return undefined;
      }
      return thread;
    },
    set: async (conversation, thread) => void cache.set(conversation, thread),
    get size() {
      return cache.size;
    },
  };
}
