import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { Events, RESTEvents, Status, type Client } from 'discord.js';
import { PlatformStartError, settlesWithin, type Assistant, type DiscordConfig, type Logger, type RateLimiterFactory, type Store } from '../../src/index.ts';
import { NO_METRICS, type PlatformMetrics } from '../http/sink.ts';
import { createDiscordClient, type ClientTuning } from './client.ts';
import { createContext } from './context.ts';
import { handleInteraction } from './interactions.ts';
import { createSessionJournal } from './journal.ts';
import { watchCallbackLimits } from './limits.ts';
import { handleMessage } from './messages.ts';
import { readinessOf, type DiscordReadiness } from './readiness.ts';
import { registerCommands } from './registration.ts';

/** Longest wait for the gateway's READY and the guilds after it, in milliseconds. */
const READY_TIMEOUT_MS = 30_000;

/** Longest `stop()` waits for replies in flight and for a reconnect under way, in milliseconds. */
const STOP_SETTLE_MS = 5_000;

/** Longest a failed start waits for the half-open client to close, in milliseconds (nothing is in flight). */
const FAILED_START_CLOSE_MS = 2_000;

/** How often `stop()` looks whether a reconnect has finished, in milliseconds. */
const SETTLE_POLL_MS = 50;

/** Shard states in which @discordjs/ws is about to (re)connect; destroying then would leave it connecting. */
const RECONNECTING = new Set<Status>([Status.Connecting, Status.Reconnecting, Status.Resuming, Status.Identifying, Status.Nearly, Status.WaitingForGuilds]);

/** What `adapters/start.ts` passes in: the validated Discord config and the shared core and logger. */
export interface StartDiscordOptions {
  config: DiscordConfig;
  assistant: Assistant;
  logger: Logger;
  /** Longest question answered, in characters (also `/ask`'s max length in the Discord client). */
  maxQuestionLength: number;
  /**
   * Where each shard's gateway session is saved (the embedded database's meta table), so a restart
   * after a crash RESUMEs and Discord replays the events missed meanwhile. Without it, a restart
   * identifies afresh and what arrived while the bot was down is lost.
   */
  store?: Pick<Store, 'readMeta' | 'writeMeta'>;
  /** Where cooldowns count (default: memory; `adapters/start.ts` passes Redis-backed ones with REDIS_URL). */
  limiters?: RateLimiterFactory;
  /** For tests: REST timeout and retries, guild wait. Production leaves it out. */
  tuning?: ClientTuning;
  /** Where REST calls, retries, 429s and replies in flight are reported (default nowhere). */
  metrics?: PlatformMetrics;
}

/** A running Discord bot; `stop()` logs out and closes the gateway socket, and is safe to call twice. */
export interface DiscordBot {
  stop(): Promise<void>;
  /** Whether every shard is connected, with each shard's guild count (for `/readyz`). */
  readiness(): DiscordReadiness;
}

/**
 * Connects the bot to Discord and answers slash commands, buttons, mentions and DMs until `stop()`.
 * Resolves once the gateway is ready; rejects (without the token in the message) if it cannot connect.
 */
