import { PlatformStartError, scrubError, settlesWithin, type Assistant, type DeliveryStore, type Logger, type RateLimiterFactory, type TelegramConfig, type UpdateClaims } from '../../src/index.ts';
import type { PlatformMetrics } from '../http/sink.ts';
import { ALLOWED_UPDATES, createTelegramBot } from './bot.ts';
import { registerCommands } from './commands.ts';
import type { PacingOptions } from './pacer.ts';
import type { RetryOptions } from './retry.ts';
import { startWebhookServer } from './webhook.ts';

/** What `adapters/start.ts` passes in; the optional fields exist for tests and benchmarks. */
export interface StartTelegramOptions {
  config: TelegramConfig;
  assistant: Assistant;
  logger: Logger;
  /** Longest question, in characters; the core declines longer ones (kept here to check both agree). */
  maxQuestionLength: number;
  /**
   * Where replies wait until sent and which updates were handled: `openDelivery` on the data folder
   * (the embedded database), so a crash or a restart loses no confirmed question.
   */
  delivery: Pick<DeliveryStore, 'outbox' | 'claims'>;
  /** Where per-user limits count (default: memory; `adapters/start.ts` passes Redis-backed ones with REDIS_URL). */
  limiters?: RateLimiterFactory;
  /** Replaces `delivery.claims`: claims shared by replicas (Redis), so an update reaching two of them is answered once. */
  claims?: UpdateClaims;
  /** Overrides of Telegram's sending limits, e.g. for a benchmark against a fake server. */
  pacing?: Partial<PacingOptions>;
  /** Overrides of the send retry policy. */
  retry?: Partial<RetryOptions>;
  /** How long `stop()` waits for calls in flight, in ms (default 10 000); replies not yet sent are kept. */
  stopTimeoutMs?: number;
  /**
   * Called when polling stops by itself for good (telegraf gives up on e.g. 409 Conflict: another
   * instance polls with the same token), so the process can exit and a supervisor restart it.
   */
  onFatal?: (error: Error) => void;
  /** Where API calls, retries, 429s and the send queues are reported (default nowhere). */
  metrics?: PlatformMetrics;
}

/** A running Telegram adapter. */
export interface TelegramHandle {
  /** The bot's @username, from getMe. */
  readonly username: string;
  /** Where the webhook listener is bound, or `null` when long polling. */
  readonly webhook: { host: string; port: number } | null;
  /** Whether updates can arrive: long polling running and its last getUpdates answered, or the webhook listening; why not otherwise. */
  readiness(): { ready: boolean; reason: string | null };
  /**
   * Stops receiving updates, lets the calls in flight finish (bounded by `stopTimeoutMs`), keeps the
   * replies not yet sent in the outbox for the next start (and logs how many), and resolves.
   */
  stop(): Promise<void>;
}

const DEFAULT_STOP_TIMEOUT_MS = 10_000;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the Telegram bot: checks the token with getMe, registers the command menus, then long-polls,
 * or, when `config.webhook` is set, listens for webhook posts and registers the webhook with its secret.
 * Resolves once updates can arrive; rejects if the token or the API root is wrong.
 */
export async function startTelegram(options: StartTelegramOptions): Promise<TelegramHandle> {
  const { config, assistant } = options;
  const logger = options.logger.child({ adapter: 'telegram' });
  const { bot, sender, deliverer, polls } = createTelegramBot({
    token: config.token,
    apiRoot: config.apiRoot,
    rateLimit: config.rateLimit,
    ...(options.limiters ? { limiters: options.limiters } : {}),
    assistant,
    logger: options.logger,
    maxQuestionLength: options.maxQuestionLength,
    outbox: options.delivery.outbox,
    claims: options.claims ?? options.delivery.claims,
    ...(options.pacing ? { pacing: options.pacing } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.metrics ? { metrics: options.metrics } : {}),
  });
  try {
    // Through the API choke point like every call: retried on 5xx, 429 and network errors.
    bot.botInfo = await bot.telegram.getMe();
  } catch (error) {
    throw new PlatformStartError('telegram', config.apiRoot, `getMe failed: ${scrubError(error, [config.token]).message}`);
  }
  const username = bot.botInfo.username;
  await registerCommands(sender, bot.telegram, assistant.commands.list('telegram'));
  // Replies recorded before a crash or a stop go out first, in the order they were recorded.
  void deliverer.resume();

  let stopping: Promise<void> | null = null;
  const readyUnlessStopping = (reason: string | null) => (stopping ? { ready: false, reason: 'stopping' } : { ready: reason === null, reason });
  const finish = async (): Promise<void> => {
    const kept = await deliverer.stop(options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS);
    logger.info({ kept }, kept > 0 ? `telegram stopped; ${kept} replies kept for the next start` : 'telegram stopped');
  };

  if (config.webhook) {
    const webhook = config.webhook;
    const server = await startWebhookServer(bot, webhook, logger);
    const set = await sender.call('setWebhook', () =>
      bot.telegram.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: [...ALLOWED_UPDATES] }),
    );
    if (set === undefined) {
      await server.close();
      throw new PlatformStartError('telegram', new URL(webhook.url).origin, 'setWebhook failed (see the log); no updates would arrive');
    }
    logger.info({ username, host: server.address.address, port: server.address.port }, 'telegram webhook listening');
    return {
      username,
      webhook: { host: server.address.address, port: server.address.port },
      readiness: () => readyUnlessStopping(null),
      stop: () => (stopping ??= server.close().then(finish)),
    };
  }

  let launched = false;
  let polling: 'starting' | 'running' | 'stopped' = 'starting';
  const running = bot
    .launch({ allowedUpdates: [...ALLOWED_UPDATES] }, () => (polling = 'running'))
    .catch((error: unknown) => {
      const safe = scrubError(error, [config.token]);
      logger.fatal({ err: safe }, 'telegram polling stopped by an error');
      options.onFatal?.(safe);
    })
    .finally(() => {
      launched = true;
      polling = 'stopped';
    });
  logger.info({ username }, 'telegram long polling');
  const stopPolling = async (): Promise<void> => {
    // telegraf throws "Bot is not running!" until polling has begun (launch still deleting the webhook).
    for (let tries = 0; !launched && tries < 250; tries++) {
      try {
        bot.stop('shutdown');
        break;
      } catch {
        await sleep(20);
      }
    }
    // After the last batch telegraf confirms its offset with one more getUpdates; bound the wait in
    // case the network is gone.
    await settlesWithin(running, options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS);
  };
  return {
    username,
    webhook: null,
    readiness: () =>
      readyUnlessStopping(polling !== 'running' ? `long polling ${polling}` : polls.failure ? `getUpdates failing (${polls.failure}); telegraf retries` : null),
    stop: () => (stopping ??= stopPolling().then(finish)),
  };
}
