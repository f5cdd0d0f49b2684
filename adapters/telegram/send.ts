import { scrubError, settlesWithin, type Logger } from '../../src/index.ts';
import { TelegramError, type Telegram } from 'telegraf';
import { htmlToPlain } from './html.ts';
import { PacerStopped } from './pacer.ts';
import type { RenderedMessage } from './render.ts';

/** Where a reply goes. */
export interface ReplyTarget {
  chatId: number;
  /** Whether the chat is a group (replies there quote the question). */
  isGroup: boolean;
  /** The message answered; in groups the reply quotes it so people see what it answers. */
  replyTo?: number;
}

/**
 * How a send ended: `sent`; `refused` for good by Telegram (blocked, bad request: never worth another
 * try); `unreachable` when the tries were spent on 5xx, network errors or a long 429, or the pacer
 * stopped: the reply is worth sending later.
 */
export type SendOutcome = 'sent' | 'refused' | 'unreachable';

/** How replies are sent: tracked for shutdown, final failures logged, refused HTML resent as plain text. */
export interface Sender {
  /** Sends `message` to a chat; resolves with how it ended. Never rejects. */
  send(target: ReplyTarget, message: RenderedMessage): Promise<SendOutcome>;
  /**
   * Sends a picture (multipart sendPhoto) with `message` as its HTML caption; when the picture cannot be
   * drawn or Telegram refuses it, `fallback` goes out as a text message instead, so the user gets the numbers.
   */
  photo(target: ReplyTarget, png: Promise<Buffer>, message: RenderedMessage, fallback: RenderedMessage): Promise<SendOutcome>;
  /** Replaces the text of a message sent through inline mode (for its follow-up buttons). */
  editInline(inlineMessageId: string, message: RenderedMessage): Promise<SendOutcome>;
  /** Any other call (answerCallbackQuery, answerInlineQuery, ...), tracked; `undefined` if it finally failed. */
  call<T>(label: string, fn: () => Promise<T>): Promise<T | undefined>;
  /** Waits for calls in flight, at most `timeoutMs`; resolves with how many were still unfinished. */
  drain(timeoutMs: number): Promise<number>;
  /** Replies and calls in flight now (what `drain` would wait for), for the metrics. */
  readonly pending: number;
}

/** The sender's collaborators: telegraf's client (its callApi already paced and retried), the logger. */
export interface SenderOptions {
  telegram: Telegram;
  logger: Logger;
  /** Strings scrubbed from logged errors (the token). */
  secrets: readonly string[];
}

/**
 * Creates the sender: it tracks calls in flight for shutdown, logs a final failure, and resends a reply
 * Telegram refused for its HTML as plain text. Pacing, retries and labels are the API choke point's
 * (api.ts), so every call, these and any other, gets them.
 */
export function createSender({ telegram, logger, secrets }: SenderOptions): Sender {
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(promise: Promise<T>): Promise<T> => {
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise)).catch(() => undefined);
    return promise;
  };
  const attempt = async <T>(label: string, fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (error) {
      logger.error({ method: label, err: scrubError(error, secrets) }, 'telegram call failed; giving up');
      return undefined;
    }
  };
  /** Sends HTML; if Telegram rejects the markup (a bug on our side), the same text goes out as plain text. */
  const withFallback = async (label: string, html: string, fn: (text: string, parse: boolean) => Promise<unknown>): Promise<SendOutcome> => {
    try {
      await fn(html, true);
      return 'sent';
    } catch (error) {
      // Shutdown: the reply stays in the outbox for the next start; nothing to report.
      if (error instanceof PacerStopped) return 'unreachable';
      if (!isEntityError(error)) {
        const outcome = isRefusal(error) ? 'refused' : 'unreachable';
        logger.warn({ method: label, err: scrubError(error, secrets) }, outcome === 'refused' ? 'telegram reply refused; giving it up' : 'telegram unreachable; the reply waits');
        return outcome;
      }
      logger.error({ method: label, err: scrubError(error, secrets) }, 'telegram refused our HTML; sending plain text');
      return (await attempt(label, () => fn(htmlToPlain(html), false))) !== undefined ? 'sent' : 'refused';
    }
  };

  const reply = (target: ReplyTarget) => (target.replyTo ? { reply_parameters: { message_id: target.replyTo, allow_sending_without_reply: true } } : {});
  const sendText = (target: ReplyTarget, message: RenderedMessage): Promise<SendOutcome> =>
    withFallback('sendMessage', message.html, (text, parse) =>
      telegram.sendMessage(target.chatId, text, {
        ...(parse ? { parse_mode: 'HTML' as const } : {}),
        link_preview_options: { is_disabled: true },
        ...(message.keyboard ? { reply_markup: message.keyboard } : message.forceReply ? { reply_markup: { force_reply: true as const, selective: true } } : {}),
        ...reply(target),
      }),
    );
  const sendPhoto = async (target: ReplyTarget, png: Promise<Buffer>, message: RenderedMessage, fallback: RenderedMessage): Promise<SendOutcome> => {
    let source: Buffer;
    try {
      source = await png;
    } catch (error) {
      logger.error({ err: scrubError(error, secrets) }, 'chart could not be drawn; sending the numbers as text');
      return sendText(target, fallback);
    }
    const sent = await withFallback('sendPhoto', message.html, (caption, parse) =>
      telegram.sendPhoto(target.chatId, { source, filename: 'chart.png' }, {
        caption,
        ...(parse ? { parse_mode: 'HTML' as const } : {}),
        ...(message.keyboard ? { reply_markup: message.keyboard } : {}),
        ...reply(target),
      }),
    );
    // Refused (the picture, not Telegram being away): the numbers as text instead.
    return sent === 'refused' ? sendText(target, fallback) : sent;
  };

  return {
    send: (target, message) => track(sendText(target, message)),
    photo: (target, png, message, fallback) => track(sendPhoto(target, png, message, fallback)),
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
    get pending() {
      return inFlight.size;
    },
    async drain(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (inFlight.size > 0 && Date.now() < deadline) await settlesWithin(Promise.allSettled([...inFlight]), deadline - Date.now());
      return inFlight.size;
    },
  };
}

/** A final answer from Telegram about this request (4xx other than 429), not Telegram being unreachable. */
function isRefusal(error: unknown): boolean {
  return error instanceof TelegramError && error.code >= 400 && error.code < 500 && error.code !== 429;
}

/** True for Telegram's refusal of malformed HTML, which a plain-text resend fixes. */
function isEntityError(error: unknown): boolean {
  return error instanceof TelegramError && error.code === 400 && /can't parse entities/i.test(error.description);
}
