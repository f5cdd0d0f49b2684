import { detectLanguage, DISCORD_BUTTON_LIMIT, memoryLimiters, scrubError } from '../../src/index.ts';
import { createChartPainter, type ChartPainter } from '../chart/index.ts';
import type { Assistant, ButtonCodec, Language, Logger, RateDecision, RateLimiter, RateLimiterFactory, ScrubbedError } from '../../src/index.ts';

/** Everything a handler needs, built once at start so handlers stay free of set-up and globals. */
export interface DiscordContext {
  assistant: Assistant;
  logger: Logger;
  codec: ButtonCodec;
  /** Draws charts (PNG), each once per measure, language and knowledge version. */
  charts: ChartPainter;
  /** Longest question accepted by `/ask` (Discord enforces it in the client as the option's max length). */
  maxQuestionLength: number;
  /** Per-user cooldown shared by commands, buttons and mentions. */
  cooldown(userId: string): Promise<RateDecision>;
  /** Turns an error into a loggable summary with every secret (bot and interaction tokens) removed. */
  describeError(error: unknown): ScrubbedError;
  /** Whether interaction callbacks are being rate limited now: answers then defer before their work. */
  callbacksLimited(): boolean;
}

/** What {@link createContext} needs: the core, the logger, and the Discord settings handlers use. */
export interface ContextOptions {
  assistant: Assistant;
  logger: Logger;
  maxQuestionLength: number;
  /** Milliseconds a user waits between two questions; 0 turns the cooldown off. */
  cooldownMs: number;
  /** Where cooldowns count (default: this process's memory; Redis when replicas share them). */
  limiters?: RateLimiterFactory;
  /** Strings never to log (the bot token). */
  secrets: readonly string[];
  /** Whether interaction callbacks are being rate limited now (default: never). */
  callbacksLimited?: () => boolean;
}

/** Builds the handlers' context: the question codec, the cooldown limiter and the error scrubber. */
export function createContext(options: ContextOptions): DiscordContext {
  const limiter: RateLimiter | null =
    options.cooldownMs > 0 ? (options.limiters ?? memoryLimiters)('discord-cooldown', { count: 1, windowMs: options.cooldownMs }) : null;
  return {
    assistant: options.assistant,
    logger: options.logger,
    codec: options.assistant.buttons(DISCORD_BUTTON_LIMIT),
    charts: createChartPainter(),
    maxQuestionLength: options.maxQuestionLength,
    cooldown: async (userId) => (limiter ? limiter.check(userId) : 'allow'),
    describeError: (error) => scrubError(error, options.secrets),
    callbacksLimited: options.callbacksLimited ?? (() => false),
  };
}

/**
 * The language of a reply: a question is answered in its own language; a command without one
 * (`/stats`, `/help`) follows the user's Discord locale (`zh-CN`, `zh-TW` -> Chinese, else English).
 */
export function languageFor(text: string, locale: string | null | undefined): Language {
  if (text.trim() !== '') return detectLanguage(text);
  return locale?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The language of a notice (cooldown, errors): Chinese if the user wrote or reads Chinese. */
export function noticeLanguage(text: string, locale: string | null | undefined): Language {
  return detectLanguage(text) === 'zh' ? 'zh' : languageFor('', locale);
}

/** A user's conversation is theirs in each channel (or DM): two people in one channel keep separate threads. */
export function conversationOf(channelId: string | null, userId: string): string {
  return `discord:${channelId ?? 'dm'}:${userId}`;
}
