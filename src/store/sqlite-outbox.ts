import type Database from 'better-sqlite3';
import { DAY_MS, PURGE_EVERY, type TableOptions } from './database.ts';
import type { Outbox, OutboxEntry } from './outbox.ts';

/** The outbox as the `outbox` table of the embedded database (migration step 2). */
export function sqliteOutbox(db: Database.Database, { retentionMs = DAY_MS, onWriteError, now = Date.now }: TableOptions): Outbox {
  const insert = db.prepare('INSERT INTO outbox (update_key, seq, chat, payload, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (update_key, seq) DO NOTHING');
  const ofUpdate = db.prepare('SELECT id, chat, payload FROM outbox WHERE update_key = ? AND done IS NULL ORDER BY id');
  const markDone = db.prepare('UPDATE outbox SET done = ? WHERE id = ?');
  const selectPending = db.prepare('SELECT id, chat, payload FROM outbox WHERE done IS NULL AND id > ? ORDER BY id LIMIT ?');
  const purge = db.prepare('DELETE FROM outbox WHERE done IS NOT NULL AND done < ?');
  // A redelivered update (crashed after recording, before confirming) inserts nothing new.
  const recordAll = db.transaction((update: string, replies: ReadonlyArray<{ chat: string; payload: string }>) => {
    replies.forEach((r, seq) => insert.run(update, seq, r.chat, r.payload, now()));
    return ofUpdate.all(update) as OutboxEntry[];
  });
  // Replies kept in memory when the disk fails: negative ids, never in the table.
  let memoryId = 0;
  let sends = 0;
  purge.run(now() - retentionMs);

  return {
    durable: true,
    record: async (update, replies) => {
      try {
        return recordAll(update, replies);
      } catch (error) {
        onWriteError(error);
        return replies.map((r) => ({ ...r, id: (memoryId -= 1) }));
      }
    },
    done: async (id) => {
      if (id < 0) return;
      try {
        markDone.run(now(), id);
        if ((sends += 1) % PURGE_EVERY === 0) purge.run(now() - retentionMs);
      } catch (error) {
        onWriteError(error);
      }
    },
    pending: async (after, limit) => {
      try {
        return selectPending.all(after, limit) as OutboxEntry[];
      } catch (error) {
        onWriteError(error);
        return [];
      }
    },
  };
}
