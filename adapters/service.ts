import { memoryDelivery, type Assistant, type Config, type DeliveryStore, type Logger, type Store } from '../src/index.ts';
import type { ClientTuning } from './discord/index.ts';
// Not through http/index.ts: prom-client loads only when HTTP_PORT asks for metrics (start.ts imports it then).
import type { Metrics } from './http/metrics.ts';
import { readinessOf, type Readiness } from './http/readiness.ts';
import { startHttpServer, type HttpServer } from './http/server.ts';
import type { SharedState } from './redis/index.ts';
import type { StartTelegramOptions } from './telegram/index.ts';

/** A started platform adapter; `stop` finishes replies in flight and disconnects. */
interface Running {
  name: string;
  readiness(): Readiness;
  stop(): Promise<void>;
}

/** What `npm start` wires: the validated config, the core, its metrics (with `HTTP_PORT`), the logger. */
export interface ServiceOptions {
  config: Config;
  assistant: Assistant;
  /** The metrics the core already reports to; null when no HTTP server is configured. */
  metrics: Metrics | null;
  logger: Logger;
  /** The embedded database: Discord saves its gateway sessions there to resume after a crash. */
  store?: Store;
  /** Telegram's outbox and update claims on the embedded database (default: memory, for tests). */
  delivery?: DeliveryStore;
  /** With REDIS_URL: the limiters and update claims replicas share (`/readyz` shows its status). */
  shared?: SharedState | null;
  /** Called when a platform stops for good by itself (Telegram's 409 Conflict), to exit for a restart. */
  onFatal?: () => void;
  /** For tests against the fakes: quick retries, short timeouts. Production leaves it out. */
  tuning?: { telegram?: Pick<StartTelegramOptions, 'retry' | 'pacing'>; discord?: ClientTuning };
}

/** The running service: the health server (if any) and the platform bots. */
export interface Service {
  http: HttpServer | null;
  readonly platforms: readonly string[];
  /** Stops the platforms (replies in flight finished), then the health server; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts the health and metrics server first (so `/healthz` answers and `/readyz` says "not connected
 * yet" while the platforms connect), then each configured platform. A platform that cannot start
 * stops the others and the server, and the error propagates.
 */
export async function startService({ config, assistant, metrics, logger, store, shared, delivery = memoryDelivery(), onFatal, tuning }: ServiceOptions): Promise<Service> {
  const running: Running[] = [];
  const configured = [config.telegram && 'telegram', config.discord && 'discord'].filter((n): n is string => !!n);
  const started = new Map<string, () => Readiness>();
  const facts = assistant.knowledge.facts.length;
  const redis = shared ? () => shared.status() : null;
  const http = config.http && metrics ? await startHttpServer({ config: config.http, metrics, logger, readiness: () => readinessOf({ facts, configured, started, redis }) }) : null;
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await Promise.allSettled(running.map((r) => r.stop()));
      await http?.close();
    })());
  const options = { assistant, logger, maxQuestionLength: config.maxQuestionLength, ...(shared ? { limiters: shared.limiters } : {}) };
  const add = (name: string, handle: Omit<Running, 'name'>) => {
    running.push({ name, ...handle });
    started.set(name, () => handle.readiness());
  };
  try {
    if (config.telegram) {
      const { startTelegram } = await import('./telegram/index.ts');
      const fatal = () => void stop().then(() => onFatal?.());
      add('telegram', await startTelegram({ ...options, ...tuning?.telegram, config: config.telegram, delivery, onFatal: fatal, ...(shared ? { claims: shared.claims } : {}), ...(metrics ? { metrics: metrics.platform('telegram') } : {}) }));
    }
    if (config.discord) {
      const { startDiscord } = await import('./discord/index.ts');
      add('discord', await startDiscord({ ...options, config: config.discord, ...(store ? { store } : {}), ...(tuning?.discord ? { tuning: tuning.discord } : {}), ...(metrics ? { metrics: metrics.platform('discord') } : {}) }));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { http, platforms: running.map((r) => r.name), stop };
}
