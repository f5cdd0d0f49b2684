/**
 * Update factories, shaped like the Bot API's: a text message (with the entities Telegram would
 * attach: a leading command and @mentions), a button press, an inline query.
 */

export interface FakeUser {
  id: number;
  is_bot: false;
  first_name: string;
  username: string;
  language_code?: string;
}

export interface FakeChat {
  id: number;
  type: 'private' | 'group' | 'supergroup';
  title?: string;
  first_name?: string;
}

let nextMessageId = 1;

/** A user; `language` is their app's language code. */
export function user(id: number, language = 'en'): FakeUser {
  return { id, is_bot: false, first_name: `User${id}`, username: `user${id}`, language_code: language };
}

/** A supergroup chat (negative id, as Telegram's are). */
export function group(id: number): FakeChat {
  return { id: -Math.abs(id), type: 'supergroup', title: `Group ${id}` };
}

/** The entities Telegram attaches: `bot_command` at the start, `mention` for each @username. UTF-16 offsets. */
export function entitiesOf(text: string): Array<{ type: string; offset: number; length: number }> {
  const entities: Array<{ type: string; offset: number; length: number }> = [];
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
  for (const m of text.matchAll(/(?<![\w@])@[A-Za-z0-9_]{5,32}/g)) entities.push({ type: 'mention', offset: m.index, length: m[0].length });
  return entities;
}

/** A text message from `from` in `chat` (their private chat by default). */
export function textMessage(from: FakeUser, text: string, chat?: FakeChat, replyTo?: Record<string, unknown>): Record<string, unknown> {
  const entities = entitiesOf(text);
  return {
    message_id: nextMessageId++,
    from,
    chat: chat ?? { id: from.id, type: 'private', first_name: from.first_name },
    date: Math.floor(Date.now() / 1000),
    text,
    ...(entities.length > 0 ? { entities } : {}),
    ...(replyTo ? { reply_to_message: replyTo } : {}),
  };
}

/** An update carrying a text message. */
export function messageUpdate(from: FakeUser, text: string, chat?: FakeChat, replyTo?: Record<string, unknown>): Record<string, unknown> {
  return { message: textMessage(from, text, chat, replyTo) };
}

/** A press of a button with `data` under `message` (a message the bot sent). */
export function callbackUpdate(from: FakeUser, message: Record<string, unknown>, data: string): Record<string, unknown> {
  return { callback_query: { id: `cb${nextMessageId++}`, from, message, chat_instance: '42', data } };
}

/** A press of a button under a message sent through inline mode (no chat, only its inline id). */
export function inlineCallbackUpdate(from: FakeUser, inlineMessageId: string, data: string): Record<string, unknown> {
  return { callback_query: { id: `cb${nextMessageId++}`, from, inline_message_id: inlineMessageId, chat_instance: '43', data } };
}

/** `@bot query` typed in any chat. */
export function inlineUpdate(from: FakeUser, query: string): Record<string, unknown> {
  return { inline_query: { id: `iq${nextMessageId++}`, from, query, offset: '' } };
}
