import { ActionRowBuilder, ButtonBuilder, ButtonStyle, type APIEmbed, type AttachmentPayload } from 'discord.js';
import { message, type Answer, type ButtonCodec, type ChartDescription } from '../../src/index.ts';
import type { ChartPainter } from '../chart/index.ts';
import type { ReplyPayload } from './render.ts';
import { EMBED_LIMITS, fitEmbed } from './text.ts';

/** The attachment's file name, which the embed's image points at. */
export const CHART_FILE = 'chart.png';

/** Discord's limit for an attachment's description (its alt text), in characters. */
const MAX_DESCRIPTION = 1024;

/** Embed colour of a chart on its own: the stats colour. */
const CHART_COLOUR = 0x2f7d6d;

/** The 📈 button for an answer whose figure has a chart (a trend already comes with its picture). */
export function chartButton(answer: Answer, codec: ButtonCodec): ButtonBuilder[] {
  if (!answer.chart || answer.chart.trend) return [];
  return [new ButtonBuilder().setCustomId(codec.chart(answer.chart.measure, answer.language)).setLabel(message('chartButton', answer.language)).setStyle(ButtonStyle.Secondary)];
}

/** A reply that is only the chart: its title, source and as-of date; the numbers are the attachment's alt text. */
export function chartOnly(chart: ChartDescription): ReplyPayload {
  const embed: APIEmbed = { color: CHART_COLOUR, title: chart.title, footer: { text: `${chart.source} · ${chart.asOfLine}` } };
  return { embeds: [fitEmbed(embed)], components: [] };
}

/**
 * `payload` with the chart's PNG attached (alt text in its description) and shown as the first embed's
 * image. If the picture cannot be drawn, `payload` goes as it is (its text still carries the numbers)
 * plus the chart's alt text, so the reply never fails for want of a picture.
 */
export async function withChart(charts: ChartPainter, payload: ReplyPayload, chart: ChartDescription, onError: (error: unknown) => void): Promise<ReplyPayload> {
  const [first, ...rest] = payload.embeds;
  let png: Buffer;
  try {
    png = await charts.png(chart);
  } catch (error) {
    onError(error);
    const text = [first?.description, `${message('chartFailed', chart.language)}\n${chart.alt}`].filter(Boolean).join('\n\n');
    return { ...payload, embeds: [fitEmbed({ ...first, description: text.slice(0, EMBED_LIMITS.description) }), ...rest] };
  }
  const file: AttachmentPayload = { attachment: png, name: CHART_FILE, description: chart.alt.slice(0, MAX_DESCRIPTION) };
  return { ...payload, embeds: [{ ...first, image: { url: `attachment://${CHART_FILE}` } }, ...rest], files: [file] };
}

/** One row holding `buttons` when there are any (Discord rejects an empty row). */
export function rowOf(buttons: ButtonBuilder[]): ActionRowBuilder<ButtonBuilder>[] {
  return buttons.length === 0 ? [] : [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons)];
}
