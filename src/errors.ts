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

type ErrorData = Readonly<Record<string, string | number>>;

/** The base of gansu-bot's errors: a code to branch on and the data the message was made from. */
export abstract class GansuError<D extends ErrorData = ErrorData> extends Error {
  abstract readonly code: ErrorCode;
  constructor(
    message: string,
    readonly data: D,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A command line the program does not understand (unknown option, missing argument): exit code 2. */
export class UsageError extends GansuError<{ problem: string; usage: string }> {
  readonly code = 'usage';
  /** `usage` is one line showing how to call the program. */
  constructor(problem: string, usage: string) {
    super(`${problem}; usage: ${usage}`, { problem, usage });
  }
}

/**
 * A configuration value is missing or malformed. Carries where it came from (`location`: `.env:3`
 * from a dotenv file, else `environment`) so start-up can say `.env:3 TELEGRAM_WEBHOOK_PORT: expected
 * a port number` and stop.
 */
export class ConfigError extends GansuError<{ variable: string; problem: string; location: string }> {
  readonly code = 'config';
  constructor(variable: string, problem: string, location: string) {
    super(`${location} ${variable}: ${problem}`, { variable, problem, location });
  }
}

/**
 * A knowledge file is unreadable or breaks the schema. The message is one line,
 * `knowledge/trade.yaml:41 facts[3].figures[0].value: expected number`, so an editor can jump to it.
 * Its fields stay readable by name, as src/knowledge and its tests use them.
 */
export class KnowledgeError extends GansuError<{ file: string; line: number; field: string; problem: string }> {
  readonly code = 'knowledge';
  readonly file: string;
  readonly line: number;
  readonly field: string;
  constructor(file: string, line: number, field: string, problem: string) {
    super(`${file}:${line} ${field}: ${problem}`, { file, line, field, problem });
    [this.file, this.line, this.field] = [file, line, field];
  }
}

/**
 * A platform could not start (a refused token, an unreachable API, a webhook Telegram would not set)
 * against `target`, the API root or URL it tried. `problem` must already be free of secrets.
 */
export class PlatformStartError extends GansuError<{ platform: 'telegram' | 'discord'; target: string; problem: string }> {
  readonly code = 'platform_start';
  constructor(platform: 'telegram' | 'discord', target: string, problem: string) {
    super(`${platform}: could not start against ${target}: ${problem}`, { platform, target, problem });
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
