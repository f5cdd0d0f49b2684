import { memoryLimiters, message, scrubError, TELEGRAM_BUTTON_LIMIT, type Assistant, type Logger, type RateLimiterFactory } from '../../src/index.ts';
import { Telegraf } from 'telegraf';
import { createChartPainter } from '../chart/index.ts';
import { NO_METRICS, type PlatformMetrics } from '../http/sink.ts';
import { installApiChokePoint, type PollHealth } from './api.ts';
import { handleCallback, handleInline, handleText, type HandlerContext } from './handlers.ts';
import { createPacer, type PacingOptions } from './pacer.ts';
import { DEFAULT_RETRY, type RetryOptions } from './retry.ts';
import { renderNotice } from './render.ts';
import { userLanguage } from './routing.ts';
import { createSender, type Sender } from './send.ts';

/** The update types the bot handles; asking for no others saves Telegram and us the traffic. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'inline_query'] as const;

/** Inline queries a user may send per rate window, as a multiple of the question limit: they come per keystroke. */
const INLINE_LIMIT_FACTOR = 6;

/** What `createTelegramBot` needs; `startTelegram` fills it from the TelegramConfig and its own options. */
export interface BotOptions {
  token: string;
  apiRoot: string;
  assistant: Assistant;
  logger: Logger;
  maxQuestionLength: number;
  rateLimit: { count: number; windowMs: number };
  /** Where the per-user limits count (default: this process's memory; Redis when replicas share them). */
  limiters?: RateLimiterFactory;
  pacing?: Partial<PacingOptions>;
  retry?: Partial<RetryOptions>;
  /** Where API calls, retries, 429s and the send queues are reported (default nowhere). */
  metrics?: PlatformMetrics;
}

/** A wired bot: telegraf with our handlers, and the sender that shutdown drains. */
export interface TelegramBot {
  bot: Telegraf;
  sender: Sender;
  /** How the last long poll went (readiness). */
  polls: PollHealth;
}

/**
 * Builds telegraf pointed at `apiRoot` with every handler attached. `webhookReply` is off so every
 * call is a real request whose failure we see and retry; `bot.catch` logs an update's error (token
 * scrubbed) and keeps the bot running.
 */
export function createTelegramBot(options: BotOptions): TelegramBot {
  const { token, assistant } = options;
  const secrets = [token];
  const logger = options.logger.child({ adapter: 'telegram' });
  // telegraf resolves `./bot<token>/<method>` against apiRoot: without a trailing slash a path prefix
  // (a Bot API server behind a proxy at https://host/tg) would be dropped.
  const apiRoot = options.apiRoot.endsWith('/') ? options.apiRoot : `${options.apiRoot}/`;
  const bot = new Telegraf(token, { telegram: { apiRoot, webhookReply: false } });
  const pacer = createPacer(options.pacing);
  const metrics = options.metrics ?? NO_METRICS;
  const polls = installApiChokePoint(bot.telegram, { pacer, retry: { ...DEFAULT_RETRY, ...options.retry }, logger, secrets, metrics });
  const sender = createSender({ telegram: bot.telegram, logger, secrets });
  metrics.watchQueues(() => ({ queued: pacer.pending, pending: sender.pending }));
  const { count, windowMs } = options.rateLimit;
  const limiters = options.limiters ?? memoryLimiters;
  const hc: HandlerContext = {
    assistant,
    telegram: bot.telegram,
    sender,
    pacer,
    codec: assistant.buttons(TELEGRAM_BUTTON_LIMIT),
    charts: createChartPainter(),
    limiter: limiters('telegram', { count, windowMs }),
    inlineLimiter: limiters('telegram-inline', { count: count * INLINE_LIMIT_FACTOR, windowMs }),
    commands: new Map(assistant.commands.list('telegram').map((c) => [c.name, c])),
    maxQuestionLength: options.maxQuestionLength,
    logger,
  };

  bot.use((ctx, next) => {
    logger.debug({ updateId: ctx.update.update_id, type: ctx.updateType, chatId: ctx.chat?.id }, 'telegram update');
    return next();
  });
  bot.on('message', async (ctx, next) => {
    if (!('text' in ctx.message)) return next();
    await handleText(hc, ctx.message, { id: ctx.botInfo.id, username: ctx.botInfo.username });
  });
  bot.on('callback_query', (ctx) => handleCallback(hc, ctx.callbackQuery));
  bot.on('inline_query', (ctx) => handleInline(hc, ctx.inlineQuery));
  bot.catch((error, ctx) => {
    logger.error({ updateId: ctx.update.update_id, err: scrubError(error, secrets) }, 'telegram update failed');
    // A bug met one update: say sorry in its chat rather than leave the question hanging.
    if (ctx.chat && 'message' in ctx.update) {
      const notice = renderNotice(message('error', userLanguage(ctx.from?.language_code)));
      void sender.send({ chatId: ctx.chat.id, isGroup: ctx.chat.type !== 'private' }, notice);
    }
  });
  return { bot, sender, polls };
}
