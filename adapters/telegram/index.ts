/**
 * gansu-bot on Telegram: `startTelegram` is all `adapters/start.ts` needs. The rest is exported for
 * tests and benchmarks that drive the pieces directly.
 */
export { startTelegram, type StartTelegramOptions, type TelegramHandle } from './start.ts';
export { createTelegramBot, ALLOWED_UPDATES, type BotOptions, type TelegramBot } from './bot.ts';
export { DEFAULT_PACING, type PacingOptions } from './pacer.ts';
export { DEFAULT_RETRY, type RetryOptions } from './retry.ts';
export { escapeHtml, truncateHtml, MAX_MESSAGE_LENGTH } from './html.ts';
export { renderAnswer, renderStats, type RenderedMessage } from './render.ts';
export { routeMessage, userLanguage, type Route } from './routing.ts';
