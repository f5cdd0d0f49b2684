import { LRUCache } from 'lru-cache';

/**
 * Which platform updates were already taken, so that one delivered again (a lost 2xx, Telegram's
 * redelivery, two replicas behind one load balancer) is answered once. A claim is a lease until it is
 * settled: a process that dies between claiming and recording leaves the lease to run out, and the
 * redelivery then goes through instead of being lost. In memory for one process; the embedded database
 * keeps claims across restarts, and Redis shares them between replicas: all behind this one interface.
 */
export interface UpdateClaims {
  /** Takes `key` for `leaseMs`; resolves false when it is already taken (leased or settled). */
  claim(key: string, leaseMs: number): Promise<boolean>;
  /** The update is recorded (its reply is durable): keep the claim for the whole retention. */
  settle(key: string): Promise<void>;
  /** Handling failed before anything was recorded: let a redelivery through. */
  release(key: string): Promise<void>;
}

export interface MemoryClaimsOptions {
  /** Most keys kept; the oldest go first (default 10 000). */
  max?: number;
  /** How long a settled claim is kept, in ms (default one day). */
  retentionMs?: number;
  now?: () => number;
}

const DAY_MS = 86_400_000;

/** Claims in process memory: enough for one process that never restarts. */
export function createMemoryClaims({ max = 10_000, retentionMs = DAY_MS, now = Date.now }: MemoryClaimsOptions = {}): UpdateClaims {
  const until = new LRUCache<string, number>({ max });
  return {
    claim: async (key, leaseMs) => {
      const held = until.get(key);
      if (held !== undefined && held > now()) return false;
      until.set(key, now() + leaseMs);
      return true;
    },
    settle: async (key) => void until.set(key, now() + retentionMs),
    release: async (key) => void until.delete(key),
  };
}
