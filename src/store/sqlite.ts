import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import type { AnswerRecord, InboxRecord, Platform, Store } from './types.ts';
import { migrate } from './migrations.ts';

export interface SqliteStoreOptions {
  /** Days inbox records are kept. */
  retentionDays: number;
  /** Called when a write fails (full disk, lost file): the store goes on without it. */
  onWriteError: (error: unknown) => void;
  now?: () => number;
}

/** Answers kept for their feedback buttons: this many, newest first. */
const KEPT_ANSWERS = 100_000;
/** Purge old records once every this many writes, besides once at open. */
const PURGE_EVERY = 1000;

type InboxRow = Omit<InboxRecord, 'facts'> & { facts: string };

/**
 * Opens (creating and migrating) an SQLite file in WAL mode, so the bots, the console and `npm run
 * inbox` can use it at once. Throws when the file cannot be opened or is not a database: the caller
 * turns that into one line at start-up.
 */
export function openSqliteStore(file: string, { retentionDays, onWriteError, now = Date.now }: SqliteStoreOptions): Store {
  const db = new Database(file, { timeout: 2000 });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const salt = saltOf(db);
  const insert = db.prepare(
    'INSERT INTO inbox (at, platform, chat, language, question, kind, reason, facts, confidence, feedback, user) VALUES (@at, @platform, @chat, @language, @question, @kind, @reason, @facts, @confidence, @feedback, @user)',
  );
  const select = db.prepare('SELECT at, platform, chat, language, question, kind, reason, facts, confidence, feedback, user FROM inbox WHERE at >= ? ORDER BY at, id');
  const upsertAnswer = db.prepare(
    'INSERT INTO answers (key, question, language, facts, confidence, answered, at) VALUES (@key, @question, @language, @facts, @confidence, @answered, @at) ON CONFLICT(key) DO UPDATE SET at = excluded.at',
  );
  const selectAnswer = db.prepare('SELECT key, question, language, facts, confidence, answered FROM answers WHERE key = ?');
  const deleteOld = db.prepare('DELETE FROM inbox WHERE at < ?');
  const trimAnswers = db.prepare('DELETE FROM answers WHERE key IN (SELECT key FROM answers ORDER BY at DESC LIMIT -1 OFFSET ?)');
  const selectMeta = db.prepare('SELECT value FROM meta WHERE key = ?');
  const upsertMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const deleteMeta = db.prepare('DELETE FROM meta WHERE key = ?');
  let writes = 0;

  const guarded = (run: () => void): boolean => {
    try {
      run();
      return true;
    } catch (error) {
      onWriteError(error);
      return false;
    }
  };
  const write = (run: () => void) => {
    if (guarded(run) && (writes += 1) % PURGE_EVERY === 0) guarded(purge);
  };
  const purge = (): number => {
    const removed = deleteOld.run(now() - retentionDays * 86_400_000).changes;
    trimAnswers.run(KEPT_ANSWERS);
    return removed;
  };
  purge();

  return {
    persistent: true,
    problem: null,
    record: (entry) => write(() => insert.run({ ...entry, facts: JSON.stringify(entry.facts) })),
    inbox: (since = 0) => (select.all(since) as InboxRow[]).map((row) => ({ ...row, facts: JSON.parse(row.facts) as string[] })),
    rememberAnswer: (answer) => write(() => upsertAnswer.run({ ...answer, facts: JSON.stringify(answer.facts), answered: answer.answered ? 1 : 0, at: now() })),
    answer(key) {
      const row = selectAnswer.get(key) as (Omit<AnswerRecord, 'facts' | 'answered'> & { facts: string; answered: number }) | undefined;
      return row && { ...row, facts: JSON.parse(row.facts) as string[], answered: row.answered === 1 };
    },
    hashUser: (platform, id) => userHash(salt, platform, id),
    purge,
    readMeta: (key) => (selectMeta.get(key) as { value: string } | undefined)?.value ?? null,
    writeMeta: (key, value) => void guarded(() => (value === null ? deleteMeta.run(key) : upsertMeta.run(key, value))),
    close: () => db.close(),
  };
}

/** A user id as the inbox keeps it: salted and hashed, so it groups a user's records but names nobody. */
export function userHash(salt: string, platform: Platform, id: string): string {
  return createHash('sha256').update(`${salt}:${platform}:${id}`).digest('base64url').slice(0, 16);
}

/** The store's own random salt, made once: user hashes stay stable across restarts. */
function saltOf(db: Database.Database): string {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'salt'").get() as { value: string } | undefined;
  if (row) return row.value;
  const salt = randomBytes(16).toString('hex');
  db.prepare("INSERT INTO meta (key, value) VALUES ('salt', ?)").run(salt);
  return salt;
}
