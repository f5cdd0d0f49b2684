import { MessageFlags } from 'discord.js';
import type { AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction, Interaction, ModalSubmitInteraction } from 'discord.js';
import { message, truncate } from '../../src/index.ts';
import type { Answer, ChartDescription, Language, Origin } from '../../src/index.ts';
import { chartOnly, withChart } from './charts.ts';
import { conversationOf, languageFor, noticeLanguage, type DiscordContext } from './context.ts';
import { FEEDBACK_FIELD, feedbackForm, renderAnswer, renderResult } from './render.ts';
import { guardInteraction, notify, replyInTime } from './respond.ts';
import { COMPONENT_LIMITS, cleanQuestion } from './text.ts';

/**
 * Routes one interaction (slash command, autocomplete, button) to its handler. Never throws: a failure
 * is logged and the user gets an ephemeral apology.
 */
export async function handleInteraction(context: DiscordContext, interaction: Interaction): Promise<void> {
  await guardInteraction(context, interaction, async () => {
    if (interaction.isAutocomplete()) await suggestQuestions(context, interaction);
    else if (interaction.isChatInputCommand()) await runCommand(context, interaction);
    else if (interaction.isButton()) await askFollowUp(context, interaction);
    else if (interaction.isModalSubmit()) await takeFeedback(context, interaction);
  });
}

/** Who is asking, for the inbox (a guild channel is a group; a DM is private). */
function originOf(interaction: Interaction): Origin {
  return { platform: 'discord', chat: interaction.inGuild() ? 'group' : 'private', user: interaction.user.id };
}


/** Tells the user to wait (ephemerally) when they are inside their cooldown; true when they may go on. */
async function passCooldown(context: DiscordContext, interaction: ChatInputCommandInteraction | ButtonInteraction, language: Language): Promise<boolean> {
  if ((await context.cooldown(interaction.user.id)) === 'allow') return true;
  await notify(interaction, message('cooldown', language));
  return false;
}

/** A slash command: its options become the registry command's arguments; the result is rendered as an embed. */
async function runCommand(context: DiscordContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const { assistant, codec } = context;
  const command = assistant.commands.find(interaction.commandName);
  if (!command?.platforms.includes('discord')) throw new Error(`discord: unknown command "/${truncate(interaction.commandName, 40)}"`);
  const args = Object.fromEntries(
    command.args.map((arg) => [arg.name, cleanQuestion(interaction.options.getString(arg.name) ?? '')] as const).filter(([, value]) => value !== ''),
  );
  const question = command.asksQuestion ? Object.values(args).join(' ') : '';
  const language = languageFor(question, interaction.locale);
  // The cooldown is for questions; stats, about and help are fixed data, cheap and not "asking".
  if (command.asksQuestion && !(await passCooldown(context, interaction, noticeLanguage(question, interaction.locale)))) return;
  const result = await command.run({ args, language, platform: 'discord', from: originOf(interaction), conversation: conversationOf(interaction.channelId, interaction.user.id) });
  const ephemeral = result.kind === 'notice' || (result.kind === 'stats' && !result.stats.ok);
  const rendered = renderResult(result, assistant.knowledge, language, codec);
  // `/trend` and trend answers come with their chart as the embed's image.
  const chart = result.kind === 'stats' ? result.chart : result.kind === 'answer' ? trendChart(context, result.answer) : undefined;
  await replyInTime(interaction, () => (chart ? withChart(context.charts, rendered, chart, chartError(context)) : rendered), { ephemeral, deferFirst: deferFirst(context, chart) });
}

/** The chart that goes with a trend answer, if it has one. */
function trendChart(context: DiscordContext, answer: Answer): ChartDescription | undefined {
  const chart = answer.chart?.trend ? context.assistant.chart(answer.chart.measure, answer.language) : null;
  return chart?.ok ? chart.chart : undefined;
}

