import { ActionRowBuilder, ButtonBuilder, ButtonStyle, escapeMarkdown, ModalBuilder, TextInputBuilder, TextInputStyle, type APIEmbed, type APIEmbedField, type AttachmentPayload } from 'discord.js';
import { chartButton, rowOf } from './charts.ts';
import { MAX_FEEDBACK, message, truncate, type AboutInfo, type ButtonCodec, type Answer, type CommandResult, type Knowledge, type Language, type StatItem, type StatsResult } from '../../src/index.ts';
import { COMPONENT_LIMITS, EMBED_LIMITS, fitEmbed, safeText } from './text.ts';

/** What a reply carries; handlers add `allowedMentions` and flags when they send it. */
export interface ReplyPayload {
  embeds: APIEmbed[];
  components: ActionRowBuilder<ButtonBuilder>[];
  /** Uploaded files (a chart's PNG, which an embed shows as `attachment://chart.png`). */
  files?: AttachmentPayload[];
}

/** Embed colours: answers in Dunhuang ochre, declines and notices in Discord's neutral grey. */
const COLOURS = { answer: 0xc8963e, decline: 0x99aab5, stats: 0x2f7d6d } as const;

/** Longest source quote shown under an answer, in characters; the document is named in the footer. */
const QUOTE_MAX = 300;

/** Declines whose question is not worth echoing as the title (empty, or too long to show). */
const UNTITLED_REASONS = new Set(['empty', 'too_long']);

const unique = (values: readonly string[]): string[] => [...new Set(values.filter((v) => v.trim() !== ''))];

/**
 * An answer as one embed: the text as description, each figure as a field, the source quote as a
 * field, document and period in the footer; follow-ups (or, for declines, examples) as buttons.
 */
export function renderAnswer(answer: Answer, codec: ButtonCodec): ReplyPayload {
  const lang = answer.language;
  const fields: APIEmbedField[] = answer.figures.map((f) => ({ name: f.label, value: f.display, inline: true }));
  const quote = answer.sources[0]?.quote.trim();
  if (answer.answered && quote) fields.push({ name: message('source', lang), value: `> ${truncate(quote.replace(/\s+/g, ' '), QUOTE_MAX)}` });
  const footer = [...unique(answer.sources.map((s) => s.document)), unique(answer.figures.map((f) => f.period)).join(', ')]
    .filter((part) => part !== '')
    .join(' · ');
  const showTitle = answer.question.trim() !== '' && !(answer.reason && UNTITLED_REASONS.has(answer.reason));
  const embed: APIEmbed = {
    color: answer.answered ? COLOURS.answer : COLOURS.decline,
    description: answer.text || '…',
    fields,
    // The echoed question is the user's text: escaped so `**`, `_` or `#` show as typed.
    ...(showTitle ? { title: escapeMarkdown(answer.question.trim()) } : {}),
    ...(footer ? { footer: { text: footer } } : {}),
  };
  const votes = answer.key === undefined ? [] : voteButtons(answer.key, codec);
  return { embeds: [fitEmbed(embed)], components: [...questionButtons(answer.followUps, codec), ...rowOf([...chartButton(answer, codec), ...votes])] };
}

/** 👍 / 👎 under an answer, in a row of their own (with 📈) so they never crowd out the follow-ups. */
function voteButtons(key: string, codec: ButtonCodec): ButtonBuilder[] {
  return [
    new ButtonBuilder().setCustomId(codec.vote('up', key)).setEmoji('👍').setStyle(ButtonStyle.Secondary),
    new ButtonBuilder().setCustomId(codec.vote('down', key)).setEmoji('👎').setStyle(ButtonStyle.Secondary),
  ];
}

/** The form a 👎 opens: one short text field for what was wrong. */
export function feedbackForm(key: string, codec: ButtonCodec, language: Language): ModalBuilder {
  const input = new TextInputBuilder()
    .setCustomId(FEEDBACK_FIELD)
    .setLabel(truncate(message('feedbackLabel', language), COMPONENT_LIMITS.modalLabel))
    .setStyle(TextInputStyle.Paragraph)
    .setRequired(false)
    .setMaxLength(MAX_FEEDBACK);
  return new ModalBuilder()
    .setCustomId(codec.note(key))
    .setTitle(truncate(message('feedbackTitle', language), COMPONENT_LIMITS.modalTitle))
    .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input));
}

/** The id of the feedback form's text field. */
export const FEEDBACK_FIELD = 'reason';

