import { TelegramError } from 'telegraf';

/** True for Telegram's refusal of malformed HTML, which a plain-text resend fixes. */
export function isEntityError(error: unknown): boolean {
  return error instanceof TelegramError && error.code === 400 && /can't parse entities/i.test(error.description);
}
