import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder, type SlashCommandStringOption } from 'discord.js';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { toTraditional, truncate, type Bilingual, type Command, type CommandArgument } from '../../src/index.ts';
import { COMPONENT_LIMITS } from './text.ts';

/** Discord's ceiling for a string option's `max_length`, and for a description, in characters. */
const DISCORD_LIMITS = { optionLength: 6000, description: 100 } as const;

/**
 * Discord's Chinese locales: the codec and the knowledge are in Simplified Chinese, shown as is to
 * zh-CN and converted to Traditional for zh-TW.
 */
function chinese(text: Bilingual, max: number): Record<'zh-CN' | 'zh-TW', string> {
  return { 'zh-CN': truncate(text.zh, max), 'zh-TW': truncate(toTraditional(text.zh), max) };
}

function addArgument(option: SlashCommandStringOption, arg: CommandArgument): SlashCommandStringOption {
  option
    .setName(arg.name)
    .setDescription(truncate(arg.description.en, DISCORD_LIMITS.description))
    .setDescriptionLocalizations(chinese(arg.description, DISCORD_LIMITS.description))
    .setRequired(arg.required);
  if (arg.autocomplete) option.setAutocomplete(true);
  if (arg.maxLength !== undefined) option.setMaxLength(Math.max(1, Math.min(arg.maxLength, DISCORD_LIMITS.optionLength)));
  if (arg.choices) {
    option.addChoices(
      ...arg.choices.slice(0, COMPONENT_LIMITS.choices).map((c) => ({
        name: truncate(c.name.en, COMPONENT_LIMITS.choiceText),
        name_localizations: chinese(c.name, COMPONENT_LIMITS.choiceText),
        value: c.value,
      })),
    );
  }
  return option;
}

/**
 * The registry's Discord commands as Discord's JSON: names stay ASCII; descriptions, argument
 * descriptions and choices are localised for zh-CN and zh-TW. Every argument is a string option.
 */
export function buildCommands(commands: readonly Command[]): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands.map((command) => {
    const builder = new SlashCommandBuilder()
      .setName(command.name)
      .setDescription(truncate(command.description.en, DISCORD_LIMITS.description))
      .setDescriptionLocalizations(chinese(command.description, DISCORD_LIMITS.description))
      .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
      .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
    for (const arg of command.args) builder.addStringOption((option) => addArgument(option, arg));
    return builder.toJSON();
  });
}
