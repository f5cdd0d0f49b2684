/**
 * A configuration value is missing or malformed. Carries where it came from so start-up can say
 * `.env:3 TELEGRAM_WEBHOOK_PORT: expected a port number` and stop.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly variable: string,
    readonly problem: string,
    /** `.env:3` when the value came from a dotenv file, else `environment`. */
    readonly location: string,
  ) {
    super(`${location} ${variable}: ${problem}`);
  }
}

/**
 * A knowledge file is unreadable or breaks the schema. The message is one line,
 * `knowledge/trade.yaml:41 facts[3].figures[0].value: expected number`, so an editor can jump to it.
 */
export class KnowledgeError extends Error {
  override readonly name = 'KnowledgeError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}:${line} ${field}: ${problem}`);
  }
}
