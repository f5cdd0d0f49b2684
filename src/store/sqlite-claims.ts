import type Database from 'better-sqlite3';
import { DAY_MS, PURGE_EVERY, type TableOptions } from './database.ts';
import type { UpdateClaims } from './claims.ts';

/** Update claims as the `claims` table of the embedded database (migration step 2). */
export function sqliteClaims(db: Database.Database, { retentionMs = DAY_MS, onWriteError, now = Date.now }: TableOptions): UpdateClaims & { voidLeases(): number } {
  // Taken when absent or expired: one statement, so two connections cannot both take it.
  const take = db.prepare(
    'INSERT INTO claims (key, until, settled) VALUES (?, ?, 0) ON CONFLICT (key) DO UPDATE SET until = excluded.until, settled = 0 WHERE claims.until <= ?',
  );
  const settle = db.prepare('UPDATE claims SET until = ?, settled = 1 WHERE key = ?');
  const release = db.prepare('DELETE FROM claims WHERE key = ? AND settled = 0');
  const purge = db.prepare('DELETE FROM claims WHERE until <= ?');
  const leases = db.prepare('DELETE FROM claims WHERE settled = 0');
  let claims = 0;
  const write = <T>(run: () => T, fallback: T): T => {
    try {
      return run();
    } catch (error) {
      onWriteError(error);
      return fallback;
    }
  };
  write(() => purge.run(now()), undefined);

  return {
    // A claim that cannot be written is granted: the update answered twice rather than never.
    claim: async (key, leaseMs) =>
      write(() => {
        if ((claims += 1) % PURGE_EVERY === 0) purge.run(now());
        return take.run(key, now() + leaseMs, now()).changes === 1;
      }, true),
    settle: async (key) => write(() => void settle.run(now() + retentionMs, key), undefined),
    release: async (key) => write(() => void release.run(key), undefined),
    voidLeases: () => write(() => leases.run().changes, 0),
  };
}
