// Hand-written: telegraf retries only its polling loop; the auto-retry plugins that exist are grammY's.
import { TelegramError } from 'telegraf';

/**
 * Retries one Bot API call. telegraf retries only its polling loop; a reply that fails on a 429, a 5xx
 * or a dropped connection would otherwise be lost.
 */
export interface RetryOptions {
  /** Tries in all, the first included (default 6). */
  maxAttempts: number;
  /** First backoff for 5xx and network errors, in ms; doubled each time, with ±20% jitter (default 300). */
  baseDelayMs: number;
  /** Longest backoff between two tries, in ms (default 10 000). */
  maxDelayMs: number;
  /** A 429 asking to wait longer than this (ms) is not retried: the reply would come too late (default 60 000). */
  maxRetryAfterMs: number;
  /**
   * A reply whose tries all met 5xx, network errors or a long 429 waits this long in the outbox, then
   * gets the tries again, up to 10 rounds (ms, default 30 000): an outage of minutes loses no reply.
   */
  resendAfterMs: number;
}

/** About 10 s of backoff in all for 5xx and network errors; a 429 waits what Telegram asks, up to a minute. */
export const DEFAULT_RETRY: RetryOptions = { maxAttempts: 6, baseDelayMs: 300, maxDelayMs: 10_000, maxRetryAfterMs: 60_000, resendAfterMs: 30_000 };

/** Network failures worth another try; anything else is a bug or a refusal. */
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_SOCKET']);

/** How long to wait before trying again, or `null` when the failure is final. */
export function retryDelayMs(error: unknown, attempt: number, options: RetryOptions): number | null {
  const backoff = (): number => Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1)) * (0.8 + Math.random() * 0.4);
  if (error instanceof TelegramError) {
    if (error.code === 429) {
      const ms = (error.parameters?.retry_after ?? 1) * 1000;
      return ms <= options.maxRetryAfterMs ? ms : null;
    }
    return error.code >= 500 ? backoff() : null;
  }
  const e = error as { name?: string; code?: string; message?: string } | null;
  if (e?.name === 'FetchError' || NETWORK_CODES.has(e?.code ?? '') || /socket hang up/i.test(e?.message ?? '')) return backoff();
  return null;
}

/** Something that wants to hear about retries, e.g. a logger. */
export type RetryListener = (info: { label: string; attempt: number; delayMs: number; error: unknown }) => void;

/**
 * Runs `call` until it succeeds, the failure is final, or `maxAttempts` is reached; the last error is
 * rethrown. `label` names the call in logs (a method name, never a URL: URLs carry the token).
 */
export async function withRetry<T>(
  label: string,
  call: () => Promise<T>,
  options: RetryOptions = DEFAULT_RETRY,
  onRetry?: RetryListener,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const delayMs = attempt < options.maxAttempts ? retryDelayMs(error, attempt, options) : null;
      if (delayMs === null) throw error;
      onRetry?.({ label, attempt, delayMs, error });
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
