import { FATAL_PREFIX, GansuError } from './errors.ts';
import { redactSecrets } from './secrets.ts';

/**
 * The one line a program prints before it exits on `error`, always starting `gansu-bot: `. A
 * gansu-bot error is expected (bad usage, config, knowledge, a platform that would not start) and
 * prints its message; anything else is a bug and prints its stack. Secrets are scrubbed either way.
 */
export function fatalLine(error: unknown, secrets: readonly string[] = []): string {
  if (error instanceof GansuError) return `${FATAL_PREFIX}${redactSecrets(error.message, secrets)}`;
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `${FATAL_PREFIX}unexpected error: ${redactSecrets(detail, secrets)}`;
}
