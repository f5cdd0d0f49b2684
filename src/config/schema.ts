import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();
const url = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * Every variable the bot reads, with its default. Kept in step with `.env.example` and the README table.
 */
export const envSchema = z
  .object({
    /** Folder of fact files (default `knowledge` beside the project). */
    KNOWLEDGE_DIR: optionalText,
    /** pino level: trace, debug, info, warn, error, fatal, silent. */
    LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
    /** Longest question answered, in characters; longer ones get a short "please shorten" reply. */
    MAX_QUESTION_LENGTH: positiveInt(500),
    /** Seconds a conversation's context is kept after its last message. */
    CONVERSATION_TTL_SECONDS: positiveInt(600),
    /** Folder of the bot's database (the inbox, feedback); created on first start. */
    DATA_DIR: optionalText,
    /** Days inbox records are kept before they are deleted. */
    INBOX_RETENTION_DAYS: positiveInt(90),
    /** Port of the health and metrics server (`/healthz`, `/readyz`, `/metrics`); unset: no server. 0 takes a free port (logged). */
    HTTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    /** Interface the health and metrics server binds; loopback unless a scraper elsewhere must reach it. */
    HTTP_HOST: z.string().trim().min(1).default('127.0.0.1'),
    /**
     * Redis shared by replicas (`redis://[:password@]host:port[/db]`, or `rediss://` for TLS): rate
     * limits, cooldowns, handled update ids and conversations live there. Unset: in this process.
     */
    REDIS_URL: optionalText.pipe(z.url({ protocol: /^rediss?$/, error: 'expected a redis:// or rediss:// URL' }).optional()),

    TELEGRAM_BOT_TOKEN: optionalText,
    /** Bot API root, for a self-hosted Bot API server or a test fake. */
    TELEGRAM_API_ROOT: url.default('https://api.telegram.org'),
    /** Public HTTPS URL Telegram posts updates to; when unset the bot long-polls. */
    TELEGRAM_WEBHOOK_URL: optionalText.pipe(url.optional()),
    /** Secret Telegram sends in `X-Telegram-Bot-Api-Secret-Token`; required with a webhook. */
    TELEGRAM_WEBHOOK_SECRET: optionalText.pipe(
      z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'expected 1-256 of A-Z a-z 0-9 _ -').optional(),
    ),
    TELEGRAM_WEBHOOK_HOST: z.string().trim().min(1).default('127.0.0.1'),
    TELEGRAM_WEBHOOK_PORT: z.coerce.number().int().min(1).max(65535).default(8443),
    /** Questions one user may ask per window before a single notice and then silence. */
    TELEGRAM_RATE_LIMIT: positiveInt(10),
    TELEGRAM_RATE_WINDOW_SECONDS: positiveInt(60),

    DISCORD_TOKEN: optionalText,
    DISCORD_APPLICATION_ID: optionalText.pipe(z.string().regex(/^\d{5,25}$/, 'expected a numeric id').optional()),
    /** REST base without `/v10`; the gateway address is read from its `/gateway/bot`. */
    DISCORD_REST_API: url.default('https://discord.com/api'),
    /** When set, `npm run register` writes commands to this guild only (instant, for testing). */
    DISCORD_GUILD_ID: optionalText.pipe(z.string().regex(/^\d{5,25}$/, 'expected a numeric id').optional()),
    /** Seconds a user waits between two questions. */
    DISCORD_COOLDOWN_SECONDS: z.coerce.number().min(0).default(3),
  })
  .superRefine((env, ctx) => {
    if (env.TELEGRAM_WEBHOOK_URL && !env.TELEGRAM_WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['TELEGRAM_WEBHOOK_SECRET'], message: 'required when TELEGRAM_WEBHOOK_URL is set' });
    }
    if (env.HTTP_PORT && env.TELEGRAM_WEBHOOK_URL && env.HTTP_PORT === env.TELEGRAM_WEBHOOK_PORT) {
      ctx.addIssue({ code: 'custom', path: ['HTTP_PORT'], message: 'must differ from TELEGRAM_WEBHOOK_PORT (the webhook has its own listener)' });
    }
    if (env.DISCORD_TOKEN && !env.DISCORD_APPLICATION_ID) {
      ctx.addIssue({ code: 'custom', path: ['DISCORD_APPLICATION_ID'], message: 'required when DISCORD_TOKEN is set' });
    }
  });

