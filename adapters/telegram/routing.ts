import type { Language } from '../../src/index.ts';
import type { Message, MessageEntity } from 'telegraf/types';

/** What to do with one incoming text message. */
export type Route =
  | { kind: 'command'; command: string; args: string }
  | { kind: 'question'; text: string }
  | { kind: 'feedback'; key: string; text: string }
  | { kind: 'ignore' };

/** The bot as routing needs to know it. */
export interface BotIdentity {
  id: number;
  username: string;
}

/** The parts of a Telegram text message routing reads. */
export type IncomingText = Pick<Message.TextMessage, 'text' | 'entities' | 'chat' | 'from' | 'sender_chat' | 'reply_to_message' | 'via_bot'>;

/**
 * Decides whether a message is for the bot, purely from the message. Private chats: every text is a
 * question. Groups: commands (`/cmd` or `/cmd@thisbot`), messages that mention the bot (the mention is
 * cut from the question) and replies to the bot's messages; everything else is ignored so the bot never
 * talks over people. Messages from bots, and our own inline results, are always ignored.
 */
export function routeMessage(message: IncomingText, me: BotIdentity, commands: { has(name: string): boolean }): Route {
  // Anonymous group admins post as a bot with `sender_chat` set; they are people and get answers.
  if ((message.from?.is_bot && !message.sender_chat) || message.via_bot?.id === me.id) return { kind: 'ignore' };
  const isPrivate = message.chat.type === 'private';
  const text = message.text;
  const command = parseCommand(text, message.entities ?? [], me);
  if (command === 'other-bot') return { kind: 'ignore' };
  if (command) {
    if (commands.has(command.command)) return { kind: 'command', ...command };
    return isPrivate ? { kind: 'command', command: 'help', args: '' } : { kind: 'ignore' };
  }
  // The reply to a 👎's "what was wrong?" (its ref names the answer) is feedback, not a question.
  const ref = message.reply_to_message?.from?.id === me.id ? feedbackRef(message.reply_to_message) : null;
  if (ref) return { kind: 'feedback', key: ref, text: text.trim() };
  if (isPrivate) return { kind: 'question', text: text.trim() };

  const mention = (message.entities ?? []).find((e) => isMentionOf(e, text, me));
  if (mention) {
    const rest = text.slice(0, mention.offset) + ' ' + text.slice(mention.offset + mention.length);
    return { kind: 'question', text: rest.replace(/\s+/g, ' ').trim() };
  }
  if (message.reply_to_message?.from?.id === me.id) return { kind: 'question', text: text.trim() };
  return { kind: 'ignore' };
}

/** The answer key in the bot's "what was wrong? … (ref KEY)" prompt, or null for any other message. */
function feedbackRef(message: NonNullable<IncomingText['reply_to_message']>): string | null {
  const text = 'text' in message && typeof message.text === 'string' ? message.text : '';
  return /(?:\(ref |（编号 )([A-Za-z0-9_-]{6,32})[)）]/.exec(text)?.[1] ?? null;
}

function parseCommand(
  text: string,
  entities: readonly MessageEntity[],
  me: BotIdentity,
): { command: string; args: string } | 'other-bot' | null {
  const entity = entities.find((e) => e.type === 'bot_command' && e.offset === 0);
  // Telegram always marks commands; the pattern is a fallback for clients that do not.
  const length = entity?.length ?? /^\/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?/.exec(text)?.[0].length;
  if (!length) return null;
  const [name = '', target] = text.slice(1, length).split('@');
  if (target && target.toLowerCase() !== me.username.toLowerCase()) return 'other-bot';
  return { command: name.toLowerCase(), args: text.slice(length).trim() };
}

function isMentionOf(entity: MessageEntity, text: string, me: BotIdentity): boolean {
  if (entity.type === 'text_mention') return entity.user.id === me.id;
  if (entity.type !== 'mention') return false;
  return text.slice(entity.offset + 1, entity.offset + entity.length).toLowerCase() === me.username.toLowerCase();
}

/** The language for commands and notices: Chinese for any `zh*` language code, else English. */
export function userLanguage(languageCode: string | undefined): Language {
  return languageCode?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
