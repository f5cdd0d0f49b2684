import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AssistantObserver, InboxPlatform } from '../../src/index.ts';
import type { PlatformMetrics } from './sink.ts';

/** Answer latency buckets, in seconds: the core answers in about a millisecond, a slow one in tens. */
const ANSWER_BUCKETS_SECONDS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

/** The bot's Prometheus metrics: the core's events and each platform's API traffic and queues. */
export interface Metrics {
  /** Their own registry (not prom-client's global one), so two bots in one test process never mix. */
  readonly registry: Registry;
  /** Pass to the core (`assistantFor(config, store, observer)`): questions, latency, inbox records. */
  readonly observer: AssistantObserver;
  /** The sink one platform adapter reports its API calls, retries, 429s and queues to. */
  platform(name: InboxPlatform): PlatformMetrics;
}

/**
 * Creates the metrics, all named `gansu_*` beside prom-client's default process metrics
 * (`process_*`, `nodejs_*`). Label values are bounded: platforms, outcomes, decline reasons, languages,
 * API method names and inbox kinds, never a user, a chat or a question.
 */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const questions = new Counter({
    name: 'gansu_questions_total',
    help: 'Questions people asked, by platform, outcome (answered or declined), decline reason and language.',
    labelNames: ['platform', 'outcome', 'reason', 'language'] as const,
    registers,
  });
  const latency = new Histogram({
    name: 'gansu_answer_duration_seconds',
    help: 'Time the core took to answer or decline a question, in seconds.',
    labelNames: ['platform'] as const,
    buckets: ANSWER_BUCKETS_SECONDS,
    registers,
  });
  const inbox = new Counter({ name: 'gansu_inbox_records_total', help: 'Records handed to the inbox, by platform and kind.', labelNames: ['platform', 'kind'] as const, registers });
  const calls = new Counter({ name: 'gansu_platform_api_calls_total', help: 'Requests to a platform API (each attempt), by platform and method.', labelNames: ['platform', 'method'] as const, registers });
  const retries = new Counter({ name: 'gansu_platform_api_retries_total', help: 'Platform API requests tried again after a 429, a 5xx or a network error.', labelNames: ['platform', 'method'] as const, registers });
  const limited = new Counter({ name: 'gansu_platform_api_rate_limited_total', help: 'Platform API answers 429 Too Many Requests.', labelNames: ['platform', 'method'] as const, registers });

  const queues = new Map<InboxPlatform, () => { queued: number; pending: number }>();
  const read = (which: 'queued' | 'pending') =>
    function (this: Gauge<'platform'>) {
      this.reset();
      for (const [platform, readQueues] of queues) this.set({ platform }, readQueues()[which]);
    };
  new Gauge({ name: 'gansu_send_queue_depth', help: 'Replies waiting for a sending slot (Telegram pacing), by platform.', labelNames: ['platform'] as const, registers, collect: read('queued') });
  new Gauge({ name: 'gansu_pending_replies', help: 'Replies and calls in flight that shutdown waits for, by platform.', labelNames: ['platform'] as const, registers, collect: read('pending') });

  return {
    registry,
    observer: {
      answered({ platform, answered, reason, language, durationMs }) {
        questions.inc(answered ? { platform, outcome: 'answered', language } : { platform, outcome: 'declined', reason: reason ?? 'unknown', language });
        latency.observe({ platform }, durationMs / 1000);
      },
      recorded: ({ platform, kind }) => inbox.inc({ platform, kind }),
    },
    platform: (platform) => ({
      apiCall: (method) => calls.inc({ platform, method }),
      retry: (method) => retries.inc({ platform, method }),
      rateLimited: (method) => limited.inc({ platform, method }),
      watchQueues: (readQueues) => void queues.set(platform, readQueues),
    }),
  };
}