/** A chart is a slow path (a cold render takes hundreds of ms); rate-limited callbacks leave no time for work first. */
const deferFirst = (context: DiscordContext, chart: ChartDescription | undefined): boolean => chart !== undefined || context.callbacksLimited();

const chartError = (context: DiscordContext) => (error: unknown) => context.logger.error({ error: context.describeError(error) }, 'chart could not be drawn; replying with the numbers');

/** Autocomplete for `/ask`: questions from the base matching what is typed, or examples before typing. */
async function suggestQuestions(context: DiscordContext, interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const argument = context.assistant.commands.find(interaction.commandName)?.args.find((a) => a.name === focused.name);
  if (!argument?.autocomplete) {
    await interaction.respond([]);
    return;
  }
  const partial = String(focused.value).slice(0, context.maxQuestionLength);
  if (argument.suggest) {
    const language = languageFor(partial, interaction.locale);
    const values = argument.suggest(partial, language).slice(0, COMPONENT_LIMITS.choices);
    await interaction.respond(values.map((v) => ({ name: truncate(v.name, COMPONENT_LIMITS.choiceText), value: v.value })));
    return;
  }
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

/** A follow-up or example button: answers its question as a new reply; an expired one says so politely. */
async function askFollowUp(context: DiscordContext, interaction: ButtonInteraction): Promise<void> {
  const press = context.codec.decode(interaction.customId);
  if (press.kind === 'vote' || press.kind === 'note') {
    const language = languageFor('', interaction.locale);
    const outcome = context.assistant.feedback(originOf(interaction), press.kind === 'vote' ? press.vote : 'down', press.key, null);
    // A first 👎 opens the form that asks what was wrong; anything else is acknowledged only to the user.
    if (press.kind === 'vote' && press.vote === 'down' && outcome.first) await interaction.showModal(feedbackForm(press.key, context.codec, language));
    else await interaction.reply({ content: message('feedbackNoted', language), flags: MessageFlags.Ephemeral });
    return;
  }
  if (press.kind === 'foreign') {
    await interaction.deferUpdate();
    return;
  }
  if (press.kind === 'chart') {
    const chart = context.assistant.chart(press.measure, press.language);
    if (!chart.ok) return void (await notify(interaction, message('chartMissing', press.language, { measure: press.measure })));
    if (!(await passCooldown(context, interaction, press.language))) return;
    await replyInTime(interaction, () => withChart(context.charts, chartOnly(chart.chart), chart.chart, chartError(context)), { deferFirst: true });
    return;
  }
  if (press.kind === 'expired') {
    await notify(interaction, message('buttonExpired', languageFor('', interaction.locale)));
    return;
  }
  const language = languageFor(press.question, interaction.locale);
  if (!(await passCooldown(context, interaction, noticeLanguage(press.question, interaction.locale)))) return;
  const options = { language, from: originOf(interaction), conversation: conversationOf(interaction.channelId, interaction.user.id) };
  const answer = await context.assistant.ask(press.question, options);
  const chart = trendChart(context, answer);
  const rendered = renderAnswer(answer, context.codec);
  await replyInTime(interaction, () => (chart ? withChart(context.charts, rendered, chart, chartError(context)) : rendered), { deferFirst: deferFirst(context, chart) });
}

/** The 👎 form sent back: its text goes to the inbox with the answer it was about; the thanks only the user sees. */
async function takeFeedback(context: DiscordContext, interaction: ModalSubmitInteraction): Promise<void> {
  const press = context.codec.decode(interaction.customId);
  const language = languageFor('', interaction.locale);
  if (press.kind !== 'note') return void (await interaction.reply({ content: message('buttonExpired', language), flags: MessageFlags.Ephemeral }));
  const text = interaction.fields.getTextInputValue(FEEDBACK_FIELD).trim();
  if (text !== '') context.assistant.feedback(originOf(interaction), 'down', press.key, text);
  await interaction.reply({ content: message('feedbackThanks', language), flags: MessageFlags.Ephemeral });
}
