import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Assistant, CommandSpec } from '../../src/index.ts';
import { COMPONENT_LIMITS, truncate } from './text.ts';

/** The locale the commands are translated for; Discord shows it to clients set to Simplified Chinese. */
const CHINESE_LOCALE = 'zh-CN';

/** Discord's ceiling for a string option's `max_length`. */
const DISCORD_MAX_OPTION_LENGTH = 6000;

/** Option names and descriptions: platform chrome, so they live with the adapter, in both languages. */
export const OPTIONS = {
  question: { name: 'question', en: 'Your question, in English or Chinese', zh: '您的问题（中文或英文）' },
  topic: { name: 'topic', en: 'A topic (leave empty for all)', zh: '主题（留空显示全部）' },
} as const;

/**
 * Core command kinds offered on Discord. `start` is Telegram's welcome; Discord has no such moment
 * (the bot's profile and `/about` cover it).
 */
const DISCORD_KINDS = new Set<CommandSpec['kind']>(['help', 'ask', 'stats', 'about', 'topic']);

function baseCommand(spec: CommandSpec): SlashCommandBuilder {
  return new SlashCommandBuilder()
    .setName(spec.name)
    .setDescription(truncate(spec.description.en, 100))
    .setDescriptionLocalizations({ [CHINESE_LOCALE]: truncate(spec.description.zh, 100) })
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
}

/**
 * The slash commands as Discord's JSON, built from the core's command list: `/ask` with an
 * autocompleted question, `/stats` with a choice per topic, `/about`, `/help` and one per topic.
 * Names stay ASCII; descriptions and topic choices are translated for zh-CN.
 */
export function buildCommands(
  assistant: Assistant,
  options: { maxQuestionLength: number },
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const maxLength = Math.max(1, Math.min(options.maxQuestionLength, DISCORD_MAX_OPTION_LENGTH));
  const topics = assistant.knowledge.topics.slice(0, COMPONENT_LIMITS.choices);
  return assistant.commands
    .filter((spec) => DISCORD_KINDS.has(spec.kind))
    .map((spec) => {
      const command = baseCommand(spec);
      if (spec.kind === 'ask') {
        command.addStringOption((option) =>
          option
            .setName(OPTIONS.question.name)
            .setDescription(OPTIONS.question.en)
            .setDescriptionLocalizations({ [CHINESE_LOCALE]: OPTIONS.question.zh })
            .setRequired(true)
            .setMaxLength(maxLength)
            .setAutocomplete(true),
        );
      }
      if (spec.kind === 'stats') {
        command.addStringOption((option) =>
          option
            .setName(OPTIONS.topic.name)
            .setDescription(OPTIONS.topic.en)
            .setDescriptionLocalizations({ [CHINESE_LOCALE]: OPTIONS.topic.zh })
            .setRequired(false)
            .addChoices(
              ...topics.map((t) => ({
                name: truncate(t.name.en, COMPONENT_LIMITS.choiceText),
                name_localizations: { [CHINESE_LOCALE]: truncate(t.name.zh, COMPONENT_LIMITS.choiceText) },
                value: t.id,
              })),
            ),
        );
      }
      return command.toJSON();
    });
}
