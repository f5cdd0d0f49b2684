import type Database from 'better-sqlite3';

/**
 * The schema, one step per version (SQLite's `user_version`). A step is never edited once released:
 * a change is a new step, so every existing file upgrades in order.
 */
const STEPS: readonly string[] = [
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE inbox (
     id INTEGER PRIMARY KEY,
     at INTEGER NOT NULL,
     platform TEXT NOT NULL,
     chat TEXT NOT NULL,
     language TEXT NOT NULL,
     question TEXT NOT NULL,
     kind TEXT NOT NULL,
     reason TEXT,
     facts TEXT NOT NULL,
     confidence REAL NOT NULL,
     feedback TEXT,
     user TEXT NOT NULL
   );
   CREATE INDEX inbox_at ON inbox (at);
   CREATE TABLE answers (
     key TEXT PRIMARY KEY,
     question TEXT NOT NULL,
     language TEXT NOT NULL,
     facts TEXT NOT NULL,
     confidence REAL NOT NULL,
     answered INTEGER NOT NULL,
     at INTEGER NOT NULL
   );
   CREATE INDEX answers_at ON answers (at);`,
  // 2: durable delivery. A reply waits in the outbox from before its update is confirmed to the
  // platform until it is sent (`done` is when); a claim says an update was taken (`settled` 0: a lease
  // until `until`) or handled (1: kept until `until`, the retention).
  `CREATE TABLE outbox (
     id INTEGER PRIMARY KEY,
     update_key TEXT NOT NULL,
     seq INTEGER NOT NULL,
     chat TEXT NOT NULL,
     payload TEXT NOT NULL,
     at INTEGER NOT NULL,
     done INTEGER,
     UNIQUE (update_key, seq)
   );
   CREATE INDEX outbox_pending ON outbox (done, id);
   CREATE TABLE claims (key TEXT PRIMARY KEY, until INTEGER NOT NULL, settled INTEGER NOT NULL);
   CREATE INDEX claims_until ON claims (until);`,
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = STEPS.length;

/** Brings a database up to {@link SCHEMA_VERSION}, each step in its own transaction. */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) throw new Error(`database schema ${current} is newer than this program's ${SCHEMA_VERSION}`);
  for (let version = current; version < SCHEMA_VERSION; version += 1) {
    db.transaction(() => {
      db.exec(STEPS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
