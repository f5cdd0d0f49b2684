/**
 * The one secret scrubber: the logger, every adapter's error paths and every fatal line go through it,
 * so a token can only leak where nothing was scrubbed at all (grammY's `sensitiveLogs` idea). It knows
 * the configured secrets and the shapes in which platform tokens travel in URLs.
 */

const REDACTED = '[redacted]';

/** Secrets shorter than this are not scrubbed by value: they would blank ordinary words. */
const MIN_SECRET_LENGTH = 6;

/** Token shapes scrubbed even when not configured: Telegram's `/bot<token>`, Discord's interaction and webhook tokens. */
const TOKEN_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/\/bot\d+:[A-Za-z0-9_-]+/g, `/bot${REDACTED}`],
  [/(\/interactions\/\d+\/)[^/\s?]+/g, `$1${REDACTED}`],
  [/(\/webhooks\/\d+\/)[^/\s?]+/g, `$1${REDACTED}`],
];

/** Replaces every occurrence of each secret, and every token in a platform URL, with `[redacted]`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join(REDACTED);
  for (const [pattern, replacement] of TOKEN_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** An error as it may be logged or printed: plain fields, every string scrubbed. */
export interface ScrubbedError {
  name: string;
  message: string;
  /** A platform's error code (Telegram's 429, Discord's 50035, Node's ECONNRESET). */
  code?: string | number;
  /** HTTP status, when the error came from a response. */
  status?: string | number;
  method?: string;
  url?: string;
  stack?: string;
}

const isKey = (value: unknown): value is string | number => typeof value === 'string' || typeof value === 'number';

/**
 * Turns any thrown value into a {@link ScrubbedError}. Platform libraries put request URLs, tokens
 * included, into messages, stacks and `url` fields; all of them are scrubbed.
 */
export function scrubError(error: unknown, secrets: readonly string[]): ScrubbedError {
  const scrub = (text: string): string => redactSecrets(text, secrets);
  if (!(error instanceof Error)) return { name: 'NonError', message: scrub(String(error)) };
  const extra = error as Error & { code?: unknown; status?: unknown; method?: unknown; url?: unknown };
  return {
    name: error.name,
    message: scrub(error.message),
    ...(isKey(extra.code) ? { code: extra.code } : {}),
    ...(isKey(extra.status) ? { status: extra.status } : {}),
    ...(typeof extra.method === 'string' ? { method: extra.method } : {}),
    ...(typeof extra.url === 'string' ? { url: scrub(extra.url) } : {}),
    ...(error.stack ? { stack: scrub(error.stack) } : {}),
  };
}

/**
 * A log record's value with every error turned into a {@link ScrubbedError} and every string
 * scrubbed, whatever key it sits under, down to `depth` levels of nesting.
 */
export function scrubValue(value: unknown, secrets: readonly string[], depth = 4): unknown {
  if (typeof value === 'string') return redactSecrets(value, secrets);
  if (value instanceof Error) return scrubError(value, secrets);
  if (depth === 0 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, secrets, depth - 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubValue(v, secrets, depth - 1)]));
}
