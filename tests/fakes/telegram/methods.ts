import type { ServerResponse } from 'node:http';
import { pngSize } from '../png.ts';
import { checkTelegramHtml } from './html.ts';

/** A file uploaded in a multipart request. */
export interface UploadedFile {
  filename: string;
  contentType?: string;
  data: Buffer;
}

/** A button as the bot sent it. */
export interface SentButton {
  text: string;
  callback_data?: string;
}

/** An inline keyboard as the bot sent it. */
export interface SentMarkup {
  inline_keyboard: SentButton[][];
}

/** An inline result as the bot sent it. */
export interface SentArticle {
  type: string;
  id: string;
  title: string;
  description?: string;
  input_message_content?: { message_text?: string; parse_mode?: string };
  reply_markup?: SentMarkup;
}

/** A request body (JSON, form or multipart), with the fields tests read typed. */
export interface CallBody {
  [field: string]: unknown;
  chat_id?: number | string;
  text?: string;
  parse_mode?: string;
  reply_markup?: SentMarkup;
  reply_parameters?: { message_id: number; allow_sending_without_reply?: boolean };
  inline_query_id?: string;
  inline_message_id?: string;
  callback_query_id?: string;
  results?: SentArticle[];
  commands?: Array<{ command: string; description: string }>;
  language_code?: string;
  url?: string;
  secret_token?: string;
  offset?: number;
  limit?: number;
  timeout?: number;
  photo?: UploadedFile | string;
  caption?: string;
}

/** What one fake method answers. */
export interface ApiResult {
  status: number;
  payload: { ok: boolean; result?: unknown; error_code?: number; description?: string };
}

/** The fake's memory: pending updates, the held long poll, sent message ids, commands, webhook. */
export interface FakeState {
  me: { id: number; is_bot: true; first_name: string; username: string; [k: string]: unknown };
  updates: Array<{ update_id: number; [k: string]: unknown }>;
  nextUpdateId: number;
  waiter: { wake(): void } | null;
  messageIds: Map<number, number>;
  /** Registered command lists by language code ('' for the default). */
  commands: Map<string, Array<{ command: string; description: string }>>;
  webhook: { url: string; secret: string | undefined } | null;
}

const ok = (result: unknown): ApiResult => ({ status: 200, payload: { ok: true, result } });
const bad = (description: string, status = 400): ApiResult => ({
  status,
  payload: { ok: false, error_code: status, description: status === 400 ? `Bad Request: ${description}` : description },
});

/** Longest long poll, in seconds, whatever the client asks (keeps test shutdown quick). */
const MAX_HOLD_SECONDS = 50;

