import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logger.ts';
import { createMemoryClaims, type UpdateClaims } from './claims.ts';
import { openDatabase } from './database.ts';
import { DATABASE_FILE } from './open.ts';
import { createMemoryOutbox, type Outbox } from './outbox.ts';
import { sqliteClaims } from './sqlite-claims.ts';
import { sqliteOutbox } from './sqlite-outbox.ts';

/** What a bot needs to deliver at least once and answer each update once: its outbox and its claims. */
export interface DeliveryStore {
  outbox: Outbox;
  claims: UpdateClaims;
  close(): void;
}

export interface OpenDeliveryOptions {
  dataDir: string;
  logger?: Pick<Logger, 'warn' | 'error'>;
  now?: () => number;
}

/**
 * The running bot's outbox and update claims, in the data folder's database (its own connection to
 * the file the inbox uses). Only the bot process opens this, so leases found at open belong to a
 * process that died mid-update: they are voided, and its redelivered updates are handled instead of
 * refused. A database that cannot be used is one logged line and an outbox and claims in memory.
 */
export function openDelivery({ dataDir, logger, now }: OpenDeliveryOptions): DeliveryStore {
  const file = path.join(dataDir, DATABASE_FILE);
  try {
    mkdirSync(dataDir, { recursive: true });
    const db = openDatabase(file);
    const onWriteError = (error: unknown) => logger?.error({ file, err: error }, 'could not write to the database; replies go on without durability');
    const claims = sqliteClaims(db, { onWriteError, ...(now ? { now } : {}) });
    claims.voidLeases();
    return { outbox: sqliteOutbox(db, { onWriteError, ...(now ? { now } : {}) }), claims, close: () => db.close() };
  } catch (error) {
    logger?.warn({ file }, `database unavailable, replies are not durable: ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return memoryDelivery();
  }
}

/** Outbox and claims in memory only: nothing pending survives a restart. */
export function memoryDelivery(): DeliveryStore {
  return { outbox: createMemoryOutbox(), claims: createMemoryClaims(), close: () => undefined };
}
