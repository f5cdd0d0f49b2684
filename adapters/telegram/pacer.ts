// Hand-written: telegraf has no outgoing rate limiter, and Telegram's limits need a queue per chat plus group and global windows, which no small library models.
/**
 * Paces messages to Telegram's limits: about one message a second per chat, at most 20 a minute per
 * group, and at most 30 a second overall (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this).
 * Each chat has its own queue, so a slow group never delays a private chat, and replies in one chat
 * keep their order.
 */

/** Sending limits; the defaults are Telegram's published ones. */
export interface PacingOptions {
  /** Messages a chat may receive back to back before pacing starts (default 3). */
  chatBurst: number;
  /** Sustained messages per second per chat (default 1). */
  chatPerSecond: number;
  /** Messages per minute per group or supergroup (default 20). */
  groupPerMinute: number;
  /** Messages per second over all chats (default 30). */
  globalPerSecond: number;
  /**
   * Replies waiting for one chat before new questions there are answered "busy, ask again in a
   * minute" instead (default 100: five minutes of a group's 20 a minute). The deliverer applies it.
   */
  maxQueuePerChat: number;
}

/** Telegram's published limits, with a small burst per chat so a quick follow-up is not delayed. */
export const DEFAULT_PACING: PacingOptions = {
  chatBurst: 3,
  chatPerSecond: 1,
  groupPerMinute: 20,
  globalPerSecond: 30,
  maxQueuePerChat: 100,
};

/** A chat's queue and limits. */
export interface Pacer {
  /** Runs `task` in `chatId`'s queue once the limits allow; rejects with {@link PacerStopped} after `stop()`. */
  schedule<T>(chatId: number | string, isGroup: boolean, task: () => Promise<T>): Promise<T>;
  /** Replies queued or sending, over all chats. */
  readonly pending: number;
  /** Shutdown: tasks still waiting for their slot reject instead of running; those running finish. */
  stop(): void;
}

/** A task not run because the pacer stopped (shutdown); the reply it carried stays in the outbox. */
export class PacerStopped extends Error {
  constructor() {
    super('telegram: pacer stopped before the call was sent');
  }
}

interface Bucket {
  /** Milliseconds to wait for a slot; the slot is taken now, so concurrent callers queue up. */
  reserve(): number;
}

/** Token bucket that may go into debt: each reservation waits for the tokens before it. */
function createBucket(capacity: number, perSecond: number, now: () => number): Bucket {
  let tokens = capacity;
  let last = now();
  return {
    reserve() {
      const t = now();
      tokens = Math.min(capacity, tokens + ((t - last) / 1000) * perSecond);
      last = t;
      tokens -= 1;
      return tokens >= 0 ? 0 : Math.ceil((-tokens / perSecond) * 1000);
    },
  };
}

/**
 * Sliding window: at most `count` slots in any `windowMs`, bursts allowed. Stricter than a bucket of
 * the same rate, whose refill lets a full burst plus a second's worth through in one second.
 */
function createWindow(count: number, windowMs: number, now: () => number): Bucket {
  const slots: number[] = [];
  return {
    reserve() {
      const t = now();
      const oldest = slots.length >= count ? slots[slots.length - count]! : -Infinity;
      const at = Math.max(t, oldest + windowMs);
      slots.push(at);
      if (slots.length > count) slots.splice(0, slots.length - count);
      return at - t;
    },
  };
}

interface ChatLane {
  tail: Promise<unknown>;
  size: number;
  lastUsed: number;
  bucket: Bucket;
  groupBucket: Bucket | null;
}

/** An idle chat's limits are forgotten after this long (ms): by then its buckets are full again. */
const LANE_IDLE_MS = 60_000;

/** Creates a pacer; `now` is injectable for tests. */
export function createPacer(options: Partial<PacingOptions> = {}, now: () => number = Date.now): Pacer {
  const o = { ...DEFAULT_PACING, ...options };
  const global = createWindow(o.globalPerSecond, 1000, now);
  const lanes = new Map<string, ChatLane>();
  let pending = 0;
  let stopped = false;
  // Waits for a slot, woken at once by stop() so shutdown does not sit out a group's minute.
  const sleepers = new Set<() => void>();
  const sleep = (ms: number): Promise<void> | undefined => {
    if (ms <= 0 || stopped) return undefined;
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      sleepers.add(wake);
    });
  };
  const forgetIdle = (): void => {
    for (const [key, lane] of lanes) if (lane.size === 0 && now() - lane.lastUsed > LANE_IDLE_MS) lanes.delete(key);
  };

  return {
    get pending() {
      return pending;
    },
    stop() {
      stopped = true;
      for (const wake of [...sleepers]) wake();
    },
    schedule(chatId, isGroup, task) {
      const key = String(chatId);
      if (lanes.size > 1000) forgetIdle();
      let lane = lanes.get(key);
      if (!lane) {
        lane = {
          tail: Promise.resolve(),
          size: 0,
          lastUsed: now(),
          bucket: createBucket(o.chatBurst, o.chatPerSecond, now),
          groupBucket: isGroup ? createWindow(o.groupPerMinute, 60_000, now) : null,
        };
        lanes.set(key, lane);
      }
      const current = lane;
      current.size += 1;
      current.lastUsed = now();
      pending += 1;
      const run = current.tail.then(async () => {
        await sleep(Math.max(current.bucket.reserve(), current.groupBucket?.reserve() ?? 0));
        await sleep(global.reserve());
        if (stopped) throw new PacerStopped();
        return task();
      });
      current.tail = run.catch(() => undefined).finally(() => {
        current.size -= 1;
        pending -= 1;
        current.lastUsed = now();
      });
      return run;
    },
  };
}
