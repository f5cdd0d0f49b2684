/** Whether one part of the bot can serve, and why not: the shape every platform handle's `readiness()` returns. */
export interface Readiness {
  ready: boolean;
  /** Why it is not ready (`long polling not running`); null when ready. */
  reason: string | null;
}

/** What `/readyz` answers: the verdict, its first reason, and each platform's own report. */
export interface ReadinessReport extends Readiness {
  facts: number;
  platforms: Record<string, Readiness>;
  /**
   * With REDIS_URL: `degraded` while Redis is unreachable. It does not make the bot unready: each
   * replica answers on with its own state, and taking every replica out of a load balancer at once
   * (they all lose the same Redis) would stop answering altogether. Absent without Redis.
   */
  redis?: 'ready' | 'degraded';
}

/** The state `/readyz` reads at each request: the knowledge, the platforms configured and those started. */
export interface ReadinessState {
  /** Facts loaded; 0 means the knowledge is not there. */
  facts: number;
  /** Platforms the configuration asks for, started or not. */
  configured: readonly string[];
  /** Platforms started so far, each with its own report (Discord's carries its shards). */
  started: ReadonlyMap<string, () => Readiness>;
  /** The shared Redis's status, or null without REDIS_URL. */
  redis?: (() => 'ready' | 'degraded') | null;
}

/**
 * Ready when the knowledge is loaded and every configured platform is started and says it is ready;
 * otherwise the first reason, prefixed with its platform (`telegram: long polling not running`).
 */
export function readinessOf({ facts, configured, started, redis }: ReadinessState): ReadinessReport {
  const platforms: Record<string, Readiness> = {};
  for (const name of configured) platforms[name] = started.get(name)?.() ?? { ready: false, reason: 'not connected yet' };
  const failing = Object.entries(platforms).find(([, r]) => !r.ready);
  const reason = facts === 0 ? 'knowledge: no facts loaded' : failing ? `${failing[0]}: ${failing[1].reason ?? 'not ready'}` : null;
  return { ready: reason === null, reason, facts, platforms, ...(redis ? { redis: redis() } : {}) };
}
