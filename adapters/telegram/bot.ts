import { memoryLimiters, scrubError, TELEGRAM_BUTTON_LIMIT, type Assistant, type Logger, type Outbox, type RateLimiterFactory, type UpdateClaims } from '../../src/index.ts';
import { Telegraf } from 'telegraf';
import { createChartPainter } from '../chart/index.ts';
import { NO_METRICS, type PlatformMetrics } from '../http/sink.ts';
import { installApiChokePoint, type PollHealth } from './api.ts';
import { createDeliverer, type Deliverer } from './deliverer.ts';
import { handleDurably } from './durable.ts';
import type { HandlerContext } from './handlers.ts';
import { createPacer, DEFAULT_PACING, type PacingOptions } from './pacer.ts';
import { DEFAULT_RETRY, type RetryOptions } from './retry.ts';
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
  /** Where replies wait until sent. */
  outbox: Outbox;
  /** Which updates were already handled. */
  claims: UpdateClaims;
  /** Where the per-user limits count (default: this process's memory; Redis when replicas share them). */
  limiters?: RateLimiterFactory;
  pacing?: Partial<PacingOptions>;
  retry?: Partial<RetryOptions>;
  /** Where API calls, retries, 429s and the send queues are reported (default nowhere). */
  metrics?: PlatformMetrics;
}

/** A wired bot: telegraf with our handlers, the sender for other calls, and the deliverer that shutdown stops. */
export interface TelegramBot {
  bot: Telegraf;
  sender: Sender;
  deliverer: Deliverer;
  /** How the last long poll went (readiness). */
  polls: PollHealth;
}

/**
 * Builds telegraf pointed at `apiRoot` with one middleware that handles every update durably
 * (durable.ts). `webhookReply` is off so every call is a real request whose failure we see and retry;
 * `bot.catch` logs what escapes (token scrubbed) and keeps the bot running.
 */
export function createTelegramBot(options: BotOptions): TelegramBot {
  const { token, assistant } = options;
  const secrets = [token];
  const logger = options.logger.child({ adapter: 'telegram' });
  // telegraf resolves `./bot<token>/<method>` against apiRoot: without a trailing slash a path prefix
  // (a Bot API server behind a proxy at https://host/tg) would be dropped.
  const apiRoot = options.apiRoot.endsWith('/') ? options.apiRoot : `${options.apiRoot}/`;
  const bot = new Telegraf(token, { telegram: { apiRoot, webhookReply: false } });
  const pacing = { ...DEFAULT_PACING, ...options.pacing };
  const pacer = createPacer(pacing);
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const metrics = options.metrics ?? NO_METRICS;
  const polls = installApiChokePoint(bot.telegram, { pacer, retry, logger, secrets, metrics });
  const sender = createSender({ telegram: bot.telegram, logger, secrets });
  const charts = createChartPainter();
  const deliverer = createDeliverer({ outbox: options.outbox, sender, pacer, charts, logger, maxQueuePerChat: pacing.maxQueuePerChat, resendAfterMs: retry.resendAfterMs });
  // Queued: sends waiting for the pacer; pending: replies recorded in the outbox and not yet sent.
  metrics.watchQueues(() => ({ queued: pacer.pending, pending: deliverer.pending }));
  const { count, windowMs } = options.rateLimit;
  const limiters = options.limiters ?? memoryLimiters;
  const hc: HandlerContext = {
    assistant,
    telegram: bot.telegram,
    sender,
    codec: assistant.buttons(TELEGRAM_BUTTON_LIMIT),
    limiter: limiters('telegram', { count, windowMs }),
    inlineLimiter: limiters('telegram-inline', { count: count * INLINE_LIMIT_FACTOR, windowMs }),
    commands: new Map(assistant.commands.list('telegram').map((c) => [c.name, c])),
    maxQuestionLength: options.maxQuestionLength,
    logger,
  };

  bot.use((ctx) => handleDurably({ hc, deliverer, claims: options.claims, logger, secrets }, ctx.update, { id: ctx.botInfo.id, username: ctx.botInfo.username }));
  bot.catch((error, ctx) => logger.error({ updateId: ctx.update.update_id, err: scrubError(error, secrets) }, 'telegram update failed'));
  return { bot, sender, deliverer, polls };
}
