import { scrubError, type Logger } from '../../src/index.ts';
import { TelegramError, type Telegram } from 'telegraf';
import type { PlatformMetrics } from '../http/sink.ts';
import type { Pacer } from './pacer.ts';
import { withRetry, type RetryOptions } from './retry.ts';

/** Methods that put a message in a chat: paced to Telegram's per-chat, per-group and global limits. */
const PACED = new Set(['sendMessage', 'editMessageText', 'sendPhoto', 'sendDocument']);

/**
 * Methods left as telegraf calls them: long polling has its own retry loop and must never wait
 * behind replies (grammY's transformers skip it the same way).
 */
const UNTOUCHED = new Set(['getUpdates']);

/** What the choke point needs: the pacer, the retry policy, the logger for retries (secrets scrubbed), the metrics sink. */
export interface ApiOptions {
  pacer: Pacer;
  retry: RetryOptions;
  logger: Logger;
  secrets: readonly string[];
  metrics: PlatformMetrics;
}

/** How the last long poll went, for readiness: telegraf retries a failing getUpdates every 5 s by itself, silently. */
export interface PollHealth {
  /** Why the last getUpdates failed (`HTTP 502`, `ECONNREFUSED`: never a URL, which holds the token); null while one is in flight or none failed. */
  readonly failure: string | null;
}

/**
 * The one way the adapter calls the Bot API (grammY's API transformer idea): telegraf's `callApi`,
 * which every method (getMe, sendMessage, setMyCommands, answerCallbackQuery, …) goes through, is
 * wrapped once so each call is labelled with its method, retried on 429 `retry_after`, 5xx and network
 * errors, and, for messages into a chat, paced. Call sites only call telegraf's methods. Each attempt,
 * retry and 429 is counted in `metrics`; the outcome of the last long poll is returned.
 */
export function installApiChokePoint(telegram: Telegram, { pacer, retry, logger, secrets, metrics }: ApiOptions): PollHealth {
  const callApi = telegram.callApi.bind(telegram);
  const polls = { failure: null as string | null };
  const wrapped = ((method, payload, options) => {
    const call = () => {
      metrics.apiCall(method);
      return callApi(method, payload, options).catch((error: unknown) => {
        if (error instanceof TelegramError && error.code === 429) metrics.rateLimited(method);
        throw error;
      });
    };
    if (UNTOUCHED.has(method)) {
      // A long poll that works is held open for up to 50 s: it counts as healthy from its start.
      polls.failure = null;
      return call().catch((error: unknown) => {
        polls.failure = error instanceof TelegramError ? `HTTP ${error.code}` : String((error as { code?: unknown } | null)?.code ?? (error as Error | null)?.name ?? 'error');
        throw error;
      });
    }
    const retried = () =>
      withRetry(method, call, retry, ({ attempt, delayMs, error }) => {
        metrics.retry(method);
        logger.warn({ method, attempt, delayMs: Math.round(delayMs), err: scrubError(error, secrets) }, 'telegram call failed; retrying');
      });
    const chatId = (payload as { chat_id?: number | string } | undefined)?.chat_id;
    if (!PACED.has(method) || chatId === undefined) return retried();
    // Group and channel ids are negative: their stricter per-minute limit applies.
    return pacer.schedule(chatId, Number(chatId) < 0, retried);
  }) as Telegram['callApi'];
  telegram.callApi = wrapped;
  return polls;
}
