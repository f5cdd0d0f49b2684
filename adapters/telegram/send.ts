import { scrubError, settlesWithin, type Logger } from '../../src/index.ts';
import type { Telegram } from 'telegraf';
import { isEntityError } from './errors.ts';
import { htmlToPlain } from './html.ts';
import type { Pacer } from './pacer.ts';
import type { RenderedMessage } from './render.ts';
import { withRetry, type RetryOptions } from './retry.ts';

/** Where a reply goes. */
export interface ReplyTarget {
  chatId: number;
  /** Groups have a stricter per-minute limit. */
  isGroup: boolean;
  /** The message answered; in groups the reply quotes it so people see what it answers. */
  replyTo?: number;
}

/** The one way the adapter talks to Telegram: paced, retried, logged, and tracked for shutdown. */
export interface Sender {
  /** Sends `message` to a chat; resolves `true` once sent, `false` if it finally failed. Never rejects. */
  send(target: ReplyTarget, message: RenderedMessage): Promise<boolean>;
  /** Replaces the text of a message sent through inline mode (for its follow-up buttons). */
  editInline(inlineMessageId: string, message: RenderedMessage): Promise<boolean>;
  /** Any other call (answerCallbackQuery, answerInlineQuery, ...), retried and tracked; `undefined` if it failed. */
  call<T>(label: string, fn: () => Promise<T>): Promise<T | undefined>;
  /** Waits for calls in flight, at most `timeoutMs`; resolves with how many were still unfinished. */
  drain(timeoutMs: number): Promise<number>;
}

/** The sender's collaborators: telegraf's client, the pacer, the retry policy, the logger. */
export interface SenderOptions {
  telegram: Telegram;
  pacer: Pacer;
  retry: RetryOptions;
  logger: Logger;
  /** Strings scrubbed from logged errors (the token). */
  secrets: readonly string[];
}

/** Creates the sender. */
export function createSender({ telegram, pacer, retry, logger, secrets }: SenderOptions): Sender {
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(promise: Promise<T>): Promise<T> => {
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise)).catch(() => undefined);
    return promise;
  };
  const onRetry = ({ label, attempt, delayMs, error }: { label: string; attempt: number; delayMs: number; error: unknown }): void =>
    logger.warn({ method: label, attempt, delayMs: Math.round(delayMs), err: scrubError(error, secrets) }, 'telegram call failed; retrying');
  const attempt = async <T>(label: string, fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await withRetry(label, fn, retry, onRetry);
    } catch (error) {
      logger.error({ method: label, err: scrubError(error, secrets) }, 'telegram call failed; giving up');
      return undefined;
    }
  };
  /** Sends HTML; if Telegram rejects the markup (a bug on our side), the same text goes out as plain text. */
  const withFallback = async <T>(label: string, html: string, fn: (text: string, parse: boolean) => Promise<T>): Promise<boolean> => {
    try {
      return (await withRetry(label, () => fn(html, true), retry, onRetry)) !== undefined;
    } catch (error) {
      if (!isEntityError(error)) {
        logger.error({ method: label, err: scrubError(error, secrets) }, 'telegram reply failed; giving up');
        return false;
      }
      logger.error({ method: label, err: scrubError(error, secrets) }, 'telegram refused our HTML; sending plain text');
      return (await attempt(label, () => fn(htmlToPlain(html), false))) !== undefined;
    }
  };

  return {
    send(target, message) {
      const run = pacer
        .schedule(target.chatId, target.isGroup, () =>
          withFallback('sendMessage', message.html, (text, parse) =>
            telegram.sendMessage(target.chatId, text, {
              ...(parse ? { parse_mode: 'HTML' as const } : {}),
              link_preview_options: { is_disabled: true },
              ...(message.keyboard ? { reply_markup: message.keyboard } : {}),
              ...(target.replyTo ? { reply_parameters: { message_id: target.replyTo, allow_sending_without_reply: true } } : {}),
            }),
          ),
        )
        .catch((error: unknown) => {
          logger.warn({ chatId: target.chatId, err: scrubError(error, secrets) }, 'telegram reply dropped');
          return false;
        });
      return track(run);
    },
    editInline(inlineMessageId, message) {
      return track(
        withFallback('editMessageText', message.html, (text, parse) =>
          telegram.editMessageText(undefined, undefined, inlineMessageId, text, {
            ...(parse ? { parse_mode: 'HTML' as const } : {}),
            link_preview_options: { is_disabled: true },
            ...(message.keyboard ? { reply_markup: message.keyboard } : {}),
          }),
        ),
      );
    },
    call(label, fn) {
      return track(attempt(label, fn));
    },
    async drain(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (inFlight.size > 0 && Date.now() < deadline) await settlesWithin(Promise.allSettled([...inFlight]), deadline - Date.now());
      return inFlight.size;
    },
  };
}
