import { message, type Answer, type ChartDescription, type Language } from '../../src/index.ts';
import type { InlineKeyboardButton } from 'telegraf/types';
import type { ButtonCodec } from '../../src/index.ts';
import { escapeHtml, truncateHtml } from './html.ts';
import type { RenderedMessage } from './render.ts';
import type { Reply } from './replies.ts';
import type { ReplyTarget } from './send.ts';

/** Telegram's limit for a photo caption, in characters. */
export const MAX_CAPTION_LENGTH = 1024;

/** A chart's caption: its title, then the alt text with every number (Telegram has no separate alt text). */
export function chartCaption(chart: ChartDescription): RenderedMessage {
  return { html: truncateHtml(`📈 <b>${escapeHtml(chart.title)}</b>\n${escapeHtml(chart.alt)}`, MAX_CAPTION_LENGTH) };
}

/** The 📈 button under an answer whose figure has a chart (none for a trend, which comes as the picture). */
export function chartButton(answer: Answer, codec: ButtonCodec): InlineKeyboardButton[] {
  if (!answer.chart || answer.chart.trend) return [];
  return [{ text: message('chartButton', answer.language), callback_data: codec.chart(answer.chart.measure, answer.language) }];
}

/** A rendered message as a caption: cut to Telegram's caption limit, tags kept balanced. */
export function asCaption(rendered: RenderedMessage): RenderedMessage {
  return { ...rendered, html: truncateHtml(rendered.html, MAX_CAPTION_LENGTH) };
}

/**
 * `chart` as a photo with `caption` (default: the chart's own), or `fallback` as text when the picture
 * cannot be drawn. Drawn when sent, so the outbox keeps the description, not the PNG.
 */
export function chartReply(target: ReplyTarget, chart: ChartDescription, fallback: RenderedMessage, caption = chartCaption(chart)): Reply {
  return { kind: 'photo', target, chart, caption: asCaption(caption), fallback };
}

/** The text of a chart that cannot be shown: the alt text, under the apology. */
export function chartFallback(chart: ChartDescription, language: Language): RenderedMessage {
  return { html: escapeHtml(`${message('chartFailed', language)}\n${chart.alt}`) };
}
