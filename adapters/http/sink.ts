/**
 * What a platform adapter reports for metrics. It knows no metrics library: adapters/http implements
 * it over prom-client, and adapters/start.ts passes one per platform. Every method is cheap and never throws.
 */
export interface PlatformMetrics {
  /** One request to the platform's API (each attempt counts), by method (`sendMessage`, `POST`). */
  apiCall(method: string): void;
  /** A failed request that the client tries again (a 429, a 5xx, a dropped connection). */
  retry(method: string): void;
  /** An answer 429 Too Many Requests. */
  rateLimited(method: string): void;
  /**
   * Registers the adapter's queues, read at each scrape: replies waiting for a sending slot (`queued`)
   * and replies or calls in flight that shutdown would wait for (`pending`).
   */
  watchQueues(read: () => { queued: number; pending: number }): void;
}

/** The sink when no metrics server is configured: every report goes nowhere. */
export const NO_METRICS: PlatformMetrics = {
  apiCall: () => undefined,
  retry: () => undefined,
  rateLimited: () => undefined,
  watchQueues: () => undefined,
};
