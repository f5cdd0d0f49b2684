import { redactSecrets } from './secrets.ts';

/**
 * gansu-bot's error classes. Callers decide on the class or its `code`, never on message text; each
 * carries its facts as `data`, and its message says what and where in one line. Expected misses
 * (no match, unknown topic) are values, not errors: these are for bad input to a program, bad
 * configuration, broken knowledge files and platforms that refuse to start.
 */

/** What kind of failure an error is; stable, for code to branch on. */
export type ErrorCode = 'usage' | 'config' | 'knowledge' | 'platform_start';

/** The prefix of every fatal line a gansu-bot program prints before it exits. */
export const FATAL_PREFIX = 'gansu-bot: ';

/** The base of gansu-bot's errors: a code to branch on and the data the message was made from. */
export abstract class GansuError extends Error {
  abstract readonly code: ErrorCode;
  abstract readonly data: Readonly<Record<string, string | number>>;
}

/** A command line the program does not understand (unknown option, missing argument): exit code 2. */
export class UsageError extends GansuError {
  override readonly name = 'UsageError';
  readonly code = 'usage';
  constructor(
    readonly problem: string,
    /** One line showing how to call the program. */
    readonly usage: string,
  ) {
    super(`${problem}; usage: ${usage}`);
  }
  get data() {
    return { problem: this.problem, usage: this.usage };
  }
}

/**
 * A configuration value is missing or malformed. Carries where it came from so start-up can say
 * `.env:3 TELEGRAM_WEBHOOK_PORT: expected a port number` and stop.
 */
export class ConfigError extends GansuError {
  override readonly name = 'ConfigError';
  readonly code = 'config';
  constructor(
    readonly variable: string,
    readonly problem: string,
    /** `.env:3` when the value came from a dotenv file, else `environment`. */
    readonly location: string,
  ) {
    super(`${location} ${variable}: ${problem}`);
  }
  get data() {
    return { variable: this.variable, problem: this.problem, location: this.location };
  }
}

/**
 * A knowledge file is unreadable or breaks the schema. The message is one line,
 * `knowledge/trade.yaml:41 facts[3].figures[0].value: expected number`, so an editor can jump to it.
 */
export class KnowledgeError extends GansuError {
  override readonly name = 'KnowledgeError';
  readonly code = 'knowledge';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}:${line} ${field}: ${problem}`);
  }
  get data() {
    return { file: this.file, line: this.line, field: this.field, problem: this.problem };
  }
}

/**
 * A platform could not start: a refused token, an unreachable API, a webhook Telegram would not set.
 * `problem` must already be free of secrets (the adapters scrub it).
 */
export class PlatformStartError extends GansuError {
  override readonly name = 'PlatformStartError';
  readonly code = 'platform_start';
  constructor(
    readonly platform: 'telegram' | 'discord',
    /** The API root or URL it tried. */
    readonly target: string,
    readonly problem: string,
  ) {
    super(`${platform}: could not start against ${target}: ${problem}`);
  }
  get data() {
    return { platform: this.platform, target: this.target, problem: this.problem };
  }
}

/** The process exit code for a fatal error: 2 for usage, 1 for everything else. */
export function exitCodeOf(error: unknown): number {
  return error instanceof UsageError ? 2 : 1;
}

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