/** The Bot API methods the adapter uses, checked the way Telegram checks them. */
export function createMethods(state: FakeState): Record<string, (body: CallBody, res: ServerResponse) => ApiResult | 'held'> {
  const checkMarkup = (markup: SentMarkup | undefined): string | null => {
    for (const row of markup?.inline_keyboard ?? []) {
      for (const button of row) {
        if (typeof button.text !== 'string' || button.text === '') return 'BUTTON_TEXT_INVALID';
        if (button.callback_data !== undefined && Buffer.byteLength(String(button.callback_data)) > 64) return 'BUTTON_DATA_INVALID';
      }
    }
    return null;
  };
  const checkText = (text: unknown, parseMode: unknown): { plain: string } | { error: string } => {
    if (typeof text !== 'string') return { error: 'message text is empty' };
    if (parseMode === 'HTML') {
      const checked = checkTelegramHtml(text);
      return checked.ok ? { plain: checked.plain } : { error: checked.error };
    }
    if (text.trim() === '') return { error: 'message text is empty' };
    return text.length > 4096 ? { error: 'message is too long' } : { plain: text };
  };
  const chatOf = (id: number): Record<string, unknown> => (id > 0 ? { id, type: 'private', first_name: 'User' } : { id, type: 'supergroup', title: 'Group' });

  return {
    getMe: () => ok(state.me),
    getUpdates(body, res) {
      if (state.webhook) return bad("Conflict: can't use getUpdates method while webhook is active", 409);
      const offset = Number(body.offset ?? 0);
      const limit = Math.min(Number(body.limit ?? 100), 100);
      // Confirming: updates before the offset are forgotten for good.
      if (offset > 0) state.updates = state.updates.filter((u) => u.update_id >= offset);
      const ready = (): unknown[] => state.updates.filter((u) => u.update_id >= offset).slice(0, limit);
      const timeout = Math.min(Number(body.timeout ?? 0), MAX_HOLD_SECONDS);
      if (ready().length > 0 || timeout <= 0) return ok(ready());
      // Real Telegram ends an older long poll when a newer one arrives.
      state.waiter?.wake();
      const send = (): void => {
        clearTimeout(timer);
        if (state.waiter === waiter) state.waiter = null;
        if (!res.writableEnded && !res.destroyed) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, result: ready() }));
      };
      const timer = setTimeout(send, timeout * 1000);
      const waiter = { wake: send };
      state.waiter = waiter;
      res.on('close', () => {
        clearTimeout(timer);
        if (state.waiter === waiter) state.waiter = null;
      });
      return 'held';
    },
    sendMessage(body) {
      const chatId = Number(body.chat_id);
      if (!Number.isFinite(chatId) || chatId === 0) return bad('chat not found');
      const text = checkText(body.text, body.parse_mode);
      if ('error' in text) return bad(text.error);
      const markupError = checkMarkup(body.reply_markup);
      if (markupError) return bad(markupError);
      const messageId = (state.messageIds.get(chatId) ?? 1000) + 1;
      state.messageIds.set(chatId, messageId);
      return ok({ message_id: messageId, from: state.me, chat: chatOf(chatId), date: Math.floor(Date.now() / 1000), text: text.plain });
    },
    /** Photos must come as a multipart upload of a valid PNG within Telegram's size rules; captions as valid HTML of at most 1,024 characters. */
    sendPhoto(body) {
      const chatId = Number(body.chat_id);
      if (!Number.isFinite(chatId) || chatId === 0) return bad('chat not found');
      const photo = body.photo;
      if (typeof photo !== 'object' || !Buffer.isBuffer(photo.data)) return bad('there is no photo in the request');
      const size = pngSize(photo.data);
      if ('error' in size) return bad(`IMAGE_PROCESS_FAILED: ${size.error}`);
      if (size.width + size.height > 10_000 || size.width / size.height > 20 || size.height / size.width > 20) return bad('PHOTO_INVALID_DIMENSIONS');
      let caption = '';
      if (body.caption !== undefined) {
        const checked = body.parse_mode === 'HTML' ? checkTelegramHtml(String(body.caption), 1024) : { ok: true as const, plain: String(body.caption) };
        if (!checked.ok) return bad(checked.error);
        if (checked.plain.length > 1024) return bad('message caption is too long');
        caption = checked.plain;
      }
      const markupError = checkMarkup(body.reply_markup);
      if (markupError) return bad(markupError);
      const messageId = (state.messageIds.get(chatId) ?? 1000) + 1;
      state.messageIds.set(chatId, messageId);
      const photoSize = { file_id: `photo${messageId}`, file_unique_id: `u${messageId}`, width: size.width, height: size.height, file_size: photo.data.length };
      return ok({ message_id: messageId, from: state.me, chat: chatOf(chatId), date: Math.floor(Date.now() / 1000), photo: [photoSize], caption });
    },
    editMessageText(body) {
      const text = checkText(body.text, body.parse_mode);
      if ('error' in text) return bad(text.error);
      const markupError = checkMarkup(body.reply_markup);
      if (markupError) return bad(markupError);
      if (body.inline_message_id) return ok(true);
      return ok({ message_id: Number(body.message_id), from: state.me, chat: chatOf(Number(body.chat_id)), date: 0, text: text.plain });
    },
    answerCallbackQuery: (body) => (body.callback_query_id ? ok(true) : bad('query is too old and response timeout expired or query ID is invalid')),
    answerInlineQuery(body) {
      const results = body.results;
      if (!body.inline_query_id || !Array.isArray(results)) return bad('QUERY_ID_INVALID');
      if (results.length > 50) return bad('RESULTS_TOO_MUCH');
      const ids = new Set<string>();
      for (const r of results) {
        if (typeof r.id !== 'string' || Buffer.byteLength(r.id) > 64 || ids.has(r.id)) return bad('RESULT_ID_INVALID');
        ids.add(r.id);
        const content = r.input_message_content;
        const text = checkText(content?.message_text, content?.parse_mode);
        if ('error' in text) return bad(text.error);
        const markupError = checkMarkup(r.reply_markup);
        if (markupError) return bad(markupError);
      }
      return ok(true);
    },
    setMyCommands(body) {
      const commands = body.commands;
      if (!Array.isArray(commands) || commands.length > 100) return bad('BOT_COMMANDS_TOO_MUCH');
      for (const c of commands) {
        if (!/^[a-z0-9_]{1,32}$/.test(c.command)) return bad('BOT_COMMAND_INVALID');
        if (typeof c.description !== 'string' || c.description.length < 1 || c.description.length > 256) return bad('BOT_COMMAND_DESCRIPTION_INVALID');
      }
      state.commands.set(body.language_code ?? '', commands);
      return ok(true);
    },
    getMyCommands: (body) => ok(state.commands.get(String(body.language_code ?? '')) ?? []),
    deleteWebhook() {
      state.webhook = null;
      return ok(true);
    },
    setWebhook(body) {
      if (typeof body.url !== 'string' || !/^https?:\/\//.test(body.url)) return bad('bad webhook: invalid URL');
      state.webhook = { url: body.url, secret: body.secret_token };
      return ok(true);
    },
    sendChatAction: () => ok(true),
  };
}
