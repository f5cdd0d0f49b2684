import { Redis } from 'ioredis';
import { scrubError, type Logger } from '../../src/index.ts';

/** Whether shared state is in Redis (`ready`) or, with Redis unreachable, in this process (`degraded`). */
export type RedisStatus = 'ready' | 'degraded';

/** One connection to Redis, shared by the limiters, the update claims and the conversations. */
export interface RedisConnection {
  readonly client: Redis;
  /** For `/readyz`: `degraded` while answering goes on with local state. */
  status(): RedisStatus;
  /**
   * Runs `shared` against Redis, or `local` when Redis is down or the command fails: every caller
   * falls back the same way, and the failure is logged once for the whole outage, not per request.
   */
  attempt<T>(shared: () => Promise<T>, local: () => Promise<T>): Promise<T>;
  /** Closes the connection (no reconnecting after). */
  close(): Promise<void>;
}

/** Every key the bot writes starts with this, so it can share a Redis with other programs. */
export const KEY_PREFIX = 'gansu:';

/**
 * Timings of the connection, in ms: a command that takes longer than `commandTimeoutMs` counts as a
 * failure (a request must not hang on a stalled Redis); reconnect attempts back off up to
 * `maxReconnectDelayMs` and never stop.
 */
export const REDIS_TIMINGS = { connectTimeoutMs: 2_000, commandTimeoutMs: 1_000, maxReconnectDelayMs: 2_000 } as const;

/**
 * Connects to `url` and keeps reconnecting. Commands are never queued while disconnected (the offline
 * queue is off): they fail at once and the caller uses local state, so answering never waits on
 * Redis. The URL's password is scrubbed from every logged error.
 */
export function connectRedis(url: string, logger: Logger): RedisConnection {
  const log = logger.child({ component: 'redis' });
  const secrets = [new URL(url).password].filter((s) => s !== '');
  const client = new Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: REDIS_TIMINGS.connectTimeoutMs,
    commandTimeout: REDIS_TIMINGS.commandTimeoutMs,
    retryStrategy: (times) => Math.min(times * 100, REDIS_TIMINGS.maxReconnectDelayMs),
  });
  let down = false;
  let closing = false;
  const degrade = (error: unknown): void => {
    if (down || closing) return;
    down = true;
    log.warn({ err: scrubError(error, secrets) }, 'redis unavailable: answering with this process\'s state until it is back');
  };
  // Without a listener an 'error' event would crash the process; ioredis emits one per failed reconnect.
  client.on('error', degrade);
  client.on('close', () => degrade(new Error('redis connection closed')));
  const recover = (): void => {
    if (down) log.info('redis reconnected: shared state again');
    down = false;
  };
  client.on('ready', recover);

  const status = (): RedisStatus => (client.status === 'ready' && !down ? 'ready' : 'degraded');
  return {
    client,
    status,
    async attempt(shared, local) {
      if (client.status !== 'ready') return local();
      try {
        const result = await shared();
        // A command that timed out marks the outage without a reconnect; the next success ends it.
        recover();
        return result;
      } catch (error) {
        degrade(error);
        return local();
      }
    },
    async close() {
      closing = true;
      await client.quit().catch(() => client.disconnect());
    },
  };
}
