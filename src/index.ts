/**
 * gansu-bot's core: the one entry adapters import. It knows no platform; it turns questions into
 * {@link Answer} data and figures into {@link StatsResult} data for adapters to render.
 */
export { assistantFor, createAssistant, type Assistant, type AssistantOptions, type AboutInfo } from './assistant.ts';
export { loadConfig, PROJECT_ROOT, type Config, type TelegramConfig, type DiscordConfig } from './config/load.ts';
export { ConfigError, KnowledgeError } from './errors.ts';
export { createLogger, redactSecrets, type Logger } from './logger.ts';
export { createRateLimiter, type RateLimiter, type RateDecision } from './limits.ts';
export { MESSAGES, message } from './messages.ts';
export { listCommands, type CommandSpec, type CommandKind } from './commands.ts';
export { questionLength } from './text/length.ts';
export { detectLanguage } from './answer/language.ts';
export { formatFigure, formatNumber } from './answer/format.ts';
export type * from './types.ts';
