/**
 * gansu-bot's core: the one entry adapters import. It knows no platform; it turns questions into
 * {@link Answer} data and figures into {@link StatsResult} data for adapters to render.
 */
export { assistantFor, createAssistant, type Assistant, type AssistantOptions, type AboutInfo } from './assistant.ts';
export { loadConfig, PROJECT_ROOT, type Config, type HttpConfig, type TelegramConfig, type DiscordConfig } from './config/load.ts';
export { ConfigError, KnowledgeError, PlatformStartError, UsageError, GansuError, FATAL_PREFIX, exitCodeOf, fatalLine, type ErrorCode } from './errors.ts';
export { createLogger, type Logger } from './logger.ts';
export { openStore, offStore, DATABASE_FILE } from './store/open.ts';
export { createMemoryStore, type ConversationStore } from './conversation/memory.ts';
export type { Thread, Turn } from './conversation/thread.ts';
export { createMemoryClaims, type UpdateClaims, type MemoryClaimsOptions } from './store/claims.ts';
export { openDelivery, memoryDelivery, type DeliveryStore } from './store/delivery.ts';
export type { Outbox, OutboxEntry, OutboxReply } from './store/outbox.ts';
export type { Store, InboxRecord, InboxKind, Platform as InboxPlatform } from './store/types.ts';
export type { FeedbackOutcome, Origin } from './inbox/desk.ts';
export { parseSpan, type InboxGroup } from './inbox/group.ts';
export { redactSecrets, scrubError, type ScrubbedError } from './secrets.ts';
export { createRateLimiter, memoryLimiters, rateLimiterOver, type RateLimiter, type RateDecision, type RateLimiterFactory } from './limits.ts';
export { MESSAGES, message, type MessageKey } from './messages.ts';
export { argsFromText, type CommandRegistry } from './commands/registry.ts';
export { MAX_FEEDBACK } from './inbox/desk.ts';
export type { Command, CommandArgument, CommandInfo, CommandInput, CommandResult, Platform } from './commands/definition.ts';
export { createButtonCodec, DISCORD_BUTTON_LIMIT, TELEGRAM_BUTTON_LIMIT, type ButtonCodec, type ButtonIdLimit, type ButtonPress } from './buttons.ts';
export { questionLength, truncate, type TruncateOptions } from './text/length.ts';
export { countOf, formatCount, toTraditional } from './text/locale.ts';
export { settlesWithin, withTimeout, type Bounded } from './time.ts';
export { detectLanguage } from './answer/language.ts';
export { formatFigure, formatNumber } from './answer/format.ts';
export type { ChartDescription, ChartPoint, ChartResult, ChartSpan } from './charts/chart.ts';
export type * from './types.ts';
export type { AssistantObserver, AnswerEvent, InboxEvent } from './observer.ts';
