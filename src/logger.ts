import { pino, type Logger } from 'pino';

export type { Logger };

/** Field paths whose values are replaced by `[redacted]` wherever they appear in a log record. */
const REDACT_PATHS = ['token', '*.token', 'config.telegram.token', 'config.discord.token', 'headers.authorization'];

/**
 * The one logger. Writes JSON lines to stderr so stdout stays free for answers (`ask --json`).
 * Secrets are redacted by field name, and {@link redactSecrets} scrubs them from free text.
 */
export function createLogger(level = 'info', secrets: readonly string[] = []): Logger {
  return pino({
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? redactSecrets(arg, secrets) : arg)) as never);
      },
    },
    serializers: {
      err: (err: unknown) => {
        const serialized = pino.stdSerializers.err(err as Error);
        return JSON.parse(redactSecrets(JSON.stringify(serialized), secrets)) as unknown;
      },
    },
  }, pino.destination(2));
}

/** Replaces every occurrence of each secret (and of bot tokens in URLs) with `[redacted]`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 6) out = out.split(secret).join('[redacted]');
  return out.replace(/\/bot\d+:[A-Za-z0-9_-]+/g, '/bot[redacted]');
}
