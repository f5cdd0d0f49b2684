import { TelegramError } from 'telegraf';
import { redactSecrets } from '../../src/index.ts';

/** An error as logged: plain fields, the token scrubbed from every string. */
export interface LoggedError {
  name: string;
  message: string;
  code?: string | number;
  stack?: string;
}

/**
 * Turns any thrown value into a loggable object with `secrets` (the bot token) and any `/bot<token>`
 * URL removed. telegraf puts the request URL, token included, into network errors' messages.
 */
export function safeError(error: unknown, secrets: readonly string[]): LoggedError {
  const scrub = (text: string): string => redactSecrets(text, secrets);
  if (error instanceof TelegramError) {
    return { name: 'TelegramError', message: scrub(error.description), code: error.code };
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return {
      name: error.name,
      message: scrub(error.message),
      ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
      ...(error.stack ? { stack: scrub(error.stack) } : {}),
    };
  }
  return { name: 'NonError', message: scrub(String(error)) };
}

/** True for Telegram's refusal of malformed HTML, which a plain-text resend fixes. */
export function isEntityError(error: unknown): boolean {
  return error instanceof TelegramError && error.code === 400 && /can't parse entities/i.test(error.description);
}
