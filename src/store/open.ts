import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Logger } from '../logger.ts';
import { openSqliteStore, userHash } from './sqlite.ts';
import type { Store } from './types.ts';

/** The database file inside the data folder. */
export const DATABASE_FILE = 'gansu-bot.sqlite';

export interface OpenStoreOptions {
  dataDir: string;
  retentionDays: number;
  logger?: Pick<Logger, 'warn' | 'error'>;
  now?: () => number;
}

/**
 * Opens the data folder's database, creating both on first start. A read-only or full disk or a
 * corrupt file is one clear line in the log and a store that records nothing: answering goes on.
 */
export function openStore({ dataDir, retentionDays, logger, now }: OpenStoreOptions): Store {
  const file = path.join(dataDir, DATABASE_FILE);
  try {
    mkdirSync(dataDir, { recursive: true });
    return openSqliteStore(file, {
      retentionDays,
      now,
      onWriteError: (error) => logger?.error({ file, err: error }, 'could not write to the database; answering goes on without recording'),
    });
  } catch (error) {
    const problem = `${file}: ${error instanceof Error ? error.message : String(error)}`;
    logger?.warn({ file }, `database unavailable, answering without recording: ${problem}`);
    return offStore(problem);
  }
}

/** A store that records nothing, for when the database cannot be used (or is not wanted). */
export function offStore(problem: string): Store {
  const processSalt = randomBytes(16).toString('hex');
  return {
    persistent: false,
    problem,
    record: () => undefined,
    inbox: () => [],
    rememberAnswer: () => undefined,
    answer: () => undefined,
    // No database, no stored salt: a salt for this process only.
    hashUser: (platform, id) => userHash(processSalt, platform, id),
    purge: () => 0,
    readMeta: () => null,
    writeMeta: () => undefined,
    close: () => undefined,
  };
}
