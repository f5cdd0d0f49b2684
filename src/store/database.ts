import Database from 'better-sqlite3';
import { migrate } from './migrations.ts';

/**
 * Opens (creating and migrating) the SQLite file in WAL mode, so the bots, the console and `npm run
 * inbox` can use it at once. `synchronous = NORMAL`: a commit survives the process being killed (the
 * WAL is in the OS's hands), only a power cut may lose the last ones. Throws when the file cannot be
 * opened or is not a database: callers turn that into one line at start-up.
 */
export function openDatabase(file: string): Database.Database {
  const db = new Database(file, { timeout: 2000 });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** What a table of the delivery state (outbox, claims) needs: its retention, a write-error hook, a clock. */
export interface TableOptions {
  /** How long finished rows are kept, in ms (default {@link DAY_MS}). */
  retentionMs?: number;
  /** Called when a write fails: the caller carries on without that row. */
  onWriteError: (error: unknown) => void;
  now?: () => number;
}

/** One day in ms: Telegram keeps an undelivered update 24 hours, so claims and sent replies are kept as long. */
export const DAY_MS = 86_400_000;
/** Finished rows past the retention are deleted once every this many writes, besides once at open. */
export const PURGE_EVERY = 1000;
