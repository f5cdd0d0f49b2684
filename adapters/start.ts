import { assistantFor, createLogger, loadConfig, memoryDelivery, openDelivery, openStore, scrubError, type Config } from '../src/index.ts';
import { parseCommandLine, runCli } from './cli/args.ts';
import { runChat } from './console/chat.ts';
import { startService } from './service.ts';

/**
 * `npm start` (and `npm run start:prod`, the same built): with platform tokens configured, runs those
 * bots until SIGINT/SIGTERM; without any, opens the terminal chat (or answers piped lines and exits).
 * With `HTTP_PORT`, the health and metrics server runs beside either.
 */
let secrets: string[] = [];
await runCli(async () => {
  parseCommandLine(process.argv.slice(2), {}, 'npm start');
  const config: Config = loadConfig();
  secrets = [config.telegram?.token, config.discord?.token, config.telegram?.webhook?.secret, config.redisUrl && new URL(config.redisUrl).password].filter((s): s is string => !!s);
  const logger = createLogger(config.logLevel, secrets);
  const store = openStore({ dataDir: config.dataDir, retentionDays: config.inboxRetentionDays, logger });
  // With REDIS_URL, replicas share limits, update claims and conversations; `shared.status()` says degraded while it is down.
  const shared = config.redisUrl ? (await import('./redis/index.ts')).openSharedState(config.redisUrl, logger, config.conversationTtlSeconds) : null;
  // prom-client (about 35 ms to load) only when metrics are served.
  const metrics = config.http ? (await import('./http/index.ts')).createMetrics() : null;
  const assistant = assistantFor(config, store, shared?.conversations, metrics?.observer);

  if (!config.telegram && !config.discord) {
    const service = await startService({ config, assistant, metrics, logger, shared });
    await runChat({ assistant, input: process.stdin, output: process.stdout, interactive: process.stdin.isTTY === true });
    await service.stop();
    store.close();
    await shared?.close();
    return;
  }

  // No one bad event or platform error ends the process, and with it the other platform's bot: a
  // malformed Discord payload throws inside discord.js, outside any handler of ours.
  const survive = (what: string) => (error: unknown) => logger.error({ err: scrubError(error, secrets) }, `${what}; the bot keeps running`);
  process.on('uncaughtException', survive('uncaught exception'));
  process.on('unhandledRejection', survive('unhandled rejection'));

  // Telegram's outbox and update claims: the bot process's own connection to the database.
  const delivery = config.telegram ? openDelivery({ dataDir: config.dataDir, logger }) : memoryDelivery();
  // A platform that cannot start (wrong token, unreachable API) stops the whole bot: runCli prints
  // one line and we exit 1 (the other platform's client may hold the event loop open).
  const service = await startService({ config, assistant, metrics, logger, store, shared, delivery, onFatal: () => process.exit(1) });
  logger.info({ adapters: service.platforms, facts: assistant.knowledge.facts.length }, 'gansu-bot started');

  await new Promise<void>((resolve) => {
    const shutdown = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'shutting down');
      void service.stop().then(() => resolve());
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });
  delivery.close();
  store.close();
  await shared?.close();
  logger.info('stopped');
  process.exit(0);
}, () => secrets);
// Only a failure gets here with platforms started; exit so no half-open client keeps the process.
if (process.exitCode) process.exit();