export async function startDiscord(options: StartDiscordOptions): Promise<DiscordBot> {
  const { config } = options;
  const logger = options.logger.child({ platform: 'discord' });
  const journal = createSessionJournal(options.store ?? null);
  const onRestoredResume = (shard: number) => logger.info({ shard }, 'discord gateway resumed the session of the previous process; identifying for fresh caches');
  const client = createDiscordClient(config, options.tuning, { journal, onRestoredResume });
  const context = createContext({
    assistant: options.assistant,
    logger,
    maxQuestionLength: options.maxQuestionLength,
    cooldownMs: config.cooldownMs,
    ...(options.limiters ? { limiters: options.limiters } : {}),
    secrets: [config.token],
    callbacksLimited: watchCallbackLimits(client.rest),
  });
  const logError = (what: string) => (error: unknown) => logger.error({ error: context.describeError(error) }, what);

  // An 'error' event without a listener would crash the process; these only log.
  client.on(Events.Error, logError('discord client error'));
  client.on(Events.ShardError, logError('discord gateway error'));
  client.on(Events.Warn, (text) => logger.warn({ detail: context.describeError(text).message }, 'discord warning'));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ shard, code: event.code }, 'discord gateway disconnected'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'discord gateway resumed'));
  client.on(Events.ShardReady, (shard) => logger.info({ shard, guilds: client.guilds.cache.filter((g) => g.shardId === shard).size }, 'discord shard ready'));
  // Routes are logged as buckets (`/interactions/:id/:token/callback`): the real path holds tokens.
  client.rest.on(RESTEvents.RateLimited, (info) =>
    logger.debug({ route: info.route, method: info.method, global: info.global, waitMs: info.timeToReset }, 'discord rate limit: waiting'),
  );
  const metrics = options.metrics ?? NO_METRICS;
  client.rest.on(RESTEvents.Response, (request, response) => {
    const method = request.method.toUpperCase();
    metrics.apiCall(method);
    // @discordjs/rest retries a 429 always, a 5xx until `retries` tries are spent (network errors emit no event).
    if (response.status >= 500 && request.retries < client.rest.options.retries) metrics.retry(method);
    if (response.status !== 429) return;
    metrics.rateLimited(method);
    metrics.retry(method);
    const retryAfter = response.headers.get('retry-after');
    logger.warn({ route: request.route, method: request.method, retryAfter, global: response.headers.has('x-ratelimit-global') }, 'discord rate limited (429)');
  });
  // Handlers in flight, so stop() can let them finish; none start once stopping.
  const inFlight = new Set<Promise<void>>();
  let stopping: Promise<void> | null = null;
  // Each event is answered (for the saved sequence) once its handler settles, whatever the outcome.
  const track = (id: string, work: () => Promise<void>, what: string): void => {
    if (stopping) return;
    const tracked = Promise.resolve()
      .then(work)
      .catch(logError(what))
      .finally(() => {
        inFlight.delete(tracked);
        journal.answered(id);
      });
    inFlight.add(tracked);
  };
  metrics.watchQueues(() => ({ queued: 0, pending: inFlight.size }));
  client.on(Events.InteractionCreate, (interaction) => track(interaction.id, () => handleInteraction(context, interaction), 'discord interaction handler failed'));
  client.on(Events.MessageCreate, (msg) => {
    const botId = client.user?.id;
    if (botId) track(msg.id, () => handleMessage(context, msg, botId), 'discord message handler failed');
  });

  const readyTimeoutMs = options.tuning?.readyTimeoutMs ?? READY_TIMEOUT_MS;
  const ready = once(client, Events.ClientReady, { signal: AbortSignal.timeout(readyTimeoutMs) });
  const loggedIn = client.login(config.token);
  try {
    // Either failing fails the start at once: a refused token, or no READY in time (e.g. no HELLO).
    await Promise.all([loggedIn, ready]);
  } catch (error) {
    loggedIn.catch(() => undefined);
    ready.catch(() => undefined);
    await settlesWithin(client.destroy(), FAILED_START_CLOSE_MS);
    const timedOut = error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
    const reason = timedOut ? `no READY within ${readyTimeoutMs} ms` : String(context.describeError(error).message);
    throw new PlatformStartError('discord', config.restApi, reason);
  }
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'discord bot ready');
  // Commands are registered at start only when they changed; a failure is logged, not fatal: the
  // commands registered before still work, and `npm run register` forces an overwrite.
  await registerCommands({ config, assistant: options.assistant, rest: client.rest, force: false }).then(
    (result) => logger.info({ changed: result.changed, scope: result.scope, commands: result.names.length }, 'discord commands checked'),
    logError('discord command registration failed'),
  );

  return {
    readiness: () => readinessOf(client, stopping !== null),
    stop: () =>
      (stopping ??= (async () => {
        await settle(client, inFlight);
        // discord.js 14.28 never resolves destroy() while a shard waits for HELLO; stop() must resolve anyway.
        if (!(await settlesWithin(client.destroy(), STOP_SETTLE_MS))) logger.warn('discord client did not close in time; exiting the process ends it');
        logger.info('discord bot stopped');
      })()),
  };
}

/**
 * Waits (at most {@link STOP_SETTLE_MS}) for replies in flight and for a gateway reconnect under way:
 * discord.js's destroy() during @discordjs/ws's reconnect delay does not cancel the reconnect, which
 * would leave a live socket behind a "stopped" client.
 */
async function settle(client: Client, inFlight: ReadonlySet<Promise<void>>): Promise<void> {
  const deadline = Date.now() + STOP_SETTLE_MS;
  await settlesWithin(Promise.allSettled([...inFlight]), STOP_SETTLE_MS);
  while (Date.now() < deadline && client.ws.shards.some((shard) => RECONNECTING.has(shard.status))) await sleep(SETTLE_POLL_MS);
}
