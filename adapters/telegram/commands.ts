import type { Command, CommandResult, Language } from '../../src/index.ts';
import type { Telegram } from 'telegraf';
import type { BotCommand } from 'telegraf/types';
import type { ButtonCodec } from '../../src/index.ts';
import { renderAbout, renderAnswer, renderHelp, renderNotice, renderStart, renderStats, type RenderedMessage } from './render.ts';
import type { Sender } from './send.ts';

/** Telegram's bounds for a command description, in characters. */
const DESCRIPTION_LENGTH = { min: 3, max: 256 };

/** The registry's commands in Telegram's `setMyCommands` shape, described in `language`. */
export function toBotCommands(commands: readonly Command[], language: Language): BotCommand[] {
  return commands.map((c) => ({
    command: c.name,
    description: c.description[language].slice(0, DESCRIPTION_LENGTH.max).padEnd(DESCRIPTION_LENGTH.min, '.'),
  }));
}

/**
 * Registers the command menu from the registry: English as the default, Chinese for users whose app
 * is set to Chinese. A failure is logged by the sender and does not stop the bot: commands still work
 * when typed.
 */
export async function registerCommands(sender: Sender, telegram: Telegram, commands: readonly Command[]): Promise<void> {
  await Promise.all([
    sender.call('setMyCommands', () => telegram.setMyCommands(toBotCommands(commands, 'en'))),
    sender.call('setMyCommands', () => telegram.setMyCommands(toBotCommands(commands, 'zh'), { language_code: 'zh' })),
  ]);
}

/** A command's result as one Telegram message; `language` is the command's (for stats punctuation). */
export function renderResult(result: CommandResult, language: Language, codec: ButtonCodec): RenderedMessage {
  switch (result.kind) {
    case 'answer':
      return renderAnswer(result.answer, codec);
    case 'stats':
      return { html: renderStats(result.stats, language) };
    case 'about':
      return { html: renderAbout(result.about) };
    case 'help':
      return renderHelp(result.about, result.commands, language, codec);
    case 'welcome':
      return renderStart(result.about, codec);
    case 'notice':
      return renderNotice(result.text);
  }
}
