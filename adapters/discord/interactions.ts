import type { AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction, Interaction } from 'discord.js';
import { message } from '../../src/index.ts';
import type { CommandSpec, Language } from '../../src/index.ts';
import { OPTIONS } from './commands.ts';
import { languageFor, noticeLanguage, type DiscordContext } from './context.ts';
import { QUESTION_BUTTON_PREFIX } from './followups.ts';
import { renderAbout, renderAnswer, renderHelp, renderStats } from './render.ts';
import { guardInteraction, notify, replyInTime } from './respond.ts';
import { COMPONENT_LIMITS, cleanQuestion, truncate } from './text.ts';

/**
 * Routes one interaction (slash command, autocomplete, button) to its handler. Never throws: a failure
 * is logged and the user gets an ephemeral apology.
 */
export async function handleInteraction(context: DiscordContext, interaction: Interaction): Promise<void> {
  await guardInteraction(context, interaction, async () => {
    if (interaction.isAutocomplete()) await suggestQuestions(context, interaction);
    else if (interaction.isChatInputCommand()) await runCommand(context, interaction);
    else if (interaction.isButton()) await askFollowUp(context, interaction);
  });
}

/** Tells the user to wait (ephemerally) when they are inside their cooldown; true when they may go on. */
async function passCooldown(context: DiscordContext, interaction: ChatInputCommandInteraction | ButtonInteraction, language: Language): Promise<boolean> {
  if (context.cooldown(interaction.user.id) === 'allow') return true;
  await notify(interaction, message('cooldown', language));
  return false;
}

async function runCommand(context: DiscordContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const { assistant, catalog } = context;
  const spec: CommandSpec | undefined = assistant.commands.find((c) => c.name === interaction.commandName);
  if (!spec) throw new Error(`gansu-bot discord: unknown command "/${truncate(interaction.commandName, 40)}"`);
  const question = spec.kind === 'ask' ? cleanQuestion(interaction.options.getString(OPTIONS.question.name) ?? '') : '';
  const language = languageFor(question, interaction.locale);
  // The cooldown is for questions; stats, about and help are fixed data, cheap and not "asking".
  if (spec.kind === 'ask' && !(await passCooldown(context, interaction, noticeLanguage(question, interaction.locale)))) return;

  switch (spec.kind) {
    case 'ask':
      await replyInTime(interaction, () => renderAnswer(assistant.ask(question, { language }), catalog));
      return;
    case 'stats':
    case 'topic': {
      const topic = spec.kind === 'topic' ? (spec.topic ?? spec.name) : interaction.options.getString(OPTIONS.topic.name);
      const result = assistant.stats(topic, language);
      await replyInTime(interaction, () => renderStats(result, assistant.knowledge, language), { ephemeral: !result.ok });
      return;
    }
    case 'about':
      await replyInTime(interaction, () => renderAbout(assistant.about(language), language, catalog));
      return;
    case 'help':
    case 'start':
      await replyInTime(interaction, () => renderHelp(assistant.about(language), language, catalog));
      return;
  }
}

/** Autocomplete for `/ask`: questions from the base matching what is typed, or examples before typing. */
async function suggestQuestions(context: DiscordContext, interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused(true);
  if (focused.name !== OPTIONS.question.name) {
    await interaction.respond([]);
    return;
  }
  const partial = String(focused.value).slice(0, context.maxQuestionLength);
  const questions =
    partial.trim() === ''
      ? context.assistant.examples(languageFor('', interaction.locale), COMPONENT_LIMITS.choices)
      : context.assistant.suggest(partial, COMPONENT_LIMITS.choices);
  const choices = [...new Set(questions)]
    .slice(0, COMPONENT_LIMITS.choices)
    .map((q) => truncate(q, COMPONENT_LIMITS.choiceText))
    .map((q) => ({ name: q, value: q }));
  await interaction.respond(choices);
}

/** A follow-up or example button: answers its question as a new reply. */
async function askFollowUp(context: DiscordContext, interaction: ButtonInteraction): Promise<void> {
  if (!interaction.customId.startsWith(QUESTION_BUTTON_PREFIX)) {
    await interaction.deferUpdate();
    return;
  }
  // A button from before a restart whose question the base no longer lists: its label is the question.
  const question = context.catalog.questionFor(interaction.customId) ?? ('label' in interaction.component ? interaction.component.label : null) ?? '';
  const language = languageFor(question, interaction.locale);
  if (!(await passCooldown(context, interaction, noticeLanguage(question, interaction.locale)))) return;
  await replyInTime(interaction, () => renderAnswer(context.assistant.ask(question, { language }), context.catalog));
}
