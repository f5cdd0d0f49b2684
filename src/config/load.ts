// Hand-written around dotenv and zod: neither reports which `.env` line holds a bad value, and start-up must say so.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { ConfigError } from '../errors.ts';
import { envSchema } from './schema.ts';

/** Settings for the Telegram adapter; present only when its token is set. */
export interface TelegramConfig {
  token: string;
  apiRoot: string;
  webhook: { url: string; secret: string; host: string; port: number } | null;
  rateLimit: { count: number; windowMs: number };
}

/** Settings for the Discord adapter; present only when its token is set. */
export interface DiscordConfig {
  token: string;
  applicationId: string;
  restApi: string;
  guildId: string | null;
  cooldownMs: number;
}

/** Where the health and metrics server listens; present only when `HTTP_PORT` is set. */
export interface HttpConfig {
  host: string;
  /** 0: any free port, logged at start. */
  port: number;
}

/** The validated configuration: the only view of the environment the rest of the code gets. */
export interface Config {
  knowledgeDir: string;
  logLevel: string;
  maxQuestionLength: number;
  /** Seconds a conversation's context is kept after its last message. */
  conversationTtlSeconds: number;
  /** Folder of the database (absolute). */
  dataDir: string;
  inboxRetentionDays: number;
  http: HttpConfig | null;
  /** Redis shared by replicas, or `null` to keep limits, update ids and conversations in this process. */
  redisUrl: string | null;
  telegram: TelegramConfig | null;
  discord: DiscordConfig | null;
}

/**
 * Where the project lives: `knowledge/` and `.env` are found relative to it, not to the shell's cwd.
 * It is the nearest folder above this file with a `package.json`, so the same code finds it from
 * `src/config/` (tsx) and from `dist/src/config/` (the production build).
 */
export const PROJECT_ROOT = findProjectRoot(import.meta.dirname);

function findProjectRoot(from: string): string {
  // Bounded by the file system's depth: dirname of the root is the root.
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '..', '..');
  }
}

export interface LoadConfigOptions {
  /** Variables to read; default `process.env`. They win over the dotenv file, as with dotenv itself. */
  env?: Record<string, string | undefined>;
  /** Dotenv file to read; default `.env` in the project root. `null` reads none. */
  envFile?: string | null;
}

/**
 * Reads `.env` and the environment once, validates them, and throws a {@link ConfigError} naming the
 * variable and the `.env` line of the first bad value. Values never appear in the message.
 */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  const envFile = options.envFile === undefined ? path.join(PROJECT_ROOT, '.env') : options.envFile;
  const fileText = envFile && existsSync(envFile) ? readFileSync(envFile, 'utf8') : '';
  const fromFile = parseDotenv(fileText);
  const fromEnv = options.env ?? process.env;
  const merged: Record<string, string | undefined> = { ...fromFile };
  for (const key of Object.keys(envSchema.shape)) if (fromEnv[key] !== undefined) merged[key] = fromEnv[key];
  // An empty variable means "not set", so a copied .env.example keeps every default.
  for (const [key, value] of Object.entries(merged)) if (value === undefined || value.trim() === '') delete merged[key];

  const parsed = envSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const fromDotenv = (fromEnv[variable] ?? '') === '' && variable in fromFile;
    const location = fromDotenv && envFile ? `${path.basename(envFile)}:${lineOf(fileText, variable)}` : 'environment';
    throw new ConfigError(variable, issue.message, location);
  }
  const env = parsed.data;
  return {
    knowledgeDir: path.resolve(PROJECT_ROOT, env.KNOWLEDGE_DIR ?? 'knowledge'),
    logLevel: env.LOG_LEVEL,
    maxQuestionLength: env.MAX_QUESTION_LENGTH,
    conversationTtlSeconds: env.CONVERSATION_TTL_SECONDS,
    dataDir: path.resolve(PROJECT_ROOT, env.DATA_DIR ?? 'data'),
    inboxRetentionDays: env.INBOX_RETENTION_DAYS,
    http: env.HTTP_PORT === undefined ? null : { host: env.HTTP_HOST, port: env.HTTP_PORT },
    redisUrl: env.REDIS_URL ?? null,
    telegram: env.TELEGRAM_BOT_TOKEN
      ? {
          token: env.TELEGRAM_BOT_TOKEN,
          apiRoot: env.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
          webhook:
            env.TELEGRAM_WEBHOOK_URL && env.TELEGRAM_WEBHOOK_SECRET
              ? {
                  url: env.TELEGRAM_WEBHOOK_URL,
                  secret: env.TELEGRAM_WEBHOOK_SECRET,
                  host: env.TELEGRAM_WEBHOOK_HOST,
                  port: env.TELEGRAM_WEBHOOK_PORT,
                }
              : null,
          rateLimit: { count: env.TELEGRAM_RATE_LIMIT, windowMs: env.TELEGRAM_RATE_WINDOW_SECONDS * 1000 },
        }
      : null,
    discord:
      env.DISCORD_TOKEN && env.DISCORD_APPLICATION_ID
        ? {
            token: env.DISCORD_TOKEN,
            applicationId: env.DISCORD_APPLICATION_ID,
            restApi: env.DISCORD_REST_API.replace(/\/+$/, ''),
            guildId: env.DISCORD_GUILD_ID ?? null,
            cooldownMs: Math.round(env.DISCORD_COOLDOWN_SECONDS * 1000),
          }
        : null,
  };
}

function lineOf(text: string, variable: string): number {
  const index = text.split(/\r?\n/).findIndex((line) => new RegExp(`^\\s*(export\\s+)?${variable}\\s*=`).test(line));
  return index + 1;
}
