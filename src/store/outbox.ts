/**
 * Replies waiting to be sent. An adapter records the replies to an update before it confirms the
 * update to the platform, and marks each one done once sent, so a crash between the two loses nothing:
 * the next start sends what is still pending. The payload is the adapter's own (JSON of its send
 * calls); the core only keeps it. The embedded database implements this; a server database can too.
 */
export interface Outbox {
  /** False when replies live only in memory (no usable database): a crash loses the pending ones. */
  readonly durable: boolean;
  /**
   * Records the replies to `update` (its platform key), all or none, and resolves once they are
   * durable. Recording an update again (redelivered after a crash) adds nothing: it resolves with the
   * replies recorded then that are still pending. Never rejects: a failing write is logged by the
   * implementation and the replies come back to be sent anyway, without durability.
   */
  record(update: string, replies: readonly OutboxReply[]): Promise<OutboxEntry[]>;
  /** The reply went out, or was refused for good: it is never sent again. */
  done(id: number): Promise<void>;
  /** Pending replies, oldest first: at most `limit` with an id above `after`. */
  pending(after: number, limit: number): Promise<OutboxEntry[]>;
}

/** One reply to record: the chat it goes to (for per-chat counts) and the adapter's payload. */
export interface OutboxReply {
  chat: string;
  payload: string;
}

/** A recorded reply; ids grow in recording order, so sending by id keeps each chat's order. */
export interface OutboxEntry extends OutboxReply {
  id: number;
}

/** An outbox in process memory: for when there is no database. Nothing survives a restart. */
export function createMemoryOutbox(): Outbox {
  const entries = new Map<number, OutboxEntry & { update: string }>();
  let nextId = 1;
  return {
    durable: false,
    record: async (update, replies) => {
      const before = [...entries.values()].filter((e) => e.update === update);
      if (before.length > 0) return before.map(({ id, chat, payload }) => ({ id, chat, payload }));
      return replies.map((reply) => {
        const entry = { ...reply, id: nextId++ };
        entries.set(entry.id, { ...entry, update });
        return entry;
      });
    },
    done: async (id) => void entries.delete(id),
    pending: async (after, limit) =>
      [...entries.values()]
        .filter((e) => e.id > after)
        .slice(0, limit)
        .map(({ id, chat, payload }) => ({ id, chat, payload })),
  };
}
