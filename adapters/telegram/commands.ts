import { message, type Assistant, type CommandSpec, type Language } from '../../src/index.ts';
import type { Telegram } from 'telegraf';
import type { BotCommand } from 'telegraf/types';
import type { FollowUpCodec } from './followups.ts';
import { renderAbout, renderHelp, renderNotice, renderStart, renderStats, type RenderedMessage } from './render.ts';
import type { Sender } from './send.ts';

/** Telegram's bounds for a command description, in characters. */
const DESCRIPTION_LENGTH = { min: 3, max: 256 };

/** The core's commands in Telegram's `setMyCommands` shape, described in `language`. */
export function toBotCommands(commands: readonly CommandSpec[], language: Language): BotCommand[] {
  return commands.map((c) => ({
    command: c.name,
    description: c.description[language].slice(0, DESCRIPTION_LENGTH.max).padEnd(DESCRIPTION_LENGTH.min, '.'),
  }));
}

/**
 * Registers the command menu: English as the default, Chinese for users whose app is set to Chinese.
 * A failure is logged by the sender and does not stop the bot: commands still work when typed.
 */
export async function registerCommands(sender: Sender, telegram: Telegram, commands: readonly CommandSpec[]): Promise<void> {
  await Promise.all([
    sender.call('setMyCommands', () => telegram.setMyCommands(toBotCommands(commands, 'en'))),
    sender.call('setMyCommands', () => telegram.setMyCommands(toBotCommands(commands, 'zh'), { language_code: 'zh' })),
  ]);
}

/** What a command asks for: a message to send, or a question for the answer path. */
export type CommandResult = { reply: RenderedMessage } | { question: string };

/**
 * Maps a command to one core call and renders the result. `language` is the user's (from their app),
 * except that a Chinese argument (`/stats 海外仓`) gets Chinese.
 */
export function runCommand(
  assistant: Assistant,
  spec: CommandSpec,
  args: string,
  language: Language,
  codec: FollowUpCodec,
): CommandResult {
  switch (spec.kind) {
    case 'start':
      return { reply: renderStart(assistant.about(language), codec) };
    case 'help':
      return { reply: renderHelp(assistant.about(language), assistant.commands, language, codec) };
    case 'about':
      return { reply: { html: renderAbout(assistant.about(language)) } };
    case 'ask':
      return args === '' ? { reply: renderNotice(message('emptyQuestion', language)) } : { question: args };
    case 'stats':
      return { reply: { html: renderStats(assistant.stats(args || null, language), language) } };
    case 'topic':
      return { reply: { html: renderStats(assistant.stats(spec.topic ?? spec.name, language), language) } };
  }
}
