import { pino, type Logger } from 'pino';
import { redactSecrets, scrubValue } from './secrets.ts';

export type { Logger };

/** Field paths whose values are replaced by `[redacted]` wherever they appear in a log record. */
const REDACT_PATHS = ['token', '*.token', 'config.telegram.token', 'config.discord.token', 'headers.authorization'];

/**
 * The one logger. Writes JSON lines to stderr so stdout stays free for answers (`ask --json`).
 * Secrets are redacted by field name, and every string and every error in a record, whatever its key,
 * goes through the core's scrubber (`scrubValue`), so an adapter cannot forget to scrub.
 */
export function createLogger(level = 'info', secrets: readonly string[] = [], destination: pino.DestinationStream = pino.destination(2)): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? redactSecrets(arg, secrets) : arg)) as never);
        },
      },
      formatters: { log: (record) => scrubValue(record, secrets) as Record<string, unknown> },
    },
    destination,
  );
}