function statLine(item: StatItem): string {
  return `**${item.label}**: ${item.display}${item.period ? ` (${item.period})` : ''}`;
}

/**
 * Quick stats as one embed: a field per figure when they fit in Discord's 25 fields, else a field per
 * topic listing its figures. Unknown topics come back as the core's text.
 */
export function renderStats(result: StatsResult, knowledge: Knowledge, language: Language): ReplyPayload {
  if (!result.ok) return { embeds: [fitEmbed({ color: COLOURS.decline, description: result.text })], components: [] };
  let fields: APIEmbedField[];
  if (result.items.length <= EMBED_LIMITS.fields) {
    fields = result.items.map((item) => ({ name: item.label, value: `${item.display}\n*${item.period}*`, inline: true }));
  } else {
    const byTopic = new Map<string, StatItem[]>();
    for (const item of result.items) byTopic.set(item.topic, [...(byTopic.get(item.topic) ?? []), item]);
    fields = [...byTopic].map(([topicId, items]) => ({
      name: knowledge.topics.find((t) => t.id === topicId)?.name[language] ?? topicId,
      value: truncate(items.map(statLine).join('\n'), EMBED_LIMITS.fieldValue),
    }));
  }
  const factIds = new Set(result.items.map((i) => i.factId));
  const documents = unique(knowledge.facts.filter((f) => factIds.has(f.id)).map((f) => f.source.document));
  const description = result.topic?.description[language];
  const embed: APIEmbed = {
    color: COLOURS.stats,
    title: result.title,
    fields,
    ...(description ? { description } : {}),
    ...(documents.length > 0 ? { footer: { text: documents.join(' · ') } } : {}),
  };
  return { embeds: [fitEmbed(embed)], components: [] };
}

/** `/about`: what the bot knows (topics), where it comes from (sources) and examples as buttons. */
export function renderAbout(about: AboutInfo, language: Language, codec: ButtonCodec): ReplyPayload {
  const fields: APIEmbedField[] = [
    { name: message('topics', language), value: about.topics.map((t) => `${t.command ? `\`/${t.command}\` ` : ''}${t.name}: ${t.description}`).join('\n') },
    { name: message('sources', language), value: about.sources.map((s) => `• ${s}`).join('\n') },
  ];
  const embed: APIEmbed = { color: COLOURS.answer, title: about.title, description: about.text, fields };
  return { embeds: [fitEmbed(embed)], components: questionButtons(about.examples, codec) };
}

/** A registry command's result as a Discord reply. */
export function renderResult(result: CommandResult, knowledge: Knowledge, language: Language, codec: ButtonCodec): ReplyPayload {
  switch (result.kind) {
    case 'answer':
      return renderAnswer(result.answer, codec);
    case 'stats':
      return renderStats(result.stats, knowledge, language);
    case 'about':
      return renderAbout(result.about, language, codec);
    case 'help':
    case 'welcome':
      return renderHelp(result.about, language, codec);
    case 'notice':
      return { embeds: [fitEmbed({ color: COLOURS.decline, description: result.text })], components: [] };
  }
}

/** `/help`: how to ask, with the examples listed and offered as buttons. */
export function renderHelp(about: AboutInfo, language: Language, codec: ButtonCodec): ReplyPayload {
  const fields: APIEmbedField[] = [{ name: message('tryAsking', language), value: about.examples.map((e) => `• ${e}`).join('\n') }];
  const embed: APIEmbed = { color: COLOURS.answer, title: about.title, description: about.text, fields };
  return { embeds: [fitEmbed(embed)], components: questionButtons(about.examples, codec) };
}

/**
 * One row of up to five buttons, one per distinct question, ids from the core's button codec (the
 * same codec Telegram uses, within Discord's 100-character custom_id); empty when there is nothing to
 * offer (Discord rejects an empty row).
 */
export function questionButtons(questions: readonly string[], codec: ButtonCodec): ActionRowBuilder<ButtonBuilder>[] {
  const seen = new Set<string>();
  const buttons: ButtonBuilder[] = [];
  for (const question of questions) {
    const label = safeText(question.trim(), COMPONENT_LIMITS.buttonLabel);
    if (label === '') continue;
    const id = codec.encode(question);
    if (seen.has(id)) continue;
    seen.add(id);
    buttons.push(new ButtonBuilder().setCustomId(id).setLabel(label).setStyle(ButtonStyle.Secondary));
    if (buttons.length === COMPONENT_LIMITS.buttonsPerRow) break;
  }
  return buttons.length === 0 ? [] : [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons)];
}
